#include "render/view_frame.hpp"

#include <algorithm>
#include <limits>

namespace campsim::render {

ViewFrame fit_layout(const camp::CampLayout& layout, unsigned width, unsigned height, float margin_px) {
  double min_x = std::numeric_limits<double>::infinity(), min_y = min_x;
  double max_x = -min_x, max_y = -min_x;
  for (const camp::Point& p : layout.perimeter) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  if (layout.perimeter.empty()) return {};
  const double span_x = std::max(max_x - min_x, 1.0), span_y = std::max(max_y - min_y, 1.0);
  ViewFrame frame;
  frame.scale = std::min((width - 2.0 * margin_px) / span_x, (height - 2.0 * margin_px) / span_y);
  // Centre the camp in the picture.
  frame.left = min_x - (width / frame.scale - span_x) / 2;
  frame.top = max_y + (height / frame.scale - span_y) / 2;
  return frame;
}

ViewFrame fit_bounds(camp::Point min, camp::Point max, unsigned width, unsigned height) {
  const double span_x = std::max(max.x - min.x, 1.0), span_y = std::max(max.y - min.y, 1.0);
  ViewFrame frame;
  frame.scale = std::min(width / span_x, height / span_y);
  frame.left = min.x - (width / frame.scale - span_x) / 2;
  frame.top = max.y + (height / frame.scale - span_y) / 2;
  return frame;
}

ViewFrame fit_map(const camp::CampLayout& layout, unsigned width, unsigned height) {
  if (layout.perimeter.empty()) return fit_bounds({-500, -500}, {500, 500}, width, height);
  camp::Point min = layout.perimeter.front(), max = min;
  for (const camp::Point& p : layout.perimeter) {
    min = {std::min(min.x, p.x), std::min(min.y, p.y)};
    max = {std::max(max.x, p.x), std::max(max.y, p.y)};
  }
  // 250 m of approaches all round, 150 m more to the west for the town's edge.
  return fit_bounds({min.x - 400, min.y - 250}, {max.x + 250, max.y + 250}, width, height);
}

}  // namespace campsim::render
