#pragma once
// Everyone in the camp as an agent: a contingent, a role, a home (an accommodation zone), a
// workplace, and a daily schedule. Between movements a person's place follows from the schedule
// and the clock, so quiet time costs nothing per person (docs/odd.md, "People").
//
// The population is built from the layout's zone counts so that, by day and by night, each zone
// holds the people the scenario says it holds (occupants_day, occupants_night):
//   - every accommodation zone's night occupants live there (its residents);
//   - each work zone's day and night occupants are day and night workers drawn from residents,
//     those of the zone's own contingent first (the Chinese hospital is staffed from the Chinese
//     lines), then from the largest accommodation zones;
//   - by day, residents who neither work in a zone nor stay at home are out of the camp
//     (patrols, convoys, work in town), where attacks on the camp cannot reach them;
//   - the guard company's soldiers are people too (role Guard, living in the force's lines); the
//     roster puts them on posts; off duty they are at home.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::camp {

// Which hours a person keeps (all times local; assumed, see docs/odd.md):
enum class Shift : std::uint8_t {
  Day,      // works 07:00-19:00 at the workplace, at home 19:00-22:00, asleep 22:00-07:00
  Night,    // works 19:00-07:00, asleep at home 07:00-15:00, at home 15:00-19:00
  Home,     // at home by day (off duty, day sleepers of other trades), asleep 22:00-07:00
  OffCamp,  // out of the camp 07:00-19:00, at home 19:00-22:00, asleep 22:00-07:00
  Roster,   // a guard: the roster decides; off duty at home (asleep 22:00-07:00)
};

// Whether a person is still part of the camp's life.
enum class Condition : std::uint8_t { Fit, Casualty, Killed, Departed };

struct PersonRecord {
  PersonRole role = PersonRole::Resident;
  Shift shift = Shift::Home;
  Condition condition = Condition::Fit;
  int contingent = 0;      // index into Population::contingents
  std::optional<ZoneId> home;  // accommodation zone; none for a guard whose force has no lines in the layout
  std::optional<ZoneId> work;  // workplace zone; none for those who work nowhere in the camp
  Point home_spot;         // bed
  Point work_spot;         // desk, bay or workshop place
  std::optional<int> soldier;  // for guards: index into GuardModel::soldiers(); none for others
};

// Where a person is, by the schedule alone, at a local time of day.
struct ScheduledPlace {
  Point position;
  PersonActivity activity = PersonActivity::AtHome;
  std::optional<ZoneId> zone;  // none when off camp
};

// Local hours of the schedule (assumed: a working day of two six-hour blocks with the evening at
// home, lights out at 22:00, reveille at 07:00; night workers sleep in the morning).
struct DailySchedule {
  SimTime work_from = 7 * engine::kHour;
  SimTime work_to = 19 * engine::kHour;
  SimTime lights_out = 22 * engine::kHour;
  SimTime night_sleep_to = 15 * engine::kHour;
};

// Which of the schedule's windows a local time of day falls in: the same for everyone, so worked
// out once when everyone's place is asked at one instant (a fight asks every few seconds).
struct ScheduleClock {
  bool working_hours = false;       // in [work_from, work_to)
  bool night_asleep = false;        // in [lights_out, work_from): everyone off work asleep
  bool night_shift_asleep = false;  // in [work_from, night_sleep_to): night workers asleep
};
ScheduleClock schedule_clock(const DailySchedule& schedule, SimTime time_of_day);

ScheduledPlace scheduled_place(const PersonRecord& person, const ScheduleClock& clock);
inline ScheduledPlace scheduled_place(const PersonRecord& person, const DailySchedule& schedule, SimTime time_of_day) {
  return scheduled_place(person, schedule_clock(schedule, time_of_day));
}

// Whether the schedule has this shift's people off the camp: off-camp workers in working hours
// (in_daily_window(time_of_day, work_from, work_to)), nobody else. scheduled_place's activity is
// OffCamp exactly then; the world's census asks it of every person at every sample with the
// working hours worked out once.
inline bool scheduled_off_camp(Shift shift, bool working_hours) { return shift == Shift::OffCamp && working_hours; }

class Population {
 public:
  // The guards live in the accommodation zone of the guard force's contingent (if any), and
  // `guard_pool` the number of guards that will be added with add_guard (they are taken out of
  // that zone's residents, so zone counts stay what the layout says). Spots inside zones come
  // from a quasi-random (Halton) sequence per zone: deterministic, evenly spread, no RNG needed.
  Population(const CampLayout& layout, const std::string& guard_contingent, int guard_pool);
  // The same population, copied from one remembered per layout when an earlier run built it for
  // equal zones (kinds, contingents, occupants, polygons) and guard force: every run of a batch
  // on one layout has the same people (issue 25: building them was 1.5 M instructions a run).
  static Population for_layout(const CampLayout& layout, const std::string& guard_contingent, int guard_pool);

  std::size_t size() const { return people_.size(); }
  const PersonRecord& operator[](PersonId id) const { return people_[id.value]; }
  PersonRecord& operator[](PersonId id) { return people_[id.value]; }
  const std::vector<PersonRecord>& people() const { return people_; }
  const std::vector<std::string>& contingents() const { return contingents_; }
  const std::string& contingent_of(PersonId id) const { return contingents_[static_cast<std::size_t>(people_[id.value].contingent)]; }

  // A new guard (soldier `soldier` of the guard model) living in the force's lines.
  PersonId add_guard(int soldier);
  std::optional<ZoneId> guard_home() const { return guard_home_; }

 private:
  // What a population is besides its layout: what is remembered per layout.
  struct Built {
    std::vector<PersonRecord> people;
    std::vector<std::string> contingents;
    std::vector<std::uint32_t> spots_used;
    std::optional<ZoneId> guard_home;
    int guard_contingent = 0;
  };
  Population(const CampLayout& layout, const Built& built);
  Built built() const;

  int contingent_index(const std::string& name);
  Point spot_in_zone(ZoneId zone);

  const CampLayout& layout_;
  std::vector<PersonRecord> people_;
  std::vector<std::string> contingents_;
  std::vector<std::uint32_t> spots_used_;  // per zone: how many spots handed out (Halton index)
  std::optional<ZoneId> guard_home_;
  int guard_contingent_ = 0;
};

// The protection of a place: inside a container-built zone (accommodation, headquarters,
// hospital) or in the open (yards, helipad, motor pool).
Protection zone_protection(const Zone& zone);

}  // namespace campsim::camp
