// The complex attack against hand reasoning: a bomb stopped on the approach lets no gunmen in;
// a bomb that goes off inside lets them in from the detonation until the QRF contains them, with
// Poisson gunfire of mean gunmen * shots_per_minute * minutes inside; blast and gunfire casualties
// land in one incident.
#include <catch2/catch.hpp>

#include "tests/camp/threats/people_fixture.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "sim/camp/threats/complex_attack.hpp"

using namespace campsim;
using namespace campsim::camp;

namespace {

// A 200 m square camp with an open gate "west" (no barrier, no chicane) at (0, 100) and 400
// people in the middle block; one gate sentry at full vigilance.
CampLayout square_camp() {
  CampLayout l;
  l.perimeter = {{0, 0}, {200, 0}, {200, 200}, {0, 200}};
  l.gates = {{"west", {0, 100}, false, false}};
  l.zones.push_back({"lines", ZoneKind::Accommodation, {{60, 60}, {140, 60}, {140, 140}, {60, 140}}, 400, 400, "UN"});
  l.road_nodes = {{"hq", {100, 100}}, {"w", {10, 100}}};
  l.road_edges = {{RoadNodeId{0}, RoadNodeId{1}, 90}};
  return l;
}

ThreatContext context(const CampLayout& layout) {
  ThreatContext ctx;
  ctx.layout = &layout;
  ctx.seed = 2018;
  ctx.qrf.base = "hq";
  ctx.qrf.alarm_delay = engine::Distribution::fixed(60);
  ctx.qrf.containment = engine::Distribution::fixed(900);
  const std::vector<Sentry> sentries{{0, PostKind::Gate, GateId{0}, {0, 100}, 1.0}};
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

}  // namespace

TEST_CASE("a complex attack whose bomb is stopped before the gate lets no gunmen in", "[complex_attack]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  VehicleBombParams bomb;
  bomb.detection_rate_per_s = 10;  // seen at once...
  bomb.stop_rate_per_s = 10;       // ...and stopped at once, about 300 m out
  const ComplexAttackParams p;
  for (int i = 0; i < 200; ++i) {
    std::vector<Casualty> casualties;
    const Incident inc = resolve_complex_attack(p, bomb, ctx, i, 0, casualties);
    REQUIRE(fact(inc, "stopped_before_gate_m") > 0);
    CHECK(inc.kind == ThreatKind::ComplexAttack);
    CHECK(fact(inc, "gunmen") == 0);
    CHECK(fact(inc, "gunmen_inside_s") == 0);
    CHECK(fact(inc, "gunfire_hits") == 0);
    for (const Casualty& c : casualties) CHECK(c.cause != Cause::Gunfire);
  }
}

TEST_CASE("gunmen through the breach fire until contained: blast and gunfire in one incident", "[complex_attack]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  VehicleBombParams bomb;
  bomb.detection_rate_per_s = 0;  // unseen, no barrier: always drives in and detonates inside
  bomb.charge = {50, 200};        // a small charge, so the blast leaves enough people for the gunmen
  ComplexAttackParams p;
  p.gunmen = 4;
  p.shots_per_minute = 1.0;
  const int N = 200;
  double mean_hits = 0;
  int hits = 0, killed = 0, blasts = 0;
  for (int i = 0; i < N; ++i) {
    std::vector<Casualty> casualties;
    const Incident inc = resolve_complex_attack(p, bomb, ctx, i, 0, casualties);
    REQUIRE(fact(inc, "penetrated") == 1);
    // Alarm at the explosion (20 s + 80 m at 15 m/s), the QRF contains 900 s after arriving.
    const double detonation = 20 + 80 / 15.0;
    CHECK(inc.qrf->detected == Approx(detonation));
    const double inside = fact(inc, "gunmen_inside_s");
    CHECK(inside == Approx(inc.qrf->contained - detonation));
    mean_hits += p.gunmen * p.shots_per_minute * inside / 60;
    const int h = static_cast<int>(fact(inc, "gunfire_hits"));
    hits += h;
    int gunfire = 0, blast = 0;
    for (const Casualty& c : casualties) {
      CHECK(c.incident == i);
      if (c.cause == Cause::Gunfire) {
        ++gunfire;
        CHECK(c.time >= detonation);
        killed += c.triage == Triage::Killed ? 1 : 0;
      } else {
        CHECK(c.cause == Cause::VehicleBomb);
        ++blast;
      }
    }
    CHECK(gunfire == h);  // 400 people less a few blast casualties: never short of targets
    CHECK(inc.killed + inc.wounded == gunfire + blast);
    blasts += blast;
  }
  CHECK(blasts > 0);
  CHECK(std::abs(hits - mean_hits) < 4 * std::sqrt(mean_hits));
  CHECK(std::abs(static_cast<double>(killed) / hits - 0.35) < 4 * std::sqrt(0.35 * 0.65 / hits));
}

TEST_CASE("a complex attack draws independently of a lone vehicle bomb with the same id", "[complex_attack]") {
  const CampLayout layout = square_camp();
  VehicleBombParams bomb;
  int both_detected = 0;
  for (int i = 0; i < 100; ++i) {
    std::vector<Casualty> a, b;
    // Fresh contexts: the same people in the same places (as the world gives at one instant).
    const Incident lone = resolve_vehicle_bomb(bomb, context(layout), i, 0, a);
    const Incident complex = resolve_complex_attack({}, bomb, context(layout), i, 0, b);
    if (lone.detected && complex.detected) {
      ++both_detected;
      CHECK(lone.detected_at != complex.detected_at);  // separate streams, so different draws
    }
    // Deterministic: the same call gives the same answer.
    std::vector<Casualty> c;
    const Incident again = resolve_complex_attack({}, bomb, context(layout), i, 0, c);
    CHECK(again.detected_at == complex.detected_at);
    CHECK(again.killed == complex.killed);
    CHECK(c.size() == b.size());
  }
  CHECK(both_detected > 10);
}
