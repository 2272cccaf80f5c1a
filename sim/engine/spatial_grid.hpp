#pragma once
// Uniform grid for neighbour queries, rebuilt from scratch by a counting sort (O(n + cells),
// stable). Never all-pairs: a query visits only the cells overlapping the query square.
//
// Points outside the bounds are stored in the nearest edge cell. Queries stay exact for them
// because the point-to-cell map is monotone in each axis and clamping preserves that, so every
// point within the query square lands in a clamped cell the query visits. The distance test
// uses the point's real position.
//
// Visit order is deterministic: cells row-major (y outer, x inner), point indices ascending
// within a cell (the counting sort is stable). Parallel phases rely on this to sum neighbour
// contributions in the same order on every thread count.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace campsim::engine {

class SpatialGrid {
 public:
  // Requires cell_size > 0 and max >= min on both axes (throws std::invalid_argument).
  SpatialGrid(float min_x, float min_y, float max_x, float max_y, float cell_size);

  // xs and ys must have the same size; point i keeps index i.
  void rebuild(std::span<const float> xs, std::span<const float> ys);

  // visit(index) for every point whose distance to (x, y) is <= radius, computed in double
  // from the float coordinates. A negative or NaN radius matches nothing.
  template <class F>
  void for_each_within(float x, float y, float radius, F&& visit) const {
    if (!(radius >= 0.0f) || indices_.empty()) return;
    const double qx = x, qy = y, r = radius;
    const double r2 = r * r;
    const std::size_t cx0 = column(qx - r), cx1 = column(qx + r);
    const std::size_t cy0 = row(qy - r), cy1 = row(qy + r);
    for (std::size_t cy = cy0; cy <= cy1; ++cy) {
      for (std::size_t cx = cx0; cx <= cx1; ++cx) {
        const std::size_t cell = cy * columns_ + cx;
        for (std::uint32_t slot = cell_start_[cell]; slot < cell_start_[cell + 1]; ++slot) {
          const double dx = static_cast<double>(px_[slot]) - qx;
          const double dy = static_cast<double>(py_[slot]) - qy;
          if (dx * dx + dy * dy <= r2) visit(indices_[slot]);
        }
      }
    }
  }

  std::vector<std::uint32_t> within(float x, float y, float radius) const;
  std::size_t cell_count() const { return columns_ * rows_; }
  std::size_t columns() const { return columns_; }
  std::size_t rows() const { return rows_; }

 private:
  static std::size_t clamp_coordinate(double offset, double cell_size, std::size_t count) {
    const double c = std::floor(offset / cell_size);
    if (!(c >= 0.0)) return 0;  // also catches NaN
    if (c >= static_cast<double>(count - 1)) return count - 1;
    return static_cast<std::size_t>(c);
  }
  std::size_t column(double x) const { return clamp_coordinate(x - min_x_, cell_size_, columns_); }
  std::size_t row(double y) const { return clamp_coordinate(y - min_y_, cell_size_, rows_); }

  double min_x_, min_y_, cell_size_;
  std::size_t columns_, rows_;
  std::vector<std::uint32_t> cell_start_;  // cell c holds slots [cell_start_[c], cell_start_[c+1])
  std::vector<std::uint32_t> indices_;     // point index per slot, grouped by cell
  std::vector<float> px_, py_;             // point position per slot (cache-friendly scans)
  std::vector<std::uint32_t> cell_of_;     // rebuild scratch: cell of each point
  std::vector<std::uint32_t> cursor_;      // rebuild scratch: next free slot per cell
};

}  // namespace campsim::engine
