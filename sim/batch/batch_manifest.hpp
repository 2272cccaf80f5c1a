#pragma once
// batch.json: what a batch directory holds (docs/batch.md has the format), written when the
// batch starts so that `--resume` and `campsim merge` can check that the rows they add belong
// to the same batch.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/batch/batch_plan.hpp"

namespace campsim::batch {

inline constexpr const char* kManifestFile = "batch.json";
inline constexpr const char* kSummaryFile = "summary.md";  // written last: its presence means "finished"

nlohmann::ordered_json batch_manifest(const BatchPlan& plan, std::optional<Shard> shard);

// Nothing when `on_disk` describes the same batch as `wanted` (every field but git_revision, which
// only names the build); otherwise a sentence naming the first field that differs and both values.
std::optional<std::string> manifest_mismatch(const nlohmann::ordered_json& on_disk, const nlohmann::ordered_json& wanted);

}  // namespace campsim::batch
