// The vehicle bomb against hand calculations: detection probability 1 - exp(-rate n v T) for a
// constant hazard, the time in view with and without a chicane, the barrier's share, the
// geometry of the detonation point, and the readers of all three attack sections.
#include <catch2/catch.hpp>

#include "tests/camp/threats/people_fixture.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "sim/camp/threats/complex_attack.hpp"
#include "sim/camp/threats/infiltration.hpp"
#include "sim/camp/threats/vehicle_bomb.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_threats_test_vehicle_bomb {

using namespace campsim;
using namespace campsim::camp;

namespace {

// A 200 m square camp centred on (100, 100): gate "north" (barrier and chicane) at (100, 200),
// gate "west" (neither) at (0, 100); 50 people in one accommodation block in the middle.
CampLayout square_camp() {
  CampLayout l;
  l.perimeter = {{0, 0}, {200, 0}, {200, 200}, {0, 200}};
  l.gates = {{"north", {100, 200}, true, true}, {"west", {0, 100}, false, false}};
  l.zones.push_back({"lines", ZoneKind::Accommodation, {{80, 80}, {120, 80}, {120, 120}, {80, 120}}, 50, 50, "UN"});
  l.road_nodes = {{"hq", {100, 100}}, {"n", {100, 190}}, {"w", {10, 100}}};
  l.road_edges = {{RoadNodeId{0}, RoadNodeId{1}, 90}, {RoadNodeId{0}, RoadNodeId{2}, 90}};
  return l;
}

// `n` sentries of vigilance `v` at each gate, and one tower sentry that must not count; the bomb
// aims at `gate` (as the scenario's resolved names give it), or at any gate.
ThreatContext context(const CampLayout& layout, int n, double v, const std::string& gate = "") {
  ThreatContext ctx;
  ctx.layout = &layout;
  ctx.seed = 2016;
  ctx.qrf.base = "hq";
  ctx.qrf.alarm_delay = engine::Distribution::fixed(0);
  ctx.qrf.containment = engine::Distribution::fixed(600);
  ctx.qrf_base = RoadNodeId{0};
  if (!gate.empty()) ctx.bomb_gates = {find_gate(layout, gate).value()};
  std::vector<Sentry> sentries;
  for (std::size_t g = 0; g < layout.gates.size(); ++g)
    for (int i = 0; i < n; ++i) sentries.push_back({0, PostKind::Gate, id_at<GateId>(g), layout.gates[g].position, v});
  sentries.push_back({1, PostKind::Tower, TowerId{0}, {100, 195}, 1.0});  // id 0 too, but a tower's: not at a gate
  ctx.sentries_at = [sentries](SimTime) { return sentries; };
  ctx.people_at = testing::evenly_placed(layout, ctx.start_time_of_day, ctx.sentries_at, ctx.guard_contingent);
  return ctx;
}

double fact(const Incident& incident, const std::string& name) {
  for (const auto& [key, value] : incident.facts)
    if (key == name) return value;
  FAIL("no fact " << name);
  return 0;
}

VehicleBombParams at_gate(const std::string& gate) {
  VehicleBombParams p;
  p.gates = {gate};
  return p;
}

}  // namespace

TEST_CASE("vehicle bomb detection probability is 1 - exp(-rate n v T)", "[vehicle_bomb]") {
  const CampLayout layout = square_camp();
  const int n = 2;
  const double v = 0.7;
  const ThreatContext ctx = context(layout, n, v, "west");
  VehicleBombParams p = at_gate("west");  // no chicane: T = 300 / 15 = 20 s
  const double T = p.approach_distance_m / p.speed_mps;
  const double expected = 1 - std::exp(-p.detection_rate_per_s * n * v * T);
  const int N = 4000;
  int detected = 0;
  std::vector<Casualty> casualties;
  for (int i = 0; i < N; ++i) {
    const Incident inc = resolve_vehicle_bomb(p, ctx, i, 3600, casualties);
    CHECK(fact(inc, "time_in_view_s") == Approx(T));
    CHECK(fact(inc, "gate_vigilance_sum") == Approx(n * v));
    if (inc.detected) {
      ++detected;
      CHECK(inc.detected_at - 3600 < T);
      CHECK(inc.qrf->detected == inc.detected_at);  // the alarm is the detection
    }
  }
  const double share = static_cast<double>(detected) / N;
  CHECK(std::abs(share - expected) < 4 * std::sqrt(expected * (1 - expected) / N));
}

TEST_CASE("a chicane lengthens the time in view exactly as by hand", "[vehicle_bomb]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout, 1, 1.0, "north");
  VehicleBombParams p = at_gate("north");
  std::vector<Casualty> casualties;
  // (300 - 60) m at 15 m/s, then 60 m at 4 m/s: 16 s + 15 s.
  CHECK(fact(resolve_vehicle_bomb(p, ctx, 1, 0, casualties), "time_in_view_s") == Approx(31.0));
  p.chicane_length_m = 90;
  p.chicane_speed_mps = 3;  // 210 / 15 + 90 / 3 = 14 + 30
  CHECK(fact(resolve_vehicle_bomb(p, ctx, 1, 0, casualties), "time_in_view_s") == Approx(44.0));
  // The longer exposure shows in the detection probability too.
  p.detection_rate_per_s = 0.02;
  const double expected = 1 - std::exp(-0.02 * 1.0 * 44.0);
  const int N = 3000;
  int detected = 0;
  for (int i = 0; i < N; ++i) detected += resolve_vehicle_bomb(p, ctx, i, 0, casualties).detected ? 1 : 0;
  const double share = static_cast<double>(detected) / N;
  CHECK(std::abs(share - expected) < 4 * std::sqrt(expected * (1 - expected) / N));
}

TEST_CASE("an undetected bomb is held by the barrier with its probability, else drives in", "[vehicle_bomb]") {
  const CampLayout layout = square_camp();
  ThreatContext ctx = context(layout, 2, 1.0, "north");
  VehicleBombParams p = at_gate("north");
  p.detection_rate_per_s = 0;
  p.barrier_stop_probability = 0.8;
  const int N = 3000;
  int held = 0;
  std::vector<Casualty> casualties;
  for (int i = 0; i < N; ++i) {
    const Incident inc = resolve_vehicle_bomb(p, ctx, i, 0, casualties);
    REQUIRE_FALSE(inc.detected);
    CHECK(fact(inc, "barrier_held") + fact(inc, "penetrated") == 1);
    CHECK(fact(inc, "stopped_before_gate_m") == 0);
    CHECK(inc.qrf->detected == Approx(fact(inc, "detonation_after_s")));  // alarm at the explosion
    if (fact(inc, "barrier_held") == 1) {
      ++held;
      CHECK(inc.location.x == Approx(100));
      CHECK(inc.location.y == Approx(220));  // at the barrier, the default 20 m out from the north gate
    } else {
      CHECK(inc.location.x == Approx(100));
      CHECK(inc.location.y == Approx(120));  // 80 m in, toward the centre (100, 100)
    }
  }
  const double share = static_cast<double>(held) / N;
  CHECK(std::abs(share - 0.8) < 4 * std::sqrt(0.8 * 0.2 / N));

  // The barrier's standoff is where a held bomb goes off.
  p.barrier_stop_probability = 1;
  p.barrier_standoff_m = 35;
  const Incident far_out = resolve_vehicle_bomb(p, ctx, 1, 0, casualties);
  CHECK(fact(far_out, "barrier_held") == 1);
  CHECK(far_out.location.y == Approx(235));

  // A gate without a barrier never holds.
  p.gates = {"west"};
  ctx.bomb_gates = {GateId{1}};
  for (int i = 0; i < 200; ++i) {
    const Incident inc = resolve_vehicle_bomb(p, ctx, i, 0, casualties);
    CHECK(fact(inc, "penetrated") == 1);
    CHECK(inc.location.x == Approx(80));
    CHECK(inc.location.y == Approx(100));
    CHECK(fact(inc, "detonation_after_s") == Approx(20 + 80 / 15.0));
  }
}

TEST_CASE("a stopped bomb detonates outside, on the approach line, where it was stopped", "[vehicle_bomb]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout, 1, 1.0, "west");
  VehicleBombParams p = at_gate("west");
  p.detection_rate_per_s = 10;  // seen at once
  p.stop_rate_per_s = 0.1;
  int stopped = 0;
  const int N = 2000;
  std::vector<Casualty> casualties;
  for (int i = 0; i < N; ++i) {
    const Incident inc = resolve_vehicle_bomb(p, ctx, i, 0, casualties);
    const double short_m = fact(inc, "stopped_before_gate_m");
    if (short_m == 0) continue;
    ++stopped;
    CHECK(inc.location.x == Approx(-short_m));  // due west of the west gate
    CHECK(inc.location.y == Approx(100));
    CHECK(short_m == Approx(300 - 15 * fact(inc, "detonation_after_s")));
    CHECK(fact(inc, "barrier_held") == 0);
    CHECK(fact(inc, "penetrated") == 0);
  }
  // Detection at t_d ~ Exp(rate 10) (always within the 20 s), then stop within the remaining
  // 20 - t_d s: P = 1 - E[exp(-0.1 (20 - t_d))] = 1 - exp(-2) * 10 / (10 - 0.1).
  const double expected = 1 - std::exp(-2.0) * 10 / 9.9;
  CHECK(std::abs(static_cast<double>(stopped) / N - expected) < 4 * std::sqrt(expected * (1 - expected) / N));
}

TEST_CASE("vehicle bomb blast casualties are counted, attributed and deterministic", "[vehicle_bomb]") {
  const CampLayout layout = square_camp();
  VehicleBombParams p = at_gate("west");
  p.detection_rate_per_s = 0;
  p.penetration_m = 90;  // detonates 10 m from the block: many hurt
  std::vector<Casualty> a, b;
  // Fresh contexts: the same people in the same places (as the world gives at one instant).
  const Incident x = resolve_vehicle_bomb(p, context(layout, 2, 1.0, "west"), 7, 100, a);
  const Incident y = resolve_vehicle_bomb(p, context(layout, 2, 1.0, "west"), 7, 100, b);
  REQUIRE(a.size() == b.size());
  CHECK(x.killed + x.wounded == static_cast<int>(a.size()));
  CHECK(x.killed > 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == static_cast<int>(i));
    CHECK(a[i].incident == 7);
    CHECK(a[i].cause == Cause::VehicleBomb);
    CHECK(a[i].position.x == b[i].position.x);
    CHECK(a[i].triage == b[i].triage);
  }
  CHECK(x.kind == ThreatKind::VehicleBomb);
  CHECK(x.target == "west");
}

TEST_CASE("attack readers take values from YAML and report bad ones at their key", "[vehicle_bomb][infiltration][complex_attack]") {
  using namespace campsim::scenario;
  const Node tree = parse_yaml_text(
      "vehicle_bomb:\n"
      "  arrivals: {per_day: 0.01}\n"
      "  gates: [north]\n"
      "  approach_distance_m: 250\n"
      "  chicane_length_m: 50\n"
      "  charge: {lethal_area_m2: 3000, casualty_area_m2: 25000, light_wound_area_m2: 90000}\n"
      "infiltration:\n"
      "  intruders: 5\n"
      "  exposure: 10min\n"
      "  night_visibility: 0.4\n"
      "complex_attack:\n"
      "  gunmen: 6\n"
      "  wounds: {immediate: 0.3, delayed: 0.3}\n",
      "attacks.yaml");
  Reader reader(tree);
  const VehicleBombParams v = read_vehicle_bomb(reader.root().map("vehicle_bomb"));
  const InfiltrationParams in = read_infiltration(reader.root().map("infiltration"));
  const ComplexAttackParams c = read_complex_attack(reader.root().map("complex_attack"));
  REQUIRE_NOTHROW(reader.finish());
  CHECK(v.arrivals.per_day == 0.01);
  CHECK(v.gates == std::vector<std::string>{"north"});
  CHECK(v.approach_distance_m == 250);
  CHECK(v.chicane_length_m == 50);
  CHECK(v.speed_mps == 15);  // default kept
  CHECK(v.charge.lethal_area_m2 == 3000);
  CHECK(v.charge.casualty_area_m2 == 25000);
  CHECK(v.charge.light_wound_area_m2 == 90000);
  CHECK(in.intruders == 5);
  CHECK(in.exposure == 600);
  CHECK(in.night_visibility == 0.4);
  CHECK(in.arrivals.per_day == 0.01);       // default, night-heavy
  CHECK(in.arrivals.hour_weights[23] == 3 * in.arrivals.hour_weights[12]);
  CHECK(c.gunmen == 6);
  CHECK(c.wounds.immediate == 0.3);
  CHECK(c.arrivals.per_day == 0.001);

  const Node bad = parse_yaml_text(
      "vehicle_bomb:\n"
      "  speed_mps: -3\n"
      "  chicane_length_m: 400\n"
      "  charge: {light_wound_area_m2: -5}\n"
      "infiltration:\n"
      "  exposure: 5\n",
      "bad.yaml");
  Reader bad_reader(bad);
  read_vehicle_bomb(bad_reader.root().map("vehicle_bomb"));
  read_infiltration(bad_reader.root().map("infiltration"));
  const auto& d = bad_reader.diagnostics();
  REQUIRE(d.size() == 4);
  CHECK(d[0].path == "vehicle_bomb.speed_mps");
  CHECK(d[0].where.line == 2);
  // The charge is read before the chicane is checked against the approach.
  CHECK(d[1].path == "vehicle_bomb.charge.light_wound_area_m2");
  CHECK(d[1].where.line == 4);
  CHECK(d[1].expected == "a number between 0 and 1e+08");
  CHECK(d[2].path == "vehicle_bomb.chicane_length_m");
  CHECK(d[2].where.line == 3);
  CHECK(d[2].expected == "at most approach_distance_m (300)");
  CHECK(d[3].path == "infiltration.exposure");
  CHECK(d[3].where.line == 6);
  CHECK_THROWS_AS(bad_reader.finish(), ScenarioError);
}

}  // namespace unity_camp_threats_test_vehicle_bomb
