#include "sim/crowd/segment_math.hpp"

#include <algorithm>
#include <cmath>

namespace campsim::crowd {

namespace {
double cross(DPoint o, DPoint a, DPoint b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }
int sign(double v) { return (v > 0.0) - (v < 0.0); }
// q lies within the bounding box of [p, r] (used when p, q, r are collinear).
bool on_segment(DPoint p, DPoint q, DPoint r) {
  return std::min(p.x, r.x) <= q.x && q.x <= std::max(p.x, r.x) && std::min(p.y, r.y) <= q.y &&
         q.y <= std::max(p.y, r.y);
}
}  // namespace

double point_segment_distance2(DPoint p, DPoint a, DPoint b) {
  const double ex = b.x - a.x, ey = b.y - a.y;
  const double len2 = ex * ex + ey * ey;
  double t = len2 > 0.0 ? ((p.x - a.x) * ex + (p.y - a.y) * ey) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double dx = a.x + t * ex - p.x, dy = a.y + t * ey - p.y;
  return dx * dx + dy * dy;
}

bool segments_intersect(DPoint p1, DPoint p2, DPoint q1, DPoint q2) {
  const int d1 = sign(cross(q1, q2, p1)), d2 = sign(cross(q1, q2, p2));
  const int d3 = sign(cross(p1, p2, q1)), d4 = sign(cross(p1, p2, q2));
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  if (d1 == 0 && on_segment(q1, p1, q2)) return true;
  if (d2 == 0 && on_segment(q1, p2, q2)) return true;
  if (d3 == 0 && on_segment(p1, q1, p2)) return true;
  if (d4 == 0 && on_segment(p1, q2, p2)) return true;
  return false;
}

double segment_segment_distance(DPoint p1, DPoint p2, DPoint q1, DPoint q2) {
  if (segments_intersect(p1, p2, q1, q2)) return 0.0;
  const double d2 = std::min({point_segment_distance2(p1, q1, q2), point_segment_distance2(p2, q1, q2),
                              point_segment_distance2(q1, p1, p2), point_segment_distance2(q2, p1, p2)});
  return std::sqrt(d2);
}

double box_segment_distance(double x0, double y0, double x1, double y1, DPoint a, DPoint b) {
  const auto inside = [&](DPoint p) { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; };
  if (inside(a) || inside(b)) return 0.0;
  const DPoint c00{x0, y0}, c10{x1, y0}, c11{x1, y1}, c01{x0, y1};
  return std::min({segment_segment_distance(a, b, c00, c10), segment_segment_distance(a, b, c10, c11),
                   segment_segment_distance(a, b, c11, c01), segment_segment_distance(a, b, c01, c00)});
}

}  // namespace campsim::crowd
