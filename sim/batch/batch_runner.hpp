#pragma once
// Runs a batch's pending jobs in this process: `threads` jobs at a time on a TBB arena (each run
// single-threaded inside), rows written by one writer under a mutex as jobs finish, in whatever
// order they finish. The final sort (ResultsFiles::finish_sorted) makes the bytes independent of
// that order.
#include <atomic>
#include <cstddef>
#include <vector>

#include "sim/batch/job_rows.hpp"
#include "sim/batch/progress.hpp"
#include "sim/batch/results_file.hpp"

namespace campsim::batch {

struct RunnerOptions {
  int threads = 1;
  std::atomic<bool>* stop = nullptr;  // set: take no new job (running ones still finish and are written)
  std::size_t stop_after_rows = 0;    // test hook: act as if stopped once this many rows are written (0: never)
  int row_delay_ms = 0;               // test hook: sleep after each row, so a test can kill a batch midway
};

struct RunnerReport {
  std::size_t written = 0;
  bool stopped = false;  // some jobs were left for a --resume
};

RunnerReport run_jobs(const BatchPlan& plan, const TableHeader& header, const std::vector<JobKey>& pending,
                      ResultsFiles& files, Progress& progress, const RunnerOptions& options);

}  // namespace campsim::batch
