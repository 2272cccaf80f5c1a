#include "apps/campsim/run_files.hpp"

#include <sstream>

#include "sim/camp/threats/threat_report.hpp"
#include "sim/engine/record_table.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/version.hpp"

namespace campsim::cli {

nlohmann::ordered_json run_manifest(const camp::LoadedScenario& loaded, const ScenarioOptions& scenario,
                                    const camp::RunOptions& run, double days, const std::optional<std::string>& recording) {
  // Thread count and wall time are left out on purpose: they never change the results, and
  // leaving them out keeps the whole directory byte-identical across thread counts.
  nlohmann::ordered_json files = {{"events", "events.jsonl"}, {"metrics", "metrics.json"}, {"time_series", "timeseries.csv"},
                                  {"casualties", "casualties.csv"}, {"care", "care.csv"}};
  if (recording) files["recording"] = *recording;
  // Casualties from outside the camp, one row each, with their cause (medical.external).
  if (loaded.scenario.medical.enabled && loaded.scenario.medical.external.enabled) files["external"] = "external.csv";
  return {{"schema", "campsim.run/1"},
          {"campsim_version", kVersion},
          {"git_revision", kGitRevision},
          {"scenario_file", scenario.scenario},
          {"scenario_name", loaded.scenario.meta.name},
          {"scenario_hash", loaded.hash},
          {"seed", run.seed},
          {"replication", run.replication},
          {"days", days},
          {"overrides", scenario.overrides},
          {"files", files},
          {"parameters", loaded.resolved}};
}

void write_run_files(const std::filesystem::path& dir, const nlohmann::ordered_json& manifest, const camp::RunResult& result) {
  io::write_run_file(dir / "manifest.json", manifest.dump(2) + "\n");
  io::write_run_file(dir / "metrics.json", result.metrics.dump(2) + "\n");
  std::ostringstream events, series;
  result.events.write_jsonl(events);
  result.series.write_csv(series);
  io::write_run_file(dir / "events.jsonl", events.str());
  io::write_run_file(dir / "timeseries.csv", series.str());
  std::ostringstream casualties;
  camp::write_casualties_csv(casualties, result.casualties);
  io::write_run_file(dir / "casualties.csv", casualties.str());
  std::ostringstream care;
  engine::write_csv(care, result.care_records);
  io::write_run_file(dir / "care.csv", care.str());
  // One row per casualty from outside the camp, for scenarios with the external inflow on.
  if (!result.external_records.columns.empty()) {
    std::ostringstream external;
    engine::write_csv(external, result.external_records);
    io::write_run_file(dir / "external.csv", external.str());
  }
  // One row per protest, for scenarios with protests (docs/protest.md, "Outputs").
  if (!result.protest_records.columns.empty()) {
    std::ostringstream protests;
    engine::write_csv(protests, result.protest_records);
    io::write_run_file(dir / "protests.csv", protests.str());
  }
}

std::filesystem::path default_run_dir(const camp::LoadedScenario& loaded, std::uint64_t seed) {
  // The scenario's name is text, not a path: "../../x" or "/tmp/x" must not pick the folder.
  return std::filesystem::path("runs") / io::path_component(loaded.scenario.meta.name + "-seed" + std::to_string(seed));
}

}  // namespace campsim::cli
