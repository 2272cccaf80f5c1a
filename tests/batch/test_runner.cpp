// The TBB runner: jobs finish in any order on any number of threads, and the finished files are
// the same bytes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/batch/batch_directory.hpp"
#include "sim/batch/batch_manifest.hpp"
#include "sim/batch/batch_runner.hpp"
#include "tests/camp/small_camp.hpp"
#include "tests/support/scratch_files.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_batch_test_runner {

using namespace campsim;
using namespace campsim::batch;
namespace fs = std::filesystem;
using campsim::testing::slurp;


namespace {

BatchPlan small_plan() {
  camp::Scenario base = testing::small_camp(3, 30, 8);
  base.guards.shifts.relief_lateness = engine::Distribution::exponential(5 * engine::kMinute);
  camp::Scenario alt = base;
  alt.guards.shifts.length = 6 * engine::kHour;
  BatchPlan plan;
  plan.policies = {{"base", "", "", ""}, {"six_hours", "", "", ""}};
  plan.cells = {base, alt};
  plan.replications = 6;
  plan.seed = 3;
  return plan;
}

// Runs the whole plan into `dir` with `threads` threads (stopping after `stop_after` rows if not 0,
// then resuming); returns the finished results.csv.
std::string run_batch(const BatchPlan& plan, const fs::path& dir, int threads, std::size_t stop_after) {
  fs::remove_all(dir);
  const TableHeader header = probe_header(plan, threads);
  const nlohmann::ordered_json manifest = batch_manifest(plan, std::nullopt);
  const std::vector<JobKey> jobs = all_jobs(plan);
  const std::set<JobKey> expected(jobs.begin(), jobs.end());
  create_batch_directory(dir, manifest, results_header_line(plan, header), casualties_header_line(header), false);
  std::ostringstream quiet;
  for (int attempt = 0; attempt < 2; ++attempt) {
    ResultsFiles files(dir, {"base", "six_hours"});
    const std::set<JobKey> done = files.resume(results_header_line(plan, header), casualties_header_line(header), expected);
    std::vector<JobKey> pending;
    for (const JobKey& k : jobs)
      if (!done.count(k)) pending.push_back(k);
    Progress progress(jobs.size(), done.size(), quiet, false);
    RunnerOptions options;
    options.threads = threads;
    options.stop_after_rows = attempt == 0 ? stop_after : 0;
    const RunnerReport report = run_jobs(plan, header, pending, files, progress, options);
    if (!report.stopped) {
      finish_batch(dir, manifest, files, expected);
      break;
    }
    CHECK(report.written >= stop_after);
  }
  CHECK(directory_state(dir) == DirectoryState::Finished);
  return slurp(dir / kResultsFile);
}

}  // namespace

TEST_CASE("a batch gives the same bytes on 1 and 3 threads, and when stopped and resumed", "[batch][parallel]") {
  const BatchPlan plan = small_plan();
  const fs::path scratch = fs::temp_directory_path() / ("campsim-runner-" + std::to_string(::getpid()));
  const std::string one = run_batch(plan, scratch / "one", 1, 0);
  CHECK(std::count(one.begin(), one.end(), '\n') == 1 + 12);
  CHECK(run_batch(plan, scratch / "three", 3, 0) == one);
  CHECK(run_batch(plan, scratch / "stopped", 3, 5) == one);
  CHECK(slurp(scratch / "one" / kSummaryFile) == slurp(scratch / "three" / kSummaryFile));
  fs::remove_all(scratch);
}

}  // namespace unity_batch_test_runner
