#pragma once
// The uniform grid both agent and wall indexes use: square cells of the interaction radius over
// the world's bounds, so the 3 x 3 cells around an agent's cell hold every neighbour in range.
// Positions outside the bounds map to the nearest edge cell (monotone clamping keeps queries
// exact, as in engine::SpatialGrid).
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace campsim::crowd {

struct GridFrame {
  float min_x = 0.0f, min_y = 0.0f, cell = 1.0f, inv_cell = 1.0f;
  std::uint32_t columns = 1, rows = 1;

  // Requires finite bounds with max >= min and cell > 0; throws std::invalid_argument.
  static GridFrame covering(float min_x, float min_y, float max_x, float max_y, float cell);

  std::uint32_t cell_count() const { return columns * rows; }
  std::uint32_t column_of(float x) const { return clamp_index((x - min_x) * inv_cell, columns); }
  std::uint32_t row_of(float y) const { return clamp_index((y - min_y) * inv_cell, rows); }
  std::uint32_t cell_of(float x, float y) const { return row_of(y) * columns + column_of(x); }

 private:
  static std::uint32_t clamp_index(float offset, std::uint32_t count) {
    // Comparisons first so NaN and huge values never reach the conversion.
    if (!(offset >= 0.0f)) return 0;
    if (offset >= static_cast<float>(count - 1)) return count - 1;
    return static_cast<std::uint32_t>(offset);
  }
};

}  // namespace campsim::crowd
