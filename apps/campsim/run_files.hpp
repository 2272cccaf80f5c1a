#pragma once
// What a run directory holds, written by `campsim run` and by `campsim view SCENARIO --out DIR`
// alike, so a run watched in the viewer leaves the same files as one not watched.
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "apps/campsim/options.hpp"
#include "sim/camp/camp_run.hpp"

namespace campsim::cli {

// `recording`: the name of the recording file in the directory, when there is one.
nlohmann::ordered_json run_manifest(const camp::LoadedScenario& loaded, const ScenarioOptions& scenario,
                                    const camp::RunOptions& run, double days, const std::optional<std::string>& recording);

// Writes manifest.json, metrics.json, events.jsonl, timeseries.csv, casualties.csv and care.csv
// into `dir` (the temporary directory of io::write_run_directory).
void write_run_files(const std::filesystem::path& dir, const nlohmann::ordered_json& manifest, const camp::RunResult& result);

// The default run directory: runs/<scenario name>-seed<S>.
std::filesystem::path default_run_dir(const camp::LoadedScenario& loaded, std::uint64_t seed);

}  // namespace campsim::cli
