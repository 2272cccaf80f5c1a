#pragma once
// Reads the `protests:` section of a scenario (every key optional; defaults in
// protest_params.hpp, sources in docs/protest.md):
//
//   protests:
//     enabled: true                 # default: the section is there
//     town_decides: true            # the daily march decision; false in a replay of one protest
//     town: {residents: 5000, decides_at: 10h, security_in_vision: 4, residents_in_vision: 20,
//            daily_shock_p90: 1.35, min_crowd: 400, max_crowd: 5000, unexplained_per_year: 4, engagement: 0.5}
//     crowd: {gate: main_gate, gathers_m: 300, stand_density: 2, step: 0.25s, settle_within: 15min,
//             evaluate_every: 5min, max_duration: 8h, vision_m: 15, provocations_per_hour: 0.5}
//     effects: {stone_hits_per_active_hour: 0.002, ..., police_at_gate: 35}
//     activation: {arrest_constant: 2.3, threshold: 0.1}
//     legitimacy: {baseline: 0.8, fall_per_death: 0.1, ...}
//     escalation: {weight_active: 0.5, ..., climb: {gathering: 0.3, chanting: 0.45, stone_throwing: 0.6, molotov: 0.75},
//                  action_effect: {negotiate: -0.3, ..., lethal_force: 0.3}, hysteresis: 0.1, disperse_below: 0.1}
//     rules_of_engagement: {steps: {...}, interpreters: {...}}   # roe_reader.hpp
//     languages: {songhai: 0.70, tamasheq: 0.12, fulfulde: 0.10, other: 0.08, french_understood: 0.30}
//     negotiation: {success_chance: 0.6, round_minutes: 15, without_language: 0.2}
//     scripted: [{at: 9h, size: 2500, unexplained_decisions_before: 3}]
#include "sim/camp/layout.hpp"
#include "sim/camp/protest/protest_params.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp::protest {

// `enabled` defaults to whether the section is present (`present`) and is recorded either way.
// The gate must be one of the layout's.
ProtestParams read_protests(scenario::MapReader in, const CampLayout& layout, bool present);

}  // namespace campsim::camp::protest
