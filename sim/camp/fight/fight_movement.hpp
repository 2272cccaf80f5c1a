#pragma once
// Moving in a fight: intruders through the wire and on to their goal, the QRF closing on where
// an intruder was last seen (taking the wounded it reaches), intruders at their goal hunting the
// nearest bystander, and everyone walking round the walls (walkways.hpp). Fighters move in id
// order and draw nothing at random.
#include <optional>
#include <vector>

#include "sim/camp/fight/fight_params.hpp"
#include "sim/camp/fight/fighter.hpp"
#include "sim/camp/fight/line_of_sight.hpp"
#include "sim/camp/fight/walkways.hpp"

namespace campsim::fight {

// The ways fighters walk: straight where no wall stands between, round the walls otherwise
// (the walls' corner graph is built when a wall first stands in someone's way).
class Routes {
 public:
  explicit Routes(const Terrain& terrain) : terrain_(terrain) {}
  // Walks `f` up to `metres` along its way to its goal, planning the way around walls first
  // when the goal is new or has moved.
  void walk(Fighter& f, double metres);

 private:
  void plan(Fighter& f);

  const Terrain& terrain_;
  std::optional<Walkways> walkways_;
};

// Timers run out: the waiting set off, intruders through the wire step across it.
void advance_timers(std::vector<Fighter>& fighters, const MoveParams& move, SimTime now);

// Everyone who moves this step moves, in id order: attackers too long inside withdraw, the QRF
// takes the wounded near it and closes on `last_seen`, intruders at their goal with nobody in
// sight hunt a bystander within `hunt_radius_m`; the walkers walk, slowed by suppression.
void move_fighters(std::vector<Fighter>& fighters, const MoveParams& move, double hunt_radius_m,
                   const std::optional<Point>& last_seen, Routes& routes, SimTime now, SimTime dt);

}  // namespace campsim::fight
