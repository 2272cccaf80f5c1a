#pragma once
// The escalation ladder of a protest at a gate: one explicit state per rung and one transition
// function. The crowd climbs or descends one rung per evaluation, driven by a "pressure" built
// from its own state (size, density, share of active members, provocations, losses) and from
// what the force just did. Between the climb and the descent thresholds of a rung the crowd
// stays where it is (hysteresis), so a crowd does not flicker between rungs. A civilian killed
// by the force (a loss) weighs heavily: the funerals-and-anger effect reported around violent
// demonstrations. All weights are assumed (no source gives them): docs/protest.md.
#include <array>
#include <cstdint>
#include <string_view>

#include "sim/camp/core/crowd_levels.hpp"

namespace campsim::camp::protest {

struct CrowdSituation {
  int size = 0;               // people at the gate
  double density = 0.0;       // persons / m^2 in front of the gate
  double active_share = 0.0;  // share of the crowd active (Epstein), [0, 1]
  int provocations = 0;       // since the last evaluation (an arrest, an insult, a vehicle forcing through)
  int losses = 0;             // civilians killed or injured by the force since the last evaluation
};

struct EscalationParams {
  double weight_active = 0.5;
  double weight_density = 0.2;
  double critical_density = 2.0;  // persons / m^2 at which density weighs fully
  double weight_size = 0.2;
  double reference_size = 500.0;  // people at which size weighs fully
  double weight_provocation = 0.1;
  double weight_loss = 0.5;
  // Pressure added by each action (negative calms). Negotiation's is scaled by how well the
  // crowd is understood (interpreters.hpp): its entry is the effect at full understanding.
  std::array<double, kForceActions> action_effect = {0.0, -0.3, -0.05, -0.05, -0.15, -0.05, 0.3};
  // climb[k]: pressure at which level k climbs to k+1 (k = gathering .. molotov).
  std::array<double, kCrowdLevels> climb = {1e9, 0.3, 0.45, 0.6, 0.75, 1e9};
  double hysteresis = 0.1;      // a level above gathering descends when pressure < climb[level - 1] - hysteresis
  double disperse_below = 0.1;  // a gathering goes home below this pressure
};

// The pressure the crowd is under; `understanding` in [0, 1] scales negotiation's effect.
double escalation_pressure(const CrowdSituation& s, ForceAction action, double understanding,
                           const EscalationParams& params);

// One rung up, one rung down, or stay. A dispersed crowd stays dispersed (a new protest is a new
// gathering); a breach attempt is the top.
CrowdLevel next_level(CrowdLevel current, const CrowdSituation& s, ForceAction action, double understanding,
                      const EscalationParams& params);

}  // namespace campsim::camp::protest
