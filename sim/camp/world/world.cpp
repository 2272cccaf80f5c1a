#include "sim/camp/world/world.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "sim/camp/human_factors.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

bool World::wants_ticks() const { return run_.movers().size() != 0 || bunkers_.any_queue(); }

World::World(const CampLayout& layout, const GuardParams& guard_params, const WorldParams& params, GuardModel& guards,
             const std::vector<Point>& post_positions, SimTime start_time_of_day, engine::Parallelism& parallelism,
             engine::EventLog& log)
    : layout_(layout),
      guard_params_(guard_params),
      params_(params),
      guards_(guards),
      post_positions_(post_positions),
      start_time_of_day_(start_time_of_day),
      parallelism_(parallelism),
      log_(log),
      population_(Population::for_layout(layout, guard_params.force.contingent, guard_params.force.guard_pool)),
      bunkers_(layout.bunkers) {
  sync_guards();
}

void World::sync_guards() {
  const std::size_t soldiers = guards_.soldiers().size();
  while (guard_person_.size() < soldiers) guard_person_.push_back(population_.add_guard(static_cast<int>(guard_person_.size())));
  state_.resize(population_.size());
  run_.grow(population_.size());
}

Whereabouts World::where() const {
  return {layout_, guard_params_, params_, guards_, post_positions_, start_time_of_day_, population_, state_, run_};
}

void World::people_at(SimTime t, std::vector<Person>& people) const { where().people_at(t, people); }

void World::stop_moving(std::uint32_t p) {
  if (state_.motion[p] == Motion::Moving) {
    run_.stop(p);
  } else if (state_.motion[p] == Motion::Queued) {
    bunkers_.leave_queue(*state_.bunker_of[p], p);
    run_.release_queued(p);
  } else if (state_.motion[p] == Motion::Sheltered) {
    bunkers_.leave(*state_.bunker_of[p]);
  }
  state_.set_motion(p, Motion::Scheduled);  // also ends a walk back
  state_.bunker_of[p].reset();
}

void World::apply_casualty(const Casualty& c) {
  if (!c.person || c.person->value >= population_.size()) return;
  const std::uint32_t p = c.person->value;
  PersonRecord& r = population_[PersonId{p}];
  if (r.condition == Condition::Killed) return;
  stop_moving(p);
  state_.held_at[p] = c.position;
  state_.census.touch(p);  // a new condition and days off
  ++stats_.casualties_applied;
  SimTime& back = state_.back_on_duty[p];
  if (c.triage == Triage::Killed) {
    r.condition = Condition::Killed;
    back = engine::kNever;
  } else {
    r.condition = Condition::Casualty;
    const auto category = static_cast<std::size_t>(c.triage) - 1;  // Immediate, Delayed, Minimal
    back = care_reports_exits_
               ? engine::kNever  // until the chain reports the discharge
               : std::max(back, c.time + params_.days_off_by_triage[std::min<std::size_t>(category, 2)] * engine::kDay);
  }
  if (r.soldier) guards_.casualty(*r.soldier, c.time, back);
}

void World::leave_care(const Casualty& c, SimTime t, CareOutcome outcome) {
  if (!c.person || c.person->value >= population_.size()) return;
  const std::uint32_t p = c.person->value;
  PersonRecord& r = population_[PersonId{p}];
  if (r.condition != Condition::Casualty) return;  // killed outright, or already gone
  state_.census.touch(p);  // back on duty, gone or dead from now
  switch (outcome) {
    case CareOutcome::Survived:
      // Discharged or treated and sent back: fit for duty from now (the roster may take them).
      state_.back_on_duty[p] = t;
      if (r.soldier) guards_.return_to_duty(*r.soldier, t);
      ++stats_.returned_to_duty;
      break;
    case CareOutcome::EvacuatedL3:
      r.condition = Condition::Departed;
      ++stats_.evacuated;
      break;
    case CareOutcome::DiedOfWounds:
      r.condition = Condition::Killed;
      ++stats_.died_of_wounds;
      break;
    case CareOutcome::Killed: break;  // reported at arrival: apply_casualty already did it
    case CareOutcome::InCare: break;  // never reported: it is what a casualty is when the run ends
  }
  log_.record(t, "left_care", {{"person", static_cast<std::int64_t>(p)},
                               {"casualty", static_cast<std::int64_t>(c.id)},
                               {"outcome", std::string(care_outcome_name(outcome))}});
}

void World::head_for_bunker(std::uint32_t p, Point from, SimTime when, double speed) {
  state_.sets_off[p] = when;
  const std::optional<BunkerId> bunker = bunkers_.nearest_open(from, state_.tried[p], params_.max_detour_m);
  if (!bunker) {
    run_.release_queued(p);
    state_.set_motion(p, Motion::Stranded);
    state_.held_at[p] = from;
    ++stats_.stranded;
    return;
  }
  state_.set_motion(p, Motion::Moving);
  state_.bunker_of[p].reset();
  run_.join(p, from, bunkers_.position(*bunker), static_cast<float>(speed), when, *bunker, layout_, params_.body_radius_m);
}

void World::sound_alarm(SimTime t, const AlarmResponse& response) {
  ++stats_.alarms;
  const Whereabouts where_now = where();
  const ScheduleClock clock = where_now.clock_at(t);  // once, not per person
  long runners = 0;
  for (std::uint32_t p = 0; p < population_.size(); ++p) {
    const Motion motion = state_.settled_motion(p, t);
    if ((motion != Motion::Scheduled && motion != Motion::Returning) || !where_now.in_camp_and_fit(p, t, clock.working_hours))
      continue;
    const PersonRecord& r = population_.people()[p];
    if (where_now.post_of(r)) continue;  // sentries hold their posts
    const Point from = where_now.current_position(p, t, clock);
    state_.set_motion(p, Motion::Scheduled);
    const ScheduledPlace place = scheduled_place(r, clock);
    const bool asleep = place.activity == PersonActivity::Asleep;
    // Walking back from a bunker is in the open; at their place, the place's cover.
    state_.cover[p] = motion == Motion::Scheduled && place.zone ? zone_protection(layout_.zone(*place.zone))
                                                                 : Protection::Open;
    state_.tried[p] = 0;
    state_.run_speed[p] = static_cast<float>(response.run_speed_mps);
    head_for_bunker(p, from, t + (asleep ? response.reaction_asleep : response.reaction_awake), response.run_speed_mps);
    ++runners;
  }
  stats_.shelter_runs += runners;
  log_.record(t, "alarm", {{"runners", static_cast<std::int64_t>(runners)}});
}

void World::walk_back(std::uint32_t p, Point from, SimTime t) {
  stop_moving(p);
  state_.held_at[p] = from;
  state_.walk_to[p] =
      scheduled_place(population_.people()[p], params_.schedule, engine::time_of_day(start_time_of_day_, t)).position;
  state_.walk_from[p] = t;
  state_.walk_until[p] = t + distance(from, state_.walk_to[p]) / params_.walk_speed_mps;
  state_.set_motion(p, Motion::Returning);
}

void World::all_clear(SimTime t) {
  const Whereabouts where_now = where();
  const ScheduleClock clock = where_now.clock_at(t);
  long walkers = 0;
  for (std::uint32_t p = 0; p < population_.size(); ++p) {
    const Motion motion = state_.settled_motion(p, t);
    if (motion == Motion::Scheduled || motion == Motion::WithUnit) continue;  // the unit keeps its own
    walk_back(p, where_now.current_position(p, t, clock), t);
    ++walkers;
  }
  bunkers_.empty_all();
  log_.record(t, "all_clear", {{"walking_back", static_cast<std::int64_t>(walkers)}});
}

void World::with_unit(PersonId id, Point at) {
  if (id.value >= population_.size() || population_[id].condition != Condition::Fit) return;
  const std::uint32_t p = id.value;
  if (state_.motion[p] != Motion::WithUnit) {
    stop_moving(p);  // out of a bunker, a queue or a run
    state_.set_motion(p, Motion::WithUnit);
  }
  state_.held_at[p] = at;
}

void World::released_from_unit(PersonId id, SimTime t) {
  if (id.value >= population_.size() || state_.motion[id.value] != Motion::WithUnit) return;
  walk_back(id.value, state_.held_at[id.value], t);
}

void World::move(SimTime now, SimTime dt) {
  if (run_.movers().size() == 0) return;
  const auto wall_start = std::chrono::steady_clock::now();
  stats_.agent_steps += run_.step(now, dt, params_.movement_step, parallelism_);
  stats_.movement_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
}

void World::settle(SimTime now, SimTime dt) {
  const SimTime arrived = now + dt;  // positions are those at the end of the tick
  // 1. Arrivals, in mover order.
  const BunkerRunners::Movers& movers = run_.movers();
  // Leavers are marked and taken out of the movers together after the pass (close_up).
  for (std::size_t slot = 0; slot < movers.size(); ++slot) {
    const std::uint32_t p = movers.person[slot];
    const Point at{movers.x[slot], movers.y[slot]};
    const Point goal{movers.goal_x[slot], movers.goal_y[slot]};
    const BunkerId b = movers.bunker[slot];
    if (movers.start[slot] <= now && within_distance(at, goal, params_.door_queue_radius_m)) {
      // Stays in the kernel, standing, until let in or sent on.
      run_.stand_at_door_marked(slot);
      state_.set_motion(p, Motion::Queued);
      state_.bunker_of[p] = b;
      state_.held_at[p] = at;
      bunkers_.join_queue(b, p);
      continue;
    }
    // Whoever is still on the way long after setting off (hemmed in, or walled off from the
    // bunker) stops trying and takes cover where they are.
    if (now - movers.start[slot] > params_.give_up_after) {
      state_.cover[p] = Protection::Open;  // takes cover where they are, on the way: in the open
      run_.drop_marked(slot);
      state_.set_motion(p, Motion::Stranded);
      state_.held_at[p] = at;
      ++stats_.stranded;
      continue;
    }
  }
  run_.close_up();
  // 2. Doors: one person per 1 / entry rate seconds while there is room; a full bunker sends its
  // queue on to the nearest bunker they have not tried.
  bunkers_.open_doors(
      arrived, dt, 1.0 / params_.bunker_entry_per_s,
      [this, now](std::uint32_t p, BunkerId b) {
        ++stats_.bunker_full;
        state_.tried[p] |= Bunkers::bit(b);
        state_.cover[p] = Protection::Open;  // standing at a full bunker's door
        head_for_bunker(p, state_.held_at[p], now, state_.run_speed[p]);
      },
      [this](std::uint32_t p, SimTime in_at) {
        run_.release_queued(p);
        state_.set_motion(p, Motion::Sheltered);
        state_.sheltered_at[p] = in_at;
        ++stats_.sheltered;
      });
}

PersonView World::view_of(PersonId id, SimTime t) const {
  return where().view(id.value, t, run_.positions(population_.size()));
}

std::vector<PersonId> World::fit_and_away(const std::string& contingent, SimTime t) const {
  std::vector<PersonId> away;
  for (std::uint32_t i = 0; i < population_.size(); ++i) {
    const PersonId id{i};
    if (population_[id].condition != Condition::Fit) continue;
    if (population_.contingent_of(id) != contingent) continue;
    if (view_of(id, t).activity == PersonActivity::OffCamp) away.push_back(id);
  }
  return away;
}

std::vector<PersonView> World::people_views(SimTime t) const {
  std::vector<PersonView> views;
  views.reserve(population_.size());
  const Whereabouts where_now = where();
  const std::vector<Point> mover_at = run_.positions(population_.size());  // read once, not per person
  const ScheduleClock clock = where_now.clock_at(t);  // once, not per person
  for (std::uint32_t p = 0; p < population_.size(); ++p) views.push_back(where_now.view(p, t, mover_at, clock));
  return views;
}

}  // namespace campsim::camp
