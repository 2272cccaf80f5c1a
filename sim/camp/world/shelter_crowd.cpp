#include "sim/camp/world/shelter_crowd.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include "sim/engine/remembered.hpp"

namespace campsim::camp {

namespace {
constexpr double kFrameMargin_m = 20.0;  // room beyond the outermost feature (performance only)
}  // namespace

crowd::CrowdModelParams shelter_run_params() {
  crowd::CrowdModelParams p;
  p.time_gap = 1.0f;
  p.neighbour_strength = 5.0f;
  p.neighbour_range = 0.1f;
  p.interaction_radius = 2.0f;
  // Runners waiting out their reaction time and people queued at a door stand (desired speed 0)
  // among the runners: most of an alarm's agent-steps. Skipped, they cost nothing (the proviso on
  // their headings: crowd_params.hpp).
  p.skip_standing = true;
  return p;
}

std::unique_ptr<crowd::CrowdWorld> build_shelter_crowd(const CampLayout& layout) {
  double lo_x = std::numeric_limits<double>::infinity(), lo_y = lo_x;
  double hi_x = -lo_x, hi_y = -lo_x;
  const auto cover = [&](Point p) {
    lo_x = std::min(lo_x, p.x), lo_y = std::min(lo_y, p.y);
    hi_x = std::max(hi_x, p.x), hi_y = std::max(hi_y, p.y);
  };
  for (const Point& p : layout.perimeter) cover(p);
  for (const Bunker& b : layout.bunkers) cover(b.position);
  for (const Zone& z : layout.zones)
    for (const Point& p : z.polygon) cover(p);
  if (!(lo_x <= hi_x)) lo_x = lo_y = hi_x = hi_y = 0.0;  // nothing to cover: one cell
  auto world = std::make_unique<crowd::CrowdWorld>(
      static_cast<float>(lo_x - kFrameMargin_m), static_cast<float>(lo_y - kFrameMargin_m),
      static_cast<float>(hi_x + kFrameMargin_m), static_cast<float>(hi_y + kFrameMargin_m), shelter_run_params());
  if (layout.perimeter.size() >= 3) {
    std::vector<crowd::Point2> corners;
    corners.reserve(layout.perimeter.size());
    for (const Point& p : layout.perimeter) corners.push_back({static_cast<float>(p.x), static_cast<float>(p.y)});
    crowd::CrowdGeometry walls;
    walls.add_wall_loop(corners);
    world->set_geometry(std::move(walls));
  }
  return world;
}

namespace {

// Shelter kernels remembered at most (each holds its wall index: about 2 MB for the Gao camp);
// past it the memory starts again.
constexpr std::size_t kRememberedLayouts = 8;

// Every number build_shelter_crowd reads, in order: equal keys give equal kernels, bit for bit.
std::vector<double> shelter_key(const CampLayout& layout) {
  std::vector<double> key;
  const auto add_points = [&](const std::vector<Point>& points) {
    key.push_back(static_cast<double>(points.size()));  // where the list ends
    for (const Point& p : points) key.insert(key.end(), {p.x, p.y});
  };
  add_points(layout.perimeter);
  key.push_back(static_cast<double>(layout.bunkers.size()));
  for (const Bunker& b : layout.bunkers) key.insert(key.end(), {b.position.x, b.position.y});
  key.push_back(static_cast<double>(layout.zones.size()));
  for (const Zone& z : layout.zones) add_points(z.polygon);
  return key;
}

}  // namespace

std::unique_ptr<crowd::CrowdWorld> make_shelter_crowd(const CampLayout& layout) {
  static engine::Remembered<std::vector<double>, crowd::CrowdWorld> remembered(kRememberedLayouts);
  return std::make_unique<crowd::CrowdWorld>(*remembered.get(shelter_key(layout), [&] { return build_shelter_crowd(layout); }));
}

}  // namespace campsim::camp
