#pragma once
// The comparison report: a headline table a planner can read at a glance (per policy, key
// metrics with confidence intervals, the paired difference from the reference and a verdict),
// full tables per metric group, the figures, and notes on method. Written as DIR/report/report.md
// and DIR/report/report.html (self-contained) with DIR/report/plots/.
//
// DIR/report/ is derived output that `campsim compare` can always recompute, so it is always
// replaced as a whole, atomically (written beside it, then renamed): no --force is needed, and
// a failed compare leaves the previous report untouched.
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/batch_table.hpp"
#include "analysis/comparison.hpp"
#include "analysis/document.hpp"
#include "analysis/plots.hpp"

namespace campsim::analysis {

// The metrics the headline (and the bottom line) shows, at most 12: the key metrics
// (metric_catalogue.hpp) the comparison has; then the other harm metrics of the catalogue
// (casualties of attacks, the protests' toll); then, with --metrics, every other selected metric
// whose better direction is known; or, when that leaves none, the first eight metrics.
// A metric with the same value in every run of every policy (protests.enabled in a batch without
// protests) is never shown: it says nothing about the policies.
std::vector<std::string> headline_metrics(const Comparison& comparison);

// True when every run of every policy and design point has the same value (or none) for `name`.
bool constant_metric(const Comparison& comparison, const std::string& name);

// metric | policy | mean [CI] | difference vs reference [CI] | verdict | basis | n, for one design point.
Table headline_table(const Comparison& comparison, int design_point);

// metric | best policy | its mean | change vs reference [CI] | also clearly better: per headline
// metric with a known direction, the policy with the largest improvement among those judged
// "better"; "none clearly better" otherwise.
Table best_policy_table(const Comparison& comparison, int design_point);

// "40 replications of 365 days per policy, 5 policies (200 runs), seed 1, common random numbers";
// a replay of one protest a run says "20 replications (one protest each) per policy" instead of
// naming no duration (each scenario's own).
std::string what_was_run(const BatchManifest& manifest, bool one_protest_each = false);

// "better", "identical in all 40 pairs", ...; and what the verdict rests on.
std::string verdict_text(const Difference& difference);
std::string verdict_basis(const Difference& difference);

// Metrics with the same value (or the same missing value) in every run of the batch.
std::vector<std::string> constant_metrics(const BatchTable& batch, const Comparison& comparison);

Document build_report(const BatchTable& batch, const Comparison& comparison, const PlotOutcome& plots);

struct WrittenReport {
  std::filesystem::path directory;  // DIR/report
  PlotOutcome plots;
};

WrittenReport write_report(const BatchTable& batch, const Comparison& comparison, const PlotOptions& plots);

}  // namespace campsim::analysis
