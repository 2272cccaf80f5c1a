#pragma once
// The calibration report's figure: one strip per target, in the target's own unit, with the record
// as a band (an interval, or a value with ± 2 sd; a point value as a line), every parameter set's
// simulated mean as a dot (grey: rejected, blue: kept, black diamond: the best set), so a reader
// sees at once which targets the kept sets meet and how far the rejected ones missed.
#include <string>
#include <variant>

#include "analysis/calibration_report.hpp"
#include "analysis/figure_files.hpp"

namespace campsim::analysis {

// A figure, or the sentence saying why there is none (no sets, no targets).
std::variant<FigureFiles, std::string> calibration_figure(const CalibrationStudy& study);

}  // namespace campsim::analysis
