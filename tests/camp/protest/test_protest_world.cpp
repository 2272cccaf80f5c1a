// Protests in the one world: the 27 January 2015 replay (with a smaller crowd, for speed) run
// through run_scenario. Casualties are conserved and reach the medical chain, force is never used
// before it is authorized, nobody crosses the closed gate, legitimacy follows its rule, and the
// run gives the same bytes on any thread count and ticking or jumping.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/scenario.hpp"

using namespace campsim;
using namespace campsim::camp;

namespace {

const std::string kReplay = std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/replay_2015-01-27_gao_protest.yaml";
const std::string kByTheBook = std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/replay_2015-01-27_gao_protest_by_the_book.yaml";

// 400 marchers instead of 2,000: the same mechanics, a fifth of the steps.
std::vector<std::string> small_crowd(std::vector<std::string> more = {}, int size = 400) {
  more.push_back("protests.scripted=[{at: 9h, size: " + std::to_string(size) + ", unexplained_decisions_before: 3}]");
  return more;
}
// 800: above the 500 at which size weighs fully on the ladder, so most replays turn violent.
std::vector<std::string> violent_crowd() { return small_crowd({}, 800); }

RunResult run(const std::string& file, std::uint64_t seed, const std::vector<std::string>& overrides, int threads = 1,
              bool always_tick = false) {
  const LoadedScenario loaded = load_scenario(file, overrides);
  RunOptions o;
  o.seed = seed;
  o.threads = threads;
  o.duration = 14 * engine::kHour;
  o.always_tick = always_tick;
  return run_scenario(loaded.scenario, o);
}

std::vector<nlohmann::json> events_of(const RunResult& r, const std::string& type) {
  std::ostringstream out;
  r.events.write_jsonl(out);
  std::istringstream in(out.str());
  std::vector<nlohmann::json> found;
  for (std::string line; std::getline(in, line);) {
    nlohmann::json e = nlohmann::json::parse(line);
    if (e["type"] == type) found.push_back(std::move(e));
  }
  return found;
}

}  // namespace

TEST_CASE("a protest's casualties are conserved, reach the medical chain, and move legitimacy by its rule", "[protest]") {
  long civilians_hurt = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const RunResult r = run(kReplay, seed, violent_crowd());
    const auto& p = r.metrics["protests"];
    REQUIRE(p["protests"] == 1);
    // Every casualty of the protest's incident is a police officer, a peacekeeper, or a civilian
    // brought to the camp's hospital; attacks are off, so the threats report none.
    long in_list = 0, civilians = 0;
    for (const Casualty& c : r.casualties) {
      REQUIRE(r.incidents.at(static_cast<std::size_t>(c.incident)).kind == ThreatKind::Protest);
      ++in_list;
      civilians += c.contingent == "civilian" ? 1 : 0;
    }
    CHECK(in_list == p["police_hurt"].get<long>() + p["peacekeepers_hurt"].get<long>() +
                         p["civilians_to_camp_hospital"].get<long>());
    CHECK(civilians == p["civilians_to_camp_hospital"].get<long>());
    CHECK(r.metrics["threats"]["casualties"]["total"] == 0);
    // One care record per casualty: all reached the one medical chain.
    CHECK(static_cast<long>(r.care_records.rows.size()) == in_list);
    // Legitimacy: 0.8, three unexplained decisions (x 0.97 each), then x 0.9 per civilian killed
    // and x 0.98 per civilian wounded by the force; no engagement in a one-protest replay.
    const int killed = p["civilians_killed"].get<int>(), wounded = p["civilians_wounded"].get<int>();
    const double expected = 0.8 * std::pow(0.97, 3) * std::pow(0.9, killed) * std::pow(0.98, wounded);
    CHECK(p["legitimacy_end"].get<double>() == Approx(expected).epsilon(1e-12));
    civilians_hurt += killed + wounded;
  }
  // The replay as it happened (live fire at the first stones) hurts civilians: the checks above
  // were not all about zero.
  CHECK(civilians_hurt > 0);
}

TEST_CASE("force is never used before it is authorized: without gunfire no protester is hit", "[protest]") {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const RunResult r = run(kByTheBook, seed, small_crowd());
    REQUIRE(r.protest_records.rows.size() == 1);
    // The rules' delays: every action the force takes appears in protest_state events; the first
    // use of each step must come at or after its grant (the table gives lethal force's grant).
    const auto& cols = r.protest_records.columns;
    const auto col = [&](const std::string& name) {
      return static_cast<std::size_t>(std::find(cols.begin(), cols.end(), name) - cols.begin());
    };
    const std::string granted = r.protest_records.rows[0][col("lethal_force_granted_s")];
    for (const auto& e : events_of(r, "protest_state"))
      if (e["action"] == "lethal_force") {
        REQUIRE_FALSE(granted.empty());
        CHECK(e["t"].get<double>() >= std::stod(granted));
      }
    // Under these rules lethal force waits for a breach attempt; a crowd that never tried one
    // was never fired at.
    if (r.protest_records.rows[0][col("breach_attempt_s")].empty()) CHECK(r.protest_records.rows[0][col("lethal_force_uses")] == "0");
  }
  const std::vector<std::string> no_guns = small_crowd({"protests.rules_of_engagement.steps.warning_shots.permitted=false",
                                                        "protests.rules_of_engagement.steps.lethal_force.permitted=false"},
                                                       800);
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const RunResult r = run(kReplay, seed, no_guns);
    CHECK(r.metrics["protests"]["civilians_killed"] == 0);
    CHECK(r.metrics["protests"]["civilians_wounded"] == 0);
    CHECK(events_of(r, "protester_hit").empty());
  }
}

TEST_CASE("no protester crosses the camp's wall or its closed gate", "[protest]") {
  const LoadedScenario loaded = load_scenario(kByTheBook, small_crowd());
  RunOptions o;
  o.seed = 5;
  o.duration = 12 * engine::kHour;
  long seen = 0, frames = 0;
  double worst = -1e9;
  o.world_observer = [&](const WorldSnapshot& s) {
    if (!s.protest.live) return;
    ++frames;
    CHECK(s.protest.protesters.size() <= 400);
    for (const protest::ProtesterView& p : s.protest.protesters) {
      ++seen;
      worst = std::max(worst, p.position.x);  // the camp's west wall is x = 0; the town is west
    }
  };
  o.observe_every = 60;
  run_scenario(loaded.scenario, o);
  CHECK(frames > 10);
  CHECK(seen > 1000);
  CHECK(worst < 0.0);
}

TEST_CASE("a run with a protest gives the same bytes on 1 and 2 threads, ticking or jumping", "[protest][parallel]") {
  const auto bytes = [](const RunResult& r) {
    std::ostringstream out;
    r.events.write_jsonl(out);
    return r.metrics.dump() + out.str();
  };
  const std::string one = bytes(run(kReplay, 11, small_crowd(), 1));
  CHECK(one == bytes(run(kReplay, 11, small_crowd(), 2)));
  CHECK(one == bytes(run(kReplay, 11, small_crowd(), 1, true)));
}

TEST_CASE("the police line in the view stands where the model puts it and shortens as officers are hurt", "[protest]") {
  // The replay's gate is in the west wall (x = 0), the town to the west: the line stands
  // kPoliceInside_m inside (east of) the wall, centred on the gate, one officer a metre.
  // Stones fifty times as likely to hit, so that officers are hurt while the protest goes on.
  const LoadedScenario loaded = load_scenario(kReplay, small_crowd({"protests.effects.stone_hits_per_active_hour=0.5"}, 800));
  const int at_gate = loaded.scenario.protests.effects.police_at_gate;
  REQUIRE(at_gate > 1);
  RunOptions o;
  o.seed = 1;
  o.duration = 14 * engine::kHour;
  long frames = 0;
  int first = -1, fewest = at_gate + 1, rises = 0, previous = at_gate;
  o.world_observer = [&](const WorldSnapshot& s) {
    if (!s.protest.live) return;
    const protest::PoliceLineView& line = s.protest.police;
    if (first < 0) first = line.officers;
    ++frames;
    rises += line.officers > previous ? 1 : 0;
    previous = line.officers;
    fewest = std::min(fewest, line.officers);
    if (line.officers == 0) return;
    CHECK(line.from.x == Approx(s.protest.gate.x + protest::kPoliceInside_m).margin(1e-3));
    CHECK(line.to.x == Approx(s.protest.gate.x + protest::kPoliceInside_m).margin(1e-3));
    CHECK(std::abs(line.to.y - line.from.y) == Approx((line.officers - 1) * protest::kPoliceSpacing_m).margin(1e-3));
    CHECK((line.from.y + line.to.y) / 2 == Approx(s.protest.gate.y).margin(1e-3));
  };
  o.observe_every = 60;
  const RunResult r = run_scenario(loaded.scenario, o);
  REQUIRE(frames > 10);
  CHECK(first == at_gate);  // nobody hurt when the march sets off
  CHECK(rises == 0);        // the hurt do not come back during the protest
  // Officers hurt leave the line: it shortens, never by more than were hurt in the whole run.
  const int hurt = r.metrics["protests"]["police_hurt"].get<int>();
  REQUIRE(hurt > 0);
  CHECK(fewest < at_gate);
  CHECK(at_gate - fewest <= hurt);
}
