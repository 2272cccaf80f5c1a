#pragma once
// Reads a rules-of-engagement policy from YAML:
//
//   steps:
//     warn:    {permitted: true, authority: gate_commander, delay: 1min, earliest: chanting}
//     tear_gas: {authority: police_commander, delay: {dist: lognormal, median: 15min, p90: 45min}}
//   interpreters: {french: true, songhai: false, tamasheq: false, fulfulde: false}
//
// Every key is optional (the defaults of rules_of_engagement.hpp); every error is located.
#include "sim/camp/protest/rules_of_engagement.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp::protest {

RulesOfEngagement read_rules_of_engagement(scenario::MapReader in);

}  // namespace campsim::camp::protest
