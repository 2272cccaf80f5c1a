#pragma once
// Rules of engagement for a protest at a gate: the escalation-of-force steps in order, who must
// authorize each, how long authorization takes, and from which rung of the escalation ladder
// the force asks for it; and the controller that never uses a step before it is authorized.
// Defaults and their reasoning: docs/protest.md (all assumed; the lead ties the delays to the
// same chain of command that approves CASEVAC).
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "sim/camp/protest/escalation_ladder.hpp"
#include "sim/camp/protest/interpreters.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp::protest {

// In escalation order.
enum class ForceStep : std::uint8_t { negotiate, warn, barrier, tear_gas, warning_shots, lethal_force };
inline constexpr int kForceSteps = 6;
std::string_view name(ForceStep step);
ForceAction action_of(ForceStep step);

// Who may authorize a step. on_scene: the soldier or section at the gate, no request needed
// (negotiation; lethal force in self-defence, an inherent right).
enum class Authority : std::uint8_t { on_scene, gate_commander, company_commander, police_commander, force_commander };
std::string_view name(Authority authority);

struct StepRule {
  bool permitted = true;
  Authority authority = Authority::on_scene;
  engine::Distribution delay = engine::Distribution::fixed(0.0);  // seconds from request to authorization
  CrowdLevel earliest = CrowdLevel::gathering;                    // the force asks for it from this rung
};

struct RulesOfEngagement {
  std::array<StepRule, kForceSteps> steps = default_steps();
  InterpretersAtGate interpreters;

  static std::array<StepRule, kForceSteps> default_steps();
  const StepRule& rule(ForceStep step) const { return steps[static_cast<std::size_t>(step)]; }
};

// Authorization requests and their answers for one protest.
class Authorizations {
 public:
  // Asks once per step (later calls do nothing). The authorization comes at now + a delay drawn
  // from the step's distribution; a step that is not permitted is never authorized.
  void request(ForceStep step, double now, const RulesOfEngagement& rules, engine::RandomStream& random);
  bool requested(ForceStep step) const { return requested_at_[index(step)].has_value(); }
  std::optional<double> requested_at(ForceStep step) const { return requested_at_[index(step)]; }
  std::optional<double> granted_at(ForceStep step) const { return granted_at_[index(step)]; }
  bool granted(ForceStep step, double now) const;

 private:
  static std::size_t index(ForceStep step) { return static_cast<std::size_t>(step); }
  std::array<std::optional<double>, kForceSteps> requested_at_{}, granted_at_{};
};

// The escalation-of-force controller. At each evaluation it asks for every permitted step the
// crowd's rung calls for (earliest <= level) that it has not asked for yet, then uses the
// strongest of those steps already authorized, or nothing. It never uses a step that is not
// authorized at that instant (tested).
class EscalationOfForce {
 public:
  explicit EscalationOfForce(RulesOfEngagement rules) : rules_(std::move(rules)) {}

  struct Use {
    ForceStep step;
    double at;
  };

  ForceAction act(CrowdLevel level, double now, engine::RandomStream& random);
  const Authorizations& authorizations() const { return authorizations_; }
  std::span<const Use> uses() const { return uses_; }
  const RulesOfEngagement& rules() const { return rules_; }

 private:
  RulesOfEngagement rules_;
  Authorizations authorizations_;
  std::vector<Use> uses_;
};

}  // namespace campsim::camp::protest
