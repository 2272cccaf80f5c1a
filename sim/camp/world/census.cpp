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
  if (t < state_.census.last_count()) return census_recount(t);
  // A rotation takes the outgoing unit out of theatre, soldier by soldier, without a word to
  // the world: everyone is placed again (a few times a year).
  if (guards_.metrics().rotations != census_rotations_) {
    census_rotations_ = guards_.metrics().rotations;
    state_.census.touch_all();
  }
  const Whereabouts where_now = where();
  const Census kept = state_.census.count_at(t, where_now.working_hours_at(t), [&where_now](std::uint32_t p, SimTime at) {
    return where_now.census_placement(p, at);
  });
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

Census World::census_recount(SimTime t) const { return where().census_recount(t); }

}  // namespace campsim::camp
