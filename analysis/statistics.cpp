#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <numeric>

#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/erf.hpp>

namespace campsim::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Double precision throughout and no exceptions, as in sim/engine/random.cpp: the same inputs
// give the same bytes on every platform, whatever its long double is.
using DoublePolicy = boost::math::policies::policy<
    boost::math::policies::promote_double<false>, boost::math::policies::promote_float<false>,
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>>;

double normal_cdf(double z) { return 0.5 * boost::math::erfc(-z / std::numbers::sqrt2, DoublePolicy{}); }

using stats::mean_of;

}  // namespace

std::vector<double> present_values(const Sample& sample) {
  std::vector<double> values;
  values.reserve(sample.size());
  for (const auto& v : sample)
    if (v) values.push_back(*v);
  return values;
}

Summary summarize(const std::vector<double>& values) {
  Summary s;
  s.n = values.size();
  if (values.empty()) {
    s.mean = s.sd = s.median = s.p90 = s.min = s.max = kNaN;
    return s;
  }
  s.mean = mean_of(values);
  // Two-pass variance: subtracting the mean first keeps precision when values are large and close.
  double squares = 0;
  for (double v : values) squares += (v - s.mean) * (v - s.mean);
  s.sd = values.size() >= 2 ? std::sqrt(squares / static_cast<double>(values.size() - 1)) : kNaN;
  s.median = quantile_type7(values, 0.5);
  s.p90 = quantile_type7(values, 0.9);
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  s.min = *lo;
  s.max = *hi;
  return s;
}

Summary summarize(const Sample& sample) {
  const std::vector<double> values = present_values(sample);
  Summary s = summarize(values);
  s.n_missing = sample.size() - values.size();
  return s;
}

double skewness(const std::vector<double>& values) {
  if (values.size() < 3) return 0;
  const double mean = mean_of(values);
  double m2 = 0, m3 = 0;
  for (double v : values) {
    const double d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  const auto n = static_cast<double>(values.size());
  m2 /= n;
  m3 /= n;
  if (!(m2 > 0)) return 0;
  return m3 / std::pow(m2, 1.5);
}

double t_quantile(double df, double p) {
  return boost::math::quantile(boost::math::students_t_distribution<double, DoublePolicy>(df), p);
}

const char* to_string(IntervalMethod method) {
  switch (method) {
    case IntervalMethod::none: return "none";
    case IntervalMethod::t: return "t";
    case IntervalMethod::bootstrap_bca: return "bootstrap BCa";
  }
  return "?";
}

Interval t_interval(const std::vector<double>& values, double level) {
  if (values.size() < 2) return {kNaN, kNaN, IntervalMethod::none};
  const Summary s = summarize(values);
  const double half = t_quantile(static_cast<double>(s.n - 1), (1 + level) / 2) * s.sd / std::sqrt(static_cast<double>(s.n));
  return {s.mean - half, s.mean + half, IntervalMethod::t};
}

Interval cut_to_range(const Interval& ci, double lowest, double highest) {
  if (ci.method == IntervalMethod::none) return ci;
  return {std::clamp(ci.lower, lowest, highest), std::clamp(ci.upper, lowest, highest), ci.method};
}

Interval bootstrap_interval(const std::vector<double>& values, double level, const BootstrapKey& key, int resamples) {
  const std::size_t n = values.size();
  if (n < 2 || resamples < 2) return {kNaN, kNaN, IntervalMethod::none};
  const double mean = mean_of(values);
  if (std::all_of(values.begin(), values.end(), [&](double v) { return v == values.front(); }))
    return {mean, mean, IntervalMethod::bootstrap_bca};

  engine::RandomStream stream({key.seed, 0, engine::purpose_tag("analysis.bootstrap"), key.subject, 0});
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (double& m : means) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += values[stream.uniform_index(n)];
    m = sum / static_cast<double>(n);
  }
  std::sort(means.begin(), means.end());

  // Bias correction z0: how far the bootstrap distribution's median sits from the estimate.
  const auto below = static_cast<double>(std::lower_bound(means.begin(), means.end(), mean) - means.begin());
  const auto equal = static_cast<double>(std::upper_bound(means.begin(), means.end(), mean) - means.begin()) - below;
  const double b = static_cast<double>(resamples);
  const double share_below = std::clamp((below + equal / 2) / b, 0.5 / b, 1 - 0.5 / b);
  const double z0 = engine::standard_normal_quantile(share_below);

  // Acceleration a from the jackknife: the skewness of the leave-one-out means.
  const double sum = mean * static_cast<double>(n);
  double d2 = 0, d3 = 0;
  for (double v : values) {
    const double d = mean - (sum - v) / static_cast<double>(n - 1);
    d2 += d * d;
    d3 += d * d * d;
  }
  const double a = d2 > 0 ? d3 / (6 * std::pow(d2, 1.5)) : 0;

  const auto adjusted = [&](double p) {
    const double z = engine::standard_normal_quantile(p);
    return normal_cdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  };
  const double alpha = (1 - level) / 2;
  return {quantile_type7(means, adjusted(alpha)), quantile_type7(means, adjusted(1 - alpha)),
          IntervalMethod::bootstrap_bca};
}

IntervalChoice choose_interval_method(const std::vector<double>& values, bool is_share) {
  if (values.size() < 2) return {IntervalMethod::none, "fewer than 2 values"};
  if (values.size() < kMinBootstrapN) return {IntervalMethod::t, "n < 10, too few to resample"};
  if (std::all_of(values.begin(), values.end(), [&](double v) { return v == values.front(); }))
    return {IntervalMethod::t, "all values equal"};
  const double mean = mean_of(values);
  if (is_share && (mean < kShareNearZero || mean > kShareNearOne)) return {IntervalMethod::bootstrap_bca, "share near 0 or 1"};
  const double g1 = skewness(values);
  if (std::abs(g1) >= 1) {
    char reason[40];
    std::snprintf(reason, sizeof reason, "skewness %.1f", g1);
    return {IntervalMethod::bootstrap_bca, reason};
  }
  return {IntervalMethod::t, "roughly symmetric"};
}

Interval confidence_interval(const std::vector<double>& values, double level, bool is_share, const BootstrapKey& key,
                             int resamples) {
  return interval_by(choose_interval_method(values, is_share).method, values, level, key, resamples);
}

Interval interval_by(IntervalMethod method, const std::vector<double>& values, double level, const BootstrapKey& key,
                     int resamples) {
  switch (method) {
    case IntervalMethod::t: return t_interval(values, level);
    case IntervalMethod::bootstrap_bca: return bootstrap_interval(values, level, key, resamples);
    case IntervalMethod::none: break;
  }
  return {kNaN, kNaN, IntervalMethod::none};
}

PairedDifferences paired_differences(const KeyedSample& policy, const KeyedSample& reference) {
  PairedDifferences out;
  for (const auto& [key, value] : policy) {
    const auto match = reference.find(key);
    if (!value || match == reference.end() || !match->second) {
      ++out.unmatched;
      continue;
    }
    out.differences.push_back(*value - *match->second);
  }
  for (const auto& [key, value] : reference)
    if (!policy.contains(key)) ++out.unmatched;
  return out;
}

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::better: return "better";
    case Verdict::worse: return "worse";
    case Verdict::higher: return "higher";
    case Verdict::lower: return "lower";
    case Verdict::no_clear_difference: return "no clear difference";
    case Verdict::identical: return "identical";
    case Verdict::not_enough_data: return "not enough data";
  }
  return "?";
}

Verdict verdict_of(const Interval& difference, Direction direction) {
  if (difference.method == IntervalMethod::none) return Verdict::not_enough_data;
  if (!difference.excludes_zero()) return Verdict::no_clear_difference;
  const bool higher = difference.lower > 0;
  switch (direction) {
    case Direction::higher_is_better: return higher ? Verdict::better : Verdict::worse;
    case Direction::lower_is_better: return higher ? Verdict::worse : Verdict::better;
    case Direction::unknown: break;
  }
  return higher ? Verdict::higher : Verdict::lower;
}

std::optional<long> replications_needed(double sd, double target_half_width, double level, long limit) {
  if (!std::isfinite(sd) || !(target_half_width > 0)) return std::nullopt;
  if (sd == 0) return 2;
  // t > z for every n, so the normal-theory n is a lower bound; step up from it until the
  // t-based half-width meets the target.
  const double z = engine::standard_normal_quantile((1 + level) / 2);
  const double start = std::ceil(std::pow(z * sd / target_half_width, 2));
  if (start > static_cast<double>(limit)) return std::nullopt;
  for (long n = std::max(2L, static_cast<long>(start)); n <= limit; ++n)
    if (t_quantile(static_cast<double>(n - 1), (1 + level) / 2) * sd / std::sqrt(static_cast<double>(n)) <= target_half_width)
      return n;
  return std::nullopt;
}

}  // namespace campsim::analysis
