#include "sim/camp/world/census.hpp"

#include "sim/camp/world/world.hpp"

namespace campsim::camp {

std::vector<std::string> census_columns() {
  return {"people_present", "people_away", "people_sheltering", "people_wounded_in_care", "people_evacuated",
          "people_dead"};
}

std::vector<double> census_values(const Census& c) {
  return {static_cast<double>(c.present),         static_cast<double>(c.away),
          static_cast<double>(c.sheltering),      static_cast<double>(c.wounded_in_care),
          static_cast<double>(c.evacuated),       static_cast<double>(c.dead)};
}

// Each person falls in exactly one count, tested in the order of permanence: the dead and the
// evacuated stay so, the wounded until the chain lets them go, then whether they are in the camp,
// then what the alarm has them doing.
Census World::census(SimTime t) const {
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
