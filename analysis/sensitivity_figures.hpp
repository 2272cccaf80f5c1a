#pragma once
// The sensitivity report's figures: per metric, Morris mu* against sigma (points numbered by rank,
// the numbers placed so they never overprint, the parameters listed beside the plot by number) or
// Sobol' indices as bars; axes in the metric's unit. A metric that did not vary over the sample
// gets no figure (every index is 0), only a note.
#include <string>
#include <variant>

#include "analysis/figure_files.hpp"
#include "analysis/sensitivity_report.hpp"

namespace campsim::analysis {

using FigureFilesOrNote = std::variant<FigureFiles, std::string>;

FigureFilesOrNote sensitivity_figure(const SensitivityStudy& study, const MetricSensitivity& metric);

// "died of wounds (medical.died_of_wounds)", or the name alone when the catalogue has no label.
std::string metric_title(const std::string& metric);

// What a change of the metric is measured in, for an axis: "deaths of wounds per run", "min",
// "share, 0 to 1"; the metric's name when the catalogue gives no unit.
std::string metric_unit_words(const std::string& metric);

}  // namespace campsim::analysis
