#include "sim/camp/fight/line_of_sight.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/engine/portable_math.hpp"

namespace campsim::fight {

std::vector<std::pair<double, double>> inside_intervals(const std::vector<Point>& polygon, Point a, Point b) {
  // Where the segment crosses the polygon's edges, as fractions of its length; between two
  // consecutive crossings the segment is wholly inside or wholly outside, told by the midpoint.
  std::vector<double> cuts{0.0, 1.0};
  const double dx = b.x - a.x, dy = b.y - a.y;
  for (std::size_t i = 0, n = polygon.size(); i < n; ++i) {
    const Point p = polygon[i];
    const Point q = polygon[(i + 1) % n];
    const double ex = q.x - p.x, ey = q.y - p.y;
    const double denom = dx * ey - dy * ex;
    if (denom == 0) continue;  // parallel: a grazing line changes nothing inside/outside
    const double t = ((p.x - a.x) * ey - (p.y - a.y) * ex) / denom;
    const double u = ((p.x - a.x) * dy - (p.y - a.y) * dx) / denom;
    if (t > 0 && t < 1 && u >= 0 && u <= 1) cuts.push_back(t);
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::pair<double, double>> inside;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double t0 = cuts[i], t1 = cuts[i + 1];
    if (t1 - t0 <= 0) continue;
    const double mid = (t0 + t1) / 2;
    if (camp::contains(polygon, Point{a.x + mid * dx, a.y + mid * dy})) {
      if (!inside.empty() && inside.back().second == t0)
        inside.back().second = t1;
      else
        inside.emplace_back(t0, t1);
    }
  }
  return inside;
}

namespace {

// The stretch [t0, t1] of the line where it is lower than `height_m` (heights vary linearly from
// h0 at t = 0 to h1 at t = 1). Empty (t0 > t1) when it is higher all along.
std::pair<double, double> below(double h0, double h1, double height_m) {
  if (h0 < height_m && h1 < height_m) return {0, 1};
  if (h0 >= height_m && h1 >= height_m) return {1, 0};
  const double t = (height_m - h0) / (h1 - h0);  // where the line crosses that height
  return h0 < height_m ? std::pair{0.0, t} : std::pair{t, 1.0};
}

}  // namespace

Sight line_of_sight(const Terrain& terrain, Eye observer, Point target, double target_height_m) {
  const double h0 = observer.height_m, h1 = target_height_m;
  for (const Obstacle& wall : terrain.walls) {
    const auto [lo, hi] = below(h0, h1, wall.height_m);
    if (lo > hi) continue;
    for (const auto& [t0, t1] : inside_intervals(wall.footprint, observer.at, target))
      if (t0 < hi && t1 > lo) return {false, 0};
  }
  const double length = camp::distance(observer.at, target);
  double cluttered_m = 0;
  for (const Obstacle& zone : terrain.clutter) {
    const auto [lo, hi] = below(h0, h1, zone.height_m);
    if (lo > hi) continue;
    for (const auto& [t0, t1] : inside_intervals(zone.footprint, observer.at, target))
      cluttered_m += std::max(0.0, std::min(t1, hi) - std::max(t0, lo)) * length;
  }
  const double transmission = terrain.clutter_scale_m > 0 ? math::exp(-cluttered_m / terrain.clutter_scale_m) : 1.0;
  return {true, transmission};
}

double bearing_deg(Point from, Point to) {
  const double deg = math::atan2(to.x - from.x, to.y - from.y) * 180 / std::numbers::pi;
  return deg < 0 ? deg + 360 : deg;
}

bool in_field_of_view(Point observer, double facing_deg, double field_deg, Point target) {
  if (field_deg >= 360) return true;
  double off = std::fabs(bearing_deg(observer, target) - facing_deg);
  off = std::fmod(off, 360.0);
  if (off > 180) off = 360 - off;
  return off <= field_deg / 2;
}

}  // namespace campsim::fight
