#pragma once
// summary.md: a short human summary of a finished batch, made from its files alone (batch.json
// and results.csv), so `campsim batch` and `campsim merge` write the same bytes for the same
// batch. No wall-clock figures: those are printed, never written.
#include <string>

#include <nlohmann/json.hpp>

#include "sim/batch/table_lines.hpp"

namespace campsim::batch {

std::string batch_summary_markdown(const nlohmann::ordered_json& manifest, const TableText& results,
                                   std::size_t casualty_rows);

}  // namespace campsim::batch
