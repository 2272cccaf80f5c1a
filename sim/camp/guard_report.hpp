#pragma once
// Turns what the guard model measured into the metrics JSON of a run.
#include <nlohmann/json.hpp>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::camp {

nlohmann::ordered_json guard_metrics_json(const GuardModel& model, const GuardParams& params, SimTime duration);
nlohmann::ordered_json layout_metrics_json(const CampLayout& layout);

// The p-th quantile (0..1) of `values` by linear interpolation between order statistics (type 7,
// the default of R and numpy), so analysts get the figures their own tools would give.
double quantile_type7(std::vector<double> values, double p);

}  // namespace campsim::camp
