#include "analysis/label_placement.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace campsim::analysis {

bool Box::overlaps(const Box& o) const {
  return left < o.right() && o.left < right() && top < o.bottom() && o.top < bottom();
}

bool Box::inside(const Box& area) const {
  return left >= area.left && top >= area.top && right() <= area.right() && bottom() <= area.bottom();
}

namespace {

// The box's point nearest (x, y): where a leader line from the label's point meets the box.
std::pair<double, double> nearest_point(const Box& b, double x, double y) {
  return {std::clamp(x, b.left, b.right()), std::clamp(y, b.top, b.bottom())};
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& labels, const Box& area, double marker_radius,
                                      const std::vector<Box>& obstacles) {
  std::vector<Box> markers = obstacles;
  for (const LabelRequest& l : labels)
    markers.push_back({l.x - marker_radius, l.y - marker_radius, 2 * marker_radius, 2 * marker_radius});
  std::vector<PlacedLabel> placed;
  const auto is_free = [&](const Box& b) {
    if (!b.inside(area)) return false;
    for (const PlacedLabel& p : placed)
      if (b.overlaps(p.box)) return false;
    return std::none_of(markers.begin(), markers.end(), [&](const Box& m) { return b.overlaps(m); });
  };
  for (const LabelRequest& l : labels) {
    const double gap = marker_radius + 2;
    // Above and below first: the Morris plot's interval bars run left and right of each point.
    constexpr std::array<std::pair<int, int>, 8> kDirections{{{1, -1}, {0, -1}, {-1, -1}, {1, 1}, {0, 1}, {-1, 1}, {1, 0}, {-1, 0}}};
    std::optional<Box> chosen;
    int chosen_ring = 0;
    for (int ring = 0; ring < 4 && !chosen; ++ring)
      for (const auto& [dx, dy] : kDirections) {
        const double reach = gap + ring * l.height;
        const double left = dx > 0 ? l.x + reach : dx < 0 ? l.x - reach - l.width : l.x - l.width / 2;
        const double top = dy > 0 ? l.y + reach : dy < 0 ? l.y - reach - l.height : l.y - l.height / 2;
        if (const Box b{left, top, l.width, l.height}; is_free(b)) {
          chosen = b;
          chosen_ring = ring;
          break;
        }
      }
    // Beyond the first ring a label may sit nearer another point than its own: a line says whose it is.
    bool leader = chosen_ring > 0;
    if (!chosen) {  // crowded: the nearest free place anywhere in the area, joined by a line
      double best = std::numeric_limits<double>::infinity();
      const double step = std::max(2.0, l.height / 4);
      for (double top = area.top; top + l.height <= area.bottom(); top += step)
        for (double left = area.left; left + l.width <= area.right(); left += step) {
          const Box b{left, top, l.width, l.height};
          const auto [nx, ny] = nearest_point(b, l.x, l.y);
          const double distance = std::hypot(nx - l.x, ny - l.y);
          if (distance < best && is_free(b)) {
            best = distance;
            chosen = b;
          }
        }
      leader = chosen.has_value();
    }
    if (!chosen) chosen = Box{l.x + gap, l.y - gap - l.height, l.width, l.height};  // no room anywhere: beside its point
    const auto [lx, ly] = nearest_point(*chosen, l.x, l.y);
    placed.push_back({*chosen, leader, lx, ly});
  }
  return placed;
}

}  // namespace campsim::analysis
