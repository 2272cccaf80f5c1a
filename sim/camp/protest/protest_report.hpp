#pragma once
// The protests' outcomes as metrics (one shape whatever happened, so every replication of a
// batch has the same columns) and as one table row per protest (protests.csv).
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/camp/protest/protest_model.hpp"
#include "sim/engine/record_table.hpp"

namespace campsim::camp::protest {

nlohmann::ordered_json protest_metrics_json(const ProtestParams& params, const ProtestModel* model);
engine::RecordTable protest_table(const ProtestModel& model);
// protests.csv's columns, in order (the data dictionary lists them without a protest to run).
const std::vector<std::string>& protest_table_columns();

}  // namespace campsim::camp::protest
