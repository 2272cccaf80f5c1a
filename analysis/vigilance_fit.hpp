#pragma once
// Fitting the within-watch vigilance decrement to the vigilance literature (docs/vigilance.md).
//
// The model (sim/camp/human_factors.hpp): v(t) = floor + (1 - floor) e^(-t / decay_time) with
// v(0) = 1 (a fresh sentry). Vigilance experiments report the share of signals detected in each
// period of the watch (Mackworth's clock test: four half hours), so the model is compared with
// them as period averages relative to the first period:
//   avg(a, b) = floor + (1 - floor) (tau / (b - a)) (e^(-a/tau) - e^(-b/tau)),
//   r_k = avg(period k) / avg(period 1),
// and (floor, decay_time) are fitted by least squares on r_2..r_n (r_1 = 1 by construction).
#include <vector>

namespace campsim::analysis {

struct WatchPeriod {
  double from_min = 0, to_min = 0;  // minutes on post
  double detected = 0;              // share of signals detected in the period (any scale)
};

struct DecrementFit {
  double floor = 0;
  double decay_time_min = 0;
  double sum_squares = 0;           // of the relative residuals r_k(model) - r_k(data), k >= 2
  std::vector<double> relative_data, relative_model;  // r_k, k = 1..n
};

// The model's mean vigilance over [from, to] minutes on post.
double period_mean_vigilance(double floor, double decay_time_min, double from_min, double to_min);

// r_k of the model for the given periods.
std::vector<double> relative_period_means(double floor, double decay_time_min, const std::vector<WatchPeriod>& periods);

// Sum of squared relative residuals of (floor, decay_time) against the periods' data.
double decrement_misfit(double floor, double decay_time_min, const std::vector<WatchPeriod>& periods);

// Least squares over floor in [0, 1) and decay_time in [1, 240] min: a grid (0.001 x 0.1 min),
// deterministic. Needs at least two periods.
DecrementFit fit_watch_decrement(const std::vector<WatchPeriod>& periods);

}  // namespace campsim::analysis
