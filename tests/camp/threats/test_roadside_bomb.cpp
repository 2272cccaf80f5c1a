// Roadside bombs against their expectations: strikes per km driven, the share found by route
// clearance, and the mean number hurt per strike.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "sim/camp/threats/roadside_bomb.hpp"

using namespace campsim;
using namespace campsim::camp;
using engine::kDay;
using engine::kHour;

namespace {
// More people out than any strike's draw (hurt_per_strike is at most 4): the cap never binds.
constexpr std::size_t kWholeConvoy = 100;
}  // namespace

TEST_CASE("roadside bombs arrive at km x rate, by day only", "[threats][roadside_bomb]") {
  RoadsideBombParams p;
  p.km_per_day = 200;
  p.bombs_per_1000_km = 1;  // 0.2 a day
  const ArrivalProfile profile = roadside_arrivals(p);
  CHECK(profile.per_day == Approx(0.2));
  const double days = 5000;
  const auto times = arrival_times(profile, days * kDay, 0, engine::StreamKey{3, 0, 9, 0, 0});
  const double expected = 0.2 * days;
  CHECK(std::abs(static_cast<double>(times.size()) - expected) < 5 * std::sqrt(expected));
  for (SimTime t : times) {
    const double hour = std::fmod(t, kDay) / kHour;
    REQUIRE(hour >= 7);
    REQUIRE(hour < 17);
  }
}

TEST_CASE("route clearance finds its share and strikes hurt the mean of the distribution", "[threats][roadside_bomb]") {
  RoadsideBombParams p;
  p.found_by_clearance = 0.3;
  p.killed_share = 0.25;
  ThreatContext ctx;
  const int n = 20000;
  std::vector<Casualty> casualties;
  int found = 0, strikes = 0;
  for (int i = 0; i < n; ++i) {
    const Incident incident = resolve_roadside_bomb(p, ctx, i, 10 * kHour, {0, 500}, kWholeConvoy, casualties);
    found += incident.detected ? 1 : 0;
    strikes += incident.detected ? 0 : 1;
    if (incident.detected) CHECK(incident.killed + incident.wounded == 0);
  }
  CHECK(std::abs(found / double(n) - 0.3) < 5 * std::sqrt(0.3 * 0.7 / n));
  // hurt_per_strike: values 0-4 with weights 0.2, 0.3, 0.25, 0.15, 0.1 -> mean 1.65.
  const double mean_hurt = p.hurt_per_strike.mean();
  CHECK(mean_hurt == Approx(1.65));
  CHECK(static_cast<double>(casualties.size()) / strikes == Approx(mean_hurt).margin(0.05));
  long killed = 0;
  for (const Casualty& c : casualties) {
    killed += c.triage == Triage::Killed ? 1 : 0;
    CHECK_FALSE(c.inside_camp);
    CHECK(c.cause == Cause::RoadsideBomb);
    CHECK(c.contingent == "CHN");
  }
  const double share = static_cast<double>(killed) / static_cast<double>(casualties.size());
  CHECK(std::abs(share - 0.25) < 5 * std::sqrt(0.25 * 0.75 / static_cast<double>(casualties.size())));
}

TEST_CASE("a strike hurts no more people than the contingent has out of the camp", "[threats][roadside_bomb]") {
  RoadsideBombParams p;
  p.found_by_clearance = 0;
  p.hurt_per_strike = engine::Distribution::fixed(4);
  ThreatContext ctx;
  for (std::size_t crew : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{4}, std::size_t{9}}) {
    std::vector<Casualty> casualties;
    const Incident incident = resolve_roadside_bomb(p, ctx, 1, 10 * kHour, {0, 500}, crew, casualties);
    const std::size_t expected = std::min<std::size_t>(crew, 4);
    CHECK(casualties.size() == expected);
    CHECK(static_cast<std::size_t>(incident.killed + incident.wounded) == expected);
    const auto beyond = std::find_if(incident.facts.begin(), incident.facts.end(),
                                     [](const auto& fact) { return fact.first == "hurt_beyond_crew"; });
    REQUIRE(beyond != incident.facts.end());
    CHECK(beyond->second == Approx(4.0 - static_cast<double>(expected)));
  }
}
