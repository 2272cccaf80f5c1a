// Every shipped scenario loads and runs; layouts that cannot exist are rejected with a location.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/threats/indirect_fire.hpp"
#include "sim/scenario/diagnostic.hpp"

using namespace campsim;
namespace fs = std::filesystem;

namespace {
const fs::path kScenarios = fs::path(CAMPSIM_SOURCE_DIR) / "scenarios";

// Loads the baseline with `overrides`, expecting failure; returns the diagnostics.
std::vector<scenario::Diagnostic> errors_with(const std::vector<std::string>& overrides) {
  try {
    camp::load_scenario(kScenarios / "gao_baseline.yaml", overrides);
  } catch (const scenario::ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}
}  // namespace

TEST_CASE("every shipped scenario loads and runs a day", "[scenarios][smoke]") {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".yaml") continue;
    INFO(entry.path().string());
    const camp::LoadedScenario loaded = camp::load_scenario(entry.path());
    camp::RunOptions options;
    options.duration = engine::kDay;
    const camp::RunResult r = camp::run_scenario(loaded.scenario, options);
    CHECK(r.metrics["guards"]["coverage"]["required_guard_hours"].get<double>() > 0);
    CHECK(r.series.rows() == 96);
    ++count;
  }
  CHECK(count >= 3);
}

TEST_CASE("the baseline matches its documented figures", "[scenarios]") {
  const camp::LoadedScenario loaded = camp::load_scenario(kScenarios / "gao_baseline.yaml");
  const camp::Scenario& s = loaded.scenario;
  CHECK(s.guards.force.company_size == 170);  // Clingendael 2015
  CHECK(s.layout.gates.size() == 3);
  CHECK(s.layout.towers.size() == 10);
  // Day: 4 + 2 + 2 at the gates and 10 tower sentries; night adds 3 tower sentries and a 2-man patrol.
  int day = 0, night = 0;
  for (const auto& post : s.guards.posts) {
    day += post.required_by_hour[12];
    night += post.required_by_hour[0];
  }
  CHECK(day == 18);
  CHECK(night == 23);
  // The resolved parameters hold defaults the file did not spell out, and the hash is stable.
  CHECK(loaded.resolved["guards"]["shifts"]["length"] == "8h");
  CHECK(loaded.hash == camp::load_scenario(kScenarios / "gao_baseline.yaml").hash);
  CHECK(loaded.hash != camp::load_scenario(kScenarios / "gao_baseline.yaml", {"guards.shifts.length=6h"}).hash);
}

TEST_CASE("an extending scenario changes only what it says", "[scenarios]") {
  const camp::Scenario base = camp::load_scenario(kScenarios / "gao_baseline.yaml").scenario;
  const camp::Scenario twelve = camp::load_scenario(kScenarios / "gao_12h_shifts.yaml").scenario;
  CHECK(twelve.guards.shifts.length == 12 * engine::kHour);
  CHECK(base.guards.shifts.length == 8 * engine::kHour);
  CHECK(twelve.guards.posts.size() == base.guards.posts.size());
  CHECK(twelve.layout.towers.size() == base.layout.towers.size());
}

TEST_CASE("impossible layouts and guard plans are rejected at the offending key", "[scenarios][errors]") {
  SECTION("a gate away from the fence") {
    const auto errors = errors_with({"camp.gates[0].position=[500, 500]"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "camp.gates[0].position");
    CHECK(errors[0].expected.find("on the perimeter") != std::string::npos);
    CHECK(errors[0].found.find("500.0 m") != std::string::npos);
  }
  SECTION("a post at a tower that does not exist") {
    const auto errors = errors_with({"guards.posts[3].at=T99"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "guards.posts[3].at");
    CHECK(errors[0].found == "'T99'");
  }
  SECTION("a shift length that does not divide the day") {
    const auto errors = errors_with({"guards.shifts.length=5h"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "guards.shifts.length");
  }
  SECTION("a road to nowhere and a pool larger than the company, both reported") {
    const auto errors = errors_with({"camp.roads.edges[0].to=nowhere", "force.guard_pool=200"});
    REQUIRE(errors.size() >= 2);
    bool road = false, pool = false;
    for (const auto& e : errors) {
      road |= e.path == "camp.roads.edges[0].to";
      pool |= e.path == "force.guard_pool" && e.where.file == "--set";
    }
    CHECK(road);
    CHECK(pool);
  }
}

TEST_CASE("a patrol post reads `mounted` (the baseline's night patrol is), and refuses anything but true or false",
          "[scenarios]") {
  const camp::LoadedScenario loaded = camp::load_scenario(kScenarios / "gao_baseline.yaml");
  int mounted = 0;
  for (const camp::Post& post : loaded.scenario.guards.posts) {
    if (post.name == "night_perimeter_patrol") CHECK(post.mounted);
    if (post.kind != camp::PostKind::Patrol) CHECK_FALSE(post.mounted);
    mounted += post.mounted ? 1 : 0;
  }
  CHECK(mounted == 1);
  // The patrol is the last post of the baseline (index 13).
  const auto errors = errors_with({"guards.posts[13].mounted=sometimes"});
  REQUIRE(errors.size() == 1);
  CHECK(errors.front().path == "guards.posts[13].mounted");
}

// The bunker study (scenarios/studies/bunker_places_for_all.yaml) gives a place to everyone who
// sleeps in the camp, and shows what those places buy against salvos: nothing in casualties. The
// theory: people lie down for the drill's two minutes before they move (reaction_awake and
// reaction_asleep), and a warned salvo's rounds land from the warning (10 s before the first) to
// 3 s apart after it, 1-4 rounds: all down within 10 + 3 x 3 = 19 s of the alarm. So where the
// bunkers are, and how many places they have, cannot touch a salvo's casualties; it changes who
// sits the alarm out under cover.
TEST_CASE("bunker places for everyone change where people sit out a salvo, not its casualties", "[scenarios][world]") {
  const camp::LoadedScenario base = camp::load_scenario(kScenarios / "gao_baseline.yaml");
  const camp::LoadedScenario study = camp::load_scenario(kScenarios / "studies" / "bunker_places_for_all.yaml");
  // Places: the baseline's nine bunkers of 60, two of 40 and one of 30 stay; 27 of 60 are added.
  // Night occupants: 395 + 900 + 900 + 20 + 40 + 10 + 5 (the zones of gao_baseline.yaml).
  int places = 0, sleepers = 0;
  for (const camp::Bunker& b : study.scenario.layout.bunkers) places += b.capacity;
  for (const camp::Zone& z : study.scenario.layout.zones) sleepers += z.occupants_night;
  CHECK(study.scenario.layout.bunkers.size() == 12 + 27);
  CHECK(places == 9 * 60 + 2 * 40 + 30 + 27 * 60);
  CHECK(sleepers == 2270);
  CHECK(places == sleepers);
  for (std::size_t i = 0; i < base.scenario.layout.bunkers.size(); ++i) {
    CHECK(study.scenario.layout.bunkers[i].position.x == base.scenario.layout.bunkers[i].position.x);
    CHECK(study.scenario.layout.bunkers[i].position.y == base.scenario.layout.bunkers[i].position.y);
    CHECK(study.scenario.layout.bunkers[i].capacity == base.scenario.layout.bunkers[i].capacity);
  }
  // The timing the theory rests on.
  const camp::IndirectFireParams& fire = study.scenario.threats.indirect_fire;
  CHECK(fire.warning_time == 10);
  CHECK(fire.reaction_awake >= fire.warning_time + 3 * camp::kIndirectFireRoundSpacing);
  CHECK(fire.reaction_asleep >= fire.warning_time + 3 * camp::kIndirectFireRoundSpacing);

  // Salvos only, two a day for ten days, on common random numbers.
  const std::vector<std::string> salvos_only{"threats.indirect_fire.arrivals.per_day=2", "threats.vehicle_bomb.arrivals.per_day=0",
                                             "threats.infiltration.arrivals.per_day=0", "threats.complex_attack.arrivals.per_day=0",
                                             "threats.roadside_bomb.bombs_per_1000_km=0"};
  camp::RunOptions options;
  options.duration = 10 * engine::kDay;
  const camp::RunResult a = camp::run_scenario(camp::load_scenario(kScenarios / "gao_baseline.yaml", salvos_only).scenario, options);
  const camp::RunResult b =
      camp::run_scenario(camp::load_scenario(kScenarios / "studies" / "bunker_places_for_all.yaml", salvos_only).scenario, options);
  INFO(a.metrics["world"].dump() << "\n" << b.metrics["world"].dump());
  REQUIRE(a.metrics["threats"]["by_kind"]["indirect_fire"]["incidents"].get<long>() >= 10);
  REQUIRE(a.metrics["threats"]["casualties"]["total"].get<long>() > 0);  // something to compare
  CHECK(b.metrics["threats"]["casualties"] == a.metrics["threats"]["casualties"]);
  CHECK(b.metrics["threats"]["casualties_by_cause"] == a.metrics["threats"]["casualties_by_cause"]);
  // The same people ran; far more got in, far fewer were left in the open.
  CHECK(b.metrics["world"]["shelter_runs"] == a.metrics["world"]["shelter_runs"]);
  CHECK(b.metrics["world"]["sheltered"].get<long>() > 2 * a.metrics["world"]["sheltered"].get<long>());
  CHECK(b.metrics["world"]["stranded"].get<long>() * 5 < a.metrics["world"]["stranded"].get<long>());
}
