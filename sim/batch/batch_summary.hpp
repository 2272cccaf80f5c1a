#pragma once
// summary.md: a short summary of a finished batch, made from its files alone (batch.json,
// results.csv, care.csv), so `campsim batch` and `campsim merge` write the same bytes for the same
// batch. It is computed by the analysis library with `campsim compare`'s defaults (the same
// intervals, paired differences and verdicts, the same bootstrap streams), so the two never
// disagree: one statistics path. No wall-clock figures: those are printed, never written.
#include <filesystem>
#include <string>

namespace campsim::batch {

std::string batch_summary_markdown(const std::filesystem::path& batch_dir);

}  // namespace campsim::batch
