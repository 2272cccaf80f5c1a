#include "sim/camp/world/census.hpp"

#include <sstream>
#include <stdexcept>

#include "sim/camp/world/world.hpp"

namespace campsim::camp {

std::vector<std::string> census_columns() {
  return {"people_present", "people_away", "people_sheltering", "people_wounded_in_care", "people_evacuated",
          "people_dead"};
}

void append_census_values(const Census& c, std::vector<double>& row) {
  row.insert(row.end(), {static_cast<double>(c.present), static_cast<double>(c.away), static_cast<double>(c.sheltering),
                         static_cast<double>(c.wounded_in_care), static_cast<double>(c.evacuated),
                         static_cast<double>(c.dead)});
}

namespace {

bool same(const Census& a, const Census& b) {
  return a.present == b.present && a.away == b.away && a.sheltering == b.sheltering &&
         a.wounded_in_care == b.wounded_in_care && a.evacuated == b.evacuated && a.dead == b.dead;
}

std::string describe(const Census& c) {
  std::ostringstream text;
  text << "present " << c.present << ", away " << c.away << ", sheltering " << c.sheltering << ", wounded in care "
       << c.wounded_in_care << ", evacuated " << c.evacuated << ", dead " << c.dead;
  return text.str();
}

}  // namespace

Census World::census(SimTime t) {
  // The kept counts move forward in time only; an earlier instant is counted afresh.
  if (t < census_keeper_.last_count()) return census_recount(t);
  // A rotation takes the outgoing unit out of theatre, soldier by soldier, without a word to
  // the world: everyone is placed again (a few times a year).
  if (guards_.metrics().rotations != census_rotations_) {
    census_rotations_ = guards_.metrics().rotations;
    census_keeper_.touch_all();
  }
  const Census kept = census_keeper_.count_at(
      t, working_hours_at(t), [this](std::uint32_t p, SimTime at) { return census_placement(p, at); });
  if (check_census_) {
    const Census full = census_recount(t);
    if (!same(kept, full)) {
      std::ostringstream text;
      text << "census at t = " << t << " s: kept counts (" << describe(kept) << ") differ from a recount ("
           << describe(full) << ")";
      throw std::logic_error(text.str());
    }
  }
  return kept;
}

// The recount's tests, in its order, for one person, with how long the answer holds: until a
// wound's days off are over, until a walk back ends (an off-camp worker walking back is in the
// camp until then), or, for a departing guard still on post, only until the guard model moves
// him (it does not tell the world: he is watched).
CensusPlacement World::census_placement(std::uint32_t p, SimTime t) const {
  const PersonRecord& r = population_.people()[p];
  if (r.condition == Condition::Killed) return {CensusPlace::Dead};
  if (r.condition == Condition::Departed) return {CensusPlace::Evacuated};
  if (r.condition == Condition::Casualty && t < back_on_duty_[p]) return {CensusPlace::WoundedInCare, back_on_duty_[p]};
  CensusPlacement placement;
  if (r.soldier) {
    const Soldier& s = guards_.soldiers()[static_cast<std::size_t>(*r.soldier)];
    if (!s.in_theatre) {
      // His unit went home. The roster never posts a soldier out of theatre again
      // (guard_roster.cpp), so once off his post he stays away; until then his last duty ends
      // whenever the guard model says.
      if (!guards_.post_of_soldier(*r.soldier)) return {CensusPlace::Away};
      placement.watch = true;
    }
  }
  switch (motion_[p]) {
    case Motion::Moving:
    case Motion::Queued:
    case Motion::Sheltered:
    case Motion::Stranded: placement.place = CensusPlace::Sheltering; return placement;
    case Motion::Returning:
      if (t < walk_until_[p]) {
        placement.place = CensusPlace::Present;
        placement.until = walk_until_[p];
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
Census World::census_recount(SimTime t) const {
  Census c;
  // The same for everyone at t: worked out once (the census runs at every sample of the time
  // series over the whole population; per person it was 93% of a quiet 30-day run).
  const bool working_hours = working_hours_at(t);
  for (std::uint32_t p = 0; p < population_.size(); ++p) {
    const PersonRecord& r = population_.people()[p];
    if (r.condition == Condition::Killed) {
      ++c.dead;
    } else if (r.condition == Condition::Departed) {
      ++c.evacuated;
    } else if (r.condition == Condition::Casualty && t < back_on_duty_[p]) {
      ++c.wounded_in_care;
    } else if (!in_camp_and_fit(p, t, working_hours)) {
      ++c.away;
    } else {
      switch (settled_motion(p, t)) {
        case Motion::Moving:
        case Motion::Queued:
        case Motion::Sheltered:
        case Motion::Stranded: ++c.sheltering; break;
        case Motion::Scheduled:
        case Motion::Returning: ++c.present; break;
      }
    }
  }
  return c;
}

}  // namespace campsim::camp
