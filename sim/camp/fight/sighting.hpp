#pragma once
// Seeing in a fight: who sees whom, and how well one fighter could see another now (range,
// light, field of view, walls and clutter). The engagement's look phase draws the detections;
// what shows of a fighter to a rifle (exposure) also sets the chance an aimed shot hits.
#include <cstdint>
#include <vector>

#include "sim/camp/fight/fight_params.hpp"
#include "sim/camp/fight/fighter.hpp"
#include "sim/camp/fight/line_of_sight.hpp"

namespace campsim::fight {

// Per observer, the targets it sees (a row grown as fighters join).
class Sightings {
 public:
  // A fighter joined: a row for what it sees.
  void add_observer() { known_.emplace_back(); }
  bool sees(FighterId observer, FighterId target) const {
    const auto& row = known_[observer.value];
    return target.value < row.size() && row[target.value] != 0;
  }
  // The observer sees (or lost sight of) the target; `fighters` is how many are in the fight.
  void set(FighterId observer, FighterId target, bool known, std::size_t fighters);

 private:
  std::vector<std::vector<std::uint8_t>> known_;  // [observer][target]: 1 while it sees it
};

// What shows of a fighter in this posture to aimed fire (FireParams' exposures).
double exposure(const FireParams& fire, Posture p);

// Visibility of `target` to `observer` now: 0 when out of range, view or sight; otherwise what
// the clutter on the line leaves of the view.
double visibility_to(const FightParams& params, const Terrain& terrain, const Fighter& observer, const Fighter& target,
                     double visibility);

}  // namespace campsim::fight
