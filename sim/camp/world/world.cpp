#include "sim/camp/world/world.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "sim/camp/human_factors.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/camp/world/shelter_crowd.hpp"

namespace campsim::camp {

namespace {

Protection sentry_protection(const Post& post) {
  if (post.kind != PostKind::Patrol) return Protection::Container;
  return post.mounted ? Protection::Vehicle : Protection::Open;
}

std::uint64_t bunker_bit(int bunker) { return std::uint64_t{1} << (static_cast<unsigned>(bunker) % 64U); }

}  // namespace

void World::Movers::push(std::uint32_t who, Point from, Point goal, float v, double when, int to_bunker,
                         crowd::CrowdAgentId id) {
  x.push_back(static_cast<float>(from.x));
  y.push_back(static_cast<float>(from.y));
  goal_x.push_back(static_cast<float>(goal.x));
  goal_y.push_back(static_cast<float>(goal.y));
  speed.push_back(v);
  start.push_back(when);
  person.push_back(who);
  bunker.push_back(to_bunker);
  agent.push_back(id);
  running.push_back(0);
}

void World::Movers::erase(std::size_t slot) {
  const auto at = [slot](auto& column) { column.erase(column.begin() + static_cast<std::ptrdiff_t>(slot)); };
  at(x), at(y), at(goal_x), at(goal_y), at(speed), at(start), at(person), at(bunker), at(agent), at(running);
}

void World::release_agent(crowd::CrowdAgentId id) {
  crowd_->remove_agent(id);
  if (crowd_->agent_count() == 0) crowd_.reset();
}

void World::drop_mover(std::size_t slot) {
  const crowd::CrowdAgentId id = movers_.agent[slot];
  movers_.erase(slot);
  release_agent(id);
}

void World::release_queued(std::uint32_t p) {
  if (!queued_agent_[p]) return;
  const crowd::CrowdAgentId id = *queued_agent_[p];
  queued_agent_[p].reset();
  release_agent(id);
}

bool World::wants_ticks() const {
  return !movers_.person.empty() ||
         std::any_of(bunkers_.begin(), bunkers_.end(), [](const BunkerState& b) { return !b.queue.empty(); });
}

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
      population_(layout, guard_params.force.contingent, guard_params.force.guard_pool),
      bunkers_(layout.bunkers.size()) {
  sync_guards();
}

void World::sync_guards() {
  const std::size_t soldiers = guards_.soldiers().size();
  while (guard_person_.size() < soldiers) guard_person_.push_back(population_.add_guard(static_cast<int>(guard_person_.size())));
  const std::size_t n = population_.size();
  motion_.resize(n, Motion::Scheduled);
  bunker_of_.resize(n);
  held_at_.resize(n);
  walk_to_.resize(n);
  walk_from_.resize(n, 0);
  walk_until_.resize(n, -engine::kNever);
  tried_.resize(n, 0);
  sheltered_at_.resize(n, engine::kNever);
  back_on_duty_.resize(n, -engine::kNever);
  run_speed_.resize(n, 0.f);
  cover_.resize(n, Protection::Open);
  sets_off_.resize(n, 0.0);
  queued_agent_.resize(n);
  census_keeper_.grow(n);
}

void World::set_motion(std::uint32_t p, Motion motion) {
  motion_[p] = motion;
  census_keeper_.touch(p);
}

bool World::working_hours_at(SimTime t) const {
  return in_daily_window(engine::time_of_day(start_time_of_day_, t), params_.schedule.work_from, params_.schedule.work_to);
}

std::optional<int> World::post_of(const PersonRecord& person) const {
  return person.soldier ? guards_.post_of_soldier(*person.soldier) : std::nullopt;
}

bool World::in_camp_and_fit(std::uint32_t p, SimTime t) const { return in_camp_and_fit(p, t, working_hours_at(t)); }

bool World::in_camp_and_fit(std::uint32_t p, SimTime t, bool working_hours) const {
  const PersonRecord& r = population_.people()[p];
  if (r.condition == Condition::Killed || r.condition == Condition::Departed) return false;
  if (r.condition == Condition::Casualty && t < back_on_duty_[p]) return false;
  if (r.soldier) {
    const Soldier& s = guards_.soldiers()[static_cast<std::size_t>(*r.soldier)];
    if (!s.in_theatre && !guards_.post_of_soldier(*r.soldier)) return false;  // his unit went home
    return true;
  }
  if (settled_motion(p, t) != Motion::Scheduled) return true;
  return !scheduled_off_camp(r.shift, working_hours);  // scheduled_place's activity is OffCamp exactly then
}

Motion World::settled_motion(std::uint32_t p, SimTime t) const {
  return motion_[p] == Motion::Returning && t >= walk_until_[p] ? Motion::Scheduled : motion_[p];
}

Point World::current_position(std::uint32_t p, SimTime t) const {
  switch (settled_motion(p, t)) {
    case Motion::Returning: {
      const double share = std::clamp((t - walk_from_[p]) / (walk_until_[p] - walk_from_[p]), 0.0, 1.0);
      return {held_at_[p].x + share * (walk_to_[p].x - held_at_[p].x), held_at_[p].y + share * (walk_to_[p].y - held_at_[p].y)};
    }
    case Motion::Moving:
      for (std::size_t slot = 0; slot < movers_.size(); ++slot)
        if (movers_.person[slot] == p) return {movers_.x[slot], movers_.y[slot]};
      break;
    case Motion::Queued:
    case Motion::Stranded: return held_at_[p];
    case Motion::Sheltered: return layout_.bunkers[static_cast<std::size_t>(*bunker_of_[p])].position;
    case Motion::Scheduled: break;
  }
  const PersonRecord& r = population_.people()[p];
  if (const std::optional<int> post = post_of(r)) return post_positions_[static_cast<std::size_t>(*post)];
  if (r.condition != Condition::Fit && t < back_on_duty_[p]) return held_at_[p];
  return scheduled_place(r, params_.schedule, engine::time_of_day(start_time_of_day_, t)).position;
}

std::vector<Point> World::mover_positions() const {
  std::vector<Point> at;
  if (movers_.size() == 0) return at;
  at.assign(population_.size(), Point{});
  for (std::size_t slot = 0; slot < movers_.size(); ++slot) at[movers_.person[slot]] = {movers_.x[slot], movers_.y[slot]};
  return at;
}

void World::people_at(SimTime t, std::vector<Person>& people) const {
  people.clear();
  people.reserve(population_.size());
  const SimTime tod = engine::time_of_day(start_time_of_day_, t);
  const std::vector<Point> mover_at = mover_positions();  // read once, not per person
  for (std::uint32_t p = 0; p < population_.size(); ++p) {
    if (!in_camp_and_fit(p, t)) continue;
    const PersonRecord& r = population_.people()[p];
    Person person;
    person.person = PersonId{static_cast<std::uint32_t>(p)};
    person.contingent = population_.contingents()[static_cast<std::size_t>(r.contingent)];
    person.guard = r.soldier.has_value();
    switch (settled_motion(p, t)) {
      case Motion::Returning:
        person.position = current_position(p, t);
        person.protection = Protection::Open;
        break;
      case Motion::Moving:
        person.position = mover_at[p];
        // Still reacting (on the floor, waking, putting on armour) where they were: their cover.
        person.protection = t < sets_off_[p] ? cover_[p] : Protection::Open;
        break;
      case Motion::Queued:
        person.position = held_at_[p];
        person.protection = Protection::Open;
        break;
      case Motion::Stranded:
        // Nowhere to go from their own place keeps its cover; given up on the way, in the open.
        person.position = held_at_[p];
        person.protection = cover_[p];
        break;
      case Motion::Sheltered:
        person.position = layout_.bunkers[static_cast<std::size_t>(*bunker_of_[p])].position;
        person.protection = Protection::Hardened;
        break;
      case Motion::Scheduled: {
        if (const std::optional<int> post = post_of(r)) {
          // A tower's sandbagged, roofed cabin and a gate's sentry booth protect like a
          // container (assumed for the tower; gate booths are built to resist small arms and a
          // medium threat, MIL-HDBK-1013/10 section 4); a patrol is in the open on foot, or
          // aboard its vehicle when mounted.
          person.position = post_positions_[static_cast<std::size_t>(*post)];
          person.protection = sentry_protection(guard_params_.posts[static_cast<std::size_t>(*post)]);
          person.sentry = true;
          break;
        }
        const ScheduledPlace place = scheduled_place(r, params_.schedule, tod);
        person.position = place.position;
        person.zone = place.zone;
        person.asleep = place.activity == PersonActivity::Asleep;
        person.protection = place.zone ? zone_protection(layout_.zone(*place.zone))
                                            : Protection::Open;
        break;
      }
    }
    people.push_back(std::move(person));
  }
}

void World::stop_moving(std::uint32_t p) {
  if (motion_[p] == Motion::Moving) {
    for (std::size_t slot = 0; slot < movers_.size(); ++slot)
      if (movers_.person[slot] == p) {
        drop_mover(slot);
        break;
      }
  } else if (motion_[p] == Motion::Queued) {
    std::erase(bunkers_[static_cast<std::size_t>(*bunker_of_[p])].queue, p);
    release_queued(p);
  } else if (motion_[p] == Motion::Sheltered) {
    --bunkers_[static_cast<std::size_t>(*bunker_of_[p])].occupancy;
  }
  set_motion(p, Motion::Scheduled);  // also ends a walk back
  bunker_of_[p].reset();
}

void World::apply_casualty(const Casualty& c) {
  if (!c.person || c.person->value >= population_.size()) return;
  const std::uint32_t p = c.person->value;
  PersonRecord& r = population_[PersonId{p}];
  if (r.condition == Condition::Killed) return;
  stop_moving(p);
  held_at_[p] = c.position;
  census_keeper_.touch(p);  // a new condition and days off
  ++stats_.casualties_applied;
  if (c.triage == Triage::Killed) {
    r.condition = Condition::Killed;
    back_on_duty_[p] = engine::kNever;
  } else {
    r.condition = Condition::Casualty;
    const auto category = static_cast<std::size_t>(c.triage) - 1;  // Immediate, Delayed, Minimal
    back_on_duty_[p] = care_reports_exits_
                           ? engine::kNever  // until the chain reports the discharge
                           : std::max(back_on_duty_[p], c.time + params_.days_off_by_triage[std::min<std::size_t>(category, 2)] * engine::kDay);
  }
  if (r.soldier) guards_.casualty(*r.soldier, c.time, back_on_duty_[p]);
}

void World::leave_care(const Casualty& c, SimTime t, CareOutcome outcome) {
  if (!c.person || c.person->value >= population_.size()) return;
  const std::uint32_t p = c.person->value;
  PersonRecord& r = population_[PersonId{p}];
  if (r.condition != Condition::Casualty) return;  // killed outright, or already gone
  census_keeper_.touch(p);  // back on duty, gone or dead from now
  switch (outcome) {
    case CareOutcome::Survived:
      // Discharged or treated and sent back: fit for duty from now (the roster may take them).
      back_on_duty_[p] = t;
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
  }
  log_.record(t, "left_care", {{"person", static_cast<std::int64_t>(p)},
                               {"casualty", static_cast<std::int64_t>(c.id)},
                               {"outcome", std::string(care_outcome_name(outcome))}});
}

std::optional<int> World::nearest_open_bunker(Point from, std::uint64_t tried) const {
  std::optional<int> best;
  // The first choice may be far; after a full bunker only a short detour is worth it.
  double best_d = tried == 0 ? std::numeric_limits<double>::infinity() : params_.max_detour_m;
  for (std::size_t b = 0; b < layout_.bunkers.size(); ++b) {
    if (layout_.bunkers[b].capacity <= 0 || (tried & bunker_bit(static_cast<int>(b))) != 0) continue;
    const double d = distance(from, layout_.bunkers[b].position);
    if (d < best_d || (!best && d == best_d)) {
      best_d = d;
      best = static_cast<int>(b);
    }
  }
  return best;
}

void World::head_for_bunker(std::uint32_t p, Point from, SimTime when, double speed) {
  sets_off_[p] = when;
  const std::optional<int> bunker = nearest_open_bunker(from, tried_[p]);
  if (!bunker) {
    release_queued(p);
    set_motion(p, Motion::Stranded);
    held_at_[p] = from;
    ++stats_.stranded;
    return;
  }
  set_motion(p, Motion::Moving);
  bunker_of_[p].reset();
  const int b = *bunker;
  const Point goal = layout_.bunkers[static_cast<std::size_t>(b)].position;
  const crowd::Point2 target{static_cast<float>(goal.x), static_cast<float>(goal.y)};
  // Standing still (desired speed 0) until the reaction time has passed: move() gives the
  // running speed at the first step that starts at or after `when`.
  crowd::CrowdAgentId id{0};
  if (queued_agent_[p]) {  // sent on from a full bunker's door: leaves from where they stood
    id = *queued_agent_[p];
    queued_agent_[p].reset();
    crowd_->set_target(id, target);
  } else {
    if (!crowd_) crowd_ = make_shelter_crowd(layout_);
    id = crowd_->add_agent({{static_cast<float>(from.x), static_cast<float>(from.y)}, target, 0.0f,
                            static_cast<float>(params_.body_radius_m), 0});
  }
  movers_.push(p, from, goal, static_cast<float>(speed), when, b, id);
}

void World::sound_alarm(SimTime t, const AlarmResponse& response) {
  ++stats_.alarms;
  const SimTime tod = engine::time_of_day(start_time_of_day_, t);
  long runners = 0;
  for (std::uint32_t p = 0; p < population_.size(); ++p) {
    const Motion motion = settled_motion(p, t);
    if ((motion != Motion::Scheduled && motion != Motion::Returning) || !in_camp_and_fit(p, t)) continue;
    const PersonRecord& r = population_.people()[p];
    if (post_of(r)) continue;  // sentries hold their posts
    const Point from = current_position(p, t);
    set_motion(p, Motion::Scheduled);
    const ScheduledPlace place = scheduled_place(r, params_.schedule, tod);
    const bool asleep = place.activity == PersonActivity::Asleep;
    // Walking back from a bunker is in the open; at their place, the place's cover.
    cover_[p] = motion == Motion::Scheduled && place.zone
                    ? zone_protection(layout_.zone(*place.zone))
                    : Protection::Open;
    tried_[p] = 0;
    run_speed_[p] = static_cast<float>(response.run_speed_mps);
    head_for_bunker(p, from, t + (asleep ? response.reaction_asleep : response.reaction_awake), response.run_speed_mps);
    ++runners;
  }
  stats_.shelter_runs += runners;
  log_.record(t, "alarm", {{"runners", static_cast<std::int64_t>(runners)}});
}

void World::all_clear(SimTime t) {
  const SimTime tod = engine::time_of_day(start_time_of_day_, t);
  long walkers = 0;
  for (std::uint32_t p = 0; p < population_.size(); ++p) {
    if (settled_motion(p, t) == Motion::Scheduled) continue;
    const Point from = current_position(p, t);
    stop_moving(p);
    held_at_[p] = from;
    walk_to_[p] = scheduled_place(population_.people()[p], params_.schedule, tod).position;
    walk_from_[p] = t;
    walk_until_[p] = t + distance(from, walk_to_[p]) / params_.walk_speed_mps;
    set_motion(p, Motion::Returning);
    ++walkers;
  }
  for (BunkerState& b : bunkers_) {
    b.queue.clear();
    b.door_free_at = engine::kLongAgo;
    b.occupancy = 0;
  }
  log_.record(t, "all_clear", {{"walking_back", static_cast<std::int64_t>(walkers)}});
}

void World::move(SimTime now, SimTime dt) {
  if (movers_.size() == 0) return;
  const auto wall_start = std::chrono::steady_clock::now();
  const int pieces = std::max(1, static_cast<int>(std::ceil(dt / params_.movement_step - 1e-9)));
  const double h = dt / pieces;
  const std::size_t n = movers_.size();
  for (int k = 0; k < pieces; ++k) {
    const double t = now + k * h;
    for (std::size_t slot = 0; slot < n; ++slot)
      if (movers_.running[slot] == 0 && movers_.start[slot] <= t) {  // reaction over: run
        crowd_->set_desired_speed(movers_.agent[slot], movers_.speed[slot]);
        movers_.running[slot] = 1;
      }
    crowd_->step(static_cast<float>(h), parallelism_);
    stats_.agent_steps += n;
  }
  for (std::size_t slot = 0; slot < n; ++slot) {
    const crowd::Point2 at = crowd_->position(movers_.agent[slot]);
    movers_.x[slot] = at.x;
    movers_.y[slot] = at.y;
  }
  stats_.movement_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
}

void World::settle(SimTime now, SimTime dt) {
  const SimTime arrived = now + dt;  // positions are those at the end of the tick
  // 1. Arrivals, in mover order.
  for (std::size_t slot = 0; slot < movers_.size();) {
    const std::uint32_t p = movers_.person[slot];
    const Point at{movers_.x[slot], movers_.y[slot]};
    const Point goal{movers_.goal_x[slot], movers_.goal_y[slot]};
    const int b = movers_.bunker[slot];
    if (movers_.start[slot] <= now && distance(at, goal) <= params_.door_queue_radius_m) {
      // Stays in the kernel, standing, until let in or sent on.
      crowd_->set_desired_speed(movers_.agent[slot], 0.0f);
      queued_agent_[p] = movers_.agent[slot];
      movers_.erase(slot);
      set_motion(p, Motion::Queued);
      bunker_of_[p] = b;
      held_at_[p] = at;
      bunkers_[static_cast<std::size_t>(b)].queue.push_back(p);
      continue;
    }
    // Whoever is still on the way long after setting off (hemmed in, or walled off from the
    // bunker) stops trying and takes cover where they are.
    if (now - movers_.start[slot] > params_.give_up_after) {
      cover_[p] = Protection::Open;  // takes cover where they are, on the way: in the open
      drop_mover(slot);
      set_motion(p, Motion::Stranded);
      held_at_[p] = at;
      ++stats_.stranded;
      continue;
    }
    ++slot;
  }
  // 2. Doors: one person per 1 / entry rate seconds while there is room; a full bunker sends its
  // queue on to the nearest bunker they have not tried.
  const double door_interval = 1.0 / params_.bunker_entry_per_s;
  for (std::size_t b = 0; b < bunkers_.size(); ++b) {
    BunkerState& bunker = bunkers_[b];
    while (!bunker.queue.empty()) {
      if (bunker.occupancy >= layout_.bunkers[b].capacity) {
        const std::deque<std::uint32_t> turned_away = std::move(bunker.queue);
        bunker.queue.clear();
        for (std::uint32_t p : turned_away) {
          ++stats_.bunker_full;
          tried_[p] |= bunker_bit(static_cast<int>(b));
          cover_[p] = Protection::Open;  // standing at a full bunker's door
          head_for_bunker(p, held_at_[p], now, run_speed_[p]);
        }
        break;
      }
      const SimTime in_at = std::max(bunker.door_free_at + door_interval, arrived);
      if (in_at >= arrived + dt) break;  // the door is busy until the next tick
      const std::uint32_t p = bunker.queue.front();
      bunker.queue.pop_front();
      release_queued(p);
      set_motion(p, Motion::Sheltered);
      sheltered_at_[p] = in_at;
      bunker.door_free_at = in_at;
      ++bunker.occupancy;
      ++stats_.sheltered;
    }
  }
}

PersonView World::view_of(PersonId id, SimTime t) const { return view_with(id.value, t, mover_positions()); }

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

PersonView World::view_with(std::uint32_t p, SimTime t, const std::vector<Point>& mover_at) const {
  const PersonRecord& r = population_.people()[p];
  const Point at = motion_[p] == Motion::Moving ? mover_at[p] : current_position(p, t);
  PersonView v{p, at, r.role, PersonActivity::AtHome};
  if (r.condition == Condition::Killed) {
    v.activity = PersonActivity::Killed;
  } else if (r.condition == Condition::Casualty && t < back_on_duty_[p]) {
    v.activity = PersonActivity::Casualty;
  } else if (!in_camp_and_fit(p, t)) {
    v.activity = PersonActivity::OffCamp;
  } else {
    switch (settled_motion(p, t)) {
      case Motion::Moving:
      case Motion::Queued:
      case Motion::Stranded:
      case Motion::Returning: v.activity = PersonActivity::Moving; break;
      case Motion::Sheltered: v.activity = PersonActivity::Sheltered; break;
      case Motion::Scheduled:
        if (post_of(r))
          v.activity = PersonActivity::OnPost;
        else
          v.activity = scheduled_place(r, params_.schedule, engine::time_of_day(start_time_of_day_, t)).activity;
        break;
    }
  }
  return v;
}

std::vector<PersonView> World::people_views(SimTime t) const {
  std::vector<PersonView> views;
  views.reserve(population_.size());
  const std::vector<Point> mover_at = mover_positions();  // read once, not per person
  for (std::uint32_t p = 0; p < population_.size(); ++p) views.push_back(view_with(p, t, mover_at));
  return views;
}

}  // namespace campsim::camp
