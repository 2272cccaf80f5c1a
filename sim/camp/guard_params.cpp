#include "sim/camp/guard_params.hpp"

#include <cmath>

namespace campsim::camp {

void derive_required_by_hour(Post& post) {
  post.required_by_hour.fill(0);
  for (const ManningWindow& window : post.manning) {
    const int from = static_cast<int>(std::lround(window.from / engine::kHour)) % 24;
    const int to = static_cast<int>(std::lround(window.to / engine::kHour)) % 24;
    // from == to (e.g. 0h -> 24h) means the whole day.
    int hours = (to - from + 24) % 24;
    if (hours == 0) hours = 24;
    for (int h = 0; h < hours; ++h) post.required_by_hour[(from + h) % 24] += window.guards;
  }
}

}  // namespace campsim::camp
