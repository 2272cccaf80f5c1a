#include "sim/stats/sample_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace campsim::stats {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double mean_of(const std::vector<double>& values) {
  if (values.empty()) return kNaN;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double quantile_type7(std::vector<double> values, double p) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

nlohmann::ordered_json mean_or_null(const std::vector<double>& values) {
  if (values.empty()) return nullptr;
  return mean_of(values);
}

}  // namespace campsim::stats
