#include "sim/camp/threats/fight_terrain.hpp"

#include <algorithm>
#include <cmath>

namespace campsim::camp {

namespace {

// A wall of `thickness` along a->b, as a closed rectangle.
std::vector<Point> wall_along(Point a, Point b, double thickness) {
  const double length = distance(a, b);
  if (length <= 0) return {};
  const double nx = -(b.y - a.y) / length * thickness / 2, ny = (b.x - a.x) / length * thickness / 2;
  return {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}};
}

// How near the wall's line a gate must stand to open it (metres; a gate drawn a little off the
// perimeter line still opens it).
constexpr double kGateOnWall = 5.0;

// The stretches of the wall a->b left standing once every gate on it is cut out, as fractions
// of its length in order.
std::vector<std::pair<double, double>> standing_parts(Point a, Point b, const std::vector<Gate>& gates, double width) {
  const double length = distance(a, b);
  std::vector<std::pair<double, double>> gaps;
  for (const Gate& g : gates) {
    const double t = ((g.position.x - a.x) * (b.x - a.x) + (g.position.y - a.y) * (b.y - a.y)) / (length * length);
    if (t < 0 || t > 1) continue;
    const Point foot{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    if (distance(foot, g.position) > kGateOnWall) continue;
    const double half = width / 2 / length;
    gaps.emplace_back(std::max(0.0, t - half), std::min(1.0, t + half));
  }
  std::sort(gaps.begin(), gaps.end());
  std::vector<std::pair<double, double>> parts;
  double from = 0;
  for (const auto& [g0, g1] : gaps) {
    if (g0 > from) parts.emplace_back(from, g0);
    from = std::max(from, g1);
  }
  if (from < 1) parts.emplace_back(from, 1.0);
  return parts;
}

bool built_up(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::Accommodation:
    case ZoneKind::Headquarters:
    case ZoneKind::Hospital:
    case ZoneKind::Logistics:
    case ZoneKind::Motorpool: return true;
    case ZoneKind::Helipad:
    case ZoneKind::Airfield:
    case ZoneKind::Other: return false;
  }
  return false;
}

}  // namespace

fight::Terrain fight_terrain(const CampLayout& layout, const fight::TerrainParams& params) {
  fight::Terrain terrain;
  terrain.clutter_scale_m = params.clutter_scale_m;
  const std::size_t n = layout.perimeter.size();
  for (std::size_t i = 0; n >= 3 && i < n; ++i) {
    const Point a = layout.perimeter[i], b = layout.perimeter[(i + 1) % n];
    if (distance(a, b) <= 0) continue;
    for (const auto& [t0, t1] : standing_parts(a, b, layout.gates, params.gate_width_m)) {
      const Point from{a.x + t0 * (b.x - a.x), a.y + t0 * (b.y - a.y)}, to{a.x + t1 * (b.x - a.x), a.y + t1 * (b.y - a.y)};
      std::vector<Point> footprint = wall_along(from, to, params.wall_thickness_m);
      if (!footprint.empty()) terrain.walls.push_back({std::move(footprint), params.wall_height_m});
    }
  }
  for (const Zone& zone : layout.zones)
    if (built_up(zone.kind) && zone.polygon.size() >= 3) terrain.clutter.push_back({zone.polygon, params.roof_height_m});
  return terrain;
}

}  // namespace campsim::camp
