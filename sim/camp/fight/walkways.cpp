#include "sim/camp/fight/walkways.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>

namespace campsim::fight {

namespace {

// A walk that runs inside a wall for less than this (metres) only grazes it: a corner node is
// pushed out of its own wall, but a walk between two such nodes may touch a neighbouring wall's
// edge in floating point.
constexpr double kGraze = 1e-6;

// Twice the polygon's signed area: positive when its corners run anticlockwise.
double twice_signed_area(const std::vector<Point>& polygon) {
  double a = 0;
  for (std::size_t i = 0, n = polygon.size(); i < n; ++i) {
    const Point p = polygon[i], q = polygon[(i + 1) % n];
    a += p.x * q.y - q.x * p.y;
  }
  return a;
}

// The outward unit normal of the edge p->q of a polygon turning `anticlockwise` or not.
Point outward_normal(Point p, Point q, bool anticlockwise) {
  const double dx = q.x - p.x, dy = q.y - p.y, length = std::hypot(dx, dy);
  if (length <= 0) return {};
  // Anticlockwise: the interior is on the left, so the outside is on the right (dy, -dx).
  return anticlockwise ? Point{dy / length, -dx / length} : Point{-dy / length, dx / length};
}

}  // namespace

bool inside_a_wall(const Terrain& terrain, Point p) {
  for (const Obstacle& wall : terrain.walls)
    if (camp::contains(wall.footprint, p)) return true;
  return false;
}

Walkways::Walkways(const Terrain& terrain, double clearance_m) : terrain_(terrain) {
  for (const Obstacle& wall : terrain.walls) {
    const std::vector<Point>& poly = wall.footprint;
    const std::size_t n = poly.size();
    if (n < 3) continue;
    const bool anticlockwise = twice_signed_area(poly) > 0;
    for (std::size_t i = 0; i < n; ++i) {
      // Out along the sum of the two edges' outward normals: diagonally off a rectangle's corner.
      const Point prev = poly[(i + n - 1) % n], here = poly[i], next = poly[(i + 1) % n];
      const Point a = outward_normal(prev, here, anticlockwise), b = outward_normal(here, next, anticlockwise);
      const Point corner{here.x + clearance_m * (a.x + b.x), here.y + clearance_m * (a.y + b.y)};
      // A corner that lies inside another wall (where two stretches of the perimeter meet) is
      // no way round anything.
      if (!inside_a_wall(terrain, corner)) corners_.push_back(corner);
    }
  }
  edges_.resize(corners_.size());
  for (std::size_t i = 0; i < corners_.size(); ++i)
    for (std::size_t j = i + 1; j < corners_.size(); ++j)
      if (clear(corners_[i], corners_[j])) {
        const double d = camp::distance(corners_[i], corners_[j]);
        edges_[i].emplace_back(j, d);
        edges_[j].emplace_back(i, d);
      }
}

bool walk_clear(const Terrain& terrain, Point a, Point b) {
  const double length = camp::distance(a, b);
  for (const Obstacle& wall : terrain.walls) {
    // Bounding boxes first: most walls are nowhere near a walk.
    double x0 = wall.footprint.empty() ? 0 : wall.footprint[0].x, x1 = x0;
    double y0 = wall.footprint.empty() ? 0 : wall.footprint[0].y, y1 = y0;
    for (const Point& p : wall.footprint) {
      x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    if (std::max(a.x, b.x) < x0 || std::min(a.x, b.x) > x1 || std::max(a.y, b.y) < y0 || std::min(a.y, b.y) > y1)
      continue;
    for (const auto& [t0, t1] : inside_intervals(wall.footprint, a, b))
      if ((t1 - t0) * length > kGraze) return false;
  }
  return true;
}

bool Walkways::clear(Point a, Point b) const { return walk_clear(terrain_, a, b); }

std::vector<Point> Walkways::route(Point from, Point to) const {
  if (clear(from, to)) return {to};
  if (inside_a_wall(terrain_, from) || inside_a_wall(terrain_, to)) return {};
  // Nodes: the corners, then `from` (n) and `to` (n + 1).
  const std::size_t n = corners_.size(), source = n, target = n + 1;
  const auto place = [&](std::size_t k) { return k == source ? from : k == target ? to : corners_[k]; };
  std::vector<char> sees_target(n, 0);
  for (std::size_t k = 0; k < n; ++k) sees_target[k] = clear(corners_[k], to) ? 1 : 0;
  constexpr double kNone = std::numeric_limits<double>::infinity();
  std::vector<double> dist(n + 2, kNone);
  std::vector<std::size_t> previous(n + 2, n + 2);
  using Entry = std::pair<double, std::size_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
  dist[source] = 0;
  open.push({0, source});
  while (!open.empty()) {
    // Not a structured binding: the lambda below captures these (clang 14 cannot capture one).
    const double d = open.top().first;
    const std::size_t k = open.top().second;
    open.pop();
    if (d > dist[k]) continue;
    if (k == target) break;
    const auto relax = [&](std::size_t j, double metres) {
      if (d + metres < dist[j]) {
        dist[j] = d + metres;
        previous[j] = k;
        open.push({dist[j], j});
      }
    };
    if (k == source) {
      for (std::size_t j = 0; j < n; ++j)
        if (clear(from, corners_[j])) relax(j, camp::distance(from, corners_[j]));
      continue;
    }
    for (const auto& [j, metres] : edges_[k]) relax(j, metres);
    if (sees_target[k]) relax(target, camp::distance(corners_[k], to));
  }
  if (dist[target] == kNone) return {};
  std::vector<Point> waypoints;
  for (std::size_t k = target; k != source; k = previous[k]) waypoints.push_back(place(k));
  return {waypoints.rbegin(), waypoints.rend()};
}

}  // namespace campsim::fight
