#include "sim/camp/protest/mobilisation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/engine/poisson.hpp"

namespace campsim::camp::protest {

std::vector<Resident> draw_town(int residents, engine::RandomStream& random) {
  std::vector<Resident> town;
  town.reserve(static_cast<std::size_t>(std::max(residents, 0)));
  for (int i = 0; i < residents; ++i) town.push_back(draw_resident(random));
  return town;
}

Turnout turnout_with(std::span<const Resident> town, std::span<const int> cops_in_vision, double legitimacy,
                     double shock, int residents_in_vision, const CivilViolenceParams& params) {
  if (town.size() != cops_in_vision.size()) throw std::invalid_argument("turnout_with: one C per resident");
  Turnout t;
  t.shock = shock;
  if (town.empty()) return t;
  const double n = static_cast<double>(town.size());
  int active = 0;
  // Bounded by the number of distinct neighbour counts: each step raises others_active by one or more.
  for (int step = 0; step <= residents_in_vision + 1; ++step) {
    const int others = static_cast<int>(std::floor(active / n * residents_in_vision));
    int next = 0;
    for (std::size_t i = 0; i < town.size(); ++i) {
      Resident r = town[i];
      r.hardship = std::min(1.0, r.hardship * shock);
      next += is_active(r, legitimacy, cops_in_vision[i], others, params) ? 1 : 0;
    }
    t.iterations = step + 1;
    if (next == active) break;
    active = next;
  }
  t.active = active;
  return t;
}

Turnout daily_turnout(std::span<const Resident> town, double legitimacy, const TownParams& p,
                      const CivilViolenceParams& params, engine::RandomStream& random) {
  const double shock = random.lognormal_median_p90(1.0, p.daily_shock_p90);
  std::vector<int> cops(town.size());
  for (int& c : cops) c = engine::poisson_count(random, p.security_in_vision);
  return turnout_with(town, cops, legitimacy, shock, p.residents_in_vision, params);
}

}  // namespace campsim::camp::protest
