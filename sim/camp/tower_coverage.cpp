#include "sim/camp/tower_coverage.hpp"

#include <cmath>
#include <numbers>
#include <vector>

#include "sim/engine/remembered.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

bool tower_sees(const Watchtower& tower, Point p) {
  const double dx = p.x - tower.position.x, dy = p.y - tower.position.y;
  const double range = std::hypot(dx, dy);
  if (range > tower.range_m) return false;
  if (range == 0 || tower.field_of_view_deg >= 360) return true;
  // Compass bearing of the point from the tower: 0 = north (+y), 90 = east (+x).
  const double bearing = math::atan2(dx, dy) * 180.0 / std::numbers::pi;
  double off_axis = std::fmod(bearing - tower.facing_deg, 360.0);
  if (off_axis > 180) off_axis -= 360;
  if (off_axis < -180) off_axis += 360;
  return std::abs(off_axis) <= tower.field_of_view_deg / 2;
}

PerimeterCoverage perimeter_coverage(const CampLayout& layout, double step_m) {
  PerimeterCoverage coverage;
  const auto& fence = layout.perimeter;
  for (std::size_t i = 0, n = fence.size(); i < n; ++i) {
    const Point a = fence[i], b = fence[(i + 1) % n];
    const double length = distance(a, b);
    const int steps = std::max(1, static_cast<int>(std::ceil(length / step_m)));
    const double piece = length / steps;
    for (int s = 0; s < steps; ++s) {
      const double t = (s + 0.5) / steps;
      const Point p{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
      int seen_by = 0;
      for (const Watchtower& tower : layout.towers) seen_by += tower_sees(tower, p) ? 1 : 0;
      coverage.perimeter_m += piece;
      if (seen_by >= 1) coverage.watched_m += piece;
      if (seen_by >= 2) coverage.watched_by_two_m += piece;
    }
  }
  return coverage;
}

namespace {

// Layouts remembered at most; past it the memory starts again (a design of experiments may vary
// the towers at every point: the walk is then done per point, as before).
constexpr std::size_t kRememberedLayouts = 32;

// Every number perimeter_coverage reads, in order: equal keys give equal walks, bit for bit.
std::vector<double> coverage_key(const CampLayout& layout) {
  std::vector<double> key;
  key.reserve(2 * layout.perimeter.size() + 5 * layout.towers.size() + 1);
  key.push_back(static_cast<double>(layout.perimeter.size()));  // where the corners end
  for (const Point& p : layout.perimeter) key.insert(key.end(), {p.x, p.y});
  for (const Watchtower& t : layout.towers)
    key.insert(key.end(), {t.position.x, t.position.y, t.facing_deg, t.field_of_view_deg, t.range_m});
  return key;
}

}  // namespace

PerimeterCoverage perimeter_coverage_remembered(const CampLayout& layout) {
  static engine::Remembered<std::vector<double>, PerimeterCoverage> remembered(kRememberedLayouts);
  return *remembered.get(coverage_key(layout), [&] { return perimeter_coverage(layout); });
}

}  // namespace campsim::camp
