#include "sim/engine/spatial_grid.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace campsim::engine {

namespace {
std::size_t cells_along(float lo, float hi, float cell_size) {
  const double n = std::ceil((static_cast<double>(hi) - lo) / cell_size);
  return n < 1.0 ? 1 : static_cast<std::size_t>(n);
}
}  // namespace

SpatialGrid::SpatialGrid(float min_x, float min_y, float max_x, float max_y, float cell_size)
    : min_x_(min_x), min_y_(min_y), cell_size_(cell_size), columns_(1), rows_(1) {
  if (!(cell_size > 0.0f) || !std::isfinite(cell_size))
    throw std::invalid_argument("SpatialGrid: cell_size must be positive and finite");
  if (!(max_x >= min_x) || !(max_y >= min_y) || !std::isfinite(min_x) || !std::isfinite(min_y) ||
      !std::isfinite(max_x) || !std::isfinite(max_y))
    throw std::invalid_argument("SpatialGrid: bounds must be finite with max >= min");
  columns_ = cells_along(min_x, max_x, cell_size);
  rows_ = cells_along(min_y, max_y, cell_size);
  if (static_cast<double>(columns_) * static_cast<double>(rows_) >
      static_cast<double>(std::numeric_limits<std::uint32_t>::max() / 2))
    throw std::invalid_argument("SpatialGrid: too many cells; use a larger cell_size");
  cell_start_.assign(cell_count() + 1, 0);
}

void SpatialGrid::rebuild(std::span<const float> xs, std::span<const float> ys) {
  if (xs.size() != ys.size()) throw std::invalid_argument("SpatialGrid::rebuild: xs and ys differ in size");
  if (xs.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::invalid_argument("SpatialGrid::rebuild: too many points for uint32 indices");
  const std::size_t n = xs.size();
  cell_of_.resize(n);
  std::fill(cell_start_.begin(), cell_start_.end(), 0u);
  for (std::size_t i = 0; i < n; ++i) {
    const auto cell = static_cast<std::uint32_t>(row(ys[i]) * columns_ + column(xs[i]));
    cell_of_[i] = cell;
    ++cell_start_[cell + 1];
  }
  for (std::size_t c = 1; c < cell_start_.size(); ++c) cell_start_[c] += cell_start_[c - 1];
  indices_.resize(n);
  px_.resize(n);
  py_.resize(n);
  // Scatter in ascending point order through a moving cursor per cell: stable, so indices
  // ascend within each cell.
  cursor_.assign(cell_start_.begin(), cell_start_.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t slot = cursor_[cell_of_[i]]++;
    indices_[slot] = static_cast<std::uint32_t>(i);
    px_[slot] = xs[i];
    py_[slot] = ys[i];
  }
}

std::vector<std::uint32_t> SpatialGrid::within(float x, float y, float radius) const {
  std::vector<std::uint32_t> out;
  for_each_within(x, y, radius, [&out](std::uint32_t index) { out.push_back(index); });
  return out;
}

}  // namespace campsim::engine
