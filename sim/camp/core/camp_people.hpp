#pragma once
// The people of the camp as the modules that act on them reach them (threats, protests): where
// everyone is and what covers them, who is hit, the alarm and the all-clear. The world
// (sim/camp/world) is the one implementation in a run; a module holds a CampPeople&, never the
// world itself, so the modules depend on this core and not on each other.
#include <string>
#include <vector>

#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/geometry.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

// The reactions to an alarm, from the threat that raised it (indirect fire's parameters, which
// always fill it: threat_model.cpp). These member defaults are only a hand-worked setting for tests.
struct AlarmResponse {
  SimTime reaction_awake = 5;
  SimTime reaction_asleep = 40;
  double run_speed_mps = 3.0;
};

class CampPeople {
 public:
  virtual ~CampPeople() = default;

  // Everyone in the camp and fit at t, where they are and what covers them. `out` is cleared
  // and refilled, so a caller that asks every tick keeps one buffer.
  virtual void people_at(SimTime t, std::vector<Person>& out) const = 0;
  std::vector<Person> people_at(SimTime t) const {
    std::vector<Person> people;
    people_at(t, people);
    return people;
  }
  // A casualty takes effect: the person is hurt or killed where they are.
  virtual void apply_casualty(const Casualty& casualty) = 0;
  // The alarm sends people to the bunkers; the all-clear sends them back.
  virtual void sound_alarm(SimTime t, const AlarmResponse& response) = 0;
  virtual void all_clear(SimTime t) = 0;
  // The person is away from the schedule with a unit (a QRF member in a fight): where the unit
  // has him now. He stays there, out of the alarm's runs, until released; a wound or death
  // takes him out as anyone else (apply_casualty).
  virtual void with_unit(PersonId person, Point at) = 0;
  // Released from the unit at t: walks back to their scheduled place.
  virtual void released_from_unit(PersonId person, SimTime t) = 0;
  // The person who is soldier `soldier` of the guard force (GuardModel's index), and where a
  // person is at t.
  virtual PersonId person_of_soldier(int soldier) const = 0;
  virtual Point position_of(PersonId person, SimTime t) const = 0;
  // The people of `contingent` who are out of the camp and fit at t, ascending ids: whom a
  // roadside bomb on a route can hit.
  virtual std::vector<PersonId> fit_and_away(const std::string& contingent, SimTime t) const = 0;
};

}  // namespace campsim::camp
