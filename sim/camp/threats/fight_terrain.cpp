#include "sim/camp/threats/fight_terrain.hpp"

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
    std::vector<Point> footprint = wall_along(layout.perimeter[i], layout.perimeter[(i + 1) % n], params.wall_thickness_m);
    if (!footprint.empty()) terrain.walls.push_back({std::move(footprint), params.wall_height_m});
  }
  for (const Zone& zone : layout.zones)
    if (built_up(zone.kind) && zone.polygon.size() >= 3) terrain.clutter.push_back({zone.polygon, params.roof_height_m});
  return terrain;
}

}  // namespace campsim::camp
