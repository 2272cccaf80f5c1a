// campsim run: one replication of a scenario into a run directory, with a summary on stdout.
#include <iostream>
#include <limits>
#include <sstream>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "apps/campsim/summary.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/camp/threats/threat_report.hpp"
#include "sim/engine/record_table.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/version.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

nlohmann::ordered_json manifest(const camp::LoadedScenario& loaded, const ScenarioOptions& scenario,
                                const camp::RunOptions& run, double days) {
  // Thread count and wall time are left out on purpose: they never change the results, and
  // leaving them out keeps the whole directory byte-identical across thread counts.
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
          {"files",
           {{"events", "events.jsonl"}, {"metrics", "metrics.json"}, {"time_series", "timeseries.csv"},
            {"casualties", "casualties.csv"}, {"care", "care.csv"}}},
          {"parameters", loaded.resolved}};
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  std::string days_text, seed_text;  // parsed by limits.hpp: no silent wrap-around or fallback
  int threads = 1;
  std::string out;
  bool force = false, quiet = false, always_tick = false;
  po::options_description options;
  add_scenario_options(options, scenario);
  options.add_options()
      ("days", po::value<std::string>(&days_text), "simulated days (default: the scenario's duration)")
      ("seed", po::value<std::string>(&seed_text), "random seed (default: the scenario's seed); same seed, same output")
      ("threads", po::value<int>(&threads)->default_value(1), "worker threads; never changes the results")
      ("out", po::value<std::string>(&out), "run directory (default: runs/<scenario name>-seed<S>)")
      ("force", po::bool_switch(&force), "replace the run directory if it exists")
      ("quiet,q", po::bool_switch(&quiet), "print nothing but errors")
      ("always-tick", po::bool_switch(&always_tick),
       "advance second by second even when the camp is quiet (slow; same results, for checking)");
  if (auto stop = parse_command_line(
          args, options, "campsim run SCENARIO [--days D] [--seed S] [--threads T] [--set KEY=VALUE]... [--out DIR] [--force]",
          "Writes DIR/manifest.json (version, scenario hash, seed, every parameter), DIR/events.jsonl (one\n"
          "event per line), DIR/metrics.json, DIR/timeseries.csv, DIR/casualties.csv and DIR/care.csv (each\n"
          "casualty's path through the medical chain), all at once when the run is complete.\n\n"
          "Examples:\n  campsim run scenarios/gao_baseline.yaml --days 30\n"
          "  campsim run scenarios/gao_baseline.yaml --seed 7 --set guards.shifts.length=12h --out runs/12h\n"))
    return *stop;
  if (const auto problem = threads_problem(threads)) {
    std::cerr << "campsim run: " << *problem << "\n";
    return kBadInput;
  }
  std::string problem;
  std::optional<double> days;
  std::optional<std::uint64_t> seed;
  if (!days_text.empty() && !(days = parse_days(days_text, problem))) {
    std::cerr << "campsim run: " << problem << "\n";
    return kBadInput;
  }
  if (!seed_text.empty() && !(seed = parse_seed(seed_text, problem))) {
    std::cerr << "campsim run: " << problem << "\n";
    return kBadInput;
  }

  std::optional<camp::LoadedScenario> loaded_or_not = load_or_report(scenario);
  if (!loaded_or_not) return kBadInput;
  const camp::LoadedScenario& loaded = *loaded_or_not;

  camp::RunOptions run;
  run.seed = seed ? *seed : static_cast<std::uint64_t>(loaded.scenario.meta.seed);
  run.threads = threads;
  run.duration = days ? *days * engine::kDay : 0;
  run.always_tick = always_tick;
  if (const auto too_many = attack_budget_problem(loaded.scenario, days ? *days * engine::kDay : loaded.scenario.meta.duration)) {
    std::cerr << "campsim run: " << *too_many << "; nothing was run\n";
    return kBadInput;
  }
  // The scenario's name is text, not a path: "../../x" or "/tmp/x" must not pick the folder.
  const fs::path run_dir =
      out.empty() ? fs::path("runs") / io::path_component(loaded.scenario.meta.name + "-seed" + std::to_string(run.seed))
                  : fs::path(out);
  if (fs::symlink_status(run_dir).type() != fs::file_type::not_found) {
    if (!force) {
      std::cerr << "campsim run: output directory " << run_dir.string()
                << " already exists; use --force to replace it or --out to choose another\n";
      return kBadInput;
    }
    if (const auto why = io::not_replaceable(run_dir)) {
      std::cerr << "campsim run: --force replaces only a run directory campsim wrote, and " << *why << "; nothing was changed\n";
      return kBadInput;
    }
  }

  const camp::RunResult result = camp::run_scenario(loaded.scenario, run);
  const double run_days = (run.duration > 0 ? run.duration : loaded.scenario.meta.duration) / engine::kDay;
  io::write_run_directory(run_dir, force, [&](const fs::path& dir) {
    io::write_text_file(dir / "manifest.json", manifest(loaded, scenario, run, run_days).dump(2) + "\n");
    io::write_text_file(dir / "metrics.json", result.metrics.dump(2) + "\n");
    std::ostringstream events, series;
    result.events.write_jsonl(events);
    result.series.write_csv(series);
    io::write_text_file(dir / "events.jsonl", events.str());
    io::write_text_file(dir / "timeseries.csv", series.str());
    std::ostringstream casualties;
    camp::write_casualties_csv(casualties, result.casualties);
    io::write_text_file(dir / "casualties.csv", casualties.str());
    std::ostringstream care;
    engine::write_csv(care, result.care_records);
    io::write_text_file(dir / "care.csv", care.str());
  });
  if (!quiet) print_run_summary(std::cout, loaded, result, run_dir);
  return kOk;
}

}  // namespace campsim::cli
