// The model's elementary functions (sim/engine/portable_math.hpp): within 1 ulp of the true
// value, worked out in long double (64-bit significand: 11 more bits than the answer needs), on
// the ranges the model calls them on and at their edges; the pair of exponentials lane by lane
// the scalar's bits; the normal quantile against its defining property and known points.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <span>
#include <stdexcept>
#include <vector>

#include <sleef.h>

#include "sim/engine/portable_math.hpp"

using namespace campsim;

namespace {

// |got - exact| in units of the last place of the double nearest to exact.
double ulps_off(double got, long double exact) {
  const double nearest = static_cast<double>(exact);
  const double ulp = std::nextafter(std::abs(nearest), std::numeric_limits<double>::infinity()) - std::abs(nearest);
  return static_cast<double>(std::abs(static_cast<long double>(got) - exact) / ulp);
}

double worst_ulps(const std::function<double(double)>& f, const std::function<long double(long double)>& exact,
                  double from, double to, int steps) {
  double worst = 0;
  for (int i = 0; i <= steps; ++i) {
    // An irregular step so the points do not all share a few low bits.
    const double x = from + (to - from) * (i + 0.318309886 * (i % 7) / 7.0) / (steps + 1);
    worst = std::max(worst, ulps_off(f(x), exact(static_cast<long double>(x))));
  }
  return worst;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("the portable elementary functions are within 1 ulp of the true value", "[engine][math]") {
  // (pow's reference takes the same double base and exponent: 1.07 is not 1.07L.)
  // The ranges: the guards' exponents (-t / tau, 0 to -200), draws' logs (u in (0, 1], medians in
  // seconds), survival's expm1 and log1p of hazards, pow of growth and legitimacy factors,
  // bearings in radians, atan2 of camp offsets.
  CHECK(worst_ulps([](double x) { return math::exp(x); }, [](long double x) { return std::exp(x); }, -700, 700, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::exp(x); }, [](long double x) { return std::exp(x); }, -1, 1, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::log(x); }, [](long double x) { return std::log(x); }, 1e-300, 1e6, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::log(x); }, [](long double x) { return std::log(x); }, 0.5, 2, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::log1p(x); }, [](long double x) { return std::log1p(x); }, -0.999999, 10, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::expm1(x); }, [](long double x) { return std::expm1(x); }, -50, 5, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::expm1(x); }, [](long double x) { return std::expm1(x); }, -1e-3, 1e-3, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::sin(x); }, [](long double x) { return std::sin(x); }, -7, 7, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::cos(x); }, [](long double x) { return std::cos(x); }, -7, 7, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::pow(1.07, x); }, [](long double x) { return std::pow(static_cast<long double>(1.07), x); }, -30, 30, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::pow(x, 1.7); }, [](long double x) { return std::pow(x, static_cast<long double>(1.7)); }, 1e-6, 1e4, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::atan2(x, 3.0); }, [](long double x) { return std::atan2(x, 3.0L); }, -1e3, 1e3, 20000) <= 1.0);
  CHECK(worst_ulps([](double x) { return math::atan2(-2.0, x); }, [](long double x) { return std::atan2(-2.0L, x); }, -1e3, 1e3, 20000) <= 1.0);
}

TEST_CASE("the portable functions keep the edges the model relies on", "[engine][math]") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(math::exp(0) == 1.0);
  CHECK(math::exp(-inf) == 0.0);
  CHECK(math::exp(-800) == 0.0);  // an exponent far below: 0, not a denormal surprise or NaN
  CHECK(math::exp(800) == inf);
  CHECK(math::log(1) == 0.0);
  CHECK(math::log(0) == -inf);
  CHECK(math::log1p(-1) == -inf);  // an exponential draw at u = 1 - tiny stays finite, at 1 it is +inf
  CHECK(math::log1p(0) == 0.0);
  CHECK(math::expm1(0) == 0.0);
  CHECK(math::pow(0.5, 0) == 1.0);
  CHECK(math::pow(1.0, 1e6) == 1.0);
  CHECK(math::sin(0) == 0.0);
  CHECK(math::cos(0) == 1.0);
  CHECK(math::atan2(0, 1) == 0.0);
  CHECK(math::atan2(1, 0) == Approx(std::numbers::pi / 2).epsilon(1e-16));
}

TEST_CASE("exponentials worked several at a time are, lane by lane, the scalar's bits", "[engine][math]") {
  // The guards' sample works its sentries' exponentials two or four at a time (math::exp_each);
  // every lane, and the tail of a length the width does not divide, must be math::exp's bits.
  std::vector<double> in;
  for (double a = -60; a < 5; a += 0.0137) in.push_back(a);
  for (double x : {-0.0, 0.0, -746.0, 710.0, 1e-300}) in.push_back(x);
  std::vector<math::ExpLanes> widths{math::ExpLanes::two};
  if (math::four_lane_exp_supported()) widths.push_back(math::ExpLanes::four);
  else WARN("this CPU has no AVX: the four-lane width is not checked here");
  for (const math::ExpLanes lanes : widths)
    for (const std::size_t n : {in.size(), in.size() - 1, in.size() - 2, in.size() - 3, std::size_t{1}, std::size_t{0}}) {
      std::vector<double> out(n, -1.0);
      math::exp_each_in(lanes, std::span(in).first(n), out);
      for (std::size_t i = 0; i < n; ++i) REQUIRE(same_bits(out[i], math::exp(in[i])));
    }
  CHECK(in.size() > 4000);
  std::vector<double> shorter(3);
  CHECK_THROWS_AS(math::exp_each(in, shorter), std::invalid_argument);
}

TEST_CASE("the scalar exponential, worked in an SSE2 lane, is SLEEF's scalar function bit for bit", "[engine][math]") {
  // math::exp takes lane 0 of the two-lane function for speed; the scalar plain-C function of
  // the same deterministic family is the reference every CPU would give.
  long checked = 0;
  for (double x = -746; x < 710; x += 0.0731) {
    REQUIRE(same_bits(math::exp(x), Sleef_cinz_expd1_u10purec(x)));
    ++checked;
  }
  for (double x : {-0.0, 0.0, 1e-300, -1e-300, 709.782712893384, -745.1332191019412})
    REQUIRE(same_bits(math::exp(x), Sleef_cinz_expd1_u10purec(x)));
  CHECK(checked > 19000);
}

TEST_CASE("the normal quantile inverts the normal distribution to about 1e-15", "[engine][math]") {
  CHECK(math::normal_quantile(0.5) == 0.0);
  CHECK(math::normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-15));  // the 95% two-sided point
  CHECK(math::normal_quantile(0.9) == Approx(1.2815515655446004).epsilon(1e-15));
  CHECK(math::normal_quantile(0.025) == Approx(-1.959963984540054).epsilon(1e-15));
  CHECK(math::normal_quantile(1e-10) == Approx(-6.3613409024040557).epsilon(1e-14));  // the far tail (r > 5)
  CHECK(math::normal_quantile(0) == -std::numeric_limits<double>::infinity());
  CHECK(math::normal_quantile(1) == std::numeric_limits<double>::infinity());
  // Phi(Phi^-1(p)) = p, Phi by erfc in long double, across the three regions of AS 241.
  double worst = 0;
  for (double p : {1e-300, 1e-20, 1e-12, 1e-6, 0.001, 0.02, 0.07, 0.074, 0.076, 0.2, 0.4999, 0.6, 0.925, 0.99, 0.999999}) {
    const long double z = math::normal_quantile(p);
    const long double back = 0.5L * std::erfc(-z / std::sqrt(2.0L));
    worst = std::max(worst, static_cast<double>(std::abs(back - p) / p));
  }
  // The quantile's own error (about 1e-16) grows by the density's slope in the tails: 1e-13 there.
  CHECK(worst < 1e-13);
}
