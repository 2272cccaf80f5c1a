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
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/core/camp_people.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/world/census.hpp"
#include "sim/camp/world/census_keeper.hpp"
#include "sim/camp/world/population.hpp"
#include "sim/camp/world/world_params.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/crowd/crowd_world.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::camp {

// How a person is placed right now, beyond the schedule.
enum class Motion : std::uint8_t {
  Scheduled,  // where the schedule (or the roster) says
  Moving,     // a mover, stepped every tick
  Queued,     // at a bunker's door, waiting to get in
  Sheltered,  // inside a bunker
  Stranded,   // found every bunker full: stays in the open where they are
  Returning,  // walking back after the all-clear, straight and unhindered (no per-tick cost)
};


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

  // Ticks while anyone runs, and while a door still has a queue to let in (one person per
  // 1 / entry rate seconds, settled tick by tick).
  bool wants_ticks() const;
  // The tick's movement phase: every mover steps, for `dt` seconds in movement_step pieces.
  void move(SimTime now, SimTime dt);
  // The tick's shelter phase: arrivals at doors, admissions, full bunkers.
  void settle(SimTime now, SimTime dt);

  std::size_t population_size() const { return population_.size(); }
  const Population& population() const { return population_; }
  // Motion at t (a walk back that has ended reads as Scheduled).
  Motion motion_of(PersonId id, SimTime t) const { return settled_motion(id.value, t); }
  Motion motion_of(PersonId id) const { return motion_[id.value]; }
  // The bunker the person is sheltered in or queued at, if any.
  std::optional<int> bunker_of(PersonId id) const { return bunker_of_[id.value]; }
  SimTime sheltered_at(PersonId id) const { return sheltered_at_[id.value]; }
  int bunker_occupancy(int bunker) const { return bunkers_[static_cast<std::size_t>(bunker)].occupancy; }
  PersonId person_of_soldier(int soldier) const override { return guard_person_[static_cast<std::size_t>(soldier)]; }
  Point position_of(PersonId id, SimTime t) const override { return view_of(id, t).position; }
  std::vector<PersonId> fit_and_away(const std::string& contingent, SimTime t) const override;
  const WorldStats& stats() const { return stats_; }

  // Everyone counted by where they are at t (census.hpp); the counts add up to population_size().
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
  struct Movers {  // struct of arrays; slot order = order of joining, kept stable
    std::vector<float> x, y;        // where the kernel put them at the end of the last step
    std::vector<float> goal_x, goal_y, speed;
    std::vector<double> start;      // when they set off (alarm + reaction)
    std::vector<std::uint32_t> person;
    std::vector<int> bunker;        // heading for this bunker
    std::vector<crowd::CrowdAgentId> agent;  // in crowd_
    std::vector<std::uint8_t> running;       // set off: the kernel has their running speed
    void push(std::uint32_t who, Point from, Point goal, float v, double when, int to_bunker, crowd::CrowdAgentId id);
    void erase(std::size_t slot);
    std::size_t size() const { return person.size(); }
  };
  struct BunkerState {
    int occupancy = 0;
    SimTime door_free_at = engine::kLongAgo;  // when the door can take the next person
    std::deque<std::uint32_t> queue;  // persons at the door, in order of arrival
  };

  Point current_position(std::uint32_t person, SimTime t) const;
  Motion settled_motion(std::uint32_t person, SimTime t) const;
  // Every mover's position, by person (empty when nobody moves).
  std::vector<Point> mover_positions() const;
  PersonView view_with(std::uint32_t person, SimTime t, const std::vector<Point>& mover_at) const;
  // Where the person counts in the census at t, and for how long (census_keeper.hpp).
  CensusPlacement census_placement(std::uint32_t person, SimTime t) const;
  // Every change of motion goes through here, so the census hears of it.
  void set_motion(std::uint32_t person, Motion motion);
  bool in_camp_and_fit(std::uint32_t person, SimTime t) const;
  // The same, with in_daily_window(time of day at t, work_from, work_to) already worked out
  // (the census: once for the whole population instead of three times a person).
  bool in_camp_and_fit(std::uint32_t person, SimTime t, bool working_hours) const;
  bool working_hours_at(SimTime t) const;
  std::optional<int> nearest_open_bunker(Point from, std::uint64_t tried) const;
  // The post the person stands now: none for anyone but a guard on post.
  std::optional<int> post_of(const PersonRecord& person) const;
  void head_for_bunker(std::uint32_t person, Point from, SimTime when, double speed);
  void stop_moving(std::uint32_t person);
  // Takes mover `slot` out of the movers and the kernel.
  void drop_mover(std::size_t slot);
  // Takes a person standing in a door's queue out of the kernel (let in, sent on, or stopped).
  void release_queued(std::uint32_t person);
  // The last agent out of the kernel drops it.
  void release_agent(crowd::CrowdAgentId id);

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
  std::vector<Motion> motion_;
  std::vector<std::optional<int>> bunker_of_;  // sheltered or queued at, if any
  std::vector<Point> held_at_;          // where a queued or stranded person stands, or a walk back starts
  std::vector<Point> walk_to_;          // where a walk back ends
  std::vector<SimTime> walk_from_, walk_until_;  // when a walk back starts and ends
  std::vector<std::uint64_t> tried_;    // bunkers found full on this alarm (bit b % 64)
  std::vector<SimTime> sheltered_at_;   // when they got in (for tests and the record)
  std::vector<SimTime> back_on_duty_;   // a casualty's return (infinity if killed)
  std::vector<float> run_speed_;        // this alarm's running speed per person
  // After an alarm, the cover of the place a person is leaving and when they set off: until then
  // (the reaction time) they are still there, under that cover; once running, in the open.
  std::vector<Protection> cover_;
  std::vector<double> sets_off_;
  Movers movers_;
  std::unique_ptr<crowd::CrowdWorld> crowd_;  // this alarm's runners and queues; null when empty
  // People in a door's queue still take room in the kernel (standing, desired speed 0), so
  // runners arriving behind them stop short, and those sent on leave from where they stood.
  std::vector<std::optional<crowd::CrowdAgentId>> queued_agent_;  // per person
  std::vector<BunkerState> bunkers_;
  WorldStats stats_;
  // Touched at every change of a person's condition, days off or motion; the guard model's
  // rotations (which it does not report person by person) are noticed by their count.
  CensusKeeper census_keeper_;
  long census_rotations_ = 0;
  bool check_census_ = false;
};

}  // namespace campsim::camp
