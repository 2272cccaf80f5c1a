// Conservation of people (issue 23): in a high-threat year, every sample of timeseries.csv counts
// everyone exactly once (present + away + sheltering + wounded in care + evacuated + dead = the
// population, which grows only when a guard unit arrives), and the census agrees with what the
// casualty list and the medical chain's records say independently: each casualty has exactly one
// outcome, and the dead, the evacuated and the wounded in care at each sample are the casualties
// whose outcome says so by that time.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "sim/camp/camp_run.hpp"
#include "sim/engine/sim_time.hpp"
#include "tests/support/run_events.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_world_test_conservation {

using namespace campsim;

namespace {

// Times read back from care.csv's minutes carry rounding of a few nanoseconds.
constexpr double kSameInstant_s = 1e-3;

// A casualty's path as the medical chain recorded it (care.csv), in seconds of scenario time.
struct CareExit {
  std::string outcome;          // killed, died_of_wounds, survived, evacuated_l3
  double injury_s = 0;
  double exit_s = INFINITY;     // death or leaving the chain; never when still in care at the end
};

std::size_t column_of(const std::vector<std::string>& columns, const std::string& name) {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return i;
  FAIL("no column " << name);
  return 0;
}

std::map<int, std::vector<CareExit>> care_exits(const engine::RecordTable& care) {
  const std::size_t casualty = column_of(care.columns, "casualty"), outcome = column_of(care.columns, "outcome"),
                    injury = column_of(care.columns, "injury_h"), left = column_of(care.columns, "left_hospital_min"),
                    died = column_of(care.columns, "died_min");
  std::map<int, std::vector<CareExit>> exits;
  for (const auto& row : care.rows) {
    CareExit e;
    e.outcome = row[outcome];
    e.injury_s = std::stod(row[injury]) * engine::kHour;
    const std::string& after = e.outcome == "survived" || e.outcome == "evacuated_l3" ? row[left] : row[died];
    if (!after.empty()) e.exit_s = e.injury_s + std::stod(after) * engine::kMinute;
    exits[std::stoi(row[casualty])].push_back(e);
  }
  return exits;
}

// The people the layout houses (the guards replace as many residents of their own lines).
long initial_population(const camp::Scenario& s) {
  long people = 0;
  for (const camp::Zone& zone : s.layout.zones)
    if (zone.kind == camp::ZoneKind::Accommodation) people += std::max(0, zone.occupants_night);
  return people;
}

}  // namespace

TEST_CASE("a high-threat year conserves people at every sample, and each casualty has one outcome",
          "[world][conservation]") {
  const camp::Scenario s =
      camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_high_threat.yaml", {}).scenario;
  camp::RunOptions options;
  options.seed = 1;
  options.duration = 365 * engine::kDay;
  const camp::RunResult r = camp::run_scenario(s, options);

  // Each casualty: one care record, one outcome, killed outright exactly when its triage says so.
  const auto exits = care_exits(r.care_records);
  long with_person = 0, route = 0;
  for (const camp::Casualty& c : r.casualties) {
    const auto found = exits.find(c.id);
    REQUIRE(found != exits.end());
    REQUIRE(found->second.size() == 1);
    CHECK((found->second.front().outcome == "killed") == (c.triage == camp::Triage::Killed));
    with_person += c.person ? 1 : 0;
    if (c.cause == camp::Cause::RoadsideBomb) {
      ++route;
      CHECK(c.person.has_value());  // a route's victims are people of the world too
    }
  }
  REQUIRE(route > 0);
  REQUIRE(with_person > 50);  // a high-threat year hurts many: the check below is not vacuous

  const auto& columns = r.series.columns();
  const std::size_t t_col = column_of(columns, "t_s"), present = column_of(columns, "people_present"),
                    away = column_of(columns, "people_away"), sheltering = column_of(columns, "people_sheltering"),
                    in_care = column_of(columns, "people_wounded_in_care"),
                    evacuated = column_of(columns, "people_evacuated"), dead = column_of(columns, "people_dead");
  std::vector<double> arrivals;  // a new guard unit joins the population
  for (const auto& e : testing::event_records(r, "rotation")) arrivals.push_back(e["t"].get<double>());
  const long base = initial_population(s);
  long max_sheltering = 0, max_dead = 0;
  for (std::size_t row = 0; row < r.series.rows(); ++row) {
    const double t = r.series.at(row, t_col);
    long before = 0, at = 0;
    for (double a : arrivals) (a < t ? before : at) += a <= t ? 1 : 0;
    const long total = static_cast<long>(r.series.at(row, present) + r.series.at(row, away) + r.series.at(row, sheltering) +
                                         r.series.at(row, in_care) + r.series.at(row, evacuated) + r.series.at(row, dead));
    // At a rotation's own instant the sample may see the new unit or not (same-time events).
    const long low = base + before * s.guards.force.guard_pool, high = low + at * s.guards.force.guard_pool;
    INFO("sample at t = " << t << " s");
    REQUIRE(total >= low);
    REQUIRE(total <= high);

    // Expected counts from the casualty list and the care records; an exit at the sample's own
    // instant (helicopters leave on the quarter hour, as samples are taken) may fall either side.
    long dead_sure = 0, dead_now = 0, evacuated_sure = 0, evacuated_now = 0, in_care_sure = 0, in_care_now = 0;
    for (const camp::Casualty& c : r.casualties) {
      if (!c.person || c.time > t) continue;
      const CareExit& e = exits.at(c.id).front();
      if (e.outcome == "killed") {
        ++dead_sure;
        continue;
      }
      const bool at_this_instant = std::abs(e.exit_s - t) < kSameInstant_s;
      if (at_this_instant) {
        ++in_care_now;  // still in care if the exit comes after the sample
        if (e.outcome == "died_of_wounds") ++dead_now;
        if (e.outcome == "evacuated_l3") ++evacuated_now;
      } else if (e.exit_s > t) {
        ++in_care_sure;
      } else if (e.outcome == "died_of_wounds") {
        ++dead_sure;
      } else if (e.outcome == "evacuated_l3") {
        ++evacuated_sure;
      }
    }
    const auto count = [&](std::size_t column) { return static_cast<long>(r.series.at(row, column)); };
    REQUIRE(count(dead) >= dead_sure);
    REQUIRE(count(dead) <= dead_sure + dead_now);
    REQUIRE(count(evacuated) >= evacuated_sure);
    REQUIRE(count(evacuated) <= evacuated_sure + evacuated_now);
    REQUIRE(count(in_care) >= in_care_sure);
    REQUIRE(count(in_care) <= in_care_sure + in_care_now);
    REQUIRE(count(dead) + count(evacuated) + count(in_care) <= dead_sure + evacuated_sure + in_care_sure + in_care_now);
    max_sheltering = std::max(max_sheltering, static_cast<long>(r.series.at(row, sheltering)));
    max_dead = std::max(max_dead, static_cast<long>(r.series.at(row, dead)));
  }
  CHECK(max_sheltering > 0);  // the alarms' bunker runs show in the census
  CHECK(max_dead > 0);
}

}  // namespace unity_camp_world_test_conservation
