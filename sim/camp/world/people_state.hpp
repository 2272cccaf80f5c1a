#pragma once
// Where each of the camp's people is beyond the schedule: the columns an alarm, a wound and a
// walk back write, one entry per person (indexed by PersonId's value), and the kept census that
// hears of every change. The world writes them; where a person is at an instant is read from
// them by Whereabouts (whereabouts.hpp).
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/camp/core/person.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/world/census_keeper.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

// How a person is placed right now, beyond the schedule.
enum class Motion : std::uint8_t {
  Scheduled,  // where the schedule (or the roster) says
  Moving,     // a mover, stepped every tick
  Queued,     // at a bunker's door, waiting to get in
  Sheltered,  // inside a bunker
  Stranded,   // found every bunker full: stays in the open where they are
  Returning,  // walking back after the all-clear, straight and unhindered (no per-tick cost)
  WithUnit,   // away from the schedule with a unit (a QRF member in a fight), where it has him
};

struct PeopleState {
  std::vector<Motion> motion;
  std::vector<std::optional<BunkerId>> bunker_of;  // sheltered or queued at, if any
  std::vector<Point> held_at;          // where a queued, stranded or WithUnit person stands, or a walk back starts
  std::vector<Point> walk_to;          // where a walk back ends
  std::vector<SimTime> walk_from, walk_until;  // when a walk back starts and ends
  std::vector<std::uint64_t> tried;    // bunkers found full on this alarm (bit b % 64)
  std::vector<SimTime> sheltered_at;   // when they got in (for tests and the record)
  std::vector<SimTime> back_on_duty;   // a casualty's return (infinity if killed)
  std::vector<float> run_speed;        // this alarm's running speed per person
  // After an alarm, the cover of the place a person is leaving and when they set off: until then
  // (the reaction time) they are still there, under that cover; once running, in the open.
  std::vector<Protection> cover;
  std::vector<double> sets_off;
  // Touched at every change of a person's condition, days off or motion; the guard model's
  // rotations (which it does not report person by person) are noticed by their count.
  CensusKeeper census;

  // Persons up to n - 1 join, scheduled, fit and never sheltered.
  void resize(std::size_t n);
  // Every change of motion goes through here, so the census hears of it.
  void set_motion(std::uint32_t person, Motion m) {
    motion[person] = m;
    census.touch(person);
  }
  // Motion at t (a walk back that has ended reads as Scheduled).
  Motion settled_motion(std::uint32_t person, SimTime t) const {
    return motion[person] == Motion::Returning && t >= walk_until[person] ? Motion::Scheduled : motion[person];
  }
};

}  // namespace campsim::camp
