// campsim batch: many replications of a scenario and its policies (and design points) into one
// tidy results table, with common random numbers, resume, shards and MPI (docs/batch.md).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "sim/batch/batch_directory.hpp"
#include "sim/batch/batch_manifest.hpp"
#include "sim/batch/batch_runner.hpp"
#include "sim/batch/mpi_launch.hpp"
#include "sim/batch/plan_loader.hpp"
#include "sim/batch/row_checksums.hpp"
#include "sim/batch/stop_request.hpp"
#include "sim/io/durable.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/io/visible_text.hpp"
#ifdef CAMPSIM_HAVE_MPI
#include "sim/batch/mpi_batch.hpp"
#endif

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

constexpr int kGo = -1;             // preparation went well: run the jobs
constexpr int kNothingToDo = -2;    // --resume of a finished batch

// Ranks other than the coordinator would print every message again: they stay silent.
class SilenceOutput {
 public:
  explicit SilenceOutput(bool silent) {
    if (!silent) return;
    out_ = std::cout.rdbuf(nullptr);
    err_ = std::cerr.rdbuf(nullptr);
  }
  ~SilenceOutput() {
    if (out_ != nullptr || err_ != nullptr) {
      std::cout.clear();
      std::cerr.clear();
      std::cout.rdbuf(out_);
      std::cerr.rdbuf(err_);
    }
  }
  SilenceOutput(const SilenceOutput&) = delete;
  SilenceOutput& operator=(const SilenceOutput&) = delete;

 private:
  std::streambuf* out_ = nullptr;
  std::streambuf* err_ = nullptr;
};

std::size_t env_count(const char* name) {
  const char* value = std::getenv(name);
  return value ? static_cast<std::size_t>(std::strtoul(value, nullptr, 10)) : 0;
}

std::string shell_word(const std::string& word) {
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=:,+-") ==
                           std::string::npos)
    return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The command that continues this batch, as the user can paste it: the program as it was invoked
// (campsim is not on the PATH after the README's set-up, so "campsim" alone would not run), the
// same arguments, --force dropped (--resume and --force exclude each other, and --force would
// start again) and --resume added once.
std::string resume_command(const std::string& program, const std::vector<std::string>& args) {
  std::string command = shell_word(program) + " batch";
  for (const std::string& a : args)
    if (a != "--force" && a != "--resume") command += " " + shell_word(a);
  return command + " --resume";
}

struct Prepared {
  batch::TableHeader header;
  std::unique_ptr<batch::ResultsFiles> files;
  std::set<batch::JobKey> done;
  batch::DirectoryLock lock;  // held until the batch ends: one writer per directory
};

// The coordinator's half of starting: decide what the directory allows, probe the header, and
// create or tidy the files. Returns kGo, kNothingToDo or an exit code; nothing is written unless
// it returns kGo.
int prepare(const batch::BatchPlan& plan, const fs::path& dir, const nlohmann::ordered_json& manifest,
            const std::set<batch::JobKey>& expected, bool resume, bool force, int threads, Prepared& out) {
  const batch::DirectoryState state = batch::directory_state(dir);
  if (state == batch::DirectoryState::NotABatch) {
    std::cerr << "campsim batch: " << dir.string()
              << " exists and is not a batch directory (it has no batch.json); choose another --out\n";
    return kBadInput;
  }
  const bool exists = state != batch::DirectoryState::Absent;
  // First of all, before reading or replacing anything: is another campsim writing here?
  if (exists) out.lock = batch::DirectoryLock::acquire(dir);
  if (exists && !force && !resume) {
    std::cerr << "campsim batch: " << dir.string()
              << (state == batch::DirectoryState::Finished
                      ? " holds a finished batch (--resume would find nothing left to run; campsim compare reads it); "
                        "use --force to replace it, or --out to choose another directory\n"
                      : " holds an unfinished batch; add --resume to continue it, or --force to start again\n");
    return kBadInput;
  }
  const bool resuming = exists && resume && !force;
  if (resuming) {
    const nlohmann::ordered_json on_disk = batch::read_batch_manifest(dir);
    if (const auto why = batch::manifest_mismatch(on_disk, manifest)) {
      std::cerr << "campsim batch: cannot resume " << dir.string() << ": " << *why
                << ".\nRun the same command as before with --resume, or use --force to start again; nothing was changed\n";
      return kBadInput;
    }
    // Same inputs, another build: allowed (a rebuild need not change the model), but said aloud,
    // since rows from two builds are mixed if the model did change.
    if (on_disk.value("git_revision", "") != manifest.value("git_revision", ""))
      std::cerr << "campsim batch: note: " << dir.string() << " was started by git revision "
                << on_disk.value("git_revision", "?") << "; this is " << manifest.value("git_revision", "?") << "\n";
    if (state == batch::DirectoryState::Finished) {
      // Finished, but is it still what was written? Damaged rows are run again (the resume below
      // drops every row that differs from its sum); only then is the batch finished again.
      const auto damage = batch::integrity_problem(dir, on_disk, true);
      if (!damage) {
        std::cout << "campsim batch: " << dir.string() << " is already finished; nothing to do (see "
                  << (dir / batch::kSummaryFile).string() << ")\n";
        return kNothingToDo;
      }
      std::cerr << "campsim batch: " << io::visible_lines(*damage) << "\ncampsim batch: repairing " << dir.string()
                << ": the damaged runs are done again\n";
      fs::remove(dir / batch::kSummaryFile);
      io::sync_directory(dir);
    }
  } else if (resume && !exists) {
    std::cerr << "campsim batch: no batch in " << dir.string() << " yet; starting it\n";
  }

  out.header = batch::probe_header(plan, threads);
  const std::string results_header = batch::results_header_line(plan, out.header);
  const std::string casualties_header = batch::casualties_header_line(out.header);
  std::vector<std::string> names;
  for (const batch::PolicyInfo& p : plan.policies) names.push_back(p.name);
  out.files = std::make_unique<batch::ResultsFiles>(dir, names);
  if (!resuming) out.lock = batch::create_batch_directory(dir, manifest, results_header, casualties_header, exists && force);
  out.done = out.files->resume(results_header, casualties_header, expected, [&plan](const batch::JobKey& key) {
    std::vector<std::string> cells{std::to_string(plan.seed)};
    for (std::string& value : plan.factor_values(key.design_point)) cells.push_back(std::move(value));
    return cells;
  });
  for (const std::string& note : out.files->resume_notes()) std::cerr << "campsim batch: " << note << "\n";
  if (resuming) {
    // A report compared the rows there were; once more rows come it is stale. It is derived
    // output (campsim compare writes it again), so it goes rather than mislead.
    const fs::path report = dir / "report";
    std::error_code ec;
    if (fs::symlink_status(report, ec).type() == fs::file_type::directory && !io::not_replaceable(report)) {
      fs::remove_all(report, ec);
      std::cerr << "campsim batch: removed the report of the unfinished batch (" << report.string()
                << "); run campsim compare again when the batch is finished\n";
    }
  }
  if (resuming) std::cerr << "campsim batch: resuming " << dir.string() << ": " << out.done.size() << " of " << expected.size()
                          << " runs already done\n";
  return kGo;
}

}  // namespace

int batch_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  std::vector<std::string> policy_files;
  int replications = 0;
  std::string days_text, seed_text;  // parsed by limits.hpp: no silent wrap-around or fallback
  int threads = 1;
  std::string out, design_file, shard_text;
  bool resume = false, force = false, quiet = false;
  po::options_description options;
  add_scenario_options(options, scenario);
  options.add_options()
      ("policies", po::value<std::vector<std::string>>(&policy_files)->multitoken(),
       "policy scenario files (each `extends:` the scenario), compared with the scenario itself; put SCENARIO first")
      ("replications,n", po::value<int>(&replications)->required(), "replications per policy and design point")
      ("days", po::value<std::string>(&days_text), "simulated days per run, 365 or 365d or 12h (default: each scenario's duration)")
      ("seed", po::value<std::string>(&seed_text),
       "seed (default: the scenario's); replication r of EVERY policy uses (seed, r): common random numbers")
      ("threads", po::value<int>(&threads)->default_value(1), "runs at a time on this machine; never changes the results")
      ("out", po::value<std::string>(&out), "batch directory (default: batches/<scenario file stem>[-shard<i>of<N>])")
      ("resume", po::bool_switch(&resume), "continue an interrupted batch in --out (the same command otherwise)")
      ("force", po::bool_switch(&force), "replace an existing batch directory")
      ("design", po::value<std::string>(&design_file),
       "design of experiments YAML (full_factorial, lhs, nolh, decorrelated_lhs, table): every point runs every policy")
      ("shard", po::value<std::string>(&shard_text),
       "run only shard i of N (\"i/N\", 0 <= i < N) of the jobs; join the shards with `campsim merge`")
      ("quiet,q", po::bool_switch(&quiet), "print nothing but errors");
  if (auto stop = parse_command_line(
          args, options,
          "campsim batch SCENARIO [--policies P.yaml...] --replications R [--days D] [--seed S]\n"
          "       [--threads T] [--out DIR] [--resume] [--force] [--design FILE] [--shard i/N]\n"
          "       [--set KEY=VALUE]...",
          "Runs R replications of SCENARIO and of each policy (and of each design point, with --design)\n"
          "and writes DIR/batch.json (what was run), DIR/results.csv (one row per design point, policy and\n"
          "replication: every metric of the run), DIR/care.csv (each casualty's care, one row per casualty\n"
          "per run) and DIR/summary.md. Rows are written as runs finish: Ctrl-C stops cleanly, --resume\n"
          "continues. Under `mpirun -np K` rank 0 hands out the runs to the other ranks. Same command, same\n"
          "bytes: whatever --threads, shards, ranks or resumes.\n\n"
          "Examples:\n"
          "  campsim batch scenarios/gao_baseline.yaml --policies scenarios/gao_12h_shifts.yaml \\\n"
          "      --replications 40 --days 30 --threads 2\n"
          "  campsim batch scenarios/gao_baseline.yaml --replications 40 --days 30 --resume\n"
          "  campsim batch scenarios/gao_baseline.yaml --replications 10 --design shifts.yaml \\\n"
          "      --out batches/shifts\n"
          "  # two shards (run the second, 1/2 --out b1, elsewhere), then joined:\n"
          "  campsim batch scenarios/gao_baseline.yaml --replications 40 --shard 0/2 --out b0\n"
          "  campsim merge batches/all b0 b1\n"
          "  mpirun -np 8 campsim batch scenarios/gao_baseline.yaml --replications 400 --days 30\n"
          "Documentation: docs/batch.md\n"))
    return *stop;
  if (replications < 1) {
    std::cerr << "campsim batch: --replications must be at least 1\n";
    return kBadInput;
  }
  RunNumbers numbers;
  if (const auto problem = run_numbers_problem(threads, days_text, seed_text, numbers)) {
    std::cerr << "campsim batch: " << *problem << "\n";
    return kBadInput;
  }
  const std::optional<double> days = numbers.days;
  const std::optional<std::uint64_t> seed = numbers.seed;
  if (resume && force) {
    std::cerr << "campsim batch: --resume continues a batch and --force replaces it; give one of them\n";
    return kBadInput;
  }
  std::optional<batch::Shard> shard;
  if (!shard_text.empty()) {
    shard = batch::parse_shard(shard_text);
    if (!shard) {
      std::cerr << "campsim batch: --shard expects i/N with 0 <= i < N, like --shard 0/4; got '" << shard_text << "'\n";
      return kBadInput;
    }
  }
  const int launcher_size = batch::launcher_world_size();
  if (launcher_size > 1 && !batch::built_with_mpi()) {
    std::cerr << "campsim batch: started by an MPI launcher with " << launcher_size
              << " ranks, but this campsim was built without MPI (CAMPSIM_WITH_MPI, Boost.MPI); run it without mpirun\n";
    return kBadInput;
  }
#ifdef CAMPSIM_HAVE_MPI
  std::optional<batch::MpiSession> mpi;
  if (launcher_size > 1) mpi.emplace();
  const bool coordinator = !mpi || mpi->rank() == 0;
#else
  const bool coordinator = true;
#endif
  const SilenceOutput silence(!coordinator);

  batch::PlanRequest request;
  request.scenario_file = scenario.scenario;
  request.policy_files = policy_files;
  request.overrides = scenario.overrides;
  request.replications = replications;
  if (seed) request.seed = *seed;
  if (days) request.days = *days;
  batch::BatchPlan plan;
  try {
    if (!design_file.empty()) request.design = batch::read_design(design_file);
    plan = batch::load_plan(request);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << io::visible_lines(d.message()) << "\n";
    std::cerr << e.diagnostics().size() << " error(s) in the design file " << design_file << "; nothing was run\n";
    return kBadInput;
  } catch (const batch::BatchInputError& e) {
    std::cerr << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  }

  for (const camp::Scenario& cell : plan.cells)
    if (const auto too_many = attack_budget_problem(cell, plan.days ? *plan.days * engine::kDay : cell.meta.duration)) {
      std::cerr << "campsim batch: " << *too_many << "; nothing was run\n";
      return kBadInput;
    }

  const fs::path dir = !out.empty() ? fs::path(out)
                                    : fs::path("batches") / (fs::path(scenario.scenario).stem().string() +
                                                             (shard ? fmt::format("-shard{}of{}", shard->index, shard->count) : ""));
  if (const auto problem = io::output_path_problem(dir)) {
    std::cerr << "campsim batch: cannot write the batch directory " << io::visible(*problem) << "; nothing was run\n";
    return kBadInput;
  }
  const std::vector<batch::JobKey> all = batch::all_jobs(plan);
  const std::vector<batch::JobKey> mine = shard ? batch::shard_jobs(all, *shard) : all;
  const std::set<batch::JobKey> expected(mine.begin(), mine.end());
  const nlohmann::ordered_json manifest = batch::batch_manifest(plan, shard);

  Prepared prepared;
  int status = kGo;
  if (coordinator) {
    try {
      status = prepare(plan, dir, manifest, expected, resume, force, threads, prepared);
    } catch (const batch::BatchInputError& e) {
      std::cerr << "campsim batch: " << io::visible_lines(e.what()) << "\n";
      status = kBadInput;
    } catch (const batch::DirectoryBusy& e) {
      std::cerr << "campsim batch: " << e.what() << "\n";
      status = kBadInput;
    } catch (const io::OutputExists& e) {  // --force onto something campsim did not write
      std::cerr << "campsim batch: " << io::visible_lines(e.what()) << "\n";
      status = kBadInput;
    } catch (const std::exception& e) {
      std::cerr << "campsim batch: " << io::visible_lines(e.what()) << "\n";
      status = kFailure;
    }
  }
#ifdef CAMPSIM_HAVE_MPI
  if (mpi) status = mpi->broadcast(status);
#endif
  if (status == kNothingToDo) return kOk;
  if (status != kGo) return status;
#ifdef CAMPSIM_HAVE_MPI
  if (mpi) {
    mpi->broadcast(prepared.header);
    if (!coordinator) {
      batch::install_stop_handlers();  // the coordinator decides when to stop; a signal must not kill a worker mid-run
      mpi->serve(plan, prepared.header, all);
      return kOk;
    }
  }
#endif

  std::vector<batch::JobKey> pending;
  std::vector<std::size_t> pending_index;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (expected.count(all[i]) && !prepared.done.count(all[i])) {
      pending.push_back(all[i]);
      pending_index.push_back(i);
    }
  batch::install_stop_handlers();
  batch::RunnerOptions runner;
  runner.threads = threads;
  runner.stop = &batch::stop_requested();
  runner.stop_after_rows = env_count("CAMPSIM_BATCH_STOP_AFTER_ROWS");
  runner.row_delay_ms = static_cast<int>(env_count("CAMPSIM_BATCH_ROW_DELAY_MS"));
  std::ostream null_stream(nullptr);
  batch::Progress progress(expected.size(), prepared.done.size(), quiet ? null_stream : std::cerr,
                           !quiet && ::isatty(STDERR_FILENO) != 0);
  batch::RunnerReport report;
#ifdef CAMPSIM_HAVE_MPI
  if (mpi)
    report = mpi->coordinate(all, pending_index, *prepared.files, progress, runner);
  else
#endif
    report = batch::run_jobs(plan, prepared.header, pending, *prepared.files, progress, runner);
  progress.finish();

  if (report.stopped) {
    std::cerr << fmt::format("campsim batch: stopped after {} of {} runs; {} holds every finished run.\nTo continue:\n  {}\n",
                             prepared.done.size() + report.written, expected.size(), dir.string(), resume_command(program_path(), args));
    return kFailure;
  }
  batch::finish_batch(dir, manifest, *prepared.files, expected);
  if (!quiet) {
    const double seconds = progress.elapsed_seconds();
    fmt::print(std::cout, "campsim batch: {} in {:.1f} s ({:.1f} runs/s, {}); {} x {} x {}{}\n",
               plural(report.written, "run", "runs"), seconds, progress.runs_per_second(),
#ifdef CAMPSIM_HAVE_MPI
               mpi ? plural(static_cast<std::size_t>(mpi->size()), "MPI rank", "MPI ranks") :
#endif
                   plural(static_cast<std::size_t>(threads), "thread", "threads"),
               plural(plan.policies.size(), "policy", "policies"),
               plural(static_cast<std::size_t>(plan.design_points()), "design point", "design points"),
               plural(static_cast<std::size_t>(plan.replications), "replication", "replications"),
               shard ? fmt::format(", shard {} of {}", shard->index, shard->count) : "");
    fmt::print(std::cout, "  results    {} ({})\n  care       {}\n  summary    {}\n", (dir / batch::kResultsFile).string(),
               plural(expected.size(), "row", "rows"), (dir / batch::kCareFile).string(),
               (dir / batch::kSummaryFile).string());
  }
  return kOk;
}

}  // namespace campsim::cli
