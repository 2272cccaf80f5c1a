#pragma once
// Turns incidents and casualties into the run's metrics and a casualties table.
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"

namespace campsim::camp {

// Incidents by kind with detection share and response times; casualties by cause, triage and
// contingent (every one of `known_contingents`, plus any other a casualty belongs to).
nlohmann::ordered_json threat_metrics_json(const std::vector<Incident>& incidents, const std::vector<Casualty>& casualties,
                                           const std::vector<std::string>& known_contingents);

// One row per casualty: id, incident, t_s, x_m, y_m, cause, triage, contingent, inside_camp.
void write_casualties_csv(std::ostream& out, const std::vector<Casualty>& casualties);

}  // namespace campsim::camp
