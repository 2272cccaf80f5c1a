#include "render/triangulate.hpp"

#include <algorithm>
#include <numeric>

namespace campsim::render {

namespace {
double cross(camp::Point o, camp::Point a, camp::Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool inside_triangle(camp::Point p, camp::Point a, camp::Point b, camp::Point c) {
  return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}
}  // namespace

std::vector<std::array<int, 3>> triangulate(const std::vector<camp::Point>& polygon) {
  std::vector<std::array<int, 3>> triangles;
  std::vector<int> remaining(polygon.size());
  std::iota(remaining.begin(), remaining.end(), 0);
  // Work counter-clockwise, so an ear is a convex corner with no other vertex inside it.
  if (camp::signed_area(polygon) < 0) std::reverse(remaining.begin(), remaining.end());
  std::size_t guard = 0;
  while (remaining.size() > 3 && guard < polygon.size() * polygon.size()) {
    ++guard;
    bool clipped = false;
    for (std::size_t i = 0, n = remaining.size(); i < n; ++i) {
      const int a = remaining[(i + n - 1) % n], b = remaining[i], c = remaining[(i + 1) % n];
      if (cross(polygon[a], polygon[b], polygon[c]) <= 0) continue;  // reflex or degenerate corner
      bool empty = true;
      for (int other : remaining)
        if (other != a && other != b && other != c && inside_triangle(polygon[other], polygon[a], polygon[b], polygon[c])) {
          empty = false;
          break;
        }
      if (!empty) continue;
      triangles.push_back({a, b, c});
      remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(i));
      clipped = true;
      break;
    }
    if (!clipped) break;  // not a simple polygon: draw what could be clipped
  }
  if (remaining.size() == 3) triangles.push_back({remaining[0], remaining[1], remaining[2]});
  return triangles;
}

}  // namespace campsim::render
