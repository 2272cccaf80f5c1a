#pragma once
// The camp's world: its people as agents, where each one is at every instant, who moves, and
// the bunkers they run to. Guards, threats, the QRF and the medical chain read and change it.
//
// Cost model (why quiet time is nearly free): a person at rest has no per-second state; their
// place follows from the schedule and the clock (scheduled_place). Only movers -- people running
// to a bunker -- are stepped, tick by tick, on the crowd kernel (sim/crowd: the collision-free
// speed model on a sparse grid, the perimeter as a wall; the protest crowd walks on the same
// kernel); the engine ticks while there are movers and jumps otherwise (wants_ticks).
// Everything a tick does is a function of the state and the tick time, so jumping gives the
// same bytes as ticking every second.
//
// The movement step (move) is the kernel's: double-buffered, every runner's next position
// computed from the current positions only (TBB chunks), the same bytes on any thread count.
// Who reaches a door, queues, gets in or finds a bunker full is then settled serially in mover
// order. Each alarm's runners get a fresh kernel, dropped when the last of them has settled.
//
// The world's parts, each with its own job: the people's state beyond the schedule
// (people_state.hpp), the runners on the kernel (bunker_runners.hpp), the bunkers' doors and room
// (bunkers.hpp), and where everyone is at an instant, read from those (whereabouts.hpp). The
// world drives them: alarms, casualties, the all-clear, the tick's phases.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/core/camp_people.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/world/census.hpp"
#include "sim/camp/world/bunkers.hpp"
#include "sim/camp/world/census_keeper.hpp"
#include "sim/camp/world/people_state.hpp"
#include "sim/camp/world/population.hpp"
#include "sim/camp/world/bunker_runners.hpp"
#include "sim/camp/world/whereabouts.hpp"
#include "sim/camp/world/world_params.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::camp {

struct WorldStats {
  long alarms = 0;
  long shelter_runs = 0;          // people who set off for a bunker
  long sheltered = 0;             // ... who got in
  long bunker_full = 0;           // times someone reached a door and found the bunker full
  long stranded = 0;              // people who found every bunker full
  long casualties_applied = 0;
  long returned_to_duty = 0;      // wounded the medical chain sent back (discharged, treated)
  long evacuated = 0;             // wounded flown out to Level 3 (gone for the run)
  long died_of_wounds = 0;        // wounded who died in the chain's care
  std::uint64_t agent_steps = 0;  // mover position updates (the movement phase's work)
  double movement_seconds = 0;    // wall time of the movement phase (for the summary, never in metrics)
};

// The camp's people as agents; the threats and protests reach them through CampPeople.
class World final : public CampPeople {
 public:
  World(const CampLayout& layout, const GuardParams& guard_params, const WorldParams& params, GuardModel& guards,
        const std::vector<Point>& post_positions, SimTime start_time_of_day, engine::Parallelism& parallelism,
        engine::EventLog& log);

  // Persons for soldiers the guard model has added since (at the start, and after a rotation).
  void sync_guards();

  // Everyone an attack on the camp can reach at time t: in camp, not a casualty (sentries too).
  // Into `out` (cleared first): a caller asking every tick keeps its buffer, so a list of a few
  // thousand people is not allocated and freed (and its pages faulted in) each time.
  void people_at(SimTime t, std::vector<Person>& out) const override;
  using CampPeople::people_at;
  // A casualty takes effect: the person stops; a sentry leaves the post; the hurt are off duty
  // (until the medical chain discharges them when it runs in the loop; otherwise for the assumed
  // days_off_by_triage).
  void apply_casualty(const Casualty& casualty) override;
  // The medical chain runs in the loop and reports when each casualty leaves care
  // (leave_care); until then the wounded stay off duty.
  void expect_care_exits() { care_reports_exits_ = true; }
  // A casualty leaves the medical chain at t: back on duty (Survived: discharged or treated and
  // sent back), gone for the rest of the run (EvacuatedL3), or dead (DiedOfWounds).
  void leave_care(const Casualty& casualty, SimTime t, CareOutcome outcome);

  // The alarm sounds at t: everyone in camp not on post and not hurt heads for a bunker.
  void sound_alarm(SimTime t, const AlarmResponse& response) override;
  // The all-clear at t: the sheltered, queued, stranded and still running walk back. People
  // dispersing from bunkers hardly meet, so the walk back is a straight line at walking speed,
  // computed from the clock (like a schedule), not stepped.
  void all_clear(SimTime t) override;
  // A person with a unit (a QRF member in a fight) is where the unit has him, in the open; the
  // alarm's runs and the all-clear leave him there. Released, he walks back like after an
  // all-clear. Only the fit are placed: a casualty stays where he was hit.
  void with_unit(PersonId person, Point at) override;
  void released_from_unit(PersonId person, SimTime t) override;

  // Ticks while anyone runs, and while a door still has a queue to let in (one person per
  // 1 / entry rate seconds, settled tick by tick).
  bool wants_ticks() const;
  // The tick's movement phase: every mover steps, for `dt` seconds in movement_step pieces.
  void move(SimTime now, SimTime dt);
  // The tick's shelter phase: arrivals at doors, admissions, full bunkers.
  void settle(SimTime now, SimTime dt);

  const Population& population() const { return population_; }
  // Motion at t (a walk back that has ended reads as Scheduled).
  Motion motion_of(PersonId id, SimTime t) const { return state_.settled_motion(id.value, t); }
  // Each person's motion, bunker (sheltered in or queued at), time sheltered, ... (tests).
  const PeopleState& people_state() const { return state_; }
  int bunker_occupancy(BunkerId bunker) const { return bunkers_.occupancy(bunker); }
  PersonId person_of_soldier(int soldier) const override { return guard_person_[static_cast<std::size_t>(soldier)]; }
  Point position_of(PersonId id, SimTime t) const override { return view_of(id, t).position; }
  std::vector<PersonId> fit_and_away(const std::string& contingent, SimTime t) const override;
  const WorldStats& stats() const { return stats_; }

  // Everyone counted by where they are at t (census.hpp); the counts add up to population().size().
  // Read from counts kept up to date (census_keeper.hpp), so it moves them forward to t; an
  // instant before the last census is recounted.
  Census census(SimTime t);
  // The same by counting every person afresh: what the kept counts must always equal.
  Census census_recount(SimTime t) const;
  // Checks every census against a recount and throws std::logic_error when they differ (tests).
  void check_census(bool on) { check_census_ = on; }

  // Each person's place and activity at t, for snapshots and tests; reads only.
  PersonView view_of(PersonId id, SimTime t) const;
  std::vector<PersonView> people_views(SimTime t) const;

 private:
  // Where everyone is, read from the world's parts as they are now.
  Whereabouts where() const;
  void head_for_bunker(std::uint32_t person, Point from, SimTime when, double speed);
  // Out of the run, the queue or the bunker, back to the schedule.
  void stop_moving(std::uint32_t person);
  // Walks back from `from` to the scheduled place, from t.
  void walk_back(std::uint32_t person, Point from, SimTime t);

  const CampLayout& layout_;
  const GuardParams& guard_params_;
  const WorldParams& params_;
  bool care_reports_exits_ = false;  // expect_care_exits
  GuardModel& guards_;
  const std::vector<Point>& post_positions_;
  SimTime start_time_of_day_ = 0;
  engine::Parallelism& parallelism_;
  engine::EventLog& log_;

  Population population_;
  std::vector<PersonId> guard_person_;  // per soldier
  PeopleState state_;
  BunkerRunners run_;
  Bunkers bunkers_;
  WorldStats stats_;
  long census_rotations_ = 0;  // the guard model's rotations the census has heard of
  bool check_census_ = false;
};

}  // namespace campsim::camp
