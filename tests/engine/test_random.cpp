#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <unordered_set>
#include <vector>

#include "sim/engine/random.hpp"
#include "stats_helpers.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_engine_test_random {

using namespace campsim::engine;
using campsim::engine::test::binomial_tolerance;
using campsim::engine::test::fraction_at_or_below;
using campsim::engine::test::kSigmas;
using campsim::engine::test::sample_mean;
using campsim::engine::test::sample_variance;

namespace {

constexpr std::size_t kDraws = 1'000'000;
const StreamKey kKey{20240601, 3, purpose_tag("test.random"), 17, 42};

std::vector<std::uint64_t> first_outputs(const StreamKey& key, std::size_t n) {
  RandomStream rng(key);
  std::vector<std::uint64_t> out(n);
  for (auto& v : out) v = rng.next_u64();
  return out;
}

template <class Draw>
std::vector<double> draws(Draw draw, std::size_t n = kDraws) {
  RandomStream rng(kKey);
  std::vector<double> out(n);
  for (auto& v : out) v = draw(rng);
  return out;
}

// Standard normal CDF by erfc, independent of the library's inverse.
double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

// FNV-1a 64 published test vectors: "" -> offset basis, "a" -> 0xaf63dc4c8601ec8c.
static_assert(purpose_tag("") == 0xcbf29ce484222325ULL);
static_assert(purpose_tag("a") == 0xaf63dc4c8601ec8cULL);
static_assert(purpose_tag("crowd.walk") != purpose_tag("crowd.walK"));
static_assert(purpose_tag("ab") != purpose_tag("ba"));

TEST_CASE("purpose_tag distinguishes many names", "[random]") {
  std::unordered_set<std::uint64_t> tags;
  for (int i = 0; i < 10000; ++i) tags.insert(purpose_tag("purpose." + std::to_string(i)));
  CHECK(tags.size() == 10000);
}

TEST_CASE("same key gives the same sequence, across block boundaries", "[random]") {
  // 10 draws spans three Philox blocks of four outputs.
  CHECK(first_outputs(kKey, 10) == first_outputs(kKey, 10));
}

TEST_CASE("changing any one key field changes the sequence", "[random]") {
  const auto base = first_outputs(kKey, 8);
  std::array<StreamKey, 5> variants{kKey, kKey, kKey, kKey, kKey};
  variants[0].seed += 1;
  variants[1].replication += 1;
  variants[2].purpose = purpose_tag("test.random.other");
  variants[3].entity += 1;
  variants[4].tick += 1;
  for (const StreamKey& key : variants) {
    const auto other = first_outputs(key, 8);
    for (std::size_t i = 0; i < base.size(); ++i) CHECK(other[i] != base[i]);
  }
}

TEST_CASE("no collisions among first outputs of 100k distinct keys", "[random]") {
  // For ideal 64-bit outputs, P(any collision among 1e5) ~ 1e10 / 2^65 ~ 3e-10.
  std::unordered_set<std::uint64_t> seen;
  std::size_t keys = 0;
  for (std::uint64_t field = 0; field < 5; ++field) {
    for (std::uint64_t v = 0; v < 20000; ++v) {
      StreamKey key{};
      switch (field) {
        case 0: key.seed = v; break;
        case 1: key.replication = v + 1; break;
        case 2: key.purpose = v + 1; break;
        case 3: key.entity = v + 1; break;
        default: key.tick = v + 1; break;
      }
      seen.insert(RandomStream(key).next_u64());
      ++keys;
    }
  }
  CHECK(keys == 100000);
  CHECK(seen.size() == keys);
}

TEST_CASE("uniform01 is in the open interval with the right mean and variance", "[random]") {
  const auto xs = draws([](RandomStream& r) { return r.uniform01(); });
  CHECK(std::all_of(xs.begin(), xs.end(), [](double x) { return x > 0.0 && x < 1.0; }));
  // Mean: sd(U) = sqrt(1/12), so the standard error is sqrt(1/(12N)).
  CHECK(std::abs(sample_mean(xs) - 0.5) < kSigmas * std::sqrt(1.0 / 12.0 / kDraws));
  // Variance: Var((U-1/2)^2) = E(U-1/2)^4 - (1/12)^2 = 1/80 - 1/144 = 1/180.
  CHECK(std::abs(sample_variance(xs) - 1.0 / 12.0) < kSigmas * std::sqrt(1.0 / 180.0 / kDraws));
  // 53-bit resolution: every value is a multiple of 2^-53.
  CHECK(std::all_of(xs.begin(), xs.begin() + 1000, [](double x) {
    const double scaled = x * 0x1.0p53;
    return scaled == std::floor(scaled);
  }));
}

TEST_CASE("uniform(lo, hi) covers the interval evenly", "[random]") {
  const auto xs = draws([](RandomStream& r) { return r.uniform(-3.0, 5.0); });
  CHECK(*std::min_element(xs.begin(), xs.end()) >= -3.0);
  CHECK(*std::max_element(xs.begin(), xs.end()) <= 5.0);
  CHECK(std::abs(sample_mean(xs) - 1.0) < kSigmas * 8.0 * std::sqrt(1.0 / 12.0 / kDraws));
  CHECK(std::abs(fraction_at_or_below(xs, -1.0) - 0.25) < binomial_tolerance(0.25, kDraws));
}

TEST_CASE("exponential matches its analytic mean and quantiles", "[random]") {
  const double mean = 250.0;
  const auto xs = draws([mean](RandomStream& r) { return r.exponential(mean); });
  CHECK(std::all_of(xs.begin(), xs.end(), [](double x) { return x > 0.0; }));
  CHECK(std::abs(sample_mean(xs) - mean) < kSigmas * mean / std::sqrt(kDraws));  // sd = mean
  for (const double p : {0.1, 0.5, 0.9, 0.99}) {
    const double q = -mean * std::log(1.0 - p);
    CHECK(std::abs(fraction_at_or_below(xs, q) - p) < binomial_tolerance(p, kDraws));
  }
}

TEST_CASE("normal matches its mean, sd and quantiles", "[random]") {
  const double mu = 10.0, sd = 2.5;
  const auto xs = draws([&](RandomStream& r) { return r.normal(mu, sd); });
  CHECK(std::abs(sample_mean(xs) - mu) < kSigmas * sd / std::sqrt(kDraws));
  // Sample variance of a normal has standard error sigma^2 * sqrt(2/(N-1)).
  CHECK(std::abs(sample_variance(xs) - sd * sd) < kSigmas * sd * sd * std::sqrt(2.0 / (kDraws - 1)));
  for (const double z : {-2.0, -1.0, 0.0, 0.5, 1.2815515655446004, 3.0}) {
    const double p = normal_cdf(z);
    CHECK(std::abs(fraction_at_or_below(xs, mu + sd * z) - p) < binomial_tolerance(p, kDraws));
  }
}

TEST_CASE("standard_normal_quantile inverts the normal CDF", "[random]") {
  for (const double p : {1e-10, 0.001, 0.1, 0.5, 0.9, 0.975, 1 - 1e-10}) {
    CHECK(normal_cdf(standard_normal_quantile(p)) == Approx(p).epsilon(1e-12));
  }
  CHECK(standard_normal_quantile(0.9) == Approx(kZ90).epsilon(1e-15));
  CHECK(standard_normal_quantile(0.975) == Approx(1.959963984540054).epsilon(1e-14));
}

TEST_CASE("lognormal has the requested median and p90", "[random]") {
  const double median = 600.0, p90 = 1800.0;
  auto xs = draws([&](RandomStream& r) { return r.lognormal_median_p90(median, p90); });
  CHECK(std::abs(fraction_at_or_below(xs, median) - 0.5) < binomial_tolerance(0.5, kDraws));
  CHECK(std::abs(fraction_at_or_below(xs, p90) - 0.9) < binomial_tolerance(0.9, kDraws));
  // Empirical quantiles: standard error sqrt(p(1-p)/N) / f(x_p), f the lognormal density.
  const double sigma = std::log(p90 / median) / 1.2815515655446004;
  const auto density = [&](double x) {
    const double z = (std::log(x) - std::log(median)) / sigma;
    return std::exp(-0.5 * z * z) / (x * sigma * std::sqrt(2.0 * std::numbers::pi));
  };
  std::sort(xs.begin(), xs.end());
  const double emp_median = xs[kDraws / 2];
  const double emp_p90 = xs[kDraws * 9 / 10];
  CHECK(std::abs(emp_median - median) < kSigmas * std::sqrt(0.25 / kDraws) / density(median));
  CHECK(std::abs(emp_p90 - p90) < kSigmas * std::sqrt(0.09 / kDraws) / density(p90));
  // Mean exp(mu + sigma^2/2); the log-scale mean has standard error sigma/sqrt(N).
  double log_sum = 0.0;
  for (const double x : xs) log_sum += std::log(x);
  CHECK(std::abs(log_sum / kDraws - std::log(median)) < kSigmas * sigma / std::sqrt(kDraws));
  const double analytic_mean = median * std::exp(0.5 * sigma * sigma);
  const double analytic_sd = analytic_mean * std::sqrt(std::exp(sigma * sigma) - 1.0);
  CHECK(std::abs(sample_mean(xs) - analytic_mean) < kSigmas * analytic_sd / std::sqrt(kDraws));
}

TEST_CASE("triangular matches its mean and quantiles", "[random]") {
  const double lo = 2.0, mode = 3.0, hi = 10.0;
  const auto xs = draws([&](RandomStream& r) { return r.triangular(lo, mode, hi); });
  CHECK(*std::min_element(xs.begin(), xs.end()) >= lo);
  CHECK(*std::max_element(xs.begin(), xs.end()) <= hi);
  const double mean = (lo + mode + hi) / 3.0;
  const double var = (lo * lo + mode * mode + hi * hi - lo * mode - lo * hi - mode * hi) / 18.0;
  CHECK(std::abs(sample_mean(xs) - mean) < kSigmas * std::sqrt(var / kDraws));
  // CDF: (x-lo)^2/((hi-lo)(mode-lo)) below the mode, 1 - (hi-x)^2/((hi-lo)(hi-mode)) above.
  for (const double x : {2.5, 3.0, 5.0, 8.0}) {
    const double p = x <= mode ? (x - lo) * (x - lo) / ((hi - lo) * (mode - lo))
                               : 1.0 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
    CHECK(std::abs(fraction_at_or_below(xs, x) - p) < binomial_tolerance(p, kDraws));
  }
}

TEST_CASE("bernoulli hits its rate: p=0 never, p=1 always", "[random]") {
  RandomStream rng(kKey);
  const double p = 0.3;
  std::size_t hits = 0, never = 0, always = 0;
  for (std::size_t i = 0; i < kDraws; ++i) {
    hits += rng.bernoulli(p);
    never += rng.bernoulli(0.0);
    always += rng.bernoulli(1.0);
  }
  CHECK(std::abs(static_cast<double>(hits) / kDraws - p) < binomial_tolerance(p, kDraws));
  CHECK(never == 0);
  CHECK(always == kDraws);
}

namespace {
// Pearson chi-square of counts against equal expected counts.
double chi_square(const std::vector<std::size_t>& counts, std::size_t total) {
  const double expected = static_cast<double>(total) / static_cast<double>(counts.size());
  double chi2 = 0.0;
  for (const std::size_t c : counts) chi2 += (c - expected) * (c - expected) / expected;
  return chi2;
}
}  // namespace

TEST_CASE("uniform_index passes chi-square and is unbiased for huge n", "[random]") {
  RandomStream rng(kKey);
  // chi-square with df = n-1 has mean df and sd sqrt(2 df); accept within 5 sd.
  for (const std::uint64_t n : {2ULL, 7ULL, 1000ULL}) {
    std::vector<std::size_t> counts(n, 0);
    for (std::size_t i = 0; i < kDraws; ++i) {
      const std::uint64_t v = rng.uniform_index(n);
      REQUIRE(v < n);
      ++counts[v];
    }
    const double df = static_cast<double>(n - 1);
    CHECK(std::abs(chi_square(counts, kDraws) - df) < kSigmas * std::sqrt(2.0 * df));
  }
  // n = 3 * 2^62: plain `x % n` would put half of all draws in the first third. Unbiased
  // sampling puts a third in each; chi-square with df = 2.
  const std::uint64_t n = 3ULL << 62;
  std::vector<std::size_t> thirds(3, 0);
  for (std::size_t i = 0; i < kDraws; ++i) ++thirds[rng.uniform_index(n) >> 62];
  CHECK(std::abs(chi_square(thirds, kDraws) - 2.0) < kSigmas * 2.0);
  CHECK(rng.uniform_index(1) == 0);
}

}  // namespace unity_engine_test_random
