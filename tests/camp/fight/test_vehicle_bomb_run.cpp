// The vehicle bomb as a vehicle of the world: the 31 May 2016 replay's scripted bomb at the main
// gate (everything else off), with its run left to the agents. Where and when it goes off is
// worked from the road by hand; fire that cannot hit never stops it, fire that cannot miss does.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/camp/camp_run.hpp"
#include "tests/support/run_events.hpp"
#include "sim/camp/threats/vehicle_bomb.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_fight_test_vehicle_bomb_run {

using namespace campsim;
using Catch::Detail::Approx;

namespace {

camp::Scenario gate_bomb() {
  camp::Scenario s =
      camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/replay_2016-05-31_gao.yaml").scenario;
  s.threats.vehicle_bomb.detection_rate_per_s = 0;  // unseen: nobody fires
  return s;
}

const camp::Incident& the_bomb(const camp::RunResult& r) {
  REQUIRE(r.incidents.size() == 1);
  REQUIRE(r.incidents.front().kind == camp::ThreatKind::VehicleBomb);
  REQUIRE(r.incidents.front().fight.has_value());
  return r.incidents.front();
}

double fact(const camp::Incident& incident, const std::string& name) {
  for (const auto& [key, value] : incident.facts)
    if (key == name) return value;
  FAIL("no fact " << name);
  return 0;
}

struct Road {
  camp::Point gate, outward;
  double to_centre = 0;
};

Road main_gate_road(const camp::Scenario& s) {
  const camp::Point gate = s.layout.gates.front().position;  // main_gate, the replay's target
  const camp::Point centre = camp::camp_centroid(s.layout);
  const double n = camp::distance(gate, centre);
  return {gate, {(gate.x - centre.x) / n, (gate.y - centre.y) / n}, n};
}

}  // namespace

TEST_CASE("an unseen vehicle bomb held by the barrier goes off there, when its road says", "[fight][vehicle_bomb]") {
  camp::Scenario s = gate_bomb();
  s.threats.vehicle_bomb.barrier_stop_probability = 1;
  const camp::VehicleBombParams& p = s.threats.vehicle_bomb;
  REQUIRE(s.layout.gates.front().chicane);
  const camp::RunResult r = camp::run_scenario(s, camp::RunOptions{});
  const camp::Incident& bomb = the_bomb(r);
  const Road road = main_gate_road(s);
  // Open road at speed, then the chicane at its speed, to the barrier 20 m out.
  const double open = p.approach_distance_m - p.chicane_length_m;
  const double expected = open / p.speed_mps + (p.chicane_length_m - p.barrier_standoff_m) / p.chicane_speed_mps;
  CHECK(fact(bomb, "barrier_held") == 1);
  CHECK(fact(bomb, "stopped_by_fire") == 0);
  CHECK(fact(bomb, "penetrated") == 0);
  CHECK(fact(bomb, "detonation_after_s") >= expected - 1e-9);
  CHECK(fact(bomb, "detonation_after_s") <= expected + s.meta.tick);  // the tick it arrives in
  CHECK(bomb.location.x == Approx(road.gate.x + road.outward.x * p.barrier_standoff_m).margin(1e-6));
  CHECK(bomb.location.y == Approx(road.gate.y + road.outward.y * p.barrier_standoff_m).margin(1e-6));
  // Nobody saw it: no shot, and the explosion itself is the alarm.
  CHECK(bomb.fight->shots == 0);
  CHECK(bomb.detected_at == Approx(bomb.time + fact(bomb, "detonation_after_s")));
  CHECK(bomb.fight->stopped_outside);
}

TEST_CASE("an unseen vehicle bomb the barrier does not hold drives on inside and goes off there", "[fight][vehicle_bomb]") {
  camp::Scenario s = gate_bomb();
  s.threats.vehicle_bomb.barrier_stop_probability = 0;
  const camp::VehicleBombParams& p = s.threats.vehicle_bomb;
  const camp::RunResult r = camp::run_scenario(s, camp::RunOptions{});
  const camp::Incident& bomb = the_bomb(r);
  const Road road = main_gate_road(s);
  const double inside = std::min(p.penetration_m, road.to_centre);
  const double expected = (p.approach_distance_m - p.chicane_length_m) / p.speed_mps +
                          p.chicane_length_m / p.chicane_speed_mps + inside / p.speed_mps;
  CHECK(fact(bomb, "penetrated") == 1);
  CHECK(fact(bomb, "barrier_held") == 0);
  CHECK(fact(bomb, "detonation_after_s") >= expected - 1e-9);
  CHECK(fact(bomb, "detonation_after_s") <= expected + s.meta.tick);
  CHECK(bomb.location.x == Approx(road.gate.x - road.outward.x * inside).margin(1e-6));
  CHECK(bomb.location.y == Approx(road.gate.y - road.outward.y * inside).margin(1e-6));
  CHECK_FALSE(bomb.fight->stopped_outside);
}

TEST_CASE("fire that cannot hit never stops a vehicle bomb: fire that cannot miss stops it short", "[fight][vehicle_bomb]") {
  camp::Scenario s = gate_bomb();
  s.threats.vehicle_bomb.detection_rate_per_s = 10;  // seen at once, wherever it can be seen
  s.threats.vehicle_bomb.barrier_stop_probability = 1;
  camp::Scenario blanks = s;
  blanks.threats.fight.fight.fire.combat_degradation = 0;
  camp::Scenario marksmen = s;
  marksmen.threats.fight.fight.fire.combat_degradation = 1;
  marksmen.threats.fight.fight.fire.exposure_driving = 1;
  marksmen.threats.fight.fight.fire.effective_range_m = 10000;  // every shot in range hits
  int stopped_blanks = 0, stopped_marksmen = 0, fired_upon = 0;
  const int runs = 10;
  for (int seed = 1; seed <= runs; ++seed) {
    camp::RunOptions options;
    options.seed = static_cast<std::uint64_t>(seed);
    const camp::RunResult with_blanks = camp::run_scenario(blanks, options);  // kept: the_bomb refers into it
    const camp::Incident& a = the_bomb(with_blanks);
    stopped_blanks += static_cast<int>(fact(a, "stopped_by_fire"));
    fired_upon += a.fight->shots > 0 ? 1 : 0;
    const camp::RunResult r = camp::run_scenario(marksmen, options);
    const camp::Incident& b = the_bomb(r);
    if (fact(b, "stopped_by_fire") == 1) {
      ++stopped_marksmen;
      // Stopped before the barrier: farther out than the barrier's 20 m.
      CHECK(fact(b, "stopped_before_gate_m") > s.threats.vehicle_bomb.barrier_standoff_m);
      CHECK(b.fight->hits_by_camp >= 1);
    }
  }
  CHECK(fired_upon == runs);  // the blanks were fired: the sentries saw it every time
  CHECK(stopped_blanks == 0);
  CHECK(stopped_marksmen == runs);
}

TEST_CASE("after a vehicle bomb the incident ends when the QRF reaches its site", "[fight][vehicle_bomb]") {
  camp::Scenario s = gate_bomb();
  const camp::RunResult r = camp::run_scenario(s, camp::RunOptions{});
  const camp::Incident& bomb = the_bomb(r);
  REQUIRE(bomb.qrf.has_value());
  REQUIRE(bomb.fight->ended.has_value());
  const double detonation = bomb.time + fact(bomb, "detonation_after_s");
  // Not before the QRF has driven out and walked up (never at the blast itself), and well before
  // the time at which an unreached site is given up.
  CHECK(*bomb.fight->ended > bomb.qrf->launched);
  CHECK(*bomb.fight->ended - detonation < s.threats.fight.fight.move.max_inside);
  CHECK(bomb.qrf->contained == Approx(*bomb.fight->ended));
  CHECK(fact(bomb, "attackers_killed") == 1);  // the driver died with his bomb
}

TEST_CASE("in a complex attack the gunmen wait for the bomb, then fight their way in", "[fight][complex]") {
  camp::Scenario s = gate_bomb();
  s.threats.complex_attack.arrivals = s.threats.vehicle_bomb.arrivals;  // the replay's scripted minute
  s.threats.vehicle_bomb.arrivals = camp::flat_arrivals(0);
  s.threats.complex_attack.gunmen = 3;
  int fought = 0;
  for (std::uint64_t seed : {1, 2, 3}) {
    camp::RunOptions options;
    options.seed = seed;
    const camp::RunResult r = camp::run_scenario(s, options);
    REQUIRE(r.incidents.size() == 1);
    const camp::Incident& attack = r.incidents.front();
    REQUIRE(attack.kind == camp::ThreatKind::ComplexAttack);
    REQUIRE(attack.fight.has_value());
    CHECK(attack.fight->attackers == 1 + 3);
    const double detonation = attack.time + fact(attack, "detonation_after_s");
    // Nobody sees or hears a gunman before the bomb has gone off: they wait out of sight.
    for (const auto& shot : testing::event_records(r, "shot"))
      if (shot["shooter_role"] == "intruder" || shot["target_role"] == "intruder") {
        CHECK(shot["t"].get<double>() >= detonation);
        ++fought;
      }
    for (const auto& seen : testing::event_records(r, "detection"))
      if (seen["target_role"] == "intruder") CHECK(seen["t"].get<double>() >= detonation);
    // The incident ends when every attacker is down or gone.
    REQUIRE(attack.fight->ended.has_value());
    CHECK(attack.fight->neutralized() + attack.fight->attackers_gone == attack.fight->attackers);
  }
  CHECK(fought > 0);  // the gunmen were fought in at least one of the runs
}

TEST_CASE("a vehicle bomb's run and a complex attack give the same bytes on 1 and 2 threads",
          "[fight][determinism][parallel]") {
  for (const char* file : {"one_vehicle_bomb.yaml", "one_complex_attack.yaml"}) {
    const camp::Scenario s =
        camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/studies/" + file).scenario;
    std::string first;
    for (int threads : {1, 2}) {
      camp::RunOptions options;
      options.seed = 3;
      options.threads = threads;
      const camp::RunResult r = camp::run_scenario(s, options);
      std::ostringstream events;
      r.events.write_jsonl(events);
      const std::string bytes = r.metrics.dump() + events.str();
      REQUIRE(bytes.find("\"type\":\"casualty\"") != std::string::npos);  // the bomb went off among people
      if (first.empty())
        first = bytes;
      else
        CHECK(bytes == first);
    }
  }
}

}  // namespace unity_camp_fight_test_vehicle_bomb_run
