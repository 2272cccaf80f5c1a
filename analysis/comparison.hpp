#pragma once
// The comparison itself: for every selected metric, design point and policy, a summary and a
// confidence interval for the mean; for every policy but the reference, the paired differences
// (policy - reference, matched by design point and replication) with their interval, a verdict,
// and how many replications would pin each down to a target relative half-width.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/batch_table.hpp"
#include "analysis/metric_catalogue.hpp"
#include "analysis/paired_verdict.hpp"
#include "analysis/statistics.hpp"

namespace campsim::analysis {

// A comparison option that does not fit the batch (unknown reference, pattern matching nothing).
struct CompareError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

struct CompareOptions {
  double level = 0.95;                 // confidence level of every interval
  double target_rel_halfwidth = 0.1;   // replications needed for a half-width of 10% of the mean
  std::string reference;               // empty: the first policy of the manifest
  std::vector<std::string> metric_patterns;  // shell globs (medical.*); empty: every metric
  std::uint64_t seed = 1;              // keys the bootstrap resampling
  int resamples = 4000;                // bootstrap resamples
};

struct Estimate {
  Summary summary;
  Interval ci;
  std::string method_reason;                // why t or bootstrap (choose_interval_method)
  std::optional<long> replications_needed;  // half-width <= target_rel_halfwidth * |mean|
};

struct Difference {
  std::size_t pairs = 0, unmatched = 0;
  Summary summary;  // of policy - reference over the pairs
  Interval ci;
  std::string method_reason;
  Verdict verdict = Verdict::not_enough_data;
  std::string verdict_reason;               // judge_difference: why this verdict, in words
  SignCounts signs;                         // pairs where the policy is higher / lower / equal
  std::optional<double> sign_test_p;        // exact sign test, when few pairs differ
  std::optional<long> replications_needed;  // half-width <= target_rel_halfwidth * |reference mean|
};

struct PolicyResult {
  std::size_t policy = 0;  // index into Comparison::policies
  Estimate estimate;
  std::optional<Difference> vs_reference;  // absent for the reference itself
};

struct MetricResult {
  MetricInfo metric;
  int design_point = 0;
  std::vector<PolicyResult> policies;  // manifest order
};

struct Comparison {
  CompareOptions options;
  std::vector<std::string> policies;  // names (the results' `policy` column): what rows are matched by
  std::vector<std::string> labels;    // what tables, plots and sentences show: a policy's label or its name
  std::size_t reference = 0;
  std::vector<int> design_points;
  std::vector<std::string> metrics;             // selected, in results.csv order
  std::vector<std::string> key_metrics_absent;  // batch-format.md's key metrics this batch lacks
  std::vector<MetricResult> results;            // for each metric, for each design point
  std::optional<double> days;                   // simulated days per run (batch.json); absent: each scenario's own
  // Every run of the batch had exactly one protest (`protests.protests` is 1 in every row: a
  // replay of one demonstration), so a protest count per run is a count per protest.
  bool one_protest_each_run = false;

  const MetricResult* find(const std::string& metric, int design_point) const;
};

// Throws CompareError when the options do not fit the batch.
Comparison compare(const BatchTable& batch, const CompareOptions& options);

// Shell-style glob ('*', '?', '[...]') as used by --metrics.
bool metric_matches(const std::string& pattern, const std::string& metric);

}  // namespace campsim::analysis
