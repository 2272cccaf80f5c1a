// The CASEVAC dispatch approval chain against sums worked out by hand: fixed delays add up
// exactly, pre-authorized dispatch removes exactly the skipped levels' delays, the chain follows
// the requester's nation, and unavailability adds its extra delay at its stated rate.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "sim/camp/medical/approval_chain.hpp"

using namespace campsim;
using namespace campsim::camp;
using engine::Distribution;
using engine::kMinute;

namespace {

engine::RandomStream stream(std::uint64_t seed, std::uint64_t entity = 0) {
  return engine::RandomStream(engine::StreamKey{seed, 0, engine::purpose_tag("test.approval"), entity, 0});
}

ApprovalChain fixed_chain(const std::vector<double>& delays, const std::string& prefix) {
  ApprovalChain chain;
  for (std::size_t i = 0; i < delays.size(); ++i)
    chain.levels.push_back({prefix + std::to_string(i), Distribution::fixed(delays[i]), 0.0, 0.0});
  return chain;
}

}  // namespace

TEST_CASE("approval chain: fixed delays add up exactly, level by level", "[medical][approval]") {
  ApprovalPolicy policy;
  policy.other_nation = fixed_chain({60, 120, 300}, "other");
  policy.same_nation = fixed_chain({30}, "same");
  auto rng = stream(1);
  const ApprovalTimeline t = approve(policy, false, 1000, rng);
  REQUIRE(t.steps.size() == 3);
  CHECK(t.requested == 1000);
  CHECK(t.steps[0].received == 1000);
  CHECK(t.steps[0].decided == 1060);
  CHECK(t.steps[1].received == 1060);
  CHECK(t.steps[1].decided == 1180);
  CHECK(t.steps[2].received == 1180);
  CHECK(t.steps[2].decided == 1480);
  CHECK(t.approved == 1480);
  CHECK(t.total_delay == 480);
  CHECK(t.unavailability_delay == 0);
  CHECK(t.levels_asked == 3);
  CHECK(t.levels_skipped == 0);
  CHECK(t.steps[1].name == "other1");
  CHECK(mean_approval_delay(policy, false) == 480);
}

TEST_CASE("approval chain: pre-authorized dispatch removes exactly the top k levels' delays", "[medical][approval]") {
  const std::vector<double> delays{60, 120, 300, 900};
  ApprovalPolicy policy;
  policy.other_nation = fixed_chain(delays, "L");
  for (int k = 0; k <= 5; ++k) {  // k beyond the chain's length clamps to "dispatch on request"
    policy.pre_authorized_skip_levels = k;
    auto rng = stream(2);
    const ApprovalTimeline t = approve(policy, false, 0, rng);
    const int kept = 4 - std::min(k, 4);
    double expected = 0;
    for (int i = 0; i < kept; ++i) expected += delays[static_cast<std::size_t>(i)];
    CHECK(t.total_delay == expected);
    CHECK(t.levels_asked == kept);
    CHECK(t.levels_skipped == 4 - kept);
    for (int i = 0; i < 4; ++i) {
      const auto& step = t.steps[static_cast<std::size_t>(i)];
      CHECK(step.skipped == (i >= kept));
      if (step.skipped) CHECK(step.delay == 0);
    }
    CHECK(mean_approval_delay(policy, false) == expected);
  }

  SECTION("with random delays, the kept levels see the same draws (common random numbers)") {
    ApprovalPolicy random_policy = default_approval_policy();
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
      random_policy.pre_authorized_skip_levels = 0;
      auto rng_full = stream(seed);
      const ApprovalTimeline full = approve(random_policy, false, 0, rng_full);
      random_policy.pre_authorized_skip_levels = 1;
      auto rng_skip = stream(seed);
      const ApprovalTimeline skip = approve(random_policy, false, 0, rng_skip);
      REQUIRE(full.steps.size() == 3);
      CHECK(skip.steps[0].delay == full.steps[0].delay);
      CHECK(skip.steps[1].delay == full.steps[1].delay);
      CHECK(skip.steps[2].skipped);
      CHECK(skip.total_delay == Approx(full.total_delay - full.steps[2].delay).margin(1e-9));
    }
  }
}

TEST_CASE("approval chain: the same-nation chain is used for same-nation requests", "[medical][approval]") {
  ApprovalPolicy policy;
  policy.same_nation = fixed_chain({45, 15}, "same");
  policy.other_nation = fixed_chain({60, 120, 300}, "other");
  auto rng = stream(3);
  const ApprovalTimeline same = approve(policy, true, 0, rng);
  CHECK(same.same_nation);
  REQUIRE(same.steps.size() == 2);
  CHECK(same.steps[0].name == "same0");
  CHECK(same.total_delay == 60);
  const ApprovalTimeline other = approve(policy, false, 0, rng);
  CHECK_FALSE(other.same_nation);
  REQUIRE(other.steps.size() == 3);
  CHECK(other.steps[0].name == "other0");
  CHECK(other.total_delay == 480);
}

TEST_CASE("approval chain: unavailability adds its extra delay at its stated rate", "[medical][approval]") {
  // Two levels: fixed 60 s with p = 0.2 and extra 600 s; fixed 30 s with p = 0.05 and extra 900 s.
  // Each total is 90 + 600 a + 900 b with a, b Bernoulli; the shares must match the rates within
  // 4 binomial standard errors and the mean must match 90 + 0.2*600 + 0.05*900 = 255.
  ApprovalPolicy policy;
  policy.other_nation.levels = {{"a", Distribution::fixed(60), 0.2, 600}, {"b", Distribution::fixed(30), 0.05, 900}};
  const int n = 20000;
  int unavailable_a = 0, unavailable_b = 0;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    auto rng = stream(4, static_cast<std::uint64_t>(i));
    const ApprovalTimeline t = approve(policy, false, 0, rng);
    const bool a = t.steps[0].unavailable, b = t.steps[1].unavailable;
    unavailable_a += a;
    unavailable_b += b;
    REQUIRE(t.total_delay == 90 + (a ? 600 : 0) + (b ? 900 : 0));
    REQUIRE(t.unavailability_delay == (a ? 600 : 0) + (b ? 900 : 0));
    sum += t.total_delay;
    sum_sq += t.total_delay * t.total_delay;
  }
  const auto near_share = [&](int count, double p) {
    return std::abs(count / double(n) - p) <= 4 * std::sqrt(p * (1 - p) / n);
  };
  CHECK(near_share(unavailable_a, 0.2));
  CHECK(near_share(unavailable_b, 0.05));
  const double expected_mean = 90 + 0.2 * 600 + 0.05 * 900;
  const double expected_var = 0.2 * 0.8 * 600 * 600 + 0.05 * 0.95 * 900 * 900;
  CHECK(std::abs(sum / n - expected_mean) <= 4 * std::sqrt(expected_var / n));
  CHECK(mean_approval_delay(policy, false) == Approx(expected_mean));
  const double sample_var = sum_sq / n - (sum / n) * (sum / n);
  CHECK(sample_var == Approx(expected_var).epsilon(0.1));
}

TEST_CASE("approval chain: the assumed default policy is valid and its sample mean matches its analytic mean",
          "[medical][approval]") {
  const ApprovalPolicy policy = default_approval_policy();
  CHECK(validate_approval_policy(policy).empty());
  CHECK(policy.other_nation.levels.size() == 3);
  CHECK(policy.same_nation.levels.size() == 2);
  // Hand sum of the assumed defaults: lognormal mean = median * exp(sigma^2 / 2),
  // sigma = ln(p90 / median) / z_0.9.
  const auto lognormal_mean = [](double median, double p90) {
    const double sigma = std::log(p90 / median) / engine::kZ90;
    return median * std::exp(sigma * sigma / 2);
  };
  const double other = lognormal_mean(2 * kMinute, 5 * kMinute) + 0.05 * 5 * kMinute +
                       lognormal_mean(5 * kMinute, 15 * kMinute) + 0.10 * 10 * kMinute +
                       lognormal_mean(10 * kMinute, 30 * kMinute) + 0.15 * 15 * kMinute;
  const double same = lognormal_mean(2 * kMinute, 5 * kMinute) + 0.05 * 5 * kMinute +
                      lognormal_mean(3 * kMinute, 8 * kMinute) + 0.05 * 10 * kMinute;
  CHECK(mean_approval_delay(policy, false) == Approx(other));
  CHECK(mean_approval_delay(policy, true) == Approx(same));
  CHECK(same < other);  // a same-nation chain cuts the gap

  for (const bool same_nation : {false, true}) {
    const int n = 40000;
    double sum = 0, sum_sq = 0;
    for (int i = 0; i < n; ++i) {
      auto rng = stream(5, static_cast<std::uint64_t>(i));
      const double d = approve(policy, same_nation, 0, rng).total_delay;
      sum += d;
      sum_sq += d * d;
    }
    const double mean = sum / n, sd = std::sqrt(sum_sq / n - mean * mean);
    CHECK(std::abs(mean - mean_approval_delay(policy, same_nation)) <= 4 * sd / std::sqrt(double(n)));
  }
}

TEST_CASE("approval chain: validation names the bad values", "[medical][approval]") {
  ApprovalPolicy policy;
  policy.other_nation.levels = {{"", Distribution::fixed(60), 1.5, -1}, {"ok", Distribution::uniform(-10, 10), 0, 0}};
  policy.pre_authorized_skip_levels = -1;
  const auto problems = validate_approval_policy(policy);
  CHECK(problems.size() == 5);
}
