#pragma once
// Where each of the camp's people is at an instant, and under what cover: read from the
// schedule and the clock for anyone at rest (scheduled_place), from the guard roster for a
// sentry, and from the people's state (people_state.hpp) and the runners (bunker_runners.hpp) since
// an alarm. Reads only; the world hands out one of these over its parts (World::where).
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/camp/core/person.hpp"
#include "sim/camp/guard_model.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/world/census.hpp"
#include "sim/camp/world/census_keeper.hpp"
#include "sim/camp/world/people_state.hpp"
#include "sim/camp/world/population.hpp"
#include "sim/camp/world/bunker_runners.hpp"
#include "sim/camp/world/world_params.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::camp {

struct Whereabouts {
  const CampLayout& layout;
  const GuardParams& guard_params;
  const WorldParams& params;
  const GuardModel& guards;
  const std::vector<Point>& post_positions;
  SimTime start_time_of_day = 0;
  const Population& population;
  const PeopleState& state;
  const BunkerRunners& run;

  bool working_hours_at(SimTime t) const;
  // The post the person stands now: none for anyone but a guard on post.
  std::optional<int> post_of(const PersonRecord& person) const;
  // `working_hours` is in_daily_window(time of day at t, work_from, work_to), worked out once for
  // everyone asked at t (working_hours_at, or clock_at(t).working_hours).
  bool in_camp_and_fit(std::uint32_t person, SimTime t, bool working_hours) const;
  // `clock` is clock_at(t), worked out once for everyone asked at t.
  Point current_position(std::uint32_t person, SimTime t, const ScheduleClock& clock) const;
  // The person's place and activity at t; `mover_at` is BunkerRunners::positions (read once for
  // everyone, not per person).
  PersonView view(std::uint32_t person, SimTime t, const std::vector<Point>& mover_at) const;
  // The same with clock_at(t) worked out once for a whole snapshot: three remainders a person were
  // a sixth of a recorded run's instructions (issue 25).
  PersonView view(std::uint32_t person, SimTime t, const std::vector<Point>& mover_at, const ScheduleClock& clock) const;
  // The schedule's windows at t (the time of day from the run's start time).
  ScheduleClock clock_at(SimTime t) const;
  // Everyone an attack on the camp can reach at t, with their cover (CampPeople::people_at).
  void people_at(SimTime t, std::vector<Person>& out) const;
  // Where the person counts in the census at t, and for how long (census_keeper.hpp).
  CensusPlacement census_placement(std::uint32_t person, SimTime t) const;
  // The census by counting every person afresh.
  Census census_recount(SimTime t) const;
};

}  // namespace campsim::camp
