#pragma once
// The people an attack can reach, as the threat modules see them: where each one is at that
// instant and what covers them. The world (sim/camp/world/world.hpp) provides them from its
// agents; a threat never places people itself.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::camp {

// A person of the world: an index into its population, stable for the whole run.
struct PersonTag {};
using PersonId = engine::Id<PersonTag>;

struct Person {
  Point position;
  Protection protection = Protection::Open;
  int zone = -1;            // index into layout.zones; -1 outside any zone (a sentry, a runner)
  std::string contingent;
  bool asleep = false;      // in bed: slower to react to a warning
  int person = -1;          // the world's person id (PersonId::value), -1 for a hand-made list
  bool sentry = false;      // standing a post: holds it under fire
  bool guard = false;       // a soldier of the guard force, on post or off duty
};

// Night occupancy applies from 22:00 to 06:00 (assumed: lights out to reveille).
bool is_night_occupancy(SimTime time_of_day);

}  // namespace campsim::camp
