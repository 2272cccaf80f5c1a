#pragma once
// What `campsim sensitivity` prints and writes: per output metric, the parameters ranked by
// importance (Morris mu*, or Sobol' total index) with their intervals, as a table on stdout and
// in DIR/report/report.md and report.html, the indices as tidy CSV (DIR/report/indices.csv), and
// a plot per metric (Morris: mu* against sigma; Sobol': first-order and total indices as bars).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/document.hpp"
#include "analysis/plots.hpp"
#include "analysis/sensitivity.hpp"

namespace campsim::analysis {

enum class SensitivityMethod { Morris, Sobol };
const char* to_string(SensitivityMethod method);

struct SensitivityParameter {
  std::string key;          // scenario key path
  std::string description;  // "uniform [0.5, 4] min"
};

struct MetricSensitivity {
  std::string metric;
  std::optional<MorrisResult> morris;
  std::optional<SobolResult> sobol;
  double output_mean = 0, output_sd = 0;  // over the sample's points (their replication means)
};

struct SensitivityStudy {
  SensitivityMethod method = SensitivityMethod::Morris;
  std::string scenario;
  std::vector<std::string> overrides;
  std::vector<SensitivityParameter> parameters;
  std::string sample_description;  // "10 trajectories of 4 levels (chosen from 100), seed 1: 60 points"
  int replications = 1;
  std::size_t points = 0;
  BootstrapSettings bootstrap;
  std::vector<MetricSensitivity> metrics;
  std::string command;  // the command that made it, for the record
};

// Parameters in order of importance for one metric: rank, parameter, the indices with intervals.
Table ranked_table(const SensitivityStudy& study, const MetricSensitivity& metric);

// metric,parameter,method,index,value,lower,upper (one row per index).
std::string indices_csv(const SensitivityStudy& study);

Document build_sensitivity_report(const SensitivityStudy& study, const PlotOutcome& plots);

struct WrittenSensitivityReport {
  std::filesystem::path directory;
  PlotOutcome plots;
};

// Writes DIR/report/ as a whole (replaced atomically).
WrittenSensitivityReport write_sensitivity_report(const std::filesystem::path& dir, const SensitivityStudy& study,
                                                  const PlotOptions& plots);

}  // namespace campsim::analysis
