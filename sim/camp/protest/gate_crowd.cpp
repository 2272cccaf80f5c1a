#include "sim/camp/protest/gate_crowd.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace campsim::camp::protest {

namespace {

// How close to a side of the perimeter a gate must be to lie in it (layouts give whole metres).
constexpr double kOnWallTolerance_m = 1.0;
// Room left around the crowd's ground for the walls and the flight of those who run.
constexpr float kMargin_m = 60.0f;

}  // namespace

GateGround gate_ground(const CampLayout& layout, const Gate& gate, double gate_width_m, double gathers_m,
                       int max_crowd) {
  const auto& poly = layout.perimeter;
  if (poly.size() < 3) throw std::invalid_argument("protest: the camp has no perimeter");
  Point centroid{0, 0};
  for (const Point& p : poly) centroid = {centroid.x + p.x, centroid.y + p.y};
  centroid = {centroid.x / static_cast<double>(poly.size()), centroid.y / static_cast<double>(poly.size())};

  GateGround g;
  bool found = false;
  for (std::size_t i = 0; i < poly.size(); ++i) {
    const Point a = poly[i], b = poly[(i + 1) % poly.size()];
    const double len = distance(a, b);
    if (len <= 0) continue;
    const double ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
    const double along = (gate.position.x - a.x) * ux + (gate.position.y - a.y) * uy;
    const double off = std::abs((gate.position.x - a.x) * uy - (gate.position.y - a.y) * ux);
    const double half = gate_width_m / 2;
    if (found || off > kOnWallTolerance_m || along < half || along > len - half) {
      g.geometry.add_wall(to2(a), to2(b));
      continue;
    }
    found = true;
    const Point g0{a.x + ux * (along - half), a.y + uy * (along - half)};
    const Point g1{a.x + ux * (along + half), a.y + uy * (along + half)};
    g.geometry.add_wall(to2(a), to2(g0));
    g.gate = g.geometry.add_gate(to2(g0), to2(g1), false);
    g.geometry.add_wall(to2(g1), to2(b));
    const Point mid{a.x + ux * along, a.y + uy * along};
    g.gate_at = to2(mid);
    g.along = {static_cast<float>(ux), static_cast<float>(uy)};
    // The normal that points away from the camp's centre.
    double nx = uy, ny = -ux;
    if ((centroid.x - mid.x) * nx + (centroid.y - mid.y) * ny > 0) nx = -nx, ny = -ny;
    g.outward = {static_cast<float>(nx), static_cast<float>(ny)};
  }
  if (!found)
    throw std::invalid_argument("protest: gate '" + gate.name + "' is not on the perimeter (within 1 m of a side)");
  const crowd::Point2 start = march_start_centre(g, gathers_m);
  const float half = march_start_half_side(max_crowd);
  g.min_x = std::min(g.gate_at.x, start.x) - half - kMargin_m;
  g.max_x = std::max(g.gate_at.x, start.x) + half + kMargin_m;
  g.min_y = std::min(g.gate_at.y, start.y) - half - kMargin_m;
  g.max_y = std::max(g.gate_at.y, start.y) + half + kMargin_m;
  return g;
}

std::vector<crowd::Point2> standing_places(const GateGround& ground, int count, double density) {
  std::vector<crowd::Point2> places;
  if (count <= 0) return places;
  places.reserve(static_cast<std::size_t>(count));
  const double spacing = 1.0 / std::sqrt(density);
  // A half-disc of area count / density.
  const double radius = std::sqrt(2.0 * count / (std::numbers::pi * density)) + spacing;
  for (int row = 0; static_cast<int>(places.size()) < count; ++row) {
    const double out = (row + 0.5) * spacing;
    const double half_width = out < radius ? std::sqrt(radius * radius - out * out) : spacing;
    const int across = std::max(1, static_cast<int>(std::floor(2 * half_width / spacing)));
    for (int k = 0; k < across && static_cast<int>(places.size()) < count; ++k) {
      // Fill from the middle outward so each row is centred on the gate.
      const int j = (k % 2 == 0) ? k / 2 : -(k + 1) / 2;
      const double side = j * spacing;
      places.push_back({static_cast<float>(ground.gate_at.x + ground.outward.x * out + ground.along.x * side),
                        static_cast<float>(ground.gate_at.y + ground.outward.y * out + ground.along.y * side)});
    }
  }
  return places;
}

crowd::Point2 march_start_centre(const GateGround& ground, double gathers_m) {
  return {static_cast<float>(ground.gate_at.x + ground.outward.x * gathers_m),
          static_cast<float>(ground.gate_at.y + ground.outward.y * gathers_m)};
}

std::vector<Point> police_places(const GateGround& ground, int officers) {
  std::vector<Point> places;
  for (int k = 0; k < officers; ++k) {
    const double side = (k - (officers - 1) / 2.0) * kPoliceSpacing_m;
    places.push_back({ground.gate_at.x - ground.outward.x * kPoliceInside_m + ground.along.x * side,
                      ground.gate_at.y - ground.outward.y * kPoliceInside_m + ground.along.y * side});
  }
  return places;
}

float march_start_half_side(int count) { return 0.5f * std::sqrt(static_cast<float>(std::max(count, 1))) + 1.0f; }

}  // namespace campsim::camp::protest
