// The shared threat machinery against independent calculations: the Carleton identity, Poisson
// counts under a time-of-day profile, the QRF timeline on a hand-built road graph, and where
// the population is placed.
#include <catch2/catch.hpp>

#include "tests/camp/threats/people_fixture.hpp"

#include <cmath>
#include <numbers>

#include "sim/camp/threats/arrival_process.hpp"
#include "sim/camp/threats/blast.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/road_graph.hpp"

using namespace campsim;
using namespace campsim::camp;
using engine::kDay;
using engine::kHour;
using engine::kMinute;

TEST_CASE("blast probabilities follow the Carleton function", "[threats][blast]") {
  const BlastEffect effect{200, 1000};
  CHECK(kill_probability(effect, 0, 1) == Approx(1.0));
  // At the radius where pi r^2 = A the chance is 1/e.
  CHECK(kill_probability(effect, std::sqrt(200 / std::numbers::pi), 1) == Approx(std::exp(-1.0)));
  CHECK(casualty_probability(effect, std::sqrt(1000 / std::numbers::pi), 1) == Approx(std::exp(-1.0)));
  // Protection shrinks the area: half the area at the same distance.
  CHECK(kill_probability(effect, 5, 0.5) == Approx(std::exp(-std::numbers::pi * 25 / 100)));
  CHECK(kill_probability(effect, 5, 0) == 0);
}

TEST_CASE("over evenly spread people a blast kills rho times its lethal area on average", "[threats][blast]") {
  // People on a fine grid (1 per 4 m^2) out to where the chance is negligible: the expected
  // number killed is the sum of probabilities, which must equal rho * A (the Carleton identity).
  const BlastEffect effect{300, 1500};
  const double spacing = 2.0, rho = 1 / (spacing * spacing);
  double killed = 0, hit = 0;
  for (double x = -200; x <= 200; x += spacing)
    for (double y = -200; y <= 200; y += spacing) {
      const double r = std::hypot(x + 0.37, y + 0.61);  // off-grid centre
      killed += kill_probability(effect, r, 1);
      hit += casualty_probability(effect, r, 1);
    }
  CHECK(killed == Approx(rho * 300).epsilon(0.005));
  CHECK(hit == Approx(rho * 1500).epsilon(0.005));
  // Sampled outcomes agree: two draws per person, killed share = p_kill.
  engine::RandomStream rng(engine::StreamKey{1, 0, 7, 0, 0});
  const int n = 100000;
  int dead = 0, wounded = 0, t1 = 0;
  const double r = 8;
  for (int i = 0; i < n; ++i) {
    const auto outcome = blast_outcome(effect, r, 1, WoundMix{0.2, 0.3}, rng);
    if (!outcome) continue;
    if (*outcome == Triage::Killed) ++dead;
    else ++wounded;
    if (*outcome == Triage::Immediate) ++t1;
  }
  const double pk = kill_probability(effect, r, 1), pc = casualty_probability(effect, r, 1);
  CHECK(std::abs(dead / double(n) - pk) < 5 * std::sqrt(pk * (1 - pk) / n));
  CHECK(std::abs(wounded / double(n) - (pc - pk)) < 5 * std::sqrt((pc - pk) * (1 - pc + pk) / n));
  // At 8 m the T1 zone (300 + 0.2 x 1200 = 540 m^2) holds (e^(-pi 64/540) - e^(-pi 64/300)) /
  // (e^(-pi 64/1500) - e^(-pi 64/300)) = 0.4891 of the wounded (by hand), not the mix's 0.2.
  CHECK(std::abs(t1 / double(wounded) - 0.4891) < 5 * std::sqrt(0.4891 * 0.5109 / wounded));
}

TEST_CASE("a blast's wounded are the more serious the nearer the burst, and split by the mix over evenly spread people",
          "[threats][blast]") {
  // Lethal 300, casualty 1500 m^2, mix 0.2 / 0.3: T1 zone 540 m^2, T2 zone 900 m^2. Shares of the
  // wounded by hand, e^(-pi r^2 / A) per zone: at 2 m T1 0.5514, T2 0.2796, T3 0.1690; at 25 m
  // T1 0.0927, T2 0.3220, T3 0.5853.
  const BlastEffect effect{300, 1500};
  const WoundMix mix{0.2, 0.3};
  engine::RandomStream rng(engine::StreamKey{1, 0, 11, 0, 0});
  struct Shares {
    int t1 = 0, t2 = 0, t3 = 0;
    int wounded() const { return t1 + t2 + t3; }
  };
  const auto count = [&](Shares& s, double r) {
    const auto outcome = blast_outcome(effect, r, 1, mix, rng);
    if (!outcome || *outcome == Triage::Killed) return;
    if (*outcome == Triage::Immediate) ++s.t1;
    else if (*outcome == Triage::Delayed) ++s.t2;
    else ++s.t3;
  };
  const auto share_near = [](int k, int n, double p) { return std::abs(k / double(n) - p) < 5 * std::sqrt(p * (1 - p) / n); };
  Shares near, far;
  for (int i = 0; i < 400000; ++i) count(near, 2);
  for (int i = 0; i < 100000; ++i) count(far, 25);
  CHECK(share_near(near.t1, near.wounded(), 0.5514));
  CHECK(share_near(near.t3, near.wounded(), 0.1690));
  CHECK(share_near(far.t1, far.wounded(), 0.0927));
  CHECK(share_near(far.t3, far.wounded(), 0.5853));
  // A protected person (area factor 0.5) at 25 / sqrt(2) m is hurt as one in the open at 25 m.
  Shares covered, open;
  for (int i = 0; i < 100000; ++i) {
    const auto a = blast_outcome(effect, 25 / std::sqrt(2.0), 0.5, mix, rng), b = blast_outcome(effect, 25, 1, mix, rng);
    if (a && *a == Triage::Immediate) ++covered.t1;
    if (b && *b == Triage::Immediate) ++open.t1;
  }
  CHECK(std::abs(covered.t1 - open.t1) < 5 * std::sqrt(2.0 * open.t1));
  // Over people evenly spread (1 per m^2 out to 120 m, where every chance is below 1e-13), the
  // wounded split by the mix: the Carleton identity for each nested zone.
  Shares crowd;
  for (int pass = 0; pass < 10; ++pass)
    for (double x = -120; x <= 120; x += 1)
      for (double y = -120; y <= 120; y += 1) count(crowd, std::hypot(x + 0.37, y + 0.61));
  CHECK(crowd.wounded() == Approx(10 * 1200.0).epsilon(0.03));
  CHECK(share_near(crowd.t1, crowd.wounded(), 0.2));
  CHECK(share_near(crowd.t2, crowd.wounded(), 0.3));
  CHECK(share_near(crowd.t3, crowd.wounded(), 0.5));
}

TEST_CASE("the light-wound zone adds T3 casualties between the casualty and the light-wound areas", "[threats][blast]") {
  // Areas 200 / 1000 / 4000 m^2 in the open: at r the chances are exp(-pi r^2 / A) each.
  BlastEffect effect{200, 1000};
  const double r = 15;
  const auto p = [r](double area) { return std::exp(-std::numbers::pi * r * r / area); };
  CHECK(hurt_probability(effect, r, 1) == Approx(p(1000)));  // no light-wound zone: hurt = casualty
  effect.light_wound_area_m2 = 4000;
  CHECK(hurt_probability(effect, r, 1) == Approx(p(4000)));
  CHECK(hurt_probability(effect, r, 0.5) == Approx(p(2000)));  // protection shrinks it as the others
  BlastEffect smaller = effect;
  smaller.light_wound_area_m2 = 500;  // not above the casualty area: no zone
  CHECK(hurt_probability(smaller, r, 1) == Approx(p(1000)));
  // Sampled: killed p(200), wounded with the mix p(1000) - p(200), T3 from the zone p(4000) - p(1000).
  engine::RandomStream rng(engine::StreamKey{1, 0, 9, 0, 0});
  const int n = 200000;
  int dead = 0, serious = 0, minimal = 0;
  for (int i = 0; i < n; ++i) {
    const auto outcome = blast_outcome(effect, r, 1, WoundMix{0.5, 0.5}, rng);  // the casualty area gives no T3
    if (!outcome) continue;
    if (*outcome == Triage::Killed) ++dead;
    else if (*outcome == Triage::Minimal) ++minimal;
    else ++serious;
  }
  const auto near = [n](int count, double prob) { return std::abs(count / double(n) - prob) < 5 * std::sqrt(prob * (1 - prob) / n); };
  CHECK(near(dead, p(200)));
  CHECK(near(serious, p(1000) - p(200)));
  CHECK(near(minimal, p(4000) - p(1000)));
  // Over evenly spread people the zone hurts rho * (A_light - A_casualty) more, all lightly.
  double extra = 0;
  for (double x = -300; x <= 300; x += 2)
    for (double y = -300; y <= 300; y += 2) extra += hurt_probability(effect, std::hypot(x + 0.3, y + 0.7), 1) -
                                                       casualty_probability(effect, std::hypot(x + 0.3, y + 0.7), 1);
  CHECK(extra == Approx((4000 - 1000) / 4.0).epsilon(0.005));
}

TEST_CASE("arrivals follow the time-of-day profile and the yearly growth", "[threats][arrivals]") {
  ArrivalProfile profile;
  profile.per_day = 2;
  profile.hour_weights.fill(0);
  for (int h : {20, 21, 22, 23}) profile.hour_weights[h] = 1;  // only 20:00-24:00
  const double days = 3000;
  const auto times = arrival_times(profile, days * kDay, 0, engine::StreamKey{5, 0, 1, 0, 0});
  // Count ~ Poisson(2 * days): within 5 standard deviations.
  const double expected = 2 * days;
  CHECK(std::abs(static_cast<double>(times.size()) - expected) < 5 * std::sqrt(expected));
  for (SimTime t : times) {
    const int hour = static_cast<int>(std::fmod(t, kDay) / kHour);
    REQUIRE(hour >= 20);
  }
  CHECK(std::is_sorted(times.begin(), times.end()));
  // The rate doubles each year: the second year holds twice the first's arrivals.
  ArrivalProfile growing;
  growing.per_day = 5;
  growing.annual_growth = 1.0;
  const auto g = arrival_times(growing, 2 * 365 * kDay, 0, engine::StreamKey{6, 0, 1, 0, 0});
  const double first = static_cast<double>(std::count_if(g.begin(), g.end(), [](SimTime t) { return t < 365 * kDay; }));
  const double second = static_cast<double>(g.size()) - first;
  // E[first] = 5*365/ln2 * (2-1), E[second] = 5*365/ln2 * (4-2): ratio 2.
  CHECK(first == Approx(5 * 365 / std::log(2.0)).epsilon(5 / std::sqrt(first)));
  CHECK(second / first == Approx(2.0).epsilon(0.1));
}

TEST_CASE("scripted arrivals are kept exactly and a zero rate adds none", "[threats][arrivals]") {
  ArrivalProfile profile;
  profile.scripted = {20 * kHour + 45 * kMinute, 5 * kDay, 40 * kDay};
  const auto times = arrival_times(profile, 30 * kDay, 0, engine::StreamKey{1, 0, 1, 0, 0});
  REQUIRE(times.size() == 2);  // the one after the end is dropped
  CHECK(times[0] == 20 * kHour + 45 * kMinute);
  CHECK(times[1] == 5 * kDay);
}

TEST_CASE("the QRF timeline adds up: alarm, notice to move, road, foot, containment", "[threats][qrf]") {
  CampLayout layout;
  layout.road_nodes = {{"base", {0, 0}}, {"corner", {300, 0}}, {"gate", {300, 400}}};
  layout.road_edges = {{0, 1, 300}, {1, 2, 400}};
  QrfParams p;
  p.alarm_delay = engine::Distribution::fixed(90);
  p.notice_to_move_day = 300;
  p.notice_to_move_night = 600;
  p.drive_speed_mps = 10;
  p.foot_speed_mps = 2;
  p.containment = engine::Distribution::fixed(900);
  engine::RandomStream rng(engine::StreamKey{1, 0, 2, 0, 0});
  // Incident 30 m beyond the gate node: drive 700 m, walk 30 m.
  const QrfTimeline day = qrf_response(p, layout, RoadNodeId{0}, {300, 430}, 1000, false, rng);
  CHECK(day.alerted == Approx(1090));
  CHECK(day.launched == Approx(1390));
  CHECK(day.road_m == Approx(700));
  CHECK(day.foot_m == Approx(30));
  CHECK(day.on_scene == Approx(1390 + 70 + 15));
  CHECK(day.contained == Approx(1475 + 900));
  const QrfTimeline night = qrf_response(p, layout, RoadNodeId{0}, {300, 430}, 1000, true, rng);
  CHECK(night.launched - day.launched == Approx(300));
  CHECK(nearest_road_node(layout, {290, 20}) == RoadNodeId{1});
  CHECK_FALSE(nearest_road_node(CampLayout{}, {290, 20}));  // no roads: no node, never node 0
}

TEST_CASE("people are placed inside their zones, as many as the hour says", "[threats][population]") {
  CampLayout layout;
  layout.perimeter = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
  Zone lines{"lines", ZoneKind::Accommodation, {{10, 10}, {40, 10}, {40, 20}, {20, 20}, {20, 40}, {10, 40}}, 30, 200, "CHN"};
  Zone yard{"yard", ZoneKind::Logistics, {{60, 60}, {90, 60}, {90, 90}, {60, 90}}, 50, 5, "UN"};
  layout.zones = {lines, yard};
  engine::RandomStream rng(engine::StreamKey{1, 0, 3, 0, 0});
  const auto night = testing::place_people(layout, 23 * kHour, rng);
  CHECK(night.size() == 205);
  const auto day = testing::place_people(layout, 10 * kHour, rng);
  CHECK(day.size() == 80);
  for (const Person& p : night) {
    REQUIRE(p.zone);
    CHECK(contains(layout.zone(*p.zone).polygon, p.position));  // also inside the L-shape's notch rule
    if (p.zone == ZoneId{0}) {
      CHECK(p.protection == Protection::Container);
      CHECK(p.asleep);
      CHECK(p.contingent == "CHN");
    } else {
      CHECK(p.protection == Protection::Open);
      CHECK_FALSE(p.asleep);
    }
  }
}
