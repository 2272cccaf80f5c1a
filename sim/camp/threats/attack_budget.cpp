#include "sim/camp/threats/attack_budget.hpp"

#include <cmath>
#include <numeric>

#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

double expected_arrivals(const ArrivalProfile& profile, SimTime end) {
  double scripted = 0;
  for (SimTime t : profile.scripted) scripted += (t >= 0 && t < end) ? 1 : 0;
  const double weight = std::accumulate(profile.hour_weights.begin(), profile.hour_weights.end(), 0.0);
  if (profile.per_day <= 0 || weight <= 0 || end <= 0) return scripted;  // as arrival_rate: no random arrivals
  const double years = end / (365 * engine::kDay);
  const double log_growth = math::log1p(profile.annual_growth);
  // Integral over [0, end) of per_day * (1 + g)^(t / year), in days: per_day * 365 * ((1+g)^Y - 1) / ln(1+g);
  // for g -> 0 it tends to per_day * days (taken directly, to avoid 0/0).
  const double days = std::abs(log_growth) < 1e-12 ? end / engine::kDay
                                                   : 365 * math::expm1(log_growth * years) / log_growth;
  return scripted + profile.per_day * days;
}

double expected_attacks(const ThreatParams& t, SimTime end) {
  return expected_arrivals(t.indirect_fire.arrivals, end) + expected_arrivals(t.vehicle_bomb.arrivals, end) +
         expected_arrivals(t.infiltration.arrivals, end) + expected_arrivals(t.complex_attack.arrivals, end) +
         expected_arrivals(roadside_arrivals(t.roadside_bomb), end);
}

}  // namespace campsim::camp
