#pragma once
// What `campsim calibrate` writes: DIR/report/calibration.md (and .html) with the target table
// (target / source / simulated mean / 90% band / inside?) for the best set, the kept sets and the
// range each parameter keeps; DIR/report/sets.csv (every set: its values, each target's mean,
// band and implausibility, kept or not); DIR/report/best.txt (the best set as --set lines).
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/calibration.hpp"
#include "analysis/document.hpp"
#include "analysis/plots.hpp"

namespace campsim::analysis {

struct CalibrationStudy {
  std::string scenario;
  std::vector<std::string> overrides;
  std::vector<std::string> parameter_keys;
  std::vector<std::string> parameter_descriptions;
  std::vector<std::vector<std::string>> set_values;  // [set][parameter] as --set texts
  std::vector<std::vector<double>> set_numbers;      // [set][parameter] as numbers (for ranges)
  std::vector<CalibrationTarget> targets;
  std::vector<SetFit> fits;                          // [set]
  KeepRule rule = KeepRule::Band;
  double cutoff = 3;
  int replications = 1;
  double days = 0;
  std::string design_description;
  std::string command;
  // The kept sets as a table design file (`campsim batch --design`), so that policies can be
  // compared over the calibrated parameter sets themselves; empty when none was kept.
  std::string kept_design_yaml;
};

// target | per | record | source | simulated mean | 90% band | implausibility | inside? | runs (with a
// value: per incident, those with an incident of the kind) for one set.
Table target_table(const CalibrationStudy& study, std::size_t set);
// parameter | range searched | kept range (min..max over kept sets) | best set.
Table parameter_table(const CalibrationStudy& study);
std::string sets_csv(const CalibrationStudy& study);
// `plots`: the figure (calibration_figure.hpp) drawn, or why not; shown after the target table.
Document build_calibration_report(const CalibrationStudy& study, const PlotOutcome& plots = {});

// Writes DIR/report/ as a whole (replaced atomically), the figure in DIR/report/plots/; returns its path.
std::filesystem::path write_calibration_report(const std::filesystem::path& dir, const CalibrationStudy& study,
                                               const PlotOptions& plots = {});

}  // namespace campsim::analysis
