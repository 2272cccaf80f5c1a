// The world inside whole runs: ticking only while people move, the same bytes whether the engine
// jumps or ticks, on any thread count, watched or not; the log in time order; casualties where
// people really are.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/camp/camp_run.hpp"

using namespace campsim;
using engine::kDay;
using engine::kHour;
using engine::kMinute;

namespace {

camp::Scenario baseline_with_salvos() {
  camp::Scenario s = camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario;
  camp::disable_all_threats(s.threats);
  // Two warned salvos (one by night, people asleep) and a vehicle bomb.
  s.threats.indirect_fire.arrivals.scripted = {2 * kHour, 14 * kHour};
  s.threats.indirect_fire.detection_probability = 1;
  s.threats.vehicle_bomb.arrivals.scripted = {20 * kHour};
  return s;
}

std::string bytes(const camp::RunResult& r) {
  std::ostringstream out;
  out << r.metrics.dump() << '\n';
  r.events.write_jsonl(out);
  r.series.write_csv(out);
  return out.str();
}

camp::RunOptions one_day(int threads = 1) {
  camp::RunOptions o;
  o.duration = kDay;
  o.threads = threads;
  o.seed = 11;
  return o;
}

}  // namespace

TEST_CASE("an alarm makes the engine tick: jumping gives the same bytes as ticking every second", "[world][run]") {
  const camp::Scenario s = baseline_with_salvos();
  camp::RunOptions jump = one_day();
  camp::RunOptions tick = one_day();
  tick.always_tick = true;
  const camp::RunResult a = camp::run_scenario(s, jump);
  const camp::RunResult b = camp::run_scenario(s, tick);
  CHECK(a.loop.ticks > 100);               // people really moved, tick by tick
  CHECK(a.loop.ticks < b.loop.ticks / 10);  // and only while they moved
  CHECK(a.metrics["world"]["agent_steps"].get<double>() > 0);
  CHECK(bytes(a) == bytes(b));
}

TEST_CASE("the same bytes on 1, 2 and 4 threads with people moving", "[world][run][parallel]") {
  const camp::Scenario s = baseline_with_salvos();
  const std::string one = bytes(camp::run_scenario(s, one_day(1)));
  CHECK(bytes(camp::run_scenario(s, one_day(2))) == one);
  CHECK(bytes(camp::run_scenario(s, one_day(4))) == one);
}

TEST_CASE("watching the world never changes a run, and snapshots show everyone", "[world][run]") {
  const camp::Scenario s = baseline_with_salvos();
  camp::RunOptions watched = one_day();
  std::size_t snapshots = 0, most_moving = 0, people = 0;
  bool saw_impact = false;
  watched.world_observer = [&](const camp::WorldSnapshot& snap) {
    ++snapshots;
    people = snap.people.size();
    std::size_t moving = 0;
    for (const auto& p : snap.people) moving += p.activity == camp::PersonActivity::Moving ? 1 : 0;
    most_moving = std::max(most_moving, moving);
    saw_impact |= !snap.impacts.empty();
  };
  const camp::RunResult a = camp::run_scenario(s, watched);
  const camp::RunResult b = camp::run_scenario(s, one_day());
  CHECK(bytes(a) == bytes(b));
  CHECK(snapshots > 24 * 60);  // every minute at least, every second while people move
  CHECK(people == a.metrics["world"]["people"].get<std::size_t>());
  CHECK(most_moving > 100);
  CHECK(saw_impact);
}

TEST_CASE("the event log is in time order", "[world][run]") {
  const camp::RunResult r = camp::run_scenario(baseline_with_salvos(), one_day());
  std::ostringstream out;
  r.events.write_jsonl(out);
  std::istringstream lines(out.str());
  std::string line;
  double last = -1;
  long n = 0;
  while (std::getline(lines, line)) {
    const double t = nlohmann::json::parse(line)["t"].get<double>();
    REQUIRE(t >= last);
    last = t;
    ++n;
  }
  CHECK(n > 100);
}

TEST_CASE("casualties are people of the world, each hit where that person was", "[world][run]") {
  camp::Scenario s = baseline_with_salvos();
  s.threats.indirect_fire.arrivals.scripted = {};
  s.threats.indirect_fire.arrivals.per_day = 3;
  s.threats.vehicle_bomb.arrivals.per_day = 1;
  camp::RunOptions o = one_day();
  o.duration = 10 * kDay;
  const camp::RunResult r = camp::run_scenario(s, o);
  REQUIRE(r.casualties.size() > 5);
  // Nobody is hit while already a casualty: a second wound comes only after the medical chain
  // let the person go back to duty (a `left_care` record with outcome survived, in between), and
  // never after being killed, flown out or dead of wounds.
  std::map<std::int64_t, std::vector<std::pair<double, std::string>>> left_care;  // person -> (t, outcome)
  {
    std::ostringstream jsonl;
    r.events.write_jsonl(jsonl);
    std::istringstream lines(jsonl.str());
    for (std::string line; std::getline(lines, line);) {
      const auto record = nlohmann::json::parse(line);
      if (record["type"] == "left_care")
        left_care[record["person"].get<std::int64_t>()].emplace_back(record["t"].get<double>(), record["outcome"].get<std::string>());
    }
  }
  long left = 0;
  for (const auto& [person, exits] : left_care) left += static_cast<long>(exits.size());
  CHECK(left > 0);  // the chain did let people go in these ten days
  CHECK(r.metrics["world"]["left_care"]["returned_to_duty"].get<long>() + r.metrics["world"]["left_care"]["evacuated_l3"].get<long>() +
            r.metrics["world"]["left_care"]["died_of_wounds"].get<long>() ==
        left);
  std::map<int, const camp::Casualty*> last;
  for (const camp::Casualty& c : r.casualties) {
    if (!c.inside_camp) continue;
    REQUIRE(c.person.has_value());
    const int person = static_cast<int>(c.person->value);
    const auto it = last.find(person);
    if (it != last.end()) {
      const camp::Casualty& before = *it->second;
      REQUIRE(before.triage != camp::Triage::Killed);
      bool back_between = false;
      for (const auto& [t, outcome] : left_care[person])
        if (t >= before.time && t <= c.time) {
          CHECK(outcome == "survived");
          back_between = true;
        }
      CHECK(back_between);
    }
    last[person] = &c;
  }
}

TEST_CASE("an ambulance escort out with the only QRF team makes a later attack wait: a reserve team does not",
          "[world][run][qrf][escort]") {
  // A roadside bomb at 08:00 hurts people on the road outside the camp (out by day only: a strike
  // hurts nobody when nobody is out); the ambulance leaves with its escort at once (dispatch on
  // request) on a drive of three hours each way, so the escort is out from about 08:10 to past
  // 14:00. A vehicle bomb at 10:00 calls the QRF.
  camp::Scenario s = camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario;
  camp::disable_all_threats(s.threats);
  s.medical.external.enabled = false;
  s.threats.roadside_bomb.scripted = {8 * kHour};
  s.threats.roadside_bomb.found_by_clearance = 0;
  s.threats.vehicle_bomb.arrivals.scripted = {10 * kHour};
  s.medical.casevac.approval.pre_authorized_skip_levels = 10;  // clamped: dispatch on request
  s.medical.ambulances.outside_drive = engine::Distribution::fixed(3 * kHour);
  const auto qrf_of = [](const camp::RunResult& r) { return r.metrics["world"]["qrf"]; };

  const camp::RunResult one = camp::run_scenario(s, one_day());
  REQUIRE(qrf_of(one)["escorts"].get<long>() >= 1);
  REQUIRE(qrf_of(one)["dispatches"].get<long>() == 1);        // the vehicle bomb's call-out
  CHECK(qrf_of(one)["waited_for_busy_qrf"].get<long>() == 1);  // ... waited for the escort
  CHECK(qrf_of(one)["wait_total_minutes"].get<double>() > 4 * 60 - 10);  // until the convoy was home

  s.qrf.units = 2;
  const camp::RunResult two = camp::run_scenario(s, one_day());
  CHECK(qrf_of(two)["escorts"].get<long>() == qrf_of(one)["escorts"].get<long>());
  CHECK(qrf_of(two)["waited_for_busy_qrf"].get<long>() == 0);
}
