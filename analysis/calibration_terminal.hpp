#pragma once
// The best set's fit to each target as `campsim calibrate` prints it: within the terminal's
// width, whatever the targets are called. A target's note (and its metric, a sum of up to six
// columns) does not fit a column, so it heads its own lines, wrapped, and the numbers follow.
#include <string>

#include "analysis/calibration_report.hpp"

namespace campsim::analysis {

std::string terminal_target_table(const CalibrationStudy& study, std::size_t set, std::size_t width);

// The parameter table (parameter_table) without the report's code marks.
Table terminal_parameter_table(const CalibrationStudy& study);

}  // namespace campsim::analysis
