#pragma once
// Does the town march on the camp today? Epstein's activation rule (civil_violence.hpp) applied
// to every resident of the town at once, with local vision:
//   - each resident sees C police or soldiers, C ~ Poisson(security_in_vision), drawn per day;
//   - and residents_in_vision others, of whom the town's share of actives are active: that share
//     is what everyone decides, so the day's turnout is the smallest fixed point of
//     share = (residents active when others_active = floor(share * residents_in_vision)) / N,
//     found by iterating from nobody. Turnout rises with the share (safety in numbers: A grows,
//     the arrest probability falls), so the iteration climbs monotonically and stops: a
//     cascade, Epstein's "punctuated equilibrium", on a day of hardship.
//   - the day's hardship: every resident's H is multiplied by a common factor (prices, a power
//     cut, a rumour), lognormal with median 1 (capped at H = 1).
#include <span>
#include <vector>

#include "sim/camp/protest/civil_violence.hpp"
#include "sim/camp/protest/protest_params.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp::protest {

struct Turnout {
  int active = 0;       // residents active at the fixed point
  double shock = 1.0;   // the day's hardship factor
  int iterations = 0;   // steps of the cascade until it stopped
};

// The town's residents for a whole run (their H and R do not change; legitimacy does).
std::vector<Resident> draw_town(int residents, engine::RandomStream& random);

// Active residents with the given hardship factor; cops_in_vision per resident (same length).
Turnout turnout_with(std::span<const Resident> town, std::span<const int> cops_in_vision, double legitimacy,
                     double shock, int residents_in_vision, const CivilViolenceParams& params);

// One day: draws the shock and every resident's C from `random`, then turnout_with.
Turnout daily_turnout(std::span<const Resident> town, double legitimacy, const TownParams& town_params,
                      const CivilViolenceParams& params, engine::RandomStream& random);

}  // namespace campsim::camp::protest
