#pragma once
// The people an attack can reach, as the threat modules see them: where each one is at that
// instant and what covers them. The world (sim/camp/world/world.hpp) provides them from its
// agents; a threat never places people itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::camp {

struct Person {
  Point position;
  Protection protection = Protection::Open;
  std::optional<ZoneId> zone;  // none outside any zone (a sentry, a runner)
  std::string contingent;
  bool asleep = false;      // in bed: slower to react to a warning
  std::optional<PersonId> person = std::nullopt;  // the world's person; none for someone of a hand-made list
  bool sentry = false;      // standing a post: holds it under fire
  bool guard = false;       // a soldier of the guard force, on post or off duty
};

// The person's key for a random stream: the id, or `fallback` for someone of a hand-made list.
inline std::uint64_t stream_entity(const Person& p, std::uint64_t fallback) {
  return p.person ? std::uint64_t{p.person->value} : fallback;
}

// Night occupancy applies from 22:00 to 06:00 (assumed: lights out to reveille).
bool is_night_occupancy(SimTime time_of_day);

}  // namespace campsim::camp
