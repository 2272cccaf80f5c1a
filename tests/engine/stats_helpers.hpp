#pragma once
// Shared statistical yardsticks for engine tests. Every bound is 5 standard errors: with a
// fixed seed a test is deterministic, and 5 sigma means a correct implementation would fail
// such a check with probability ~6e-7 for the seed we happened to choose.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace campsim::engine::test {

inline constexpr double kSigmas = 5.0;

inline double sample_mean(const std::vector<double>& xs) {
  double sum = 0.0;
  for (const double x : xs) sum += x;
  return sum / static_cast<double>(xs.size());
}

inline double sample_variance(const std::vector<double>& xs) {
  const double m = sample_mean(xs);
  double sum = 0.0;
  for (const double x : xs) sum += (x - m) * (x - m);
  return sum / static_cast<double>(xs.size() - 1);
}

// Fraction of samples <= q. If q is the true p-quantile this is Binomial(N, p)/N, whose
// standard error is sqrt(p(1-p)/N).
inline double fraction_at_or_below(const std::vector<double>& xs, double q) {
  const auto count = std::count_if(xs.begin(), xs.end(), [q](double x) { return x <= q; });
  return static_cast<double>(count) / static_cast<double>(xs.size());
}

inline double binomial_tolerance(double p, std::size_t n) {
  return kSigmas * std::sqrt(p * (1.0 - p) / static_cast<double>(n));
}

}  // namespace campsim::engine::test
