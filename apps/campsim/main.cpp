// campsim: the command-line front end. Subcommands live in their own files; this one dispatches.
#include <iostream>
#include <string>
#include <vector>

#include "apps/campsim/command_guard.hpp"
#include "apps/campsim/commands.hpp"
#include "apps/campsim/options.hpp"
#include "apps/campsim/viewer_program.hpp"
#include "sim/version.hpp"
#include "sim/io/visible_text.hpp"

namespace {

constexpr const char* kUsage = R"(campsim - agent-based simulation of UN camp force protection (Gao, Mali)

Usage:
  campsim <command> [options]
  campsim <command> --help        options of one command
  campsim --version

Commands:
  run SCENARIO        run one replication and write a run directory
                      e.g.  campsim run scenarios/gao_baseline.yaml --days 30 --seed 7
  validate SCENARIO   check a scenario file and list every error, without running it
                      e.g.  campsim validate scenarios/gao_baseline.yaml \
                              --set guards.shifts.length=6h
  replay SCENARIO     run a scenario many times and print the distribution of what happened
                      e.g.  campsim replay scenarios/replay_2016-05-31_gao.yaml --replications 500
  batch SCENARIO      run a scenario and its policies (and a design of experiments) many times
                      into one results table; resumable, shardable, MPI-parallel
                      e.g.  campsim batch scenarios/gao_baseline.yaml \
                              --policies scenarios/policies/*.yaml \
                              --replications 40 --days 365 --threads 2
  compare BATCH_DIR   compare a batch's policies with the reference: intervals, paired differences,
                      verdicts; writes BATCH_DIR/report/ (report.md, report.html, plots)
                      e.g.  campsim compare batches/gao_baseline --metrics 'medical.*'
  view SCENARIO|RUN_DIR  watch a run live, play back a recorded run (campsim run --record), or draw
                      screenshots and frames off screen
                      e.g.  campsim view scenarios/gao_baseline.yaml --days 3
                            campsim view runs/replay --screenshot blast.png --at 20h46min
  merge OUT SHARD...  join the finished shards of a batch (--shard i/N) into one batch directory
                      e.g.  campsim merge batches/gao_baseline b0 b1
  dictionary SCENARIO every column of every file a run and a batch write: type, unit, meaning
                      e.g.  campsim dictionary scenarios/gao_baseline.yaml
  sensitivity SCENARIO  which uncertain parameters drive a result: Morris or Sobol' indices over a
                      sample of parameter sets run as a batch design; ranked tables and a report
                      e.g.  campsim sensitivity scenarios/gao_baseline.yaml --parameters p.yaml \
                              --metric medical.died_of_wounds
  params SCENARIO|DIR...  the parameter register: every parameter the readers read, with its
                      value, unit and origin (source, assumed, fitted); --check lists the gaps
                      e.g.  campsim params scenarios --check
  calibrate SCENARIO  keep the parameter sets whose runs match public-record targets (history
                      matching over an orthogonal design); writes the kept sets and a target table
                      e.g.  campsim calibrate scenarios/gao_baseline.yaml \
                              --targets analysis/calibration/targets.yaml \
                              --parameters analysis/calibration/parameters.yaml --days 365

Exit codes: 0 ok, 1 run failed, 2 bad input (command line or scenario).
Documentation: docs/user-guide.md, docs/batch.md, docs/analysis.md, docs/calibration.md,
               docs/scenario-reference.md, docs/provenance.md, docs/odd.md
)";

const std::vector<std::string> kCommands{"run",     "validate",   "replay",      "batch",     "compare",
                                         "view",    "merge",      "dictionary",  "sensitivity", "calibrate", "params"};

}  // namespace

int main(int argc, char** argv) {
  if (argc > 0 && argv[0] != nullptr && *argv[0] != '\0') campsim::cli::set_program_path(argv[0]);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return campsim::cli::kBadInput;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  return campsim::cli::run_guarded(command, [&]() -> int {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return campsim::cli::kOk;
    }
    if (command == "--version") {
      std::cout << "campsim " << campsim::kVersion << " (git " << campsim::kGitRevision << ")\n";
      return campsim::cli::kOk;
    }
    if (command == "run") return campsim::cli::run_command(args);
    if (command == "validate") return campsim::cli::validate_command(args);
    if (command == "replay") return campsim::cli::replay_command(args);
    if (command == "batch") return campsim::cli::batch_command(args);
    if (command == "merge") return campsim::cli::merge_command(args);
    if (command == "compare") return campsim::cli::compare_command(args);
    if (command == "dictionary") return campsim::cli::dictionary_command(args);
    if (command == "sensitivity") return campsim::cli::sensitivity_command(args);
    if (command == "calibrate") return campsim::cli::calibrate_command(args);
    if (command == "params") return campsim::cli::params_command(args);
    if (command == "view") {
#ifdef CAMPSIM_WITH_VIEWER
      return campsim::cli::exec_viewer(argv);
#else
      std::cerr << "campsim view: this campsim was built without the viewer (SFML 2.5 not found);\n"
                   "install libsfml-dev (scripts/setup.sh) and build again\n";
      return campsim::cli::kBadInput;
#endif
    }
    // A slip of the keyboard gets the command it was near, not 40 lines of help.
    std::cerr << "campsim: unknown command '" << campsim::io::visible(command) << "'";
    if (const auto near = campsim::cli::did_you_mean(command, kCommands)) std::cerr << "; did you mean '" << *near << "'?";
    std::cerr << "\nCommands:";
    for (const std::string& c : kCommands) std::cerr << " " << c;
    std::cerr << "\n(campsim --help says what each does)\n";
    return campsim::cli::kBadInput;
  });
}
