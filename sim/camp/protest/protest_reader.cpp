#include "sim/camp/protest/protest_reader.hpp"

#include <cmath>
#include <string>

#include "sim/camp/protest/roe_reader.hpp"

namespace campsim::camp::protest {

using scenario::Need;
using scenario::Range;

namespace {

constexpr Range kShare{0, 1};
constexpr Range kNonNegative{0, 1e9};

void read_town(scenario::MapReader in, TownParams& t) {
  in.integer("residents", t.residents, Need::Optional, Range{0, 1000000});
  in.duration("decides_at", t.decides_at, Need::Optional, Range{0, engine::kDay});
  in.number("security_in_vision", t.security_in_vision, Need::Optional, Range{0, 50});
  in.integer("residents_in_vision", t.residents_in_vision, Need::Optional, Range{0, 1000});
  in.number("daily_shock_p90", t.daily_shock_p90, Need::Optional, Range{1.0001, 10});
  in.integer("min_crowd", t.min_crowd, Need::Optional, Range{1, 1000000});
  in.integer("max_crowd", t.max_crowd, Need::Optional, Range{1, 100000});
  in.number("unexplained_per_year", t.unexplained_per_year, Need::Optional, Range{0, 365});
  in.number("engagement", t.engagement, Need::Optional, kShare);
  in.number("response_days", t.response_days, Need::Optional, Range{0, 3650});
}

void read_crowd(scenario::MapReader in, GateCrowdParams& c, const CampLayout& layout) {
  in.text("gate", c.gate);
  bool known = false;
  for (const Gate& g : layout.gates) known |= g.name == c.gate;
  if (!known) in.fail("gate", "the name of a gate in camp.gates", "'" + c.gate + "'");
  in.number("gathers_m", c.gathers_m, Need::Optional, Range{20, 5000});
  in.number("stand_density", c.stand_density, Need::Optional, Range{0.2, 5});
  in.duration("step", c.step, Need::Optional, Range{0.01, 0.5});
  in.duration("settle_within", c.settle_within, Need::Optional, Range{60, 6 * engine::kHour});
  in.duration("settle_window", c.settle_window, Need::Optional, Range{1, 6 * engine::kHour});
  in.number("settle_progress_m", c.settle_progress_m, Need::Optional, Range{0.001, 10});
  in.duration("evaluate_every", c.evaluate_every, Need::Optional, Range{10, engine::kHour});
  in.duration("max_duration", c.max_duration, Need::Optional, Range{engine::kMinute, 3 * engine::kDay});
  in.number("vision_m", c.vision_m, Need::Optional, Range{1, 200});
  in.number("provocations_per_hour", c.provocations_per_hour, Need::Optional, Range{0, 60});
}

void read_effects(scenario::MapReader in, ProtestEffects& e) {
  in.number("stone_hits_per_active_hour", e.stone_hits_per_active_hour, Need::Optional, Range{0, 1});
  in.number("fire_hits_per_active_hour", e.fire_hits_per_active_hour, Need::Optional, Range{0, 1});
  in.number("barrier_protection", e.barrier_protection, Need::Optional, kShare);
  in.number("lethal_hits_per_use", e.lethal_hits_per_use, Need::Optional, Range{0, 10});
  in.number("gunshot_lethality", e.gunshot_lethality, Need::Optional, kShare);
  in.number("warning_shot_hits_per_use", e.warning_shot_hits_per_use, Need::Optional, Range{0, 10});
  in.number("gunfire_flee_radius_m", e.gunfire_flee_radius_m, Need::Optional, Range{1, 500});
  in.number("warning_shot_flee_share", e.warning_shot_flee_share, Need::Optional, kShare);
  in.number("lethal_flee_share", e.lethal_flee_share, Need::Optional, kShare);
  in.number("tear_gas_radius_m", e.tear_gas_radius_m, Need::Optional, Range{1, 200});
  in.number("tear_gas_flee_share", e.tear_gas_flee_share, Need::Optional, kShare);
  in.number("negotiation_home_share", e.negotiation_home_share, Need::Optional, kShare);
  in.number("breach_per_hour", e.breach_per_hour, Need::Optional, Range{0, 60});
  in.number("civilians_to_un_hospital", e.civilians_to_un_hospital, Need::Optional, kShare);
  in.text("force_contingent", e.force_contingent);
  in.text("police_contingent", e.police_contingent);
  in.integer("police_at_gate", e.police_at_gate, Need::Optional, Range{0, 1000});
}

void read_escalation(scenario::MapReader in, EscalationParams& p) {
  in.number("weight_active", p.weight_active, Need::Optional, kNonNegative);
  in.number("weight_density", p.weight_density, Need::Optional, kNonNegative);
  in.number("critical_density", p.critical_density, Need::Optional, Range{0.01, 10});
  in.number("weight_size", p.weight_size, Need::Optional, kNonNegative);
  in.number("reference_size", p.reference_size, Need::Optional, Range{1, 1e7});
  in.number("weight_provocation", p.weight_provocation, Need::Optional, kNonNegative);
  in.number("weight_loss", p.weight_loss, Need::Optional, kNonNegative);
  in.number("hysteresis", p.hysteresis, Need::Optional, Range{0, 1});
  in.number("disperse_below", p.disperse_below, Need::Optional, Range{0, 10});
  scenario::MapReader climb = in.map("climb");
  for (int k = static_cast<int>(CrowdLevel::gathering); k < static_cast<int>(CrowdLevel::breach_attempt); ++k)
    climb.number(name(static_cast<CrowdLevel>(k)), p.climb[static_cast<std::size_t>(k)], Need::Optional, Range{0, 10});
  for (int k = static_cast<int>(CrowdLevel::chanting); k < static_cast<int>(CrowdLevel::breach_attempt); ++k)
    if (p.climb[static_cast<std::size_t>(k)] <= p.climb[static_cast<std::size_t>(k - 1)])
      climb.fail(name(static_cast<CrowdLevel>(k)), "a threshold above the rung below's",
                 std::to_string(p.climb[static_cast<std::size_t>(k)]));
  scenario::MapReader effect = in.map("action_effect");
  for (int a = 1; a < kForceActions; ++a)
    effect.number(name(static_cast<ForceAction>(a)), p.action_effect[static_cast<std::size_t>(a)], Need::Optional,
                  Range{-10, 10});
}

}  // namespace

ProtestParams read_protests(scenario::MapReader in, const CampLayout& layout, bool present) {
  ProtestParams p;
  p.enabled = present;
  in.boolean("enabled", p.enabled);
  in.boolean("town_decides", p.town_decides);
  read_town(in.map("town"), p.town);
  if (p.town.min_crowd > p.town.max_crowd)
    in.map("town").fail("min_crowd", "at most max_crowd (" + std::to_string(p.town.max_crowd) + ")",
                        std::to_string(p.town.min_crowd));
  read_crowd(in.map("crowd"), p.crowd, layout);
  read_effects(in.map("effects"), p.effects);
  scenario::MapReader activation = in.map("activation");
  activation.number("arrest_constant", p.activation.arrest_constant, Need::Optional, Range{0, 100});
  activation.number("threshold", p.activation.threshold, Need::Optional, Range{-1, 1});
  scenario::MapReader legit = in.map("legitimacy");
  legit.number("baseline", p.legitimacy.baseline, Need::Optional, kShare);
  legit.number("fall_per_death", p.legitimacy.fall_per_death, Need::Optional, kShare);
  legit.number("fall_per_injury", p.legitimacy.fall_per_injury, Need::Optional, kShare);
  legit.number("fall_per_unexplained", p.legitimacy.fall_per_unexplained, Need::Optional, kShare);
  legit.number("recovery_per_day", p.legitimacy.recovery_per_day, Need::Optional, kShare);
  read_escalation(in.map("escalation"), p.escalation);
  p.rules = read_rules_of_engagement(in.map("rules_of_engagement"));
  scenario::MapReader lang = in.map("languages");
  lang.number("songhai", p.languages.songhai, Need::Optional, kShare);
  lang.number("tamasheq", p.languages.tamasheq, Need::Optional, kShare);
  lang.number("fulfulde", p.languages.fulfulde, Need::Optional, kShare);
  lang.number("other", p.languages.other, Need::Optional, kShare);
  lang.number("french_understood", p.languages.french_understood, Need::Optional, kShare);
  const double sum = p.languages.songhai + p.languages.tamasheq + p.languages.fulfulde + p.languages.other;
  if (std::abs(sum - 1.0) > 1e-6) lang.fail("other", "main-language shares that sum to 1", "a sum of " + std::to_string(sum));
  scenario::MapReader talk = in.map("negotiation");
  talk.number("success_chance", p.negotiation.success_chance, Need::Optional, kShare);
  talk.number("round_minutes", p.negotiation.round_minutes, Need::Optional, Range{0.1, 600});
  talk.number("without_language", p.negotiation.without_language, Need::Optional, Range{0.01, 1});
  in.list("scripted", Need::Optional, [&](scenario::MapReader& item, std::size_t) {
    ScriptedProtest s;
    item.duration("at", s.at, Need::Required, Range{0, 11 * 366 * engine::kDay});
    item.integer("size", s.size, Need::Required, Range{1, 100000});
    item.integer("unexplained_decisions_before", s.unexplained_decisions_before, Need::Optional, Range{0, 100});
    p.scripted.push_back(s);
  });
  return p;
}

}  // namespace campsim::camp::protest
