#pragma once
// The camp's bunkers during an alarm: how many are inside each, who waits at its door, and
// when the door can take the next person (one per 1 / entry rate seconds). Which bunker a
// runner heads for is chosen here too: the nearest with room they have not found full.
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

class Bunkers {
 public:
  explicit Bunkers(const std::vector<Bunker>& bunkers) : bunkers_(bunkers), doors_(bunkers.size()) {}

  // The bit a bunker has in a person's set of bunkers found full on this alarm (bit b % 64).
  static std::uint64_t bit(BunkerId bunker) { return std::uint64_t{1} << (bunker.value % 64U); }
  // The nearest bunker with room not in `tried`: the first choice may be far; after a full
  // bunker only a detour up to `max_detour_m` is worth it.
  std::optional<BunkerId> nearest_open(Point from, std::uint64_t tried, double max_detour_m) const;
  Point position(BunkerId bunker) const { return bunkers_[bunker.value].position; }
  int occupancy(BunkerId bunker) const { return doors_[bunker.value].occupancy; }
  // Asked at every boundary of the loop (World::wants_ticks), so it is a count, not a scan.
  bool any_queue() const { return queued_ > 0; }

  void join_queue(BunkerId bunker, std::uint32_t person) {
    doors_[bunker.value].queue.push_back(person);
    ++queued_;
  }
  void leave_queue(BunkerId bunker, std::uint32_t person) { queued_ -= std::erase(doors_[bunker.value].queue, person); }
  void leave(BunkerId bunker) { --doors_[bunker.value].occupancy; }
  // The all-clear: every bunker empty, every door free.
  void empty_all();

  // The doors for one tick, bunker by bunker: each lets in its queue in order, one person per
  // `door_interval` seconds, at times from `arrived` until `arrived + dt` (let_in(person, time));
  // a full bunker turns its whole queue away (turned_away(person, bunker), in queue order).
  void open_doors(SimTime arrived, SimTime dt, double door_interval,
                  const std::function<void(std::uint32_t, BunkerId)>& turned_away,
                  const std::function<void(std::uint32_t, SimTime)>& let_in);

 private:
  struct Door {
    int occupancy = 0;
    SimTime door_free_at = engine::kLongAgo;  // when the door can take the next person
    std::deque<std::uint32_t> queue;  // persons at the door, in order of arrival
  };

  const std::vector<Bunker>& bunkers_;
  std::vector<Door> doors_;
  std::size_t queued_ = 0;  // persons in every door's queue together
};

}  // namespace campsim::camp
