#include "sim/batch/design_quality.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/engine/portable_math.hpp"

namespace campsim::batch {

std::vector<std::vector<double>> unit_cube(const LevelMatrix& levels) {
  const double n = static_cast<double>(levels.size());
  std::vector<std::vector<double>> out;
  out.reserve(levels.size());
  for (const auto& row : levels) {
    std::vector<double> point;
    point.reserve(row.size());
    for (int level : row) point.push_back((level + 0.5) / n);
    out.push_back(std::move(point));
  }
  return out;
}

double minimum_distance(const std::vector<std::vector<double>>& points) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t a = 0; a < points.size(); ++a)
    for (std::size_t b = a + 1; b < points.size(); ++b) {
      double sum = 0;
      for (std::size_t j = 0; j < points[a].size(); ++j) sum += (points[a][j] - points[b][j]) * (points[a][j] - points[b][j]);
      best = std::min(best, sum);
    }
  return std::sqrt(best);
}

double modified_l2_discrepancy(const std::vector<std::vector<double>>& points) {
  if (points.empty()) return 0.0;
  const double n = static_cast<double>(points.size());
  const std::size_t d = points[0].size();
  double single = 0;
  for (const auto& x : points) {
    double product = 1;
    for (double v : x) product *= (3.0 - v * v) / 2.0;
    single += product;
  }
  double pairs = 0;
  for (const auto& x : points)
    for (const auto& y : points) {
      double product = 1;
      for (std::size_t j = 0; j < d; ++j) product *= 2.0 - std::max(x[j], y[j]);
      pairs += product;
    }
  const double squared = math::pow(4.0 / 3.0, static_cast<double>(d)) - 2.0 / n * single + pairs / (n * n);
  return std::sqrt(std::max(0.0, squared));
}

}  // namespace campsim::batch
