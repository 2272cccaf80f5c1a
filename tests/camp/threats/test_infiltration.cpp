// Infiltration against hand calculations: detection while cutting the wire is
// 1 - exp(-rate * sum(v) * visibility * exposure) for the towers that see the breach, by day,
// by night and in a sandstorm; gunfire hits are Poisson with mean intruders * shots_per_minute *
// minutes inside, split killed/wounded by hit_lethality.
#include <catch2/catch.hpp>

#include "tests/camp/threats/people_fixture.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "sim/camp/threats/infiltration.hpp"
#include "sim/camp/tower_coverage.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_threats_test_infiltration {

using namespace campsim;
using namespace campsim::camp;
using engine::kHour;

namespace {

// A 200 m square camp. Towers T1 and T2 see the whole perimeter (all-round view, long range);
// T3 sees none of it (1 m range at the centre). 400 people live in the middle block.
CampLayout square_camp() {
  CampLayout l;
  l.perimeter = {{0, 0}, {200, 0}, {200, 200}, {0, 200}};
  l.gates = {{"north", {100, 200}, true, true}};
  l.towers = {{"T1", {100, 100}, 0, 360, 1000}, {"T2", {50, 50}, 0, 360, 1000}, {"T3", {100, 100}, 0, 360, 1}};
  l.zones.push_back({"lines", ZoneKind::Accommodation, {{60, 60}, {140, 60}, {140, 140}, {60, 140}}, 400, 400, "UN"});
  l.road_nodes = {{"hq", {100, 100}}, {"n", {100, 190}}, {"w", {10, 100}}};
  l.road_edges = {{0, 1, 90}, {0, 2, 90}};
  return l;
}

// Tower sentries T1 0.8, T2 0.6, T3 1.0 (blind tower) and a gate sentry 1.0 (not a tower).
ThreatContext context(const CampLayout& layout) {
  ThreatContext ctx;
  ctx.layout = &layout;
  ctx.seed = 2015;
  ctx.start_time_of_day = 0;  // scenario time = time of day on the first day
  ctx.qrf.base = "hq";
  ctx.qrf.alarm_delay = engine::Distribution::fixed(0);
  ctx.qrf.notice_to_move_day = 60;
  ctx.qrf.notice_to_move_night = 60;
  ctx.qrf.containment = engine::Distribution::fixed(600);
  const std::vector<Sentry> sentries{{0, PostKind::Tower, TowerId{0}, {100, 100}, 0.8},
                                     {1, PostKind::Tower, TowerId{1}, {50, 50}, 0.6},
                                     {2, PostKind::Tower, TowerId{2}, {100, 100}, 1.0},
                                     {3, PostKind::Gate, GateId{0}, {100, 200}, 1.0}};
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

// Share detected over N incidents starting at `start`, against 1 - exp(-h * exposure).
void check_detection(const InfiltrationParams& p, const ThreatContext& ctx, SimTime start, double visibility) {
  // T1 and T2 see every point of the perimeter: sum(v) = 0.8 + 0.6 whatever the breach point.
  REQUIRE(perimeter_coverage(*ctx.layout).watched_by_two_m == Approx(800));
  const double expected = 1 - std::exp(-p.detection_rate_per_s * 1.4 * visibility * p.exposure);
  const int N = 4000;
  int detected = 0;
  std::vector<Casualty> casualties;
  for (int i = 0; i < N; ++i) {
    const Incident inc = resolve_infiltration(p, ctx, i, start, casualties);
    CHECK(fact(inc, "towers_seeing") == 2);
    CHECK(fact(inc, "tower_vigilance_sum") == Approx(1.4));
    CHECK(fact(inc, "visibility") == Approx(visibility));
    if (inc.detected) {
      ++detected;
      CHECK(inc.detected_at - start < p.exposure);
    }
  }
  const double share = static_cast<double>(detected) / N;
  CHECK(std::abs(share - expected) < 4 * std::sqrt(expected * (1 - expected) / N));
}

}  // namespace

TEST_CASE("infiltration detection matches 1 - exp(-rate sum(v) visibility exposure), day and night", "[infiltration]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  InfiltrationParams p;
  p.detection_rate_per_s = 0.002;
  p.sandstorm_probability = 0;
  p.shots_per_minute = 0;  // detection only
  SECTION("day, 12:00") { check_detection(p, ctx, 12 * kHour, 1.0); }
  SECTION("night, 23:00") { check_detection(p, ctx, 23 * kHour, p.night_visibility); }
  SECTION("day in a sandstorm") {
    p.sandstorm_probability = 1;
    check_detection(p, ctx, 12 * kHour, p.sandstorm_visibility);
  }
}

TEST_CASE("only towers that see the breach point count", "[infiltration]") {
  // Sector towers: each sees part of the perimeter. Per incident, the hand calculation sums the
  // vigilance of the towers whose sector holds the breach point; the expected number detected is
  // the sum of the per-incident probabilities.
  CampLayout layout = square_camp();
  layout.towers = {{"T1", {100, 100}, 0, 90, 1000}, {"T2", {50, 50}, 180, 120, 1000}, {"T3", {100, 100}, 90, 60, 1}};
  const ThreatContext ctx = context(layout);
  InfiltrationParams p;
  p.detection_rate_per_s = 0.004;
  p.sandstorm_probability = 0;
  p.shots_per_minute = 0;
  const double vigilance[] = {0.8, 0.6, 1.0};
  const int N = 4000;
  double expected = 0, variance = 0;
  int detected = 0, unseen = 0;
  std::vector<Casualty> casualties;
  for (int i = 0; i < N; ++i) {
    const Incident inc = resolve_infiltration(p, ctx, i, 12 * kHour, casualties);
    double sum = 0;
    for (std::size_t t = 0; t < 3; ++t)
      if (tower_sees(layout.towers[t], inc.location)) sum += vigilance[t];
    unseen += sum == 0 ? 1 : 0;
    const double q = 1 - std::exp(-p.detection_rate_per_s * sum * p.exposure);
    expected += q;
    variance += q * (1 - q);
    detected += inc.detected ? 1 : 0;
  }
  CHECK(unseen > 0);  // some of the perimeter is unwatched
  CHECK(std::abs(detected - expected) < 4 * std::sqrt(variance));
}

TEST_CASE("gunfire hits are Poisson with mean intruders * rate * minutes inside", "[infiltration]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  InfiltrationParams p;
  p.detection_rate_per_s = 10;  // seen at once: the QRF comes, the intruders get in anyway
  p.sandstorm_probability = 0;
  const int N = 300;
  double mean_hits = 0;
  int hits = 0, killed = 0, wounded = 0, immediate = 0;
  for (int i = 0; i < N; ++i) {
    std::vector<Casualty> casualties;
    const Incident inc = resolve_infiltration(p, ctx, i, 12 * kHour, casualties);
    const SimTime entry = 12 * kHour + p.exposure;
    const double inside = fact(inc, "inside_s");
    CHECK(inside == Approx(inc.qrf->contained - entry));
    mean_hits += p.intruders * p.shots_per_minute * inside / 60;
    const int h = static_cast<int>(fact(inc, "hits"));
    hits += h;
    CHECK(inc.killed + inc.wounded == h);  // 400 people: never short of targets
    CHECK(static_cast<int>(casualties.size()) == h);
    killed += inc.killed;
    wounded += inc.wounded;
    for (const Casualty& c : casualties) {
      CHECK(c.cause == Cause::Gunfire);
      CHECK(c.time >= entry);
      CHECK(c.time < inc.qrf->contained);
      immediate += c.triage == Triage::Immediate ? 1 : 0;
    }
  }
  CHECK(std::abs(hits - mean_hits) < 4 * std::sqrt(mean_hits));
  const double kill_share = static_cast<double>(killed) / hits;
  CHECK(std::abs(kill_share - p.hit_lethality) < 4 * std::sqrt(p.hit_lethality * (1 - p.hit_lethality) / hits));
  const double t1_share = static_cast<double>(immediate) / wounded;
  CHECK(std::abs(t1_share - p.wounds.immediate) < 4 * std::sqrt(0.2 * 0.8 / wounded));
}

TEST_CASE("intruders contained before they get inside hurt nobody", "[infiltration]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  InfiltrationParams p;
  p.detection_rate_per_s = 10;
  p.exposure = 2 * kHour;  // the QRF (about 13 min) is there long before
  std::vector<Casualty> casualties;
  for (int i = 0; i < 50; ++i) {
    const Incident inc = resolve_infiltration(p, ctx, i, 12 * kHour, casualties);
    CHECK(inc.detected);
    CHECK(fact(inc, "inside_s") == 0);
    CHECK(fact(inc, "hits") == 0);
  }
  CHECK(casualties.empty());
}

TEST_CASE("unseen intruders are found inside at the finding hazard, at the latest after 6 h", "[infiltration]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  InfiltrationParams p;
  p.detection_rate_per_s = 0;
  p.shots_per_minute = 0;
  p.undetected_inside_rate_per_s = 0.01;  // mean 100 s
  p.time_to_attack = 7 * kHour;           // they would hold fire longer than they stay hidden
  const int N = 3000;
  double sum = 0;
  std::vector<Casualty> casualties;
  for (int i = 0; i < N; ++i) {
    const Incident inc = resolve_infiltration(p, ctx, i, 0, casualties);
    CHECK_FALSE(inc.detected);
    const double found = fact(inc, "found_inside_s");
    sum += found;
    CHECK(inc.qrf->detected == Approx(p.exposure + found));  // the alarm goes up when they are found
  }
  CHECK(std::abs(sum / N - 100) < 4 * 100 / std::sqrt(N));  // Exp(mean 100): sd 100
  p.undetected_inside_rate_per_s = 0;
  CHECK(fact(resolve_infiltration(p, ctx, 1, 0, casualties), "found_inside_s") == 6 * kHour);
}

TEST_CASE("unseen intruders give themselves away when they open fire", "[infiltration]") {
  // The alarm goes up at entry + min(found, time_to_attack); gunfire starts then too.
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  InfiltrationParams p;
  p.detection_rate_per_s = 0;
  p.undetected_inside_rate_per_s = 0.002;  // mean 500 s
  p.time_to_attack = 300;
  std::vector<Casualty> casualties;
  int found_first = 0;
  for (int i = 0; i < 500; ++i) {
    casualties.clear();
    const Incident inc = resolve_infiltration(p, ctx, i, 0, casualties);
    const double found = fact(inc, "found_inside_s");
    const double opened_fire = std::min(found, p.time_to_attack);
    CHECK(inc.qrf->detected == Approx(p.exposure + opened_fire));
    CHECK(fact(inc, "firing_s") == Approx(inc.qrf->contained - (p.exposure + opened_fire)));
    for (const Casualty& c : casualties) CHECK(c.time >= p.exposure + opened_fire);
    found_first += found < p.time_to_attack ? 1 : 0;
  }
  // P(found before opening fire) = 1 - exp(-0.002 * 300) = 0.451.
  const double p_found = 1 - std::exp(-0.6);
  CHECK(std::abs(found_first / 500.0 - p_found) < 4 * std::sqrt(p_found * (1 - p_found) / 500));
}

TEST_CASE("the breach point is uniform along the perimeter", "[infiltration]") {
  const CampLayout layout = square_camp();
  const ThreatContext ctx = context(layout);
  InfiltrationParams p;
  p.shots_per_minute = 0;
  const int N = 4000;
  int south = 0;
  std::vector<Casualty> casualties;
  for (int i = 0; i < N; ++i) {
    const Point b = resolve_infiltration(p, ctx, i, 0, casualties).location;
    CHECK(distance_to_boundary(layout.perimeter, b) < 1e-9);
    south += b.y < 1e-9 ? 1 : 0;
  }
  CHECK(std::abs(south / static_cast<double>(N) - 0.25) < 4 * std::sqrt(0.25 * 0.75 / N));
}

}  // namespace unity_camp_threats_test_infiltration
