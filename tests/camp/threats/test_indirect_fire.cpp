// The indirect fire module against independent calculations: the Rayleigh law of a circular
// normal's miss distance, bunker arrival times worked out by hand, the Carleton identity for
// blast totals, the product rule for repeated rounds, and the reader's values and diagnostics.
#include <catch2/catch.hpp>

#include "tests/camp/threats/people_fixture.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "sim/camp/threats/indirect_fire.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/yaml_source.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_threats_test_indirect_fire {

using namespace campsim;
using namespace campsim::camp;
using engine::Distribution;
using engine::kHour;

namespace {

// A square zone of side `side` centred on `c`.
Zone square_zone(std::string name, Point c, double side, int occupants, ZoneKind kind = ZoneKind::Other) {
  const double h = side / 2;
  Zone z;
  z.name = std::move(name);
  z.kind = kind;
  z.polygon = {{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}};
  z.occupants_day = occupants;
  z.occupants_night = occupants;
  return z;
}

std::vector<Point> circle(double radius, int vertices) {
  std::vector<Point> polygon;
  for (int i = 0; i < vertices; ++i) {
    const double a = 2 * std::numbers::pi * i / vertices;
    polygon.push_back({radius * std::cos(a), radius * std::sin(a)});
  }
  return polygon;
}

// Midday (06:00 + 6 h): day occupancy, nobody asleep.
ThreatContext context_for(const CampLayout& layout, std::uint64_t seed = 11) {
  ThreatContext ctx;
  ctx.layout = &layout;
  ctx.seed = seed;
  ctx.start_time_of_day = 12 * kHour;
  ctx.people_at = testing::evenly_placed(layout, ctx.start_time_of_day);
  return ctx;
}

// Every round at the aim point, one at a time, a fixed flight time, no radar, a 5 s reaction
// (40 s asleep): the setting in which blast totals and runs can be worked out on paper.
IndirectFireParams point_fire() {
  IndirectFireParams p;
  p.reaction_awake = 5;
  p.reaction_asleep = 40;
  p.rounds_per_salvo = Distribution::fixed(1);
  p.flight_time = Distribution::fixed(60);
  p.cep_m = 0;
  p.detection_probability = 0;
  return p;
}

double fact(const Incident& incident, const std::string& name) {
  for (const auto& [key, value] : incident.facts)
    if (key == name) return value;
  FAIL("no fact " << name);
  return 0;
}

// Within `k` standard errors of a binomial share.
bool near_share(double observed, double p, double n, double k = 4) {
  return std::abs(observed - p) <= k * std::sqrt(p * (1 - p) / n);
}

}  // namespace

TEST_CASE("rounds scatter as a circular normal: Rayleigh share inside and median miss = CEP", "[indirect_fire]") {
  // The aim is the centre of a circular camp of radius R. With sigma = CEP / sqrt(2 ln 2) in
  // each axis, P(miss <= R) = 1 - exp(-R^2 / (2 sigma^2)) (Rayleigh), and the sample median of
  // the miss distance has standard error 1 / (2 f(CEP) sqrt(n)) = sigma^2 / (CEP sqrt(n)).
  const double cep = 150, radius = 200;
  CampLayout layout;
  layout.perimeter = circle(radius, 720);  // inscribed 720-gon: radius short by 2 mm
  layout.zones = {square_zone("centre", {0, 0}, 10, 0)};
  IndirectFireParams p;
  p.rounds_per_salvo = Distribution::fixed(4);
  p.cep_m = cep;
  const ThreatContext ctx = context_for(layout);

  const double sigma = cep / std::sqrt(2 * std::log(2.0));
  CHECK(cep_sigma(cep) == Approx(cep / 1.17741).epsilon(1e-5));
  double inside = 0, rounds = 0;
  std::vector<double> miss;
  std::vector<Casualty> casualties;
  for (int id = 0; id < 2500; ++id) {
    const Incident incident = resolve_indirect_fire(p, ctx, id, 0, casualties);
    inside += fact(incident, "rounds_inside_perimeter");
    rounds += fact(incident, "rounds");
    const Salvo salvo = plan_salvo(p, ctx, id, 0);
    for (const Point& q : salvo.impacts) miss.push_back(distance(q, salvo.aim));
  }
  REQUIRE(rounds == 10000);
  const double expected = 1 - std::exp(-radius * radius / (2 * sigma * sigma));  // 0.708
  CHECK(near_share(inside / rounds, expected, rounds));

  std::nth_element(miss.begin(), miss.begin() + static_cast<long>(miss.size() / 2), miss.end());
  const double median = miss[miss.size() / 2];
  const double se = sigma * sigma / (cep * std::sqrt(static_cast<double>(miss.size())));  // about 1.1 m
  CHECK(std::abs(median - cep) < 4 * se);
}

TEST_CASE("the aim is the centroid of a zone drawn in proportion to its area", "[indirect_fire]") {
  CampLayout layout;
  layout.perimeter = {{0, 0}, {400, 0}, {400, 400}, {0, 400}};
  Zone triangle;  // area 450, centroid at the mean of its vertices (10, 10)
  triangle.name = "triangle";
  triangle.polygon = {{0, 0}, {30, 0}, {0, 30}};
  layout.zones = {triangle, square_zone("square", {200, 200}, std::sqrt(3 * 450.0), 0)};  // area 1350
  IndirectFireParams p = point_fire();
  const ThreatContext ctx = context_for(layout);
  std::vector<Casualty> casualties;
  const int n = 4000;
  int on_triangle = 0;
  for (int id = 0; id < n; ++id) {
    const Incident incident = resolve_indirect_fire(p, ctx, id, 0, casualties);
    if (incident.target == "triangle") {
      ++on_triangle;
      CHECK(incident.location.x == Approx(10));
      CHECK(incident.location.y == Approx(10));
    } else {
      CHECK(incident.target == "square");
      CHECK(incident.location.x == Approx(200));
    }
  }
  CHECK(near_share(on_triangle / double(n), 0.25, n));

  // No zones: the middle of the perimeter's vertices, no target name.
  layout.zones.clear();
  const Incident bare = resolve_indirect_fire(p, ctx, 0, 0, casualties);
  CHECK(bare.location.x == Approx(200));
  CHECK(bare.location.y == Approx(200));
  CHECK(bare.target.empty());
}

TEST_CASE("bunker arrival is alarm + reaction + distance / speed, first come first in", "[indirect_fire]") {
  CampLayout layout;
  layout.bunkers = {{"B", {30, 40}, 1}};  // 50 m from the origin
  IndirectFireParams p;
  p.reaction_awake = 5;
  p.reaction_asleep = 40;
  p.run_speed_mps = 2.5;
  const SimTime alarm = 100;

  SECTION("awake and asleep") {
    const std::vector<Person> awake{{{0, 0}, Protection::Container, ZoneId{0}, "UN", false}};
    const auto a = plan_shelter(p, layout, awake, alarm);
    REQUIRE(a.size() == 1);
    CHECK(a[0].bunker == BunkerId{0});
    CHECK(a[0].leaves == Approx(105));
    CHECK(a[0].arrives == Approx(100 + 5 + 50 / 2.5));
    const std::vector<Person> asleep{{{0, 0}, Protection::Container, ZoneId{0}, "UN", true}};
    CHECK(plan_shelter(p, layout, asleep, alarm)[0].arrives == Approx(100 + 40 + 50 / 2.5));
  }
  SECTION("capacity 1: the farther of two stays put") {
    const std::vector<Person> two{{{30, 20}, Protection::Open, ZoneId{0}, "UN", false},   // 20 m: 8 s
                                  {{30, 30}, Protection::Open, ZoneId{0}, "UN", false}};  // 10 m: 4 s
    const auto runs = plan_shelter(p, layout, two, alarm);
    CHECK(runs[1].bunker == BunkerId{0});
    CHECK(runs[1].arrives == Approx(109));
    CHECK_FALSE(runs[0].bunker);
    CHECK(std::isinf(runs[0].arrives));
  }
  SECTION("places go by arrival time, not distance: an awake runner beats a nearer sleeper") {
    const std::vector<Person> two{{{30, 35}, Protection::Container, ZoneId{0}, "UN", true},    // 5 m, 40 s: 142 s
                                  {{30, 10}, Protection::Open, ZoneId{0}, "UN", false}};       // 30 m, 5 s: 117 s
    const auto runs = plan_shelter(p, layout, two, alarm);
    CHECK_FALSE(runs[0].bunker);
    CHECK(runs[1].arrives == Approx(117));
  }
  SECTION("sentries hold their posts; full or empty bunkers are skipped") {
    layout.bunkers.push_back({"empty", {0, 1}, 0});
    const std::vector<Person> two{{{0, 0}, Protection::Container, std::nullopt, "CHN", false, std::nullopt, true},
                                  {{0, 0}, Protection::Open, ZoneId{0}, "UN", false}};
    const auto runs = plan_shelter(p, layout, two, alarm);
    CHECK_FALSE(runs[0].bunker);
    CHECK(runs[1].bunker == BunkerId{0});  // not the zero-capacity bunker 1 m away
  }
}

TEST_CASE("a person is sheltered at an impact exactly when their arrival is not later", "[indirect_fire]") {
  // One awake person in a 1 mm zone at the origin, a bunker 30 m east, 3 m/s, 5 s reaction:
  // arrival = alarm + 5 + 10 s, alarm = first impact - warning, so sheltered iff warning >= 15 s.
  CampLayout layout;
  layout.zones = {square_zone("hut", {0, 0}, 0.001, 1)};
  layout.bunkers = {{"B", {30, 0}, 10}};
  IndirectFireParams p = point_fire();
  p.detection_probability = 1;
  p.flight_time = Distribution::fixed(30);
  p.reaction_awake = 5;
  p.run_speed_mps = 3;
  const ThreatContext ctx = context_for(layout);
  std::vector<Casualty> casualties;
  p.warning_time = 15.01;
  const Incident in_time = resolve_indirect_fire(p, ctx, 1, 1000, casualties);
  CHECK(in_time.detected);
  CHECK(in_time.detected_at == Approx(1000 + 30 - 15.01));
  CHECK(fact(in_time, "sheltered") == 1);
  p.warning_time = 14.99;
  CHECK(fact(resolve_indirect_fire(p, ctx, 1, 1000, casualties), "sheltered") == 0);
  // More warning than flight time: the alarm cannot come before the launch.
  p.warning_time = 100;
  CHECK(resolve_indirect_fire(p, ctx, 1, 1000, casualties).detected_at == 1000);
}

TEST_CASE("blast totals follow the Carleton identity rho * area, scaled by protection", "[indirect_fire]") {
  // 2000 people spread uniformly over a 200 m square (rho = 0.05 per m^2), one round at its
  // centre; the edges are far beyond the blast's reach (exp(-pi 100^2 / 800) ~ 1e-17). The
  // number killed is then Poisson-like with mean rho * A * factor, so the mean over M salvos has
  // standard error at most sqrt(mean / M).
  const double rho = 2000.0 / (200 * 200);
  const int m = 800;
  IndirectFireParams p = point_fire();
  auto totals = [&](ZoneKind kind) {
    CampLayout layout;
    layout.perimeter = {{-100, -100}, {100, -100}, {100, 100}, {-100, 100}};
    layout.zones = {square_zone("field", {0, 0}, 200, 2000, kind)};
    const ThreatContext ctx = context_for(layout);
    std::vector<Casualty> casualties(3);  // ids continue after three earlier casualties
    double killed = 0, hurt = 0;
    for (int id = 0; id < m; ++id) {
      const std::size_t before = casualties.size();
      const Incident incident = resolve_indirect_fire(p, ctx, id, 0, casualties);
      killed += incident.killed;
      hurt += incident.killed + incident.wounded;
      // Each person counted once, ids continuing, and the facts consistent.
      REQUIRE(casualties.size() - before == static_cast<std::size_t>(incident.killed + incident.wounded));
      for (std::size_t i = before; i < casualties.size(); ++i) {
        CHECK(casualties[i].id == static_cast<int>(i));
        CHECK(casualties[i].incident == id);
        CHECK(casualties[i].cause == Cause::IndirectFire);
        CHECK(casualties[i].time == 60);
      }
      CHECK(fact(incident, "people_exposed") == 2000);
      CHECK(fact(incident, "rounds_inside_perimeter") == 1);
      CHECK(fact(incident, "warned") == 0);
    }
    return std::pair{killed / m, hurt / m};
  };
  const double open = p.protection.open, container = p.protection.container;
  const auto [open_killed, open_hurt] = totals(ZoneKind::Other);
  const double k_open = rho * p.round.lethal_area_m2 * open;  // 7.5
  const double h_open = rho * p.round.casualty_area_m2 * open;  // 40
  CHECK(std::abs(open_killed - k_open) < 4 * std::sqrt(k_open / m));
  CHECK(std::abs(open_hurt - h_open) < 4 * std::sqrt(h_open / m));
  // Accommodation by day: the same people under container roofs, areas times 0.6.
  const auto [roof_killed, roof_hurt] = totals(ZoneKind::Accommodation);
  const double k_roof = rho * p.round.lethal_area_m2 * container;
  const double h_roof = rho * p.round.casualty_area_m2 * container;
  CHECK(std::abs(roof_killed - k_roof) < 4 * std::sqrt(k_roof / m));
  CHECK(std::abs(roof_hurt - h_roof) < 4 * std::sqrt(h_roof / m));
}

TEST_CASE("people sheltered in a bunker are hit with the hardened factor", "[indirect_fire]") {
  // 50 people in a 2 m hut at the aim point, a bunker 3 m east with room for all, ample warning:
  // all are in the bunker at the impact, so each is killed with probability
  // exp(-pi 3^2 / (A * hardened)) (Carleton with the area shrunk by the factor).
  CampLayout layout;
  layout.zones = {square_zone("hut", {0, 0}, 2, 50)};
  layout.bunkers = {{"B", {3, 0}, 100}};
  IndirectFireParams p = point_fire();
  p.detection_probability = 1;
  p.warning_time = 50;
  p.protection.hardened = 0.2;  // a weak shelter, so the chance is far from 0 and 1
  const ThreatContext ctx = context_for(layout);
  std::vector<Casualty> casualties;
  const int m = 400;
  double killed = 0;
  for (int id = 0; id < m; ++id) {
    const Incident incident = resolve_indirect_fire(p, ctx, id, 0, casualties);
    REQUIRE(fact(incident, "sheltered") == 50);
    killed += incident.killed;
  }
  const double pk = std::exp(-std::numbers::pi * 9 / (p.round.lethal_area_m2 * 0.2));  // 0.39
  CHECK(near_share(killed / (50.0 * m), pk, 50.0 * m));
  for (const Casualty& c : casualties) {
    CHECK(c.position.x == 3);  // hit where they were: in the bunker
    CHECK(c.position.y == 0);
  }
}

TEST_CASE("the sense-and-warn radar: no detection shelters nobody, ample warning shelters all", "[indirect_fire]") {
  // 200 people spread over a 20 m square centred on the aim; a bunker 30 m east for all of them.
  // Without warning, everyone is killed independently with the Carleton chance averaged over
  // the square (computed here by the midpoint rule), so the count is Binomial(200, pbar).
  CampLayout layout;
  layout.zones = {square_zone("lines", {0, 0}, 20, 200)};
  layout.bunkers = {{"B", {30, 0}, 1000}};
  IndirectFireParams p = point_fire();
  p.flight_time = Distribution::fixed(120);
  p.warning_time = 110;  // alarm at 10 s; the farthest runner is in by 10 + 5 + 40/3 s
  const ThreatContext ctx = context_for(layout);
  const int m = 300, n = 200;
  std::vector<Casualty> casualties;

  double pbar = 0;
  const int grid = 400;
  for (int i = 0; i < grid; ++i)
    for (int j = 0; j < grid; ++j) {
      const double x = -10 + 20 * (i + 0.5) / grid, y = -10 + 20 * (j + 0.5) / grid;
      pbar += std::exp(-std::numbers::pi * (x * x + y * y) / p.round.lethal_area_m2);
    }
  pbar /= grid * grid;

  p.detection_probability = 0;
  double unwarned = 0;
  for (int id = 0; id < m; ++id) {
    const Incident incident = resolve_indirect_fire(p, ctx, id, 0, casualties);
    CHECK_FALSE(incident.detected);
    CHECK(fact(incident, "sheltered") == 0);
    unwarned += incident.killed;
  }
  CHECK(near_share(unwarned / (double(n) * m), pbar, double(n) * m));

  p.detection_probability = 1;
  double warned = 0, warned_hurt = 0;
  for (int id = 0; id < m; ++id) {
    const Incident incident = resolve_indirect_fire(p, ctx, id, 0, casualties);
    CHECK(incident.detected);
    CHECK(incident.detected_at == 10);
    CHECK(fact(incident, "warned") == 1);
    CHECK(fact(incident, "sheltered") == n);
    warned += incident.killed;
    warned_hurt += incident.killed + incident.wounded;
  }
  // In the bunker 30 m from the impact: exp(-pi 900 / (800 * 0.02)) ~ 1e-77.
  CHECK(warned == 0);
  CHECK(warned_hurt == 0);
  CHECK(unwarned > 0.3 * n * m);

  // Room for 50: exactly 50 are in at the impact, the rest stayed where they were.
  layout.bunkers[0].capacity = 50;
  CHECK(fact(resolve_indirect_fire(p, ctx, 1, 0, casualties), "sheltered") == 50);
  // Too little warning for anyone: 5 s reaction + at least 20 m at 3 m/s exceeds 10 s.
  layout.bunkers[0].capacity = 1000;
  p.warning_time = 10;
  CHECK(fact(resolve_indirect_fire(p, ctx, 1, 0, casualties), "sheltered") == 0);
}

TEST_CASE("the radar detects salvos at its detection probability", "[indirect_fire]") {
  CampLayout layout;
  layout.zones = {square_zone("z", {0, 0}, 50, 0)};
  IndirectFireParams p;
  const ThreatContext ctx = context_for(layout, 5);
  std::vector<Casualty> casualties;
  const int n = 4000;
  int detected = 0;
  for (int id = 0; id < n; ++id) detected += resolve_indirect_fire(p, ctx, id, 0, casualties).detected ? 1 : 0;
  CHECK(near_share(detected / double(n), p.detection_probability, n));
}

TEST_CASE("sentries stay at their posts: repeated rounds count each person once", "[indirect_fire]") {
  // One sentry 6 m from the aim, three rounds all at the aim: each round kills with pk and hurts
  // with pc independently, so over the salvo P(killed) = 1 - (1 - pk)^3 and P(any harm) =
  // 1 - (1 - pc)^3, and the sentry is at most one casualty. A tower has container cover.
  CampLayout layout;
  layout.zones = {square_zone("z", {0, 0}, 50, 0)};
  layout.bunkers = {{"B", {6, 1}, 10}};  // next to the sentry, who must not use it
  IndirectFireParams p = point_fire();
  p.rounds_per_salvo = Distribution::fixed(3);
  p.detection_probability = 1;
  p.warning_time = 30;
  ThreatContext ctx = context_for(layout);
  ctx.guard_contingent = "CHN";
  PostKind kind = PostKind::Tower;
  ctx.sentries_at = [&kind](SimTime) { return std::vector<Sentry>{{0, kind, TowerId{0}, {6, 0}, 0.8}}; };
  ctx.people_at = testing::evenly_placed(layout, ctx.start_time_of_day, ctx.sentries_at, "CHN");
  const int m = 3000;
  for (const PostKind k : {PostKind::Tower, PostKind::Gate}) {
    kind = k;
    const double factor = k == PostKind::Tower ? p.protection.container : p.protection.open;
    std::vector<Casualty> casualties;
    int killed = 0, hurt = 0;
    for (int id = 0; id < m; ++id) {
      const Incident incident = resolve_indirect_fire(p, ctx, id, 0, casualties);
      REQUIRE(incident.killed + incident.wounded <= 1);
      CHECK(fact(incident, "sheltered") == 0);
      CHECK(fact(incident, "people_exposed") == 1);
      killed += incident.killed;
      hurt += incident.killed + incident.wounded;
    }
    const double pk = kill_probability(p.round, 6, factor), pc = casualty_probability(p.round, 6, factor);
    CHECK(near_share(killed / double(m), 1 - std::pow(1 - pk, 3), m));
    CHECK(near_share(hurt / double(m), 1 - std::pow(1 - pc, 3), m));
    for (const Casualty& c : casualties) {
      CHECK(c.contingent == "CHN");
      CHECK(c.position.x == 6);
    }
  }
}

TEST_CASE("the same incident resolves the same way every time", "[indirect_fire]") {
  CampLayout layout;
  layout.perimeter = {{-300, -300}, {300, -300}, {300, 300}, {-300, 300}};
  layout.zones = {square_zone("a", {-100, 0}, 150, 300, ZoneKind::Accommodation),
                  square_zone("b", {120, 50}, 100, 200)};
  layout.bunkers = {{"B1", {-100, 80}, 100}, {"B2", {120, -10}, 100}};
  const IndirectFireParams p;
  std::vector<Casualty> first, second;
  for (int id = 0; id < 50; ++id) {
    // Fresh contexts: the same people in the same places (as the world gives at one instant).
    const Incident a = resolve_indirect_fire(p, context_for(layout, 99), id, id * kHour, first);
    const Incident b = resolve_indirect_fire(p, context_for(layout, 99), id, id * kHour, second);
    CHECK(a.killed == b.killed);
    CHECK(a.wounded == b.wounded);
    CHECK(a.facts == b.facts);
  }
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].position.x == second[i].position.x);
    CHECK(first[i].triage == second[i].triage);
  }
}

TEST_CASE("defaults: salvos about one every seven weeks, twice as often per hour in the dark", "[indirect_fire]") {
  const IndirectFireParams p;
  double sum = 0;
  for (double w : p.arrivals.hour_weights) sum += w;
  CHECK(p.arrivals.per_day == 0.02);
  CHECK(p.arrivals.hour_weights[2] / p.arrivals.hour_weights[12] == 2);
  // Rate at 02:00 relative to the day's mean: weight / mean weight.
  CHECK(sum == 13 * 2 + 11 * 1);  // 13 dark hours 18:00-06:59 at twice the daylight rate
  CHECK(arrival_rate(p.arrivals, 2 * kHour, 0) * engine::kDay == Approx(0.02 * 2 / (sum / 24)));
  CHECK(p.rounds_per_salvo.mean() == Approx(3.0));
  CHECK(p.round.lethal_area_m2 <= p.round.casualty_area_m2);
}

TEST_CASE("the indirect_fire reader takes every key and locates bad values", "[indirect_fire]") {
  using namespace campsim::scenario;
  SECTION("values") {
    const Node tree = parse_yaml_text(
        "indirect_fire:\n"
        "  arrivals: {per_day: 0.1, scripted: [2h]}\n"
        "  rounds_per_salvo: 3\n"
        "  flight_time: {dist: uniform, min: 20s, max: 30s}\n"
        "  cep_m: 80\n"
        "  detection_probability: 0.9\n"
        "  warning_time: 15s\n"
        "  reaction_awake: 4s\n"
        "  reaction_asleep: 1min\n"
        "  run_speed_mps: 2.5\n"
        "  round: {lethal_area_m2: 100, casualty_area_m2: 500}\n"
        "  protection: {hardened: 0.05}\n"
        "  wounds: {immediate: 0.25}\n",
        "t.yaml");
    Reader reader(tree);
    const IndirectFireParams p = read_indirect_fire(reader.root().map("indirect_fire"));
    REQUIRE_NOTHROW(reader.finish());
    CHECK(p.arrivals.per_day == 0.1);
    CHECK(p.arrivals.scripted == std::vector<SimTime>{2 * kHour});
    CHECK(p.arrivals.hour_weights[2] == 2);  // not given: the default profile stands
    CHECK(p.rounds_per_salvo.kind == Distribution::Kind::Fixed);
    CHECK(p.rounds_per_salvo.a == 3);
    CHECK(p.flight_time.kind == Distribution::Kind::Uniform);
    CHECK(p.flight_time.a == 20);
    CHECK(p.flight_time.b == 30);
    CHECK(p.cep_m == 80);
    CHECK(p.detection_probability == 0.9);
    CHECK(p.warning_time == 15);
    CHECK(p.reaction_awake == 4);
    CHECK(p.reaction_asleep == 60);
    CHECK(p.run_speed_mps == 2.5);
    CHECK(p.round.lethal_area_m2 == 100);
    CHECK(p.round.casualty_area_m2 == 500);
    CHECK(p.protection.hardened == 0.05);
    CHECK(p.protection.container == 0.6);
    CHECK(p.wounds.immediate == 0.25);
    CHECK(p.wounds.delayed == 0.3);
  }
  SECTION("an absent section keeps every default") {
    const Node tree = parse_yaml_text("name: x\n", "t.yaml");
    Reader reader(tree);
    std::string name;
    reader.root().text("name", name);
    const IndirectFireParams p = read_indirect_fire(reader.root().map("indirect_fire"));
    REQUIRE_NOTHROW(reader.finish());
    CHECK(p.cep_m == 150);
    CHECK(p.reaction_awake == 120);  // the sourced drill (docs/provenance.md), not the old 5 s
    CHECK(p.reaction_asleep == 120);
    CHECK(p.round.lethal_area_m2 == 150);
    CHECK(p.flight_time.kind == Distribution::Kind::Uniform);
  }
  SECTION("diagnostics") {
    const Node tree = parse_yaml_text(
        "indirect_fire:\n"
        "  cep_m: -5\n"
        "  detection_probability: 1.5\n"
        "  round: {lethal_area_m2: 900}\n"
        "  warning_tme: 10s\n",
        "t.yaml");
    Reader reader(tree);
    const IndirectFireParams p = read_indirect_fire(reader.root().map("indirect_fire"));
    CHECK(p.cep_m == 150);  // a bad value leaves the default
    try {
      reader.finish();
      FAIL("finish() should have thrown");
    } catch (const ScenarioError& e) {
      const auto& d = e.diagnostics();
      REQUIRE(d.size() == 4);
      CHECK(d[0].path == "indirect_fire.cep_m");
      CHECK(d[0].where.line == 2);
      CHECK(d[1].path == "indirect_fire.detection_probability");
      CHECK(d[1].where.line == 3);
      CHECK(d[2].path == "indirect_fire.round.lethal_area_m2");
      CHECK(d[2].expected == "at most casualty_area_m2 (800)");
      CHECK(d[3].path == "indirect_fire.warning_tme");
      CHECK(d[3].hint == "did you mean 'warning_time'?");
    }
  }
}

TEST_CASE("a round flies from its launcher to its impact: straight over the ground, a parabola in height",
          "[indirect_fire][round]") {
  Salvo salvo;
  salvo.launcher = {0, 0};
  salvo.flight = 20;
  salvo.impacts = {{1000, 0}};
  salvo.impact_times = {120};
  salvo.launch_times = {100};
  CHECK_FALSE(round_in_flight(salvo, 0, 99.9).has_value());   // not yet fired
  CHECK_FALSE(round_in_flight(salvo, 0, 120).has_value());    // landed
  const auto half = round_in_flight(salvo, 0, 110);
  REQUIRE(half.has_value());
  CHECK(half->over.x == Approx(500));
  CHECK(half->over.y == Approx(0).margin(1e-12));
  // Apex g T^2 / 8 at mid-flight: 9.81 * 400 / 8 = 490.5 m.
  CHECK(half->height_m == Approx(490.5));
  const auto quarter = round_in_flight(salvo, 0, 105);
  REQUIRE(quarter.has_value());
  CHECK(quarter->height_m == Approx(490.5 * 4 * 0.25 * 0.75));
}

TEST_CASE("a salvo's launcher is as far out as its rounds fly, and each round leaves a flight before it lands",
          "[indirect_fire][round]") {
  CampLayout layout;
  layout.perimeter = {{0, 0}, {400, 0}, {400, 400}, {0, 400}};
  layout.zones = {square_zone("centre", {200, 200}, 50, 0)};
  const ThreatContext ctx = context_for(layout);
  IndirectFireParams p;
  p.ground_speed_mps = 150;
  for (int id = 0; id < 20; ++id) {
    const Salvo salvo = plan_salvo(p, ctx, id, 1000);
    CHECK(distance(salvo.launcher, salvo.aim) == Approx(150 * salvo.flight));
    REQUIRE(salvo.launch_times.size() == salvo.impacts.size());
    CHECK(salvo.launch_times.front() == Approx(1000));  // the salvo starts with its first launch
    for (std::size_t r = 0; r < salvo.impacts.size(); ++r)
      CHECK(salvo.impact_times[r] - salvo.launch_times[r] == Approx(salvo.flight));
  }
}

}  // namespace unity_camp_threats_test_indirect_fire
