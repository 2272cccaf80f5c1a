#include "sim/camp/world/bunkers.hpp"

#include <algorithm>
#include <limits>

namespace campsim::camp {

std::optional<BunkerId> Bunkers::nearest_open(Point from, std::uint64_t tried, double max_detour_m) const {
  std::optional<BunkerId> best;
  double best_d = tried == 0 ? std::numeric_limits<double>::infinity() : max_detour_m;
  for (std::size_t b = 0; b < bunkers_.size(); ++b) {
    if (bunkers_[b].capacity <= 0 || (tried & bit(id_at<BunkerId>(b))) != 0) continue;
    const double d = distance(from, bunkers_[b].position);
    if (d < best_d || (!best && d == best_d)) {
      best_d = d;
      best = id_at<BunkerId>(b);
    }
  }
  return best;
}

void Bunkers::empty_all() {
  for (Door& d : doors_) {
    d.queue.clear();
    d.door_free_at = engine::kLongAgo;
    d.occupancy = 0;
  }
  queued_ = 0;
}

void Bunkers::open_doors(SimTime arrived, SimTime dt, double door_interval,
                         const std::function<void(std::uint32_t, BunkerId)>& turned_away,
                         const std::function<void(std::uint32_t, SimTime)>& let_in) {
  for (std::size_t b = 0; b < doors_.size(); ++b) {
    Door& door = doors_[b];
    while (!door.queue.empty()) {
      if (door.occupancy >= bunkers_[b].capacity) {
        const std::deque<std::uint32_t> sent_on = std::move(door.queue);
        door.queue.clear();
        queued_ -= sent_on.size();
        for (std::uint32_t p : sent_on) turned_away(p, id_at<BunkerId>(b));
        break;
      }
      const SimTime in_at = std::max(door.door_free_at + door_interval, arrived);
      if (in_at >= arrived + dt) break;  // the door is busy until the next tick
      const std::uint32_t p = door.queue.front();
      door.queue.pop_front();
      --queued_;
      door.door_free_at = in_at;
      ++door.occupancy;
      let_in(p, in_at);
    }
  }
}

}  // namespace campsim::camp
