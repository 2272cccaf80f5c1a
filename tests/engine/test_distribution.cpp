#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "sim/engine/distribution.hpp"
#include "stats_helpers.hpp"

using namespace campsim::engine;
using campsim::engine::test::kSigmas;

namespace {

constexpr std::size_t kDraws = 400'000;

// Sample mean from a fresh stream, checked against `mean` with `variance` known in closed form.
void check_sample_mean(const Distribution& d, double mean, double variance, std::uint64_t entity) {
  RandomStream rng(StreamKey{99, 0, purpose_tag("test.distribution"), entity, 0});
  double sum = 0.0;
  for (std::size_t i = 0; i < kDraws; ++i) sum += d.sample(rng);
  INFO(d.describe());
  CHECK(std::abs(sum / kDraws - mean) <= kSigmas * std::sqrt(variance / kDraws));
}

}  // namespace

TEST_CASE("fixed distribution", "[distribution]") {
  const auto d = Distribution::fixed(7.5);
  CHECK(d.mean() == 7.5);
  CHECK(d.quantile(0.01) == 7.5);
  CHECK(d.quantile(0.99) == 7.5);
  RandomStream rng(StreamKey{1, 2, 3, 4, 5});
  CHECK(d.sample(rng) == 7.5);
  CHECK(d.describe() == "fixed(7.5)");
}

TEST_CASE("uniform distribution", "[distribution]") {
  const auto d = Distribution::uniform(10, 30);
  CHECK(d.mean() == Approx(20.0));
  CHECK(d.quantile(0.25) == Approx(15.0));
  CHECK(d.quantile(0.0) == Approx(10.0));
  CHECK(d.quantile(1.0) == Approx(30.0));
  check_sample_mean(d, 20.0, 400.0 / 12.0, 1);
  CHECK(d.describe() == "uniform(min=10, max=30)");
}

TEST_CASE("exponential distribution", "[distribution]") {
  const auto d = Distribution::exponential(120);
  CHECK(d.mean() == 120.0);
  for (const double p : {0.1, 0.5, 0.9, 0.999}) CHECK(d.quantile(p) == Approx(-120.0 * std::log(1.0 - p)));
  CHECK(d.quantile(0.5) == Approx(120.0 * std::log(2.0)));
  CHECK(d.quantile(1.0) == std::numeric_limits<double>::infinity());
  check_sample_mean(d, 120.0, 120.0 * 120.0, 2);
  CHECK(d.describe() == "exponential(mean=120)");
}

TEST_CASE("lognormal distribution from median and p90", "[distribution]") {
  const double median = 600, p90 = 1800;
  const auto d = Distribution::lognormal(median, p90);
  const double sigma = std::log(p90 / median) / 1.2815515655446004;  // z_0.9
  CHECK(d.quantile(0.5) == Approx(median).epsilon(1e-12));
  CHECK(d.quantile(0.9) == Approx(p90).epsilon(1e-12));
  // Phi(-1) = 0.15865525393145707, so q = median * exp(-sigma).
  CHECK(d.quantile(0.15865525393145707) == Approx(median * std::exp(-sigma)).epsilon(1e-10));
  const double mean = median * std::exp(0.5 * sigma * sigma);
  const double variance = (std::exp(sigma * sigma) - 1.0) * mean * mean;
  CHECK(d.mean() == Approx(mean).epsilon(1e-12));
  check_sample_mean(d, mean, variance, 3);
  CHECK(d.describe() == "lognormal(median=600, p90=1800)");
}

TEST_CASE("triangular distribution", "[distribution]") {
  const double lo = 0, mode = 2, hi = 10;
  const auto d = Distribution::triangular(lo, mode, hi);
  CHECK(d.mean() == Approx(4.0));
  // CDF at the mode is (mode-lo)/(hi-lo) = 0.2.
  CHECK(d.quantile(0.2) == Approx(mode));
  // Below the mode: F(x) = x^2/20 -> F^-1(0.05) = 1. Above: 1 - (10-x)^2/80 -> F^-1(0.8) = 6.
  CHECK(d.quantile(0.05) == Approx(1.0));
  CHECK(d.quantile(0.8) == Approx(6.0));
  const double variance = (lo * lo + mode * mode + hi * hi - lo * mode - lo * hi - mode * hi) / 18.0;
  check_sample_mean(d, 4.0, variance, 4);
  CHECK(d.describe() == "triangular(min=0, mode=2, max=10)");
}

TEST_CASE("empirical distribution", "[distribution]") {
  // Unsorted table, unnormalised weights: P(1)=0.2, P(2)=0.5, P(5)=0.3.
  const auto d = Distribution::empirical({5, 1, 2}, {3, 2, 5});
  const double mean = 0.2 * 1 + 0.5 * 2 + 0.3 * 5;
  CHECK(d.mean() == Approx(mean));
  CHECK(d.quantile(0.1) == 1);
  CHECK(d.quantile(0.2) == 1);
  CHECK(d.quantile(0.21) == 2);
  CHECK(d.quantile(0.7) == 2);
  CHECK(d.quantile(0.71) == 5);
  CHECK(d.quantile(1.0) == 5);
  const double variance = 0.2 * 1 + 0.5 * 4 + 0.3 * 25 - mean * mean;
  check_sample_mean(d, mean, variance, 5);

  // Frequencies of each value, each a binomial proportion.
  RandomStream rng(StreamKey{7, 0, purpose_tag("test.empirical"), 0, 0});
  std::size_t ones = 0, twos = 0, fives = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    const double v = d.sample(rng);
    ones += v == 1;
    twos += v == 2;
    fives += v == 5;
  }
  CHECK(ones + twos + fives == kDraws);
  const auto tol = [](double p) { return kSigmas * std::sqrt(p * (1 - p) / kDraws); };
  CHECK(std::abs(static_cast<double>(ones) / kDraws - 0.2) < tol(0.2));
  CHECK(std::abs(static_cast<double>(twos) / kDraws - 0.5) < tol(0.5));
  CHECK(std::abs(static_cast<double>(fives) / kDraws - 0.3) < tol(0.3));
  CHECK(d.describe() == "empirical(values=[5, 1, 2], weights=[3, 2, 5])");
}

TEST_CASE("empirical entries with zero weight are never drawn", "[distribution]") {
  const auto d = Distribution::empirical({1, 2, 3}, {0, 1, 0});
  RandomStream rng(StreamKey{8, 0, 0, 0, 0});
  for (int i = 0; i < 1000; ++i) REQUIRE(d.sample(rng) == 2);
  CHECK(d.quantile(0.0) == 2);
  CHECK(d.quantile(1.0) == 2);
}
