#pragma once
// What the report knows about a metric column: a readable label, its unit, whether higher is
// better, and whether it is a share (0..1, shown as a percentage). Unknown columns get their own
// name, no unit and an unknown direction, so their verdicts say "higher"/"lower", never
// "better"/"worse": the analysis does not guess what a planner wants more of.
#include <string>
#include <vector>

#include "analysis/statistics.hpp"

namespace campsim::analysis {

struct MetricInfo {
  std::string name;   // the results.csv column, e.g. medical.compliance.surgery_2h
  std::string label;  // e.g. "surgery within 2 h"
  std::string unit;   // as displayed: "%" for shares, "min", "per run", or ""
  Direction direction = Direction::unknown;
  bool share = false;  // values are 0..1; displayed x100 with unit "%"
  std::string phrase;  // the metric in a sentence, e.g. "the approval delay"; the name when unknown
  // A mean over a run's casualties (a *_mean_* column): the comparison averages one value per run,
  // so a run with 3 casualties weighs as much as one with 30; sentences must say so, since
  // pooling every casualty gives a different number.
  bool mean_of_run_means = false;
  std::string pooled_over;  // what a mean within a run is over: "casualties", "incidents", "protests"
  std::string group() const;  // the first component of the name: guards, threats, medical
  // A share, a count per run or a time in minutes: no run can give less than 0, so neither can
  // the mean (its interval is cut there). Unknown units promise nothing.
  bool cannot_be_negative() const { return share || unit == "per run" || unit == "min"; }
};

MetricInfo describe_metric(const std::string& name);

// The metrics the headline table shows first when the batch has them (batch-format.md).
const std::vector<std::string>& key_metrics();
// The other metrics with a catalogued meaning that the headline shows when a batch varies them
// (the harm of attacks beyond deaths, the protests' toll).
const std::vector<std::string>& other_headline_metrics();
// Deaths and 10-1-2 compliance, used by the plots.
inline constexpr const char* kDiedOfWounds = "medical.died_of_wounds";
const std::vector<std::string>& compliance_metrics();

}  // namespace campsim::analysis
