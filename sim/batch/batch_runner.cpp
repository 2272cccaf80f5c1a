#include "sim/batch/batch_runner.hpp"

#include <chrono>
#include <mutex>
#include <thread>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include "sim/engine/tsan_annotations.hpp"

namespace campsim::batch {

RunnerReport run_jobs(const BatchPlan& plan, const TableHeader& header, const std::vector<JobKey>& pending,
                      ResultsFiles& files, Progress& progress, const RunnerOptions& options) {
  std::atomic<bool> local_stop{false};
  std::atomic<bool>& stop = options.stop ? *options.stop : local_stop;
  std::mutex writer;
  RunnerReport report;
  // libtbb is not instrumented: declare its before/after-the-loop edges to ThreadSanitizer, as
  // engine::Parallelism does (no-ops in other builds). Rows are shared only under `writer`.
  char loop_start = 0, loop_end = 0;
  engine::tsan_release(&loop_start);
  tbb::task_arena arena(options.threads);
  arena.execute([&] {
    // One job per task, handed out as threads free up: runs differ in length (attacks, designs).
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, pending.size(), 1),
        [&](const tbb::blocked_range<std::size_t>& range) {
          engine::tsan_acquire(&loop_start);
          for (std::size_t i = range.begin(); i != range.end(); ++i) {
            if (stop.load()) break;
            const JobRows rows = run_job(plan, header, pending[i]);
            std::lock_guard lock(writer);
            files.append(rows);
            ++report.written;
            progress.advance();
            if (options.stop_after_rows > 0 && report.written >= options.stop_after_rows) stop.store(true);
            if (options.row_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options.row_delay_ms));
          }
          engine::tsan_release(&loop_end);
        },
        tbb::simple_partitioner());
  });
  engine::tsan_acquire(&loop_end);
  files.commit();  // the rows held back (ResultsFiles::kCommitAfter): every run counted is on disk
  report.stopped = report.written < pending.size();
  return report;
}

}  // namespace campsim::batch
