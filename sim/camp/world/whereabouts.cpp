#include "sim/camp/world/whereabouts.hpp"

#include <algorithm>

#include "sim/camp/human_factors.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

namespace {

Protection sentry_protection(const Post& post) {
  if (post.kind != PostKind::Patrol) return Protection::Container;
  return post.mounted ? Protection::Vehicle : Protection::Open;
}

}  // namespace

bool Whereabouts::working_hours_at(SimTime t) const {
  return in_daily_window(engine::time_of_day(start_time_of_day, t), params.schedule.work_from, params.schedule.work_to);
}

std::optional<int> Whereabouts::post_of(const PersonRecord& person) const {
  return person.soldier ? guards.post_of_soldier(*person.soldier) : std::nullopt;
}

bool Whereabouts::in_camp_and_fit(std::uint32_t p, SimTime t, bool working_hours) const {
  const PersonRecord& r = population.people()[p];
  if (r.condition == Condition::Killed || r.condition == Condition::Departed) return false;
  if (r.condition == Condition::Casualty && t < state.back_on_duty[p]) return false;
  if (r.soldier) {
    const Soldier& s = guards.soldiers()[static_cast<std::size_t>(*r.soldier)];
    if (!s.in_theatre && !guards.post_of_soldier(*r.soldier)) return false;  // his unit went home
    return true;
  }
  if (state.settled_motion(p, t) != Motion::Scheduled) return true;
  return !scheduled_off_camp(r.shift, working_hours);  // scheduled_place's activity is OffCamp exactly then
}

ScheduleClock Whereabouts::clock_at(SimTime t) const {
  return schedule_clock(params.schedule, engine::time_of_day(start_time_of_day, t));
}

Point Whereabouts::current_position(std::uint32_t p, SimTime t, const ScheduleClock& clock) const {
  switch (state.settled_motion(p, t)) {
    case Motion::Returning: {
      const double share = std::clamp((t - state.walk_from[p]) / (state.walk_until[p] - state.walk_from[p]), 0.0, 1.0);
      return {state.held_at[p].x + share * (state.walk_to[p].x - state.held_at[p].x), state.held_at[p].y + share * (state.walk_to[p].y - state.held_at[p].y)};
    }
    case Motion::Moving:
      if (const std::optional<Point> at = run.position_of(p)) return *at;
      break;
    case Motion::Queued:
    case Motion::Stranded:
    case Motion::WithUnit: return state.held_at[p];
    case Motion::Sheltered: return layout.bunker(*state.bunker_of[p]).position;
    case Motion::Scheduled: break;
  }
  const PersonRecord& r = population.people()[p];
  if (const std::optional<int> post = post_of(r)) return post_positions[static_cast<std::size_t>(*post)];
  if (r.condition != Condition::Fit && t < state.back_on_duty[p]) return state.held_at[p];
  return scheduled_place(r, clock).position;
}

void Whereabouts::people_at(SimTime t, std::vector<Person>& people) const {
  people.clear();
  people.reserve(population.size());
  // The time of day and the schedule's windows, once for everyone (each was a division and a
  // remainder per person: most of a fight's reading of the camp, issue 25).
  const ScheduleClock clock = clock_at(t);
  const std::vector<Point> mover_at = run.positions(population.size());  // read once, not per person
  for (std::uint32_t p = 0; p < population.size(); ++p) {
    if (!in_camp_and_fit(p, t, clock.working_hours)) continue;
    const PersonRecord& r = population.people()[p];
    Person person;
    person.person = PersonId{static_cast<std::uint32_t>(p)};
    person.contingent = population.contingents()[static_cast<std::size_t>(r.contingent)];
    person.guard = r.soldier.has_value();
    switch (state.settled_motion(p, t)) {
      case Motion::Returning:
        person.position = current_position(p, t, clock);
        person.protection = Protection::Open;
        break;
      case Motion::Moving:
        person.position = mover_at[p];
        // Still reacting (on the floor, waking, putting on armour) where they were: their cover.
        person.protection = t < state.sets_off[p] ? state.cover[p] : Protection::Open;
        break;
      case Motion::Queued:
      case Motion::WithUnit:  // in a fight, moving between covers: in the open (as a QRF fighter)
        person.position = state.held_at[p];
        person.protection = Protection::Open;
        break;
      case Motion::Stranded:
        // Nowhere to go from their own place keeps its cover; given up on the way, in the open.
        person.position = state.held_at[p];
        person.protection = state.cover[p];
        break;
      case Motion::Sheltered:
        person.position = layout.bunker(*state.bunker_of[p]).position;
        person.protection = Protection::Hardened;
        break;
      case Motion::Scheduled: {
        if (const std::optional<int> post = post_of(r)) {
          // A tower's sandbagged, roofed cabin and a gate's sentry booth protect like a
          // container (assumed for the tower; gate booths are built to resist small arms and a
          // medium threat, MIL-HDBK-1013/10 section 4); a patrol is in the open on foot, or
          // aboard its vehicle when mounted.
          person.position = post_positions[static_cast<std::size_t>(*post)];
          person.protection = sentry_protection(guard_params.posts[static_cast<std::size_t>(*post)]);
          person.sentry = true;
          break;
        }
        const ScheduledPlace place = scheduled_place(r, clock);
        person.position = place.position;
        person.zone = place.zone;
        person.asleep = place.activity == PersonActivity::Asleep;
        person.protection = place.zone ? zone_protection(layout.zone(*place.zone)) : Protection::Open;
        break;
      }
    }
    people.push_back(std::move(person));
  }
}

PersonView Whereabouts::view(std::uint32_t p, SimTime t, const std::vector<Point>& mover_at) const {
  return view(p, t, mover_at, clock_at(t));
}

PersonView Whereabouts::view(std::uint32_t p, SimTime t, const std::vector<Point>& mover_at,
                             const ScheduleClock& clock) const {
  const PersonRecord& r = population.people()[p];
  const Point at = state.motion[p] == Motion::Moving ? mover_at[p] : current_position(p, t, clock);
  PersonView v{p, at, r.role, PersonActivity::AtHome};
  if (r.condition == Condition::Killed) {
    v.activity = PersonActivity::Killed;
  } else if (r.condition == Condition::Casualty && t < state.back_on_duty[p]) {
    v.activity = PersonActivity::Casualty;
  } else if (!in_camp_and_fit(p, t, clock.working_hours)) {
    v.activity = PersonActivity::OffCamp;
  } else {
    switch (state.settled_motion(p, t)) {
      case Motion::Moving:
      case Motion::Queued:
      case Motion::Stranded:
      case Motion::WithUnit:
      case Motion::Returning: v.activity = PersonActivity::Moving; break;
      case Motion::Sheltered: v.activity = PersonActivity::Sheltered; break;
      case Motion::Scheduled:
        if (post_of(r))
          v.activity = PersonActivity::OnPost;
        else
          v.activity = scheduled_place(r, clock).activity;
        break;
    }
  }
  return v;
}

// The recount's tests, in its order, for one person, with how long the answer holds: until a
// wound's days off are over, until a walk back ends (an off-camp worker walking back is in the
// camp until then), or, for a departing guard still on post, only until the guard model moves
// him (it does not tell the world: he is watched).
CensusPlacement Whereabouts::census_placement(std::uint32_t p, SimTime t) const {
  const PersonRecord& r = population.people()[p];
  if (r.condition == Condition::Killed) return {CensusPlace::Dead};
  if (r.condition == Condition::Departed) return {CensusPlace::Evacuated};
  if (r.condition == Condition::Casualty && t < state.back_on_duty[p]) return {CensusPlace::WoundedInCare, state.back_on_duty[p]};
  CensusPlacement placement;
  if (r.soldier) {
    const Soldier& s = guards.soldiers()[static_cast<std::size_t>(*r.soldier)];
    if (!s.in_theatre) {
      // His unit went home. The roster never posts a soldier out of theatre again
      // (guard_roster.cpp), so once off his post he stays away; until then his last duty ends
      // whenever the guard model says.
      if (!guards.post_of_soldier(*r.soldier)) return {CensusPlace::Away};
      placement.watch = true;
    }
  }
  switch (state.motion[p]) {
    case Motion::Moving:
    case Motion::Queued:
    case Motion::Sheltered:
    case Motion::Stranded: placement.place = CensusPlace::Sheltering; return placement;
    case Motion::WithUnit: placement.place = CensusPlace::Present; return placement;
    case Motion::Returning:
      if (t < state.walk_until[p]) {
        placement.place = CensusPlace::Present;
        placement.until = state.walk_until[p];
        return placement;
      }
      break;  // arrived: as scheduled
    case Motion::Scheduled: break;
  }
  // Off the camp by the schedule only in working hours (scheduled_off_camp), read at each census.
  const bool off_by_hours = !r.soldier && scheduled_off_camp(r.shift, true);
  placement.place = off_by_hours ? CensusPlace::OffCampByHours : CensusPlace::Present;
  return placement;
}

// Each person falls in exactly one count, tested in the order of permanence: the dead and the
// evacuated stay so, the wounded until the chain lets them go, then whether they are in the camp,
// then what the alarm has them doing.
Census Whereabouts::census_recount(SimTime t) const {
  Census c;
  // The same for everyone at t: worked out once (the census runs at every sample of the time
  // series over the whole population; per person it was 93% of a quiet 30-day run).
  const bool working_hours = working_hours_at(t);
  for (std::uint32_t p = 0; p < population.size(); ++p) {
    const PersonRecord& r = population.people()[p];
    if (r.condition == Condition::Killed) {
      ++c.dead;
    } else if (r.condition == Condition::Departed) {
      ++c.evacuated;
    } else if (r.condition == Condition::Casualty && t < state.back_on_duty[p]) {
      ++c.wounded_in_care;
    } else if (!in_camp_and_fit(p, t, working_hours)) {
      ++c.away;
    } else {
      switch (state.settled_motion(p, t)) {
        case Motion::Moving:
        case Motion::Queued:
        case Motion::Sheltered:
        case Motion::Stranded: ++c.sheltering; break;
        case Motion::Scheduled:
        case Motion::WithUnit:
        case Motion::Returning: ++c.present; break;
      }
    }
  }
  return c;
}

}  // namespace campsim::camp
