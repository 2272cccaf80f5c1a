#pragma once
// The census kept up to date instead of recounted. Counting every person at every sample was
// most of a quiet run's cost (420 M of 538 M instructions for 30 days of the baseline), yet the
// counts change only when someone's state does (a casualty, an alarm, a door, a walk back, a
// unit's rotation) or when a known instant passes (a wound's days off, the end of a walk back,
// the working hours of the off-camp workers). So each person is counted once in a place, and
// placed again only when:
//   - the world touched them (their state changed),
//   - the instant their placement was good until has come (a heap of those instants),
//   - their placement depends on state the world is not told of (watched: placed every census).
// The working hours are not per person: the off-camp workers at their schedule are one count,
// read as away in working hours and present otherwise.
#include <array>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "sim/camp/world/census.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

// Where one person counts, as far as their own state decides.
enum class CensusPlace : std::uint8_t {
  Present,
  Away,
  Sheltering,
  WoundedInCare,
  Evacuated,
  Dead,
  OffCampByHours,  // an off-camp worker keeping the schedule: away in working hours, present otherwise
  Uncounted,       // joined, not yet placed
};

// A person's place, and how long it holds while nothing the world is told of changes.
struct CensusPlacement {
  CensusPlace place = CensusPlace::Present;
  SimTime until = engine::kNever;  // the same place at every t from the placing to `until` (excluded)
  bool watch = false;              // hangs on state changed behind the world's back: placed at every census
};

class CensusKeeper {
 public:
  using Placer = std::function<CensusPlacement(std::uint32_t person, SimTime t)>;

  // Persons from size() to n - 1 join; they are placed at the next census.
  void grow(std::size_t n);
  // The person's state changed: placed again at the next census.
  void touch(std::uint32_t person);
  void touch_all();
  // The counts at t (not before the previous call's t), after placing again with `place` every
  // person touched, watched, or whose placement ran out by t.
  Census count_at(SimTime t, bool working_hours, const Placer& place);
  // The t of the last count_at (-infinity before the first).
  SimTime last_count() const { return last_count_; }
  std::size_t size() const { return place_.size(); }

 private:
  void put(std::uint32_t person, const CensusPlacement& placement);

  std::vector<CensusPlace> place_;   // per person, where counted now
  std::vector<SimTime> until_;       // per person, the placement's end (a heap entry is live when equal)
  std::vector<std::uint8_t> touched_flag_;
  std::vector<std::uint32_t> touched_;
  std::vector<std::uint32_t> watched_;
  using Expiry = std::pair<SimTime, std::uint32_t>;
  std::priority_queue<Expiry, std::vector<Expiry>, std::greater<>> expiring_;
  std::array<long, static_cast<std::size_t>(CensusPlace::Uncounted) + 1> counts_{};
  SimTime last_count_ = -engine::kNever;
};

}  // namespace campsim::camp
