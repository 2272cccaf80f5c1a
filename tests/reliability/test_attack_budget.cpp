// The attack budget (issue 10): the mean number of attacks of a scenario, hand-computed, so a
// run that would ask for millions of attacks is refused before it starts.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/camp/threats/attack_budget.hpp"

using namespace campsim::camp;
using campsim::engine::kDay;

TEST_CASE("expected arrivals: rate times time, compounded yearly growth, scripted times", "[threats][budget]") {
  ArrivalProfile p;
  p.per_day = 2;
  CHECK(expected_arrivals(p, 10 * kDay) == Approx(20));
  // Doubling every year: integral over one year of 2 * 2^(t/365) per day = 2 * 365 * (2 - 1) / ln 2.
  p.annual_growth = 1;
  CHECK(expected_arrivals(p, 365 * kDay) == Approx(2 * 365 / std::log(2.0)));
  // Hour weights shape the day but not its mean.
  p.annual_growth = 0;
  p.hour_weights.fill(0);
  p.hour_weights[3] = 5;
  CHECK(expected_arrivals(p, 10 * kDay) == Approx(20));
  // All weights zero: no random arrivals (as arrival_rate); scripted ones before the end still count.
  p.hour_weights.fill(0);
  p.scripted = {kDay, 5 * kDay, 20 * kDay};
  CHECK(expected_arrivals(p, 10 * kDay) == Approx(2));
}

TEST_CASE("the scenarios that ran out of memory are over the budget: the baseline is far under", "[threats][budget]") {
  ThreatParams t;  // the defaults
  CHECK(expected_attacks(t, 365 * kDay) < kMaxExpectedAttacks / 100);
  // Rates at the top of their documented ranges (per_day 1000, annual_growth 100) for 11 years.
  t.indirect_fire.arrivals.per_day = 1000;
  CHECK(expected_attacks(t, 4017 * kDay) > kMaxExpectedAttacks);
  t.indirect_fire.arrivals.per_day = 1;
  t.indirect_fire.arrivals.annual_growth = 100;
  const double compounded = expected_attacks(t, 4017 * kDay);  // 101^11: about 10^22, or inf
  CHECK((std::isinf(compounded) || compounded > kMaxExpectedAttacks));
}
