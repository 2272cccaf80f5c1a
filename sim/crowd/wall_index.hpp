#pragma once
// Which barriers (walls and gates) lie within reach of each grid cell, in compressed rows
// (cell c lists barriers [start[c], start[c+1])), built by counting once per geometry change.
// An agent reads only its own cell's list, and most agents (away from walls) find it empty and
// take the kernel's fast path.
#include <cstdint>
#include <span>

#include "sim/crowd/aligned_column.hpp"
#include "sim/crowd/crowd_geometry.hpp"
#include "sim/crowd/grid_frame.hpp"

namespace campsim::crowd {

class WallIndex {
 public:
  // Lists barrier b in cell c when the distance from b to the cell's box is <= reach.
  void build(const GridFrame& frame, std::span<const Barrier> barriers, float reach);

  std::span<const std::uint32_t> near(std::uint32_t cell) const {
    if (start_.empty()) return {};
    return {items_.data() + start_[cell], items_.data() + start_[cell + 1]};
  }
  std::size_t memory_bytes() const {
    return start_.capacity() * sizeof(std::uint32_t) + items_.capacity() * sizeof(std::uint32_t);
  }

 private:
  Column<std::uint32_t> start_;
  Column<std::uint32_t> items_;
};

}  // namespace campsim::crowd
