#pragma once
// Everything a scenario says about protests at the gate: the town that may turn out, the crowd
// that marches and stands at the gate, what stones, fire and force do, and the rules of
// engagement. Every default's source or "assumed" with its reason: docs/protest.md.
#include <string>
#include <vector>

#include "sim/camp/protest/civil_violence.hpp"
#include "sim/camp/protest/escalation_ladder.hpp"
#include "sim/camp/protest/interpreters.hpp"
#include "sim/camp/protest/legitimacy.hpp"
#include "sim/camp/protest/rules_of_engagement.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp::protest {

using engine::SimTime;

// Who may turn out, decided once a day (mobilisation.hpp).
struct TownParams {
  int residents = 5000;              // assumed: the people within a march of the gate who might join
  SimTime decides_at = 10 * engine::kHour;  // assumed: a morning march (27 Jan 2015 was by day)
  double security_in_vision = 4.0;   // mean police or soldiers a resident sees in town (Poisson), assumed
  int residents_in_vision = 20;      // other residents a resident sees (Epstein's local vision), assumed
  double daily_shock_p90 = 1.35;     // the day's common hardship factor: lognormal, median 1, this p90 (assumed)
  int min_crowd = 400;               // actives needed for a march on the camp (assumed: about 2 marches a year at baseline legitimacy)
  int max_crowd = 5000;              // at most this many march ("thousands" on 27 Jan 2015)
  double unexplained_per_year = 4;   // mission decisions nobody explains to the town (assumed)
  double engagement = 0.5;           // community engagement intensity, 0 none .. 1 full programme (assumed)
  // After the force kills a civilian the mission engages fully (apology, inquiry, compensation,
  // meetings with families) for this many days (assumed: after 27 January 2015 the UN named an
  // inquiry within three weeks and reported within ten).
  double response_days = 60;
};

// The march and the crowd at the gate (the crowd kernel moves them).
struct GateCrowdParams {
  std::string gate = "main_gate";       // the gate they march on; must face the town
  double gathers_m = 300;               // the march starts this far from the gate (assumed)
  double stand_density = 2.0;           // persons/m^2 in front of the gate when they stand (assumed)
  double step = 0.25;                   // s, the pedestrian model's time step (docs/crowd.md)
  SimTime settle_within = 15 * engine::kMinute;  // after this a march or flight counts as done (assumed)
  // Before that, a march or flight is done when the crowd has come to rest (crowd_settling.hpp):
  // over a whole window its walkers got nearer their places by no more than settle_progress_m on
  // average. Assumed from the kernel's physics (docs/protest.md): a walker closes any gap ahead
  // within a few time gaps (0.5 s), so a minute is long enough to tell a jam from a slow walk (a
  // minute is 80 m at the march's speed); 0.1 m a minute is a quarter of a body's width, under a
  // third of one 0.25 s step at that speed: a crowd whose mean advance is below it stands.
  SimTime settle_window = engine::kMinute;
  double settle_progress_m = 0.1;
  // How often the crowd's state and the force's action are reassessed (assumed: the rhythm of a
  // commander's situation reports; the ladder moves at most one rung per assessment).
  SimTime evaluate_every = 5 * engine::kMinute;
  SimTime max_duration = 8 * engine::kHour;      // a protest ends by dusk at the latest (assumed)
  double vision_m = 15;                 // how far a protester sees police or soldiers (assumed)
  double provocations_per_hour = 0.5;   // an arrest, an insult, a vehicle forcing through (assumed)
};

// What each side does to the other.
struct ProtestEffects {
  double stone_hits_per_active_hour = 0.01;     // force members hurt per active thrower-hour (assumed)
  double fire_hits_per_active_hour = 0.005;     // Molotov cocktails, likewise (assumed)
  double barrier_protection = 0.5;              // share of stone and fire hits a barrier stops (assumed)
  // A "use" is an assessment interval in which the force takes that step (evaluate_every).
  double lethal_hits_per_use = 1.5;             // protesters hit per use of lethal force (assumed: a few aimed rounds)
  double gunshot_lethality = 0.35;              // share of those hit who die (assumed: civilian firearm injuries)
  double warning_shot_hits_per_use = 0.05;      // ricochets and misaimed warning shots (assumed)
  double gunfire_flee_radius_m = 100;           // who sees or hears the shots close enough to run: a whole crowd of thousands (assumed)
  double warning_shot_flee_share = 0.3;         // of those, after warning shots (assumed)
  double lethal_flee_share = 0.7;               // of those, after live fire at the crowd (assumed)
  double tear_gas_radius_m = 20;                // who flees a canister's cloud (assumed)
  double tear_gas_flee_share = 0.6;             // of those inside it (assumed)
  double negotiation_home_share = 0.3;          // quiet members who go home after a successful round (assumed)
  double breach_per_hour = 0.1;                 // at breach attempt, before barriers (assumed)
  double civilians_to_un_hospital = 0.2;        // hurt protesters brought to the camp's hospital (assumed); the rest to Gao's
  std::string force_contingent = "CHN";         // the guards at the gate
  std::string police_contingent = "UNPOL";      // the formed police unit
  int police_at_gate = 35;                      // formed police unit platoon (27 Jan 2015: a 35-member platoon)
};

// A protest that happens at a given time whatever the town decides (a replay).
struct ScriptedProtest {
  SimTime at = 0;
  int size = 0;
  int unexplained_decisions_before = 0;  // decisions that fell on the town just before (27 Jan 2015: Tabankort)
};

struct ProtestParams {
  bool enabled = false;
  bool town_decides = true;  // the daily Epstein mobilisation; off for a replay of one protest
  TownParams town;
  GateCrowdParams crowd;
  ProtestEffects effects;
  CivilViolenceParams activation;
  LegitimacyParams legitimacy;
  EscalationParams escalation;
  RulesOfEngagement rules;
  LanguageMix languages;
  NegotiationParams negotiation;
  std::vector<ScriptedProtest> scripted;
};

}  // namespace campsim::camp::protest
