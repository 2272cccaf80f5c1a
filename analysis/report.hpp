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

// The metrics the headline shows: the key metrics (metric_catalogue.hpp) the comparison has,
// or, when it has none of them, its first eight metrics.
std::vector<std::string> headline_metrics(const Comparison& comparison);

// metric | policy | mean [CI] | difference vs reference [CI] | verdict, for one design point.
Table headline_table(const Comparison& comparison, int design_point);

Document build_report(const BatchTable& batch, const Comparison& comparison, const PlotOutcome& plots);

struct WrittenReport {
  std::filesystem::path directory;  // DIR/report
  PlotOutcome plots;
};

WrittenReport write_report(const BatchTable& batch, const Comparison& comparison, const PlotOptions& plots);

}  // namespace campsim::analysis
