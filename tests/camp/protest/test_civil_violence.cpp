// Epstein's (2002) activation rule on hand-computed residents, and legitimacy dynamics.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/camp/protest/civil_violence.hpp"
#include "sim/camp/protest/legitimacy.hpp"

using namespace campsim;
using namespace campsim::camp::protest;

TEST_CASE("activation: G = H(1 - L), P = 1 - exp(-k C / (1 + actives)), active when G - R P > T", "[protest]") {
  const CivilViolenceParams epstein;  // k = 2.3, T = 0.1
  CHECK(grievance(0.9, 0.8) == Approx(0.18));
  // One cop, nobody else active: P = 1 - e^-2.3 = 0.8997 (Epstein's calibration point, 0.9).
  CHECK(estimated_arrest_probability(1, 0, 2.3) == Approx(0.899741).epsilon(1e-5));
  CHECK(estimated_arrest_probability(0, 5, 2.3) == 0.0);
  // One cop, nine others active: A = 10, P = 1 - e^-0.23 = 0.20547.
  CHECK(estimated_arrest_probability(1, 9, 2.3) == Approx(0.205466).epsilon(1e-5));
  CHECK(net_risk(0.5, 0.8) == Approx(0.4));

  // H = 0.9, L = 0.8: G = 0.18.
  // R = 0.5 facing one cop alone: N = 0.45, G - N = -0.27: quiet.
  CHECK_FALSE(is_active({0.9, 0.5}, 0.8, 1, 0, epstein));
  // No cop in sight: N = 0, G - N = 0.18 > 0.1: active.
  CHECK(is_active({0.9, 0.5}, 0.8, 0, 0, epstein));
  // One cop among nine actives: R = 0.2 gives N = 0.0411, 0.139 > 0.1: active (safety in numbers) ...
  CHECK(is_active({0.9, 0.2}, 0.8, 1, 9, epstein));
  // ... R = 0.5 gives N = 0.1027, 0.077 < 0.1: quiet.
  CHECK_FALSE(is_active({0.9, 0.5}, 0.8, 1, 9, epstein));
  // Lower legitimacy turns the same resident out: L = 0.6, G = 0.36, 0.36 - 0.45 < 0.1 facing a
  // lone cop, but 0.36 - 0.1027 = 0.257 > 0.1 among nine actives.
  CHECK_FALSE(is_active({0.9, 0.5}, 0.6, 1, 0, epstein));
  CHECK(is_active({0.9, 0.5}, 0.6, 1, 9, epstein));
  // Strictly greater than the threshold: G = 0.1 exactly with nothing at risk stays quiet.
  CHECK_FALSE(is_active({1.0, 0.0}, 0.9, 0, 0, epstein));
  CHECK_THROWS_AS(estimated_arrest_probability(-1, 0, 2.3), std::invalid_argument);
}

TEST_CASE("residents draw hardship and risk aversion uniformly on (0, 1)", "[protest]") {
  engine::RandomStream random(engine::StreamKey{1, 0, engine::purpose_tag("test.residents"), 0, 0});
  double sum_h = 0, sum_r = 0, sum_hr = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const Resident r = draw_resident(random);
    REQUIRE(r.hardship > 0.0);
    REQUIRE(r.hardship < 1.0);
    sum_h += r.hardship;
    sum_r += r.risk_aversion;
    sum_hr += r.hardship * r.risk_aversion;
  }
  // Means 1/2 (sd of the mean 0.002) and independence: E[HR] = 1/4.
  CHECK(sum_h / n == Approx(0.5).margin(0.01));
  CHECK(sum_r / n == Approx(0.5).margin(0.01));
  CHECK(sum_hr / n == Approx(0.25).margin(0.01));
}

TEST_CASE("legitimacy falls with civilian casualties and unexplained decisions, recovers only with engagement",
          "[protest]") {
  Legitimacy l;  // baseline 0.8
  CHECK(l.value() == Approx(0.8));
  l.civilians_killed(2);  // 0.8 * 0.9^2
  CHECK(l.value() == Approx(0.648));
  l.civilians_injured(1);  // * 0.98
  CHECK(l.value() == Approx(0.63504));
  l.unexplained_decision();  // * 0.97
  CHECK(l.value() == Approx(0.6159888));
  l.engage(30.0, 0.0);  // no engagement: no recovery
  CHECK(l.value() == Approx(0.6159888));
  l.engage(10.0, 1.0);  // the gap 0.1840112 shrinks by 0.95^10
  CHECK(l.value() == Approx(0.8 - 0.1840112 * std::pow(0.95, 10)));
  l.engage(1000.0, 1.0);  // never above the baseline
  CHECK(l.value() <= 0.8);
  CHECK(l.value() == Approx(0.8).margin(1e-9));
  l.civilians_killed(100);
  CHECK(l.value() >= 0.0);
  CHECK_THROWS_AS(l.civilians_killed(-1), std::invalid_argument);
  CHECK_THROWS_AS(Legitimacy(LegitimacyParams{1.5}), std::invalid_argument);
}
