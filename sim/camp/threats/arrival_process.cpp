#include "sim/camp/threats/arrival_process.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

namespace {
double mean_weight(const ArrivalProfile& p) {
  return std::accumulate(p.hour_weights.begin(), p.hour_weights.end(), 0.0) / 24.0;
}
double growth_factor(const ArrivalProfile& p, SimTime t) {
  return math::pow(1.0 + p.annual_growth, t / (365 * engine::kDay));
}
}  // namespace

double arrival_rate(const ArrivalProfile& profile, SimTime t, SimTime start_time_of_day) {
  const double mean = mean_weight(profile);
  if (profile.per_day <= 0 || mean <= 0) return 0;
  const SimTime tod = engine::time_of_day(start_time_of_day, t);
  const int hour = static_cast<int>(tod / engine::kHour) % 24;
  return profile.per_day / engine::kDay * (profile.hour_weights[hour] / mean) * growth_factor(profile, t);
}

std::vector<SimTime> arrival_times(const ArrivalProfile& profile, SimTime end, SimTime start_time_of_day,
                                   const engine::StreamKey& key) {
  std::vector<SimTime> times;
  for (SimTime t : profile.scripted)
    if (t >= 0 && t < end) times.push_back(t);
  const double mean = mean_weight(profile);
  if (profile.per_day > 0 && mean > 0) {
    // The largest rate anywhere in [0, end) bounds the candidates' rate.
    const double peak_weight = *std::max_element(profile.hour_weights.begin(), profile.hour_weights.end());
    const double peak = profile.per_day / engine::kDay * (peak_weight / mean) *
                        std::max(growth_factor(profile, 0), growth_factor(profile, end));
    engine::RandomStream rng(key);
    for (SimTime t = rng.exponential(1.0 / peak); t < end; t += rng.exponential(1.0 / peak))
      if (rng.uniform01() * peak < arrival_rate(profile, t, start_time_of_day)) times.push_back(t);
  }
  std::sort(times.begin(), times.end());
  return times;
}

}  // namespace campsim::camp
