#include "sim/crowd/grid_frame.hpp"

#include <limits>
#include <stdexcept>

namespace campsim::crowd {

GridFrame GridFrame::covering(float min_x, float min_y, float max_x, float max_y, float cell) {
  if (!std::isfinite(min_x) || !std::isfinite(min_y) || !std::isfinite(max_x) || !std::isfinite(max_y) ||
      !(max_x >= min_x) || !(max_y >= min_y))
    throw std::invalid_argument("crowd grid: bounds must be finite with max >= min");
  if (!(cell > 0.0f) || !std::isfinite(cell)) throw std::invalid_argument("crowd grid: cell size must be positive");
  const auto along = [cell](float lo, float hi) {
    const double n = std::ceil((static_cast<double>(hi) - lo) / cell);
    return n < 1.0 ? 1.0 : n;
  };
  const double columns = along(min_x, max_x), rows = along(min_y, max_y);
  if (columns * rows > static_cast<double>(std::numeric_limits<std::uint32_t>::max() / 4))
    throw std::invalid_argument("crowd grid: too many cells for the bounds; use a larger interaction radius");
  GridFrame frame;
  frame.min_x = min_x;
  frame.min_y = min_y;
  frame.cell = cell;
  frame.inv_cell = 1.0f / cell;
  frame.columns = static_cast<std::uint32_t>(columns);
  frame.rows = static_cast<std::uint32_t>(rows);
  return frame;
}

}  // namespace campsim::crowd
