#pragma once
// Who is where in the camp when something happens: each zone holds its day or night occupants,
// spread evenly over it, inside buildings or in the open according to the zone's kind.
#include <string>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/threats/casualty.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

struct Person {
  Point position;
  Protection protection = Protection::Open;
  int zone = -1;            // index into layout.zones; -1 for a sentry at a post
  std::string contingent;
  bool asleep = false;      // in accommodation at night: slower to react to a warning
};

// Night occupancy applies from 22:00 to 06:00 (assumed: lights out to reveille).
bool is_night_occupancy(SimTime time_of_day);

// Places every zone's occupants at uniformly random points inside the zone (rejection sampling
// in its bounding box). Accommodation, headquarters and hospital occupants are under a
// container roof; everyone else is in the open.
std::vector<Person> place_people(const CampLayout& layout, SimTime time_of_day, engine::RandomStream& rng);

}  // namespace campsim::camp
