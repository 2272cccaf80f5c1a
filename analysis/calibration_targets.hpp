#pragma once
// The targets file of `campsim calibrate` (format in docs/calibration.md):
//
//   targets:
//     - metric: threats.casualties.killed     # a results.csv column (metrics.json flattened with '.'), or
//       sum_of: [a, b]                        # several columns added up run by run
//       per: year                             # run (default), day or year: the metric / days (x 365), or
//       per: incident                         # the metric / the run's count of incidents in
//       incidents: threats.by_kind.indirect_fire.incidents   # this column (runs without one give no value)
//       interval: [0, 3]                      # the record's range, or
//       value: 0.85                           # a single figure, optionally with
//       sd: 0.1                               # its uncertainty (for the implausibility), or
//       count: 1                              # events on record (per: year) in
//       over_years: 10                        # this many years: a Poisson likelihood (poisson_record.hpp)
//       role: calibration                     # required: calibration (fitted to) or validation
//                                             # (compared with only; calibrate refuses it)
//       source: "UN, MINUSMA fact sheet ..."  # required: where the number comes from
//       note: "peacekeepers killed inside the Gao camp by hostile acts, per year"
#include <filesystem>
#include <vector>

#include "analysis/calibration.hpp"

namespace campsim::analysis {

// Throws scenario::ScenarioError with every problem (file:line:col ...).
std::vector<CalibrationTarget> read_calibration_targets(const std::filesystem::path& file);

}  // namespace campsim::analysis
