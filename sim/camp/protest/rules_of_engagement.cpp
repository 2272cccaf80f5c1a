#include "sim/camp/protest/rules_of_engagement.hpp"

#include <stdexcept>

namespace campsim::camp::protest {

std::string_view name(ForceStep step) {
  switch (step) {
    case ForceStep::negotiate: return "negotiate";
    case ForceStep::warn: return "warn";
    case ForceStep::barrier: return "barrier";
    case ForceStep::tear_gas: return "tear_gas";
    case ForceStep::warning_shots: return "warning_shots";
    case ForceStep::lethal_force: return "lethal_force";
  }
  return "?";
}

ForceAction action_of(ForceStep step) { return static_cast<ForceAction>(static_cast<int>(step) + 1); }

std::string_view name(Authority authority) {
  switch (authority) {
    case Authority::on_scene: return "on_scene";
    case Authority::gate_commander: return "gate_commander";
    case Authority::company_commander: return "company_commander";
    case Authority::police_commander: return "police_commander";
    case Authority::force_commander: return "force_commander";
  }
  return "?";
}

std::array<StepRule, kForceSteps> RulesOfEngagement::default_steps() {
  using engine::Distribution;
  std::array<StepRule, kForceSteps> s{};
  s[0] = {true, Authority::on_scene, Distribution::fixed(0.0), CrowdLevel::gathering};
  s[1] = {true, Authority::gate_commander, Distribution::fixed(60.0), CrowdLevel::chanting};
  s[2] = {true, Authority::gate_commander, Distribution::lognormal(120.0, 300.0), CrowdLevel::chanting};
  s[3] = {true, Authority::police_commander, Distribution::lognormal(900.0, 2700.0), CrowdLevel::stone_throwing};
  s[4] = {true, Authority::company_commander, Distribution::lognormal(300.0, 900.0), CrowdLevel::molotov};
  s[5] = {true, Authority::on_scene, Distribution::fixed(0.0), CrowdLevel::breach_attempt};
  return s;
}

void Authorizations::request(ForceStep step, double now, const RulesOfEngagement& rules, engine::RandomStream& random) {
  const std::size_t i = index(step);
  if (requested_at_[i]) return;
  requested_at_[i] = now;
  const StepRule& rule = rules.rule(step);
  if (!rule.permitted) return;
  const double delay = rule.authority == Authority::on_scene ? 0.0 : rule.delay.sample(random);
  if (delay < 0.0) throw std::invalid_argument("rules of engagement: an authorization delay cannot be negative");
  granted_at_[i] = now + delay;
}

bool Authorizations::granted(ForceStep step, double now) const {
  const auto at = granted_at_[index(step)];
  return at.has_value() && *at <= now;
}

ForceAction EscalationOfForce::act(CrowdLevel level, double now, engine::RandomStream& random) {
  if (level == CrowdLevel::dispersed) return ForceAction::none;
  for (int s = 0; s < kForceSteps; ++s) {
    const auto step = static_cast<ForceStep>(s);
    const StepRule& rule = rules_.rule(step);
    if (rule.permitted && rule.earliest <= level) authorizations_.request(step, now, rules_, random);
  }
  for (int s = kForceSteps - 1; s >= 0; --s) {
    const auto step = static_cast<ForceStep>(s);
    if (rules_.rule(step).earliest <= level && authorizations_.granted(step, now)) {
      uses_.push_back(Use{step, now});
      return action_of(step);
    }
  }
  return ForceAction::none;
}

}  // namespace campsim::camp::protest
