#include "analysis/vigilance_fit.hpp"

#include <cmath>
#include <stdexcept>

namespace campsim::analysis {

double period_mean_vigilance(double floor, double decay_time_min, double from_min, double to_min) {
  const double tau = decay_time_min;
  return floor + (1 - floor) * tau / (to_min - from_min) * (std::exp(-from_min / tau) - std::exp(-to_min / tau));
}

std::vector<double> relative_period_means(double floor, double decay_time_min, const std::vector<WatchPeriod>& periods) {
  std::vector<double> r;
  const double first = period_mean_vigilance(floor, decay_time_min, periods.front().from_min, periods.front().to_min);
  for (const WatchPeriod& p : periods) r.push_back(period_mean_vigilance(floor, decay_time_min, p.from_min, p.to_min) / first);
  return r;
}

double decrement_misfit(double floor, double decay_time_min, const std::vector<WatchPeriod>& periods) {
  const std::vector<double> model = relative_period_means(floor, decay_time_min, periods);
  double sum = 0;
  for (std::size_t k = 1; k < periods.size(); ++k) {
    const double data = periods[k].detected / periods.front().detected;
    sum += (model[k] - data) * (model[k] - data);
  }
  return sum;
}

DecrementFit fit_watch_decrement(const std::vector<WatchPeriod>& periods) {
  if (periods.size() < 2) throw std::invalid_argument("fit_watch_decrement: need at least two periods");
  constexpr int kFloorSteps = 1000;   // floor 0.000 .. 0.999
  constexpr int kTauSteps = 2391;     // decay time 1.0 .. 240.0 min in 0.1 min
  DecrementFit best;
  best.sum_squares = INFINITY;
  for (int i = 0; i < kFloorSteps; ++i)
    for (int j = 0; j < kTauSteps; ++j) {
      const double floor = i / 1000.0, tau = 1.0 + j / 10.0;
      const double s = decrement_misfit(floor, tau, periods);
      if (s < best.sum_squares) best.sum_squares = s, best.floor = floor, best.decay_time_min = tau;
    }
  for (const WatchPeriod& p : periods) best.relative_data.push_back(p.detected / periods.front().detected);
  best.relative_model = relative_period_means(best.floor, best.decay_time_min, periods);
  return best;
}

}  // namespace campsim::analysis
