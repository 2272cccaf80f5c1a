#pragma once
// Turns what the guard model measured into the metrics JSON of a run.
#include <nlohmann/json.hpp>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::camp {

// With `hourly_profiles` false, the vigilance by hour (the only arrays) is left out.
nlohmann::ordered_json guard_metrics_json(const GuardModel& model, const GuardParams& params, SimTime duration,
                                          bool hourly_profiles = true);
nlohmann::ordered_json layout_metrics_json(const CampLayout& layout);

}  // namespace campsim::camp
