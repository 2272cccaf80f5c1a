#include "sim/camp/fight/stray_round.hpp"

#include <cmath>
#include <limits>
#include <numbers>

#include "sim/engine/portable_math.hpp"

namespace campsim::fight {

double miss_spread_m(double half_width_m, double hit_chance) {
  if (hit_chance >= 1) return 0;
  if (hit_chance <= 0) return std::numeric_limits<double>::infinity();
  // (2 Phi(a / s) - 1)^2 = q  =>  Phi(a / s) = (1 + sqrt q) / 2  =>  s = a / Phi^-1((1 + sqrt q) / 2)
  // (Phi^-1 with the portable log: Boost's erf_inv calls glibc's, whose bits depend on the CPU).
  return half_width_m / math::normal_quantile((1 + std::sqrt(hit_chance)) / 2);
}

double passes_within(double offset_m, double half_width_m, double spread_m) {
  if (!(spread_m > 0)) return std::abs(offset_m) < half_width_m ? 1.0 : 0.0;  // no spread: on the line
  if (std::isinf(spread_m)) return 0;
  // Phi(z) = erfc(-z / sqrt 2) / 2.
  const auto phi = [](double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); };
  const double y = std::abs(offset_m);
  const double across = phi((y + half_width_m) / spread_m) - phi((y - half_width_m) / spread_m);
  const double up = std::erf(half_width_m / (spread_m * std::numbers::sqrt2));  // 2 Phi(a / s) - 1
  return across * up;
}

LinePlace place_on_line(Point from, Point towards, Point p) {
  const double dx = towards.x - from.x, dy = towards.y - from.y;
  const double length = std::hypot(dx, dy);
  if (length <= 0) return {};
  const double ux = dx / length, uy = dy / length;
  const double px = p.x - from.x, py = p.y - from.y;
  return {px * ux + py * uy, px * uy - py * ux};
}

}  // namespace campsim::fight
