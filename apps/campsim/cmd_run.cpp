// campsim run: one replication of a scenario into a run directory, with a summary on stdout.
#include <unistd.h>

#include <iostream>
#include <limits>
#include <optional>

#include "apps/campsim/commands.hpp"
#include "sim/io/visible_text.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "apps/campsim/run_files.hpp"
#include "apps/campsim/summary.hpp"
#include "apps/campsim/world_feed.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/recording/recording.hpp"
#include "sim/io/run_directory.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

int run_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  std::string days_text, seed_text;  // parsed by limits.hpp: no silent wrap-around or fallback
  int threads = 1;
  std::string out;
  bool force = false, quiet = false, verbose = false, always_tick = false, record = false;
  po::options_description options;
  add_scenario_options(options, scenario);
  options.add_options()
      ("days", po::value<std::string>(&days_text), "simulated days, 30 or 30d or 12h (default: the scenario's duration)")
      ("seed", po::value<std::string>(&seed_text), "random seed (default: the scenario's seed); same seed, same output")
      ("threads", po::value<int>(&threads)->default_value(1), "worker threads; never changes the results")
      ("out", po::value<std::string>(&out), "run directory (default: runs/<scenario name>-seed<S>)")
      ("force", po::bool_switch(&force), "replace the run directory if it exists")
      ("quiet,q", po::bool_switch(&quiet), "print nothing but errors")
      ("verbose,v", po::bool_switch(&verbose), "also print the engine's counters (events, ticks, jumps)")
      ("always-tick", po::bool_switch(&always_tick),
       "advance second by second even when the camp is quiet (slow; same results, for checking)")
      ("record", po::bool_switch(&record),
       "also write DIR/recording.bin, every world snapshot of the run, to watch with: campsim view DIR");
  if (auto stop = parse_command_line(
          args, options, "campsim run SCENARIO [--days D] [--seed S] [--threads T] [--set KEY=VALUE]... [--out DIR]\n"
          "       [--force] [--record]",
          "Writes DIR/manifest.json (version, scenario hash, seed, every parameter), DIR/events.jsonl (one\n"
          "event per line), DIR/metrics.json, DIR/timeseries.csv, DIR/casualties.csv and DIR/care.csv (each\n"
          "casualty's path through the medical chain), and for a scenario with protests DIR/protests.csv (one\n"
          "row per protest: crowd, peak rung, force used, casualties, legitimacy; docs/protest.md), for a\n"
          "scenario with the hospital's external inflow on DIR/external.csv (one row per casualty from outside\n"
          "the camp: cause, triage, transport, care; docs/medical/chain.md), all at once\n"
          "when the run is complete; with --record also DIR/recording.bin (docs/recording.md).\n\n"
          "Examples:\n  campsim run scenarios/gao_baseline.yaml --days 30\n"
          "  campsim run scenarios/gao_baseline.yaml --seed 7 --set guards.shifts.length=12h --out runs/12h\n"
          "  campsim run scenarios/replay_2015-01-27_gao_protest_restrained.yaml --seed 3\n"
          "  campsim run scenarios/replay_2016-05-31_gao.yaml --record --out runs/replay \\\n"
          "      && campsim view runs/replay\n"))
    return *stop;
  RunNumbers numbers;
  if (const auto problem = run_numbers_problem(threads, days_text, seed_text, numbers)) {
    std::cerr << "campsim run: " << *problem << "\n";
    return kBadInput;
  }
  const std::optional<double> days = numbers.days;
  const std::optional<std::uint64_t> seed = numbers.seed;

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
  const fs::path run_dir = out.empty() ? default_run_dir(loaded, run.seed) : fs::path(out);
  if (const auto problem = io::output_path_problem(run_dir)) {
    std::cerr << "campsim run: cannot write the run directory " << io::visible(*problem) << "; nothing was run\n";
    return kBadInput;
  }
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

  // The recording is written beside the run directory while the run goes and moved into it with
  // the other files; the recorder only reads the snapshots it is handed.
  std::optional<fs::path> recording_file;
  std::optional<io::RecordingWriter> recorder;
  if (record) {
    const fs::path parent = fs::absolute(run_dir).parent_path();
    fs::create_directories(parent);
    recording_file = parent / (".recording-" + run_dir.filename().string() + "-" + std::to_string(::getpid()) + ".bin");
    recorder.emplace(*recording_file, recording_info(loaded, run));
    attach_world_observer(run, [&](camp::WorldSnapshot&& s) { recorder->write(std::move(s)); });
  }
  try {
    const camp::RunResult result = camp::run_scenario(loaded.scenario, run);
    if (recorder) recorder->finish();
    const double run_days = (run.duration > 0 ? run.duration : loaded.scenario.meta.duration) / engine::kDay;
    const auto manifest =
        run_manifest(loaded, scenario, run, run_days, record ? std::optional<std::string>("recording.bin") : std::nullopt);
    io::write_run_directory(run_dir, force, [&](const fs::path& dir) {
      write_run_files(dir, manifest, result);
      if (recording_file) fs::rename(*recording_file, dir / "recording.bin");
    });
    if (!quiet) print_run_summary(std::cout, loaded, result, run_dir, verbose);
  } catch (...) {
    if (recording_file) fs::remove(*recording_file);
    throw;
  }
  return kOk;
}

}  // namespace campsim::cli
