#pragma once
// Who joins a protest: Epstein's civil violence model (J. M. Epstein, "Modeling civil violence:
// An agent-based computational approach", PNAS 99 suppl. 3:7243-7250, 2002), the activation rule
// of his "Model I". A resident with hardship H and risk aversion R (both U(0, 1) in Epstein)
// facing a force of legitimacy L:
//   grievance           G = H (1 - L)
//   arrest probability  P = 1 - exp(-k C / A),  C = police/soldiers in vision,
//                                                A = 1 + active residents in vision (oneself)
//   net risk            N = R P
//   active              when G - N > T
// The counts come from the crowd kernel's local vision (CrowdWorld::counted_neighbours) or from
// any other neighbourhood the caller chooses. Parameters and sources: docs/protest.md.
#include "sim/engine/random.hpp"

namespace campsim::camp::protest {

struct CivilViolenceParams {
  double arrest_constant = 2.3;  // k: Epstein 2002, so that P = 0.9 when C = 1 and A = 1
  double threshold = 0.1;        // T: Epstein 2002
};

struct Resident {
  double hardship = 0.0;       // H in [0, 1]
  double risk_aversion = 0.0;  // R in [0, 1]
};

// H and R independently U(0, 1), as in Epstein 2002 (two draws, in that order).
Resident draw_resident(engine::RandomStream& random);

double grievance(double hardship, double legitimacy);
// cops >= 0, other_actives >= 0 (the resident counts itself, so A >= 1).
double estimated_arrest_probability(int cops_in_vision, int other_actives_in_vision, double arrest_constant);
double net_risk(double risk_aversion, double arrest_probability);
bool is_active(const Resident& resident, double legitimacy, int cops_in_vision, int other_actives_in_vision,
               const CivilViolenceParams& params);

}  // namespace campsim::camp::protest
