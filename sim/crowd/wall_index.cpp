#include "sim/crowd/wall_index.hpp"

#include <algorithm>

#include "sim/crowd/segment_math.hpp"

namespace campsim::crowd {

namespace {
// Calls visit(cell) for every cell within reach of the barrier's segment.
template <class F>
void for_each_cell_near(const GridFrame& frame, const Segment& s, float reach, F&& visit) {
  const float lo_x = std::min(s.a.x, s.b.x) - reach, hi_x = std::max(s.a.x, s.b.x) + reach;
  const float lo_y = std::min(s.a.y, s.b.y) - reach, hi_y = std::max(s.a.y, s.b.y) + reach;
  const std::uint32_t c0 = frame.column_of(lo_x), c1 = frame.column_of(hi_x);
  const std::uint32_t r0 = frame.row_of(lo_y), r1 = frame.row_of(hi_y);
  for (std::uint32_t r = r0; r <= r1; ++r) {
    for (std::uint32_t c = c0; c <= c1; ++c) {
      // Edge cells also hold everything clamped into them, so they extend to infinity outward.
      const double x0 = c == 0 ? -1e30 : frame.min_x + static_cast<double>(c) * frame.cell;
      const double x1 = c + 1 == frame.columns ? 1e30 : frame.min_x + static_cast<double>(c + 1) * frame.cell;
      const double y0 = r == 0 ? -1e30 : frame.min_y + static_cast<double>(r) * frame.cell;
      const double y1 = r + 1 == frame.rows ? 1e30 : frame.min_y + static_cast<double>(r + 1) * frame.cell;
      if (box_segment_distance(x0, y0, x1, y1, widen(s.a), widen(s.b)) <= reach) visit(r * frame.columns + c);
    }
  }
}
}  // namespace

void WallIndex::build(const GridFrame& frame, std::span<const Barrier> barriers, float reach) {
  start_.assign(static_cast<std::size_t>(frame.cell_count()) + 1, 0);
  for (const Barrier& b : barriers)
    for_each_cell_near(frame, b.segment, reach, [&](std::uint32_t cell) { ++start_[cell + 1]; });
  for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
  items_.assign(start_.back(), 0);
  Column<std::uint32_t> cursor(start_.begin(), start_.end() - 1);
  for (std::uint32_t i = 0; i < barriers.size(); ++i)
    for_each_cell_near(frame, barriers[i].segment, reach, [&](std::uint32_t cell) { items_[cursor[cell]++] = i; });
}

}  // namespace campsim::crowd
