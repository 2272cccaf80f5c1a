// Stray rounds: a miss flies on along its line and may strike someone near it. Checked against
// the cone model worked independently here (the spread found by bisection on the normal
// distribution's CDF, not by the code's inverse), and in whole engagements by counting how often
// a bystander behind, in front of, or walled off from the mark is struck.
#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/camp/fight/engagement.hpp"
#include "sim/camp/fight/stray_round.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_fight_test_stray_rounds {

using namespace campsim::fight;

namespace {

double Phi(double z) { return boost::math::cdf(boost::math::normal(), z); }

// The spread s at which (2 Phi(a/s) - 1)^2 = q, by bisection.
double spread_for(double a, double q) {
  double lo = 1e-6, hi = 1e6;
  for (int i = 0; i < 200; ++i) {
    const double mid = std::sqrt(lo * hi);
    const double hit = std::pow(2 * Phi(a / mid) - 1, 2);
    (hit > q ? lo : hi) = mid;  // a wider spread hits less
  }
  return std::sqrt(lo * hi);
}

// The chance a round with spread s passes through a square of half-width a, y off the line.
double through_square(double y, double a, double s) { return (Phi((y + a) / s) - Phi((y - a) / s)) * (2 * Phi(a / s) - 1); }

}  // namespace

TEST_CASE("the spread of a miss is what makes the aimed chance come out at the mark", "[fight][stray]") {
  for (const double q : {0.05, 0.3, 0.5, 0.9}) {
    const double s = miss_spread_m(0.25, q);
    CHECK(s == Approx(spread_for(0.25, q)).epsilon(1e-9));
    // A person standing where the mark stands is passed through with the aimed chance.
    CHECK(passes_within(0, 0.25, s) == Approx(q).epsilon(1e-12));
  }
  CHECK(miss_spread_m(0.25, 1.0) == 0);
  CHECK(std::isinf(miss_spread_m(0.25, 0.0)));
  // Off the line: 1 m off with a 0.2 m spread is (Phi(6.25) - Phi(3.75)) * (2 Phi(1.25) - 1).
  CHECK(passes_within(1.0, 0.25, 0.2) == Approx(through_square(1.0, 0.25, 0.2)).epsilon(1e-12));
  CHECK(passes_within(-1.0, 0.25, 0.2) == passes_within(1.0, 0.25, 0.2));
  CHECK(passes_within(5.0, 0.25, 0.2) < 1e-100);
}

TEST_CASE("where a point lies on a line of fire", "[fight][stray]") {
  const LinePlace p = place_on_line({0, 0}, {100, 0}, {150, -2});
  CHECK(p.along == Approx(150));
  CHECK(std::abs(p.across) == Approx(2));
  const LinePlace diagonal = place_on_line({0, 0}, {3, 4}, {6, 8});
  CHECK(diagonal.along == Approx(10));
  CHECK(diagonal.across == Approx(0).margin(1e-12));
  CHECK(place_on_line({0, 0}, {100, 0}, {-10, 0}).along == Approx(-10));
}

namespace {

// A sentry at the origin fires at an unarmed intruder 100 m east who shows nothing to a rifle
// (posture Driving, whose exposure is set to 0, so every aimed round misses); an unarmed bystander of the camp stands at `bystander`,
// in the open. Aimed fire hits a standing man at any range with chance `q` (no range fall-off,
// combat degradation q, no suppression). Returns how many of `trials` first rounds struck him.
struct StrayCount {
  int struck = 0;            // first rounds that struck the bystander
  long stray_events = 0;     // stray strikes logged in the trials' ticks
  long stray_tally = 0;      // the engagements' stray_hits
  long friendly_tally = 0;   // the engagements' friendly_hits
  int held = 0;              // trials in which the sentry never fired in a minute
};

StrayCount count_strays(Point bystander, double q, int trials, const Terrain& terrain = Terrain{}) {
  FightParams p;
  p.sight.detection_rate_per_s = 1000;
  p.fire.effective_range_m = 1e7;  // the range term is 1 at any range here
  p.fire.combat_degradation = q;
  p.fire.exposure_driving = 0;
  p.fire.exposure_standing = 1;
  p.fire.suppression_per_shot = 0;
  p.fire.shots_per_minute = 60;
  p.fire.body_half_width_m = 0.25;
  StrayCount out;
  for (int trial = 0; trial < trials; ++trial) {
    // No hunting: the mark stays where it is (else it walks at the bystander, and the line moves).
    Engagement e(p, terrain, Rules{true, 0, true}, 7, 0, static_cast<std::uint64_t>(trial));
    Fighter sentry;
    sentry.side = Side::Camp;
    sentry.role = Role::Sentry;
    sentry.armed = true;
    sentry.sight_range_m = 1000;
    e.add(sentry);
    Fighter mark;
    mark.side = Side::Attacker;
    mark.role = Role::Intruder;
    mark.posture = Posture::Driving;  // seen whole, but shows nothing to a rifle (exposure 0)
    mark.position = {100, 0};
    e.add(mark);
    Fighter by;
    by.side = Side::Camp;
    by.role = Role::Bystander;
    by.position = bystander;
    const FighterId by_id = e.add(by);
    std::vector<FightEvent> events;
    for (int t = 0; t < 60; ++t) {
      e.step(t, 1, Conditions{}, events);
      const auto first = std::find_if(events.begin(), events.end(), [](const FightEvent& ev) { return ev.kind == FightEventKind::Shot; });
      if (first == events.end()) continue;
      // The first round: its miss, then (at the same time) the stray that struck, if any.
      REQUIRE(first->target.value == 1);
      REQUIRE(first->outcome == HitOutcome::Miss);
      const auto next = std::next(first);
      if (next != events.end() && next->kind == FightEventKind::Shot && next->stray && next->time == first->time) {
        CHECK(next->target == by_id);
        ++out.struck;
      }
      out.stray_events += std::count_if(events.begin(), events.end(), [](const FightEvent& ev) { return ev.stray; });
      out.stray_tally += e.tally().stray_hits;
      out.friendly_tally += e.tally().friendly_hits;
      break;
    }
    if (std::none_of(events.begin(), events.end(), [](const FightEvent& ev) { return ev.kind == FightEventKind::Shot; }))
      ++out.held;
  }
  return out;
}

// Within four binomial standard deviations of n p.
void check_binomial(int k, int n, double p) {
  const double sd = std::sqrt(n * p * (1 - p));
  INFO("struck " << k << " of " << n << ", expected " << n * p);
  CHECK(std::abs(k - n * p) <= 4 * sd + 1);
}

}  // namespace

TEST_CASE("a miss strikes a bystander behind the mark as often as the cone says", "[fight][stray]") {
  const double q = 0.3, a = 0.25;
  const double s_mark = spread_for(a, q);
  const int n = 3000;
  SECTION("on the line, 50 m behind the mark: the spread there is 1.5 times the mark's") {
    const StrayCount c = count_strays({150, 0}, q, n);
    check_binomial(c.struck, n, through_square(0, a, 1.5 * s_mark));  // about 0.15
    CHECK(c.struck > 0);
  }
  SECTION("1.1 m off the line, half way to the mark (just outside the lane a rifleman keeps clear)") {
    // The cone is half as wide there: (Phi((1.1 + a) / (s/2)) - Phi((1.1 - a) / (s/2))) * ...
    const StrayCount c = count_strays({50, 1.1}, q, n);
    check_binomial(c.struck, n, through_square(1.1, a, 0.5 * s_mark));
    CHECK(c.held == 0);
  }
  SECTION("one of his own on the line short of the mark: the sentry holds his fire") {
    const StrayCount c = count_strays({50, 0.5}, q, 300);
    CHECK(c.held == 300);
    CHECK(c.struck == 0);
  }
  SECTION("half a metre off the line behind the mark") {
    const StrayCount c = count_strays({150, 0.5}, q, n);
    check_binomial(c.struck, n, through_square(0.5, a, 1.5 * s_mark));
  }
  SECTION("behind the shooter: never") { CHECK(count_strays({-50, 0}, q, 500).struck == 0); }
  SECTION("a wall between the mark and the bystander stops the round") {
    Terrain t;
    t.walls.push_back({{{120, -50}, {121, -50}, {121, 50}, {120, 50}}, 3.0});
    CHECK(count_strays({150, 0}, q, 500, t).struck == 0);
  }
}

TEST_CASE("a stray round on one's own side is a friendly hit", "[fight][stray]") {
  const StrayCount c = count_strays({150, 0}, 0.3, 400);
  REQUIRE(c.struck > 0);
  // The only one a stray can strike is the camp's bystander, struck by a camp round: every
  // stray strike is a friendly hit, and the tallies agree with the events.
  CHECK(c.stray_tally == c.stray_events);
  CHECK(c.friendly_tally == c.stray_events);
  CHECK(c.stray_events >= c.struck);
}

}  // namespace unity_camp_fight_test_stray_rounds
