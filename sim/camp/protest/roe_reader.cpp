#include "sim/camp/protest/roe_reader.hpp"

#include <limits>
#include <string>

namespace campsim::camp::protest {

using scenario::Need;

RulesOfEngagement read_rules_of_engagement(scenario::MapReader in) {
  RulesOfEngagement roe;
  scenario::MapReader steps = in.map("steps");
  for (int s = 0; s < kForceSteps; ++s) {
    const auto step = static_cast<ForceStep>(s);
    StepRule& rule = roe.steps[static_cast<std::size_t>(s)];
    scenario::MapReader r = steps.map(name(step));
    r.boolean("permitted", rule.permitted);
    r.choice("authority", rule.authority, Need::Optional,
             {{"on_scene", Authority::on_scene},
              {"gate_commander", Authority::gate_commander},
              {"company_commander", Authority::company_commander},
              {"police_commander", Authority::police_commander},
              {"force_commander", Authority::force_commander}});
    r.distribution("delay", rule.delay, Need::Optional, scenario::ValueUnit::Duration,
                   scenario::Range{0.0, std::numeric_limits<double>::infinity()});
    r.choice("earliest", rule.earliest, Need::Optional,
             {{"gathering", CrowdLevel::gathering},
              {"chanting", CrowdLevel::chanting},
              {"stone_throwing", CrowdLevel::stone_throwing},
              {"molotov", CrowdLevel::molotov},
              {"breach_attempt", CrowdLevel::breach_attempt}});
  }
  scenario::MapReader lang = in.map("interpreters");
  lang.boolean("french", roe.interpreters.french);
  lang.boolean("songhai", roe.interpreters.songhai);
  lang.boolean("tamasheq", roe.interpreters.tamasheq);
  lang.boolean("fulfulde", roe.interpreters.fulfulde);
  return roe;
}

}  // namespace campsim::camp::protest
