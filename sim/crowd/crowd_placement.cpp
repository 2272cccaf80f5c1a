#include "sim/crowd/crowd_placement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "sim/crowd/grid_frame.hpp"

namespace campsim::crowd {

std::vector<Point2> scatter_without_overlap(const Rectangle& area, std::size_t count, float min_distance,
                                            engine::RandomStream& random) {
  if (!(area.max_x > area.min_x) || !(area.max_y > area.min_y))
    throw std::invalid_argument("scatter_without_overlap: empty rectangle");
  if (!(min_distance >= 0.0f)) throw std::invalid_argument("scatter_without_overlap: negative distance");
  std::vector<Point2> placed;
  placed.reserve(count);
  if (count == 0) return placed;
  // A hash grid with cells of min_distance: a candidate checks the 3 x 3 cells around it.
  const float cell = std::max(min_distance, 1e-3f);
  const GridFrame frame = GridFrame::covering(area.min_x, area.min_y, area.max_x, area.max_y, cell);
  constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  std::vector<std::uint32_t> head(frame.cell_count(), kEmpty), next;
  next.reserve(count);
  const double min2 = static_cast<double>(min_distance) * min_distance;
  const std::size_t max_attempts = 100 * count + 1000;
  std::size_t attempts = 0;
  while (placed.size() < count) {
    if (++attempts > max_attempts)
      throw std::runtime_error("scatter_without_overlap: the crowd does not fit in the area at that spacing");
    const Point2 p{static_cast<float>(random.uniform(area.min_x, area.max_x)),
                   static_cast<float>(random.uniform(area.min_y, area.max_y))};
    const std::uint32_t col = frame.column_of(p.x), row = frame.row_of(p.y);
    bool clear = true;
    for (std::uint32_t r = row > 0 ? row - 1 : 0; clear && r <= std::min(row + 1, frame.rows - 1); ++r)
      for (std::uint32_t c = col > 0 ? col - 1 : 0; clear && c <= std::min(col + 1, frame.columns - 1); ++c)
        for (std::uint32_t k = head[r * frame.columns + c]; k != kEmpty; k = next[k]) {
          const double dx = static_cast<double>(placed[k].x) - p.x, dy = static_cast<double>(placed[k].y) - p.y;
          if (dx * dx + dy * dy < min2) {
            clear = false;
            break;
          }
        }
    if (!clear) continue;
    const std::uint32_t cell_index = row * frame.columns + col;
    next.push_back(head[cell_index]);
    head[cell_index] = static_cast<std::uint32_t>(placed.size());
    placed.push_back(p);
  }
  return placed;
}

}  // namespace campsim::crowd
