// Summaries, intervals, paired differences, verdicts and replications needed, against values
// worked out by hand or from tables, and intervals' coverage against the nominal level.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/paired_verdict.hpp"
#include "analysis/statistics.hpp"

using namespace campsim::analysis;
using Catch::Detail::Approx;

namespace {

// Ten measurements; by hand: sum 50.0, mean 5.0; squared deviations sum to 0.30, so
// sd = sqrt(0.30 / 9) = 0.182574; sorted 4.7 4.8 4.9 4.9 5.0 5.0 5.1 5.1 5.2 5.3, so the type-7
// median is 5.0 and p90 (h = 8.1) is 5.2 + 0.1 * 0.1 = 5.21.
const std::vector<double> kTen{4.9, 5.1, 5.3, 4.8, 5.0, 5.2, 4.7, 5.1, 5.0, 4.9};

}  // namespace

TEST_CASE("summary of a sample with missing values matches hand computation", "[analysis][statistics]") {
  Sample sample;
  for (double v : kTen) sample.push_back(v);
  sample.insert(sample.begin() + 3, std::nullopt);
  sample.push_back(std::nullopt);
  const Summary s = summarize(sample);
  CHECK(s.n == 10);
  CHECK(s.n_missing == 2);
  CHECK(s.mean == Approx(5.0));
  CHECK(s.sd == Approx(0.1825741858));
  CHECK(s.median == Approx(5.0));
  CHECK(s.p90 == Approx(5.21));
  CHECK(s.min == 4.7);
  CHECK(s.max == 5.3);
}

TEST_CASE("type-7 quantiles interpolate between order statistics", "[analysis][statistics]") {
  // R: quantile(c(1, 2, 4, 8), c(0, 0.25, 0.5, 0.9, 1), type = 7) = 1, 1.75, 3, 6.8, 8
  const std::vector<double> v{8, 1, 4, 2};
  CHECK(quantile_type7(v, 0) == 1);
  CHECK(quantile_type7(v, 0.25) == Approx(1.75));
  CHECK(quantile_type7(v, 0.5) == Approx(3));
  CHECK(quantile_type7(v, 0.9) == Approx(6.8));
  CHECK(quantile_type7(v, 1) == 8);
  CHECK(std::isnan(quantile_type7({}, 0.5)));
}

TEST_CASE("too few values give NaN, not invented numbers", "[analysis][statistics]") {
  const Summary none = summarize(Sample{std::nullopt, std::nullopt});
  CHECK(none.n == 0);
  CHECK(none.n_missing == 2);
  CHECK(std::isnan(none.mean));
  const Summary one = summarize(std::vector<double>{3});
  CHECK(one.mean == 3);
  CHECK(std::isnan(one.sd));
  CHECK(t_interval({3}, 0.95).method == IntervalMethod::none);
}

TEST_CASE("t quantiles and the t interval match the tables", "[analysis][statistics]") {
  // Student t tables: t_{0.975, 9} = 2.262, t_{0.975, 19} = 2.093, t_{0.95, 9} = 1.833.
  CHECK(t_quantile(9, 0.975) == Approx(2.262157).margin(1e-6));
  CHECK(t_quantile(19, 0.975) == Approx(2.093024).margin(1e-6));
  CHECK(t_quantile(9, 0.95) == Approx(1.833113).margin(1e-6));
  // mean 5.0 +- 2.262157 * 0.182574 / sqrt(10) = 5.0 +- 0.130606
  const Interval ci = t_interval(kTen, 0.95);
  CHECK(ci.method == IntervalMethod::t);
  CHECK(ci.lower == Approx(4.869394).margin(1e-6));
  CHECK(ci.upper == Approx(5.130606).margin(1e-6));
  CHECK(ci.half_width() == Approx(0.130606).margin(1e-6));
  const Interval ci90 = t_interval(kTen, 0.90);  // 1.833113 * 0.057735 = 0.105834
  CHECK(ci90.half_width() == Approx(0.105834).margin(1e-6));
}

namespace {

// Share of `trials` intervals from samples of n that contain the true mean.
template <class Draw, class MakeInterval>
double coverage(int trials, int n, double true_mean, Draw draw, MakeInterval make_interval) {
  int covered = 0;
  for (int trial = 0; trial < trials; ++trial) {
    campsim::engine::RandomStream stream({2024, static_cast<std::uint64_t>(trial), campsim::engine::purpose_tag("coverage"), 0, 0});
    std::vector<double> values(static_cast<std::size_t>(n));
    for (double& v : values) v = draw(stream);
    const Interval ci = make_interval(values, trial);
    covered += ci.lower <= true_mean && true_mean <= ci.upper ? 1 : 0;
  }
  return static_cast<double>(covered) / trials;
}

}  // namespace

TEST_CASE("95% t intervals cover the true mean of normal samples at the nominal rate", "[analysis][statistics][coverage]") {
  // 2000 samples of n = 10 from N(5, 2^2). The number covered is Binomial(2000, 0.95) if the
  // interval is right: sd of the share = sqrt(0.95 * 0.05 / 2000) = 0.0049; we allow 4 sd
  // (a false alarm about 1 in 16000). A z interval (1.96 instead of 2.262) would cover only
  // about 91.8% at n = 10 and fails this test.
  constexpr int kTrials = 2000;
  const double tolerance = 4 * std::sqrt(0.95 * 0.05 / kTrials);
  const double share = coverage(
      kTrials, 10, 5.0, [](campsim::engine::RandomStream& s) { return s.normal(5, 2); },
      [](const std::vector<double>& v, int) { return t_interval(v, 0.95); });
  INFO("coverage " << share << ", allowed 0.95 +- " << tolerance);
  CHECK(std::abs(share - 0.95) <= tolerance);
}

TEST_CASE("BCa bootstrap intervals cover the mean of a skewed distribution", "[analysis][statistics][coverage]") {
  // Exponential(mean 1) has skewness 2, the case the bootstrap is used for. Bootstrap intervals
  // undercover at small n on skewed data (resamples cannot hold the tail values the sample
  // lacks), so we test at n = 40, a plausible batch size, and allow up to 2 points of
  // undercoverage below the nominal 95% plus 3 binomial sd for 1000 trials (0.021); the upper
  // bound is nominal plus 3 sd. (This seed gives 93.6%.) An interval of the wrong level (90%
  // covers about 90%) or one built around the wrong centre falls outside.
  constexpr int kTrials = 1000;
  const double sd = std::sqrt(0.95 * 0.05 / kTrials);
  const double share = coverage(
      kTrials, 40, 1.0, [](campsim::engine::RandomStream& s) { return s.exponential(1); },
      [](const std::vector<double>& v, int trial) {
        return bootstrap_interval(v, 0.95, {7, static_cast<std::uint64_t>(trial)}, 1000);
      });
  INFO("coverage " << share << ", allowed [" << 0.95 - 0.02 - 3 * sd << ", " << 0.95 + 3 * sd << "]");
  CHECK(share >= 0.95 - 0.02 - 3 * sd);
  CHECK(share <= 0.95 + 3 * sd);
}

TEST_CASE("bootstrap intervals are deterministic in their key and lean with the skew", "[analysis][statistics]") {
  std::vector<double> skewed{0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.5, 0.7, 1.1, 1.8, 2.9, 4.6};
  const Interval a = bootstrap_interval(skewed, 0.95, {1, 42});
  const Interval b = bootstrap_interval(skewed, 0.95, {1, 42});
  const Interval c = bootstrap_interval(skewed, 0.95, {1, 43});
  CHECK(a.lower == b.lower);
  CHECK(a.upper == b.upper);
  CHECK((a.lower != c.lower || a.upper != c.upper));
  const double mean = summarize(skewed).mean;
  CHECK(a.lower < mean);
  CHECK(mean < a.upper);
  CHECK(a.upper - mean > mean - a.lower);  // right skew: a longer upper arm
  const Interval flat = bootstrap_interval({2, 2, 2, 2, 2, 2, 2, 2, 2, 2}, 0.95, {1, 1});
  CHECK(flat.lower == 2);
  CHECK(flat.upper == 2);
}

TEST_CASE("the rule chooses t or bootstrap as documented", "[analysis][statistics]") {
  const std::vector<double> symmetric{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  const std::vector<double> skewed{0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 7};
  const std::vector<double> few_skewed{0, 0, 0, 0, 9};
  const std::vector<double> high_share{1, 1, 1, 0.9, 1, 1, 1, 0.95, 1, 1, 1, 0.9};
  CHECK(choose_interval_method({1}, false).method == IntervalMethod::none);
  CHECK(choose_interval_method(symmetric, false).method == IntervalMethod::t);
  CHECK(choose_interval_method(skewed, false).method == IntervalMethod::bootstrap_bca);
  CHECK(choose_interval_method(few_skewed, false).method == IntervalMethod::t);  // n < 10
  CHECK(choose_interval_method(high_share, true).method == IntervalMethod::bootstrap_bca);
  CHECK(choose_interval_method({0.4, 0.5, 0.6, 0.5, 0.4, 0.5, 0.6, 0.5, 0.45, 0.55}, true).method == IntervalMethod::t);
  CHECK(choose_interval_method(std::vector<double>(12, 3.0), false).method == IntervalMethod::t);
  // A share near 1: the bootstrap interval stays inside [0, 1], the t interval does not.
  CHECK(confidence_interval(high_share, 0.95, true, {1, 5}).upper <= 1.0);
  CHECK(t_interval(high_share, 0.95).upper > 1.0);
}

TEST_CASE("paired differences match by (design point, replication) and drop the unmatched", "[analysis][statistics]") {
  const KeyedSample reference{{{0, 0}, 10.0}, {{0, 1}, 12.0}, {{0, 2}, std::nullopt}, {{0, 3}, 9.0}, {{1, 0}, 20.0}};
  const KeyedSample policy{{{0, 0}, 7.0}, {{0, 1}, 11.0}, {{0, 2}, 5.0}, {{0, 4}, 1.0}, {{1, 0}, 14.0}};
  const PairedDifferences d = paired_differences(policy, reference);
  // Matched: (0,0) 7-10, (0,1) 11-12, (1,0) 14-20. Unmatched: (0,2) missing in the reference,
  // (0,4) only in the policy, (0,3) only in the reference.
  REQUIRE(d.differences == std::vector<double>{-3, -1, -6});
  CHECK(d.unmatched == 3);
}

TEST_CASE("a verdict is given only when the interval excludes zero", "[analysis][statistics]") {
  const Interval below{-3, -1, IntervalMethod::t}, above{0.5, 2, IntervalMethod::t}, across{-1, 2, IntervalMethod::t},
      touching{0, 2, IntervalMethod::t}, none{0, 0, IntervalMethod::none};
  CHECK(verdict_of(below, Direction::lower_is_better) == Verdict::better);
  CHECK(verdict_of(below, Direction::higher_is_better) == Verdict::worse);
  CHECK(verdict_of(above, Direction::lower_is_better) == Verdict::worse);
  CHECK(verdict_of(above, Direction::higher_is_better) == Verdict::better);
  CHECK(verdict_of(above, Direction::unknown) == Verdict::higher);
  CHECK(verdict_of(below, Direction::unknown) == Verdict::lower);
  CHECK(verdict_of(across, Direction::lower_is_better) == Verdict::no_clear_difference);
  CHECK(verdict_of(touching, Direction::higher_is_better) == Verdict::no_clear_difference);
  CHECK(verdict_of(none, Direction::higher_is_better) == Verdict::not_enough_data);
  // From data: differences all -1 or -2 exclude zero; differences around zero do not.
  CHECK(verdict_of(t_interval({-1, -2, -1, -1, -2, -1, -2, -1}, 0.95), Direction::lower_is_better) == Verdict::better);
  CHECK(verdict_of(t_interval({-1, 1, -2, 2, 0, 1, -1, 0}, 0.95), Direction::lower_is_better) == Verdict::no_clear_difference);
}

TEST_CASE("replications needed meet the target half-width and no fewer would", "[analysis][statistics]") {
  const double sd = 2.0, target = 0.5;
  const std::optional<long> n = replications_needed(sd, target, 0.95);
  REQUIRE(n);
  const auto half_width = [&](long k) { return t_quantile(static_cast<double>(k - 1), 0.975) * sd / std::sqrt(static_cast<double>(k)); };
  CHECK(half_width(*n) <= target);
  CHECK(half_width(*n - 1) > target);
  // n ~ (t s / h)^2: with z = 1.96 it is 61.5; t at ~60 df (2.00) makes it 64.
  const double z_n = std::pow(1.959964 * sd / target, 2);
  CHECK(static_cast<double>(*n) >= z_n);
  CHECK(*n == 64);
  CHECK(static_cast<double>(*n) == Approx(std::pow(t_quantile(static_cast<double>(*n - 1), 0.975) * sd / target, 2)).epsilon(0.02));

  // From a pilot sample: with its sd and the n it asks for, the half-width is within the target.
  const Summary pilot = summarize(kTen);
  const double goal = 0.1 * 0.05 * pilot.mean;  // 0.5% of the mean
  const std::optional<long> m = replications_needed(pilot.sd, goal, 0.95);
  REQUIRE(m);
  CHECK(t_quantile(static_cast<double>(*m - 1), 0.975) * pilot.sd / std::sqrt(static_cast<double>(*m)) <= goal);

  CHECK(replications_needed(0, 0.5, 0.95) == 2);
  CHECK_FALSE(replications_needed(sd, 0, 0.95));
  CHECK_FALSE(replications_needed(std::nan(""), 0.5, 0.95));
  CHECK_FALSE(replications_needed(1000, 0.001, 0.95));  // beyond the limit
}

// --- Sparse and discrete paired differences (issue: "died of wounds" called better on 3 of 40) ---

TEST_CASE("the exact sign test matches the binomial by hand", "[analysis][statistics][sign]") {
  // 3 of 3 the same way: 2 * (1/2)^3 = 0.25.
  CHECK(sign_test_p_value(0, 3) == Approx(0.25));
  CHECK(sign_test_p_value(3, 0) == Approx(0.25));
  // 6 of 6: 2/64 = 0.03125. 1 against 9: 2 * (1 + 10) / 1024 = 0.021484375.
  CHECK(sign_test_p_value(0, 6) == Approx(0.03125));
  CHECK(sign_test_p_value(1, 9) == Approx(0.021484375));
  // Balanced, or nothing to test: 1, never more.
  CHECK(sign_test_p_value(5, 5) == Approx(1.0));
  CHECK(sign_test_p_value(0, 0) == 1.0);
  const SignCounts s = count_signs({-1, 0, 2, 0, -3, -0.5});
  CHECK(s.negative == 3);
  CHECK(s.positive == 1);
  CHECK(s.zero == 2);
}

TEST_CASE("3 non-zero pairs of 40 are not called better, and the reason says why", "[analysis][statistics][sign]") {
  // Died of wounds: 37 pairs equal, 3 pairs one death fewer under the policy. The mean is -0.075;
  // a bootstrap on these values gives an interval excluding zero, the exact sign test p = 0.25.
  std::vector<double> d(40, 0.0);
  d[4] = d[17] = d[31] = -1;
  const IntervalChoice choice = choose_difference_method(d);
  CHECK(choice.method == IntervalMethod::t);  // never a bootstrap on 3 non-zero values
  CHECK(choice.reason == "only 3 of 40 pairs differ, too few to resample");
  const Interval ci = t_interval(d, 0.95);
  // t: sd = sqrt((3 - 40 * 0.075^2) / 39) = 0.2667; half-width 2.0227 * 0.2667 / sqrt(40) = 0.0853.
  CHECK(ci.lower == Approx(-0.075 - 0.0853).epsilon(0.01));
  CHECK(ci.upper == Approx(-0.075 + 0.0853).epsilon(0.01));
  const Judgement j = judge_difference(d, ci, Direction::lower_is_better, 0.95);
  CHECK(j.verdict == Verdict::no_clear_difference);
  REQUIRE(j.sign_test_p);
  CHECK(*j.sign_test_p == Approx(0.25));
  CHECK(j.reason == "3 of 40 pairs differ (3 lower, 0 higher); exact sign test p = 0.25");
  // Even an interval that excluded zero (as the bootstrap's did) is overruled by the exact test.
  const Judgement forced = judge_difference(d, Interval{-0.2, -0.03, IntervalMethod::bootstrap_bca}, Direction::lower_is_better, 0.95);
  CHECK(forced.verdict == Verdict::no_clear_difference);
}

TEST_CASE("sparse differences that are all one way and enough are called", "[analysis][statistics][sign]") {
  // 8 of 40 pairs one death fewer, none more: sign test p = 2 / 256 = 0.0078; the t interval
  // (mean -0.2, sd 0.405, half-width 0.1295) lies below zero: better.
  std::vector<double> d(40, 0.0);
  for (int i = 0; i < 8; ++i) d[static_cast<std::size_t>(5 * i)] = -1;
  const Interval ci = t_interval(d, 0.95);
  CHECK(ci.upper < 0);
  const Judgement j = judge_difference(d, ci, Direction::lower_is_better, 0.95);
  CHECK(j.verdict == Verdict::better);
  CHECK(*j.sign_test_p == Approx(0.0078125));
}

TEST_CASE("identical policies are reported as identical, not as no clear difference", "[analysis][statistics][sign]") {
  const std::vector<double> d(40, 0.0);
  const Interval ci = interval_by(choose_difference_method(d).method, d, 0.95, {});
  const Judgement j = judge_difference(d, ci, Direction::lower_is_better, 0.95);
  CHECK(j.verdict == Verdict::identical);
  CHECK(j.reason == "identical in all 40 pairs");
  CHECK(judge_difference({2.0}, t_interval({2.0}, 0.95), Direction::unknown, 0.95).verdict == Verdict::not_enough_data);
}

TEST_CASE("with many non-zero pairs the interval decides, as before", "[analysis][statistics][sign]") {
  std::vector<double> d;
  for (int i = 0; i < 30; ++i) d.push_back(-1.0 - 0.1 * (i % 7));
  const Interval ci = t_interval(d, 0.95);
  const Judgement j = judge_difference(d, ci, Direction::higher_is_better, 0.95);
  CHECK(j.verdict == Verdict::worse);
  CHECK_FALSE(j.sign_test_p);
  CHECK(j.reason == "interval excludes 0");
}

TEST_CASE("cut_to_range keeps what lies inside and cuts only the side that reaches past", "[analysis][stats]") {
  const Interval past_top = cut_to_range(Interval{0.3, 1.2, IntervalMethod::t}, 0, 1);
  CHECK(past_top.lower == 0.3);
  CHECK(past_top.upper == 1.0);
  CHECK(past_top.method == IntervalMethod::t);
  const Interval both = cut_to_range(Interval{-1.5, 1.25, IntervalMethod::bootstrap_bca}, -1, 1);
  CHECK(both.lower == -1.0);
  CHECK(both.upper == 1.0);
  CHECK(both.method == IntervalMethod::bootstrap_bca);
  const Interval inside = cut_to_range(Interval{0.2, 0.4, IntervalMethod::t}, 0, 1);
  CHECK(inside.lower == 0.2);
  CHECK(inside.upper == 0.4);
  const Interval none = cut_to_range(Interval{std::nan(""), std::nan(""), IntervalMethod::none}, 0, 1);
  CHECK(std::isnan(none.lower));  // no interval stays no interval, not [0, 0]
  CHECK(std::isnan(none.upper));
}
