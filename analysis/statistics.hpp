#pragma once
// The statistics of a policy comparison: summaries of a sample with missing values, confidence
// intervals for a mean (Student t, and bootstrap BCa with deterministic Philox resampling), paired
// differences matched by (design point, replication), verdicts, and replications needed for a
// target precision. Every formula is written out in docs/analysis.md.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/engine/random.hpp"
#include "sim/stats/sample_statistics.hpp"

namespace campsim::analysis {

// One value per replication; std::nullopt is a missing value (an empty CSV cell: e.g. a mean
// over zero casualties). Missing values are left out of every statistic and counted.
using Sample = std::vector<std::optional<double>>;

// Summary of the present values. Fields that need more values than there are are NaN
// (mean, median, p90, min, max need n >= 1; sd needs n >= 2).
struct Summary {
  std::size_t n = 0, n_missing = 0;
  double mean = 0, sd = 0, median = 0, p90 = 0, min = 0, max = 0;
};

Summary summarize(const Sample& sample);
Summary summarize(const std::vector<double>& values);  // no missing values

std::vector<double> present_values(const Sample& sample);

// Quantile of type 7 (R's default, NumPy's "linear"): the one definition, sim/stats.
using stats::quantile_type7;

// Sample skewness g1 = m3 / m2^1.5 (moment form). 0 when every value is the same or n < 3.
double skewness(const std::vector<double>& values);

// The quantile of Student's t with `df` degrees of freedom at probability p (Boost.Math, in
// double precision so the bytes do not depend on the platform's long double).
double t_quantile(double df, double p);

enum class IntervalMethod { none, t, bootstrap_bca };
const char* to_string(IntervalMethod method);

struct Interval {
  double lower = 0, upper = 0;
  IntervalMethod method = IntervalMethod::none;  // none: too few values for any interval
  double half_width() const { return (upper - lower) / 2; }
  bool excludes_zero() const { return method != IntervalMethod::none && (lower > 0 || upper < 0); }
};

// mean +- t_{(1+level)/2, n-1} * s / sqrt(n). Needs n >= 2; otherwise method none.
Interval t_interval(const std::vector<double>& values, double level);

// The interval cut to the values the quantity can take: a share's mean lies in 0..1, a difference
// of two shares in -1..1. The true value always lies there, so cutting never lowers the coverage;
// it only drops what no value can reach (a t interval on 8 runs of a share of 67% reaches 106%).
// An interval of method none is returned as it is.
Interval cut_to_range(const Interval& ci, double lowest, double highest);

// Where bootstrap resamples come from: a Philox stream per (seed, what is being estimated), so
// the same batch and seed give the same interval on every machine and thread count.
struct BootstrapKey {
  std::uint64_t seed = 1;
  std::uint64_t subject = 0;  // e.g. purpose_tag("medical.died_of_wounds|dp0|policy")
};

// Bias-corrected and accelerated (BCa) bootstrap interval for the mean, from `resamples`
// resamples drawn with replacement. BCa rather than plain percentile because it corrects for
// the skewness that made us leave the t interval in the first place (Efron & Tibshirani 1993,
// ch. 14). Needs n >= 2; when every value is the same the interval is that value.
Interval bootstrap_interval(const std::vector<double>& values, double level, const BootstrapKey& key,
                            int resamples = 4000);

// What kind of quantity a metric is, which decides the interval and the verdict's direction.
enum class Direction { unknown, higher_is_better, lower_is_better };

struct IntervalChoice {
  IntervalMethod method = IntervalMethod::none;
  std::string reason;  // a few words for the report, e.g. "skewness 1.8"
};

// The rule (docs/analysis.md, "t or bootstrap"):
//   n < 2                                   -> no interval;
//   n < kMinBootstrapN                      -> t (too few values to resample meaningfully);
//   every value equal                       -> t (a zero-width interval either way);
//   a share (0..1) with mean < 0.1 or > 0.9 -> bootstrap (t would cross the bound 0 or 1);
//   |skewness| >= 1                         -> bootstrap (t's coverage error grows with skew);
//   otherwise                               -> t.
inline constexpr std::size_t kMinBootstrapN = 10;
// A share (0..1) whose mean lies below the first or above the second is near its bound: its t
// interval could reach past it, so it is bootstrapped.
inline constexpr double kShareNearZero = 0.1, kShareNearOne = 0.9;
// "Replications needed" beyond this is reported as n/a.
inline constexpr long kMostReplicationsNeeded = 1000000;
IntervalChoice choose_interval_method(const std::vector<double>& values, bool is_share);

// The interval of a chosen method (none gives no interval).
Interval interval_by(IntervalMethod method, const std::vector<double>& values, double level, const BootstrapKey& key,
                     int resamples = 4000);

// The interval the rule chooses.
Interval confidence_interval(const std::vector<double>& values, double level, bool is_share,
                             const BootstrapKey& key, int resamples = 4000);

// Replications are matched by (design point, replication): common random numbers make the
// reference and the policy see the same attacks, so the differences vary less than either.
using ReplicationKey = std::pair<int, int>;  // (design_point, replication)
using KeyedSample = std::map<ReplicationKey, std::optional<double>>;

struct PairedDifferences {
  std::vector<double> differences;  // policy - reference, in key order
  std::size_t unmatched = 0;        // keys where either value is missing or absent
};

PairedDifferences paired_differences(const KeyedSample& policy, const KeyedSample& reference);

// identical: every pair has the same value (the policy changed nothing this batch can see).
enum class Verdict { better, worse, higher, lower, no_clear_difference, identical, not_enough_data };
const char* to_string(Verdict verdict);

// "better"/"worse" (or "higher"/"lower" when the direction is unknown) only when the interval
// of the difference (policy - reference) excludes zero; otherwise "no clear difference".
Verdict verdict_of(const Interval& difference, Direction direction);

// The smallest n >= 2 with t_{(1+level)/2, n-1} * sd / sqrt(n) <= target_half_width, found by
// iterating n; nothing if sd is NaN, the target is not positive, or n would exceed `limit`.
std::optional<long> replications_needed(double sd, double target_half_width, double level, long limit = kMostReplicationsNeeded);

}  // namespace campsim::analysis
