#include "sim/camp/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace campsim::camp {

double distance(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

bool within_distance(Point a, Point b, double r) {
  // dx * dx + dy * dy is within a few units in the last place of the true squared distance, and
  // hypot within one of the true distance; a margin of 1e-9 (relative) is far wider than both,
  // so outside it the squared distance gives hypot's answer. Inside it, or where the squares
  // could underflow, overflow or be NaN, hypot decides.
  constexpr double kMargin = 1e-9;
  constexpr double kSmallest = 1e-200, kLargest = 1e200;  // r * r well inside the normal range
  const double dx = a.x - b.x, dy = a.y - b.y;
  const double d2 = dx * dx + dy * dy, r2 = r * r;
  if (r >= 0 && r2 >= kSmallest && r2 <= kLargest) {
    if (d2 > r2 * (1 + kMargin)) return false;
    if (d2 < r2 * (1 - kMargin)) return true;
  }
  return distance(a, b) <= r;
}

double signed_area(std::span<const Point> polygon) {
  double twice_area = 0;
  for (std::size_t i = 0, n = polygon.size(); i < n; ++i) {
    const Point& a = polygon[i];
    const Point& b = polygon[(i + 1) % n];
    twice_area += a.x * b.y - b.x * a.y;
  }
  return twice_area / 2;
}

double perimeter_length(std::span<const Point> polygon) {
  double length = 0;
  for (std::size_t i = 0, n = polygon.size(); i < n; ++i) length += distance(polygon[i], polygon[(i + 1) % n]);
  return length;
}

bool contains(std::span<const Point> polygon, Point p) {
  bool inside = false;
  for (std::size_t i = 0, n = polygon.size(), j = n - 1; i < n; j = i++) {
    const Point& a = polygon[i];
    const Point& b = polygon[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

namespace {
double distance_to_segment(Point p, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length_squared = dx * dx + dy * dy;
  if (length_squared == 0) return distance(p, a);
  const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length_squared, 0.0, 1.0);
  return distance(p, Point{a.x + t * dx, a.y + t * dy});
}
}  // namespace

double distance_to_boundary(std::span<const Point> polygon, Point p) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0, n = polygon.size(); i < n; ++i)
    best = std::min(best, distance_to_segment(p, polygon[i], polygon[(i + 1) % n]));
  return best;
}

}  // namespace campsim::camp
