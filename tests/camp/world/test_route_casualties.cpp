// Roadside bombs hit people of the world: each casualty is a person of the convoy's contingent who
// was out of the camp at that moment, and nobody is hit twice (the killed leave the population).
#include <catch2/catch.hpp>

#include <set>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/world/population.hpp"

using namespace campsim;

TEST_CASE("a roadside bomb's casualties are persons of the world who were out of the camp", "[world][threats]") {
  const std::vector<std::string> overrides{
      "threats.indirect_fire.arrivals.per_day=0", "threats.vehicle_bomb.arrivals.per_day=0",
      "threats.infiltration.arrivals.per_day=0", "threats.complex_attack.arrivals.per_day=0",
      "threats.roadside_bomb.bombs_per_1000_km=40", "threats.roadside_bomb.found_by_clearance=0"};
  const camp::Scenario s =
      camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml", overrides).scenario;
  camp::RunOptions options;
  options.seed = 3;
  options.duration = 10 * engine::kDay;
  const camp::RunResult r = camp::run_scenario(s, options);
  std::set<int> hit;
  long route = 0;
  for (const camp::Casualty& c : r.casualties) {
    if (c.cause != camp::Cause::RoadsideBomb) continue;
    ++route;
    REQUIRE(c.person.has_value());
    CHECK(c.contingent == s.threats.roadside_bomb.contingent);
    CHECK_FALSE(c.inside_camp);
    CHECK(hit.insert(c.person->value).second);  // nobody is hit twice: the world took the hurt off the roads
    // By the schedule, out of the camp only 07:00-19:00: the bombs fall in the driving window.
    const double tod = engine::time_of_day(s.meta.start_time_of_day, c.time);
    CHECK(tod >= 7 * engine::kHour);
    CHECK(tod < 19 * engine::kHour);
  }
  REQUIRE(route >= 5);  // 800 km at 40 a 1000 km: about 32 strikes
}
