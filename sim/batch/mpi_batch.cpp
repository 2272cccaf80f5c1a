#include "sim/batch/mpi_batch.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>

namespace campsim::batch {

namespace mpi = boost::mpi;

namespace {

constexpr int kReportTag = 1;  // worker -> coordinator: the rows of the last job (or none) and a request
constexpr int kAssignTag = 2;  // coordinator -> worker: the next job (JobSlot), or none to stop

// A job: its index into the plan's sorted keys, or none (in a report: nothing done yet; as an
// assignment: stop). On the wire as a flag and an index.
struct JobSlot {
  std::optional<std::size_t> index;

  template <class Archive>
  void serialize(Archive& archive, unsigned /*version*/) {
    bool some = index.has_value();
    std::uint64_t value = index.value_or(0);
    archive & some & value;  // saving reads them; loading fills them
    index = some ? std::optional<std::size_t>(static_cast<std::size_t>(value)) : std::nullopt;
  }
};

struct WorkerReport {
  JobSlot job;  // the job these rows are from
  std::string result_line;
  std::vector<std::string> casualty_lines;
  std::string error;  // the run failed: its message

  template <class Archive>
  void serialize(Archive& archive, unsigned /*version*/) {
    archive & job & result_line & casualty_lines & error;
  }
};

}  // namespace

struct MpiSession::State {
  mpi::environment environment{mpi::threading::single};
  mpi::communicator world;
};

MpiSession::MpiSession() : state_(std::make_unique<State>()) {}
MpiSession::~MpiSession() = default;

int MpiSession::rank() const { return state_->world.rank(); }
int MpiSession::size() const { return state_->world.size(); }

int MpiSession::broadcast(int value) const {
  mpi::broadcast(state_->world, value, 0);
  return value;
}

void MpiSession::broadcast(TableHeader& header) const {
  std::vector<std::string> names = header.metrics.names();
  mpi::broadcast(state_->world, names, 0);
  mpi::broadcast(state_->world, header.casualty_columns, 0);
  if (rank() != 0) {
    std::vector<MetricCell> cells;
    for (std::string& name : names) cells.push_back({std::move(name), std::nullopt});
    header.metrics = MetricColumns();
    header.metrics.add(cells);
  }
}

RunnerReport MpiSession::coordinate(const std::vector<JobKey>& all, const std::vector<std::size_t>& pending,
                                    ResultsFiles& files, Progress& progress, const RunnerOptions& options) const {
  const mpi::communicator& world = state_->world;
  std::atomic<bool> local_stop{false};
  std::atomic<bool>& stop = options.stop ? *options.stop : local_stop;
  RunnerReport report;
  std::optional<std::string> failure;
  std::size_t next = 0;
  int active = world.size() - 1;
  auto nap = std::chrono::microseconds(50);
  while (active > 0) {
    // A blocking receive spins a whole core in most MPI libraries, and the coordinator is idle
    // almost all the time: poll and nap instead (at most ~2 ms late, against runs of 10 ms or more),
    // so the coordinator's rank leaves its core to a worker.
    if (!world.iprobe(mpi::any_source, kReportTag)) {
      std::this_thread::sleep_for(nap);
      nap = std::min(nap * 2, std::chrono::microseconds(2000));
      continue;
    }
    nap = std::chrono::microseconds(50);
    WorkerReport done;
    const mpi::status status = world.recv(mpi::any_source, kReportTag, done);
    if (!done.error.empty()) {
      if (!failure) failure = "rank " + std::to_string(status.source()) + ": " + done.error;
    } else if (done.job.index && !failure) {
      try {
        files.append({all.at(*done.job.index), done.result_line, done.casualty_lines});
        ++report.written;
        progress.advance();
        if (options.stop_after_rows > 0 && report.written >= options.stop_after_rows) stop.store(true);
        if (options.row_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options.row_delay_ms));
      } catch (const std::exception& e) {
        failure = e.what();
      }
    }
    // Keep answering every worker even after a failure or a stop, so none is left waiting.
    JobSlot assign;
    if (!failure && !stop.load() && next < pending.size()) assign.index = pending[next++];
    world.send(status.source(), kAssignTag, assign);
    if (!assign.index) --active;
  }
  files.commit();  // the rows held back (ResultsFiles::kCommitAfter): every run counted is on disk
  if (failure) throw std::runtime_error(*failure);
  report.stopped = report.written < pending.size();
  return report;
}

void MpiSession::serve(const BatchPlan& plan, const TableHeader& header, const std::vector<JobKey>& all) const {
  const mpi::communicator& world = state_->world;
  WorkerReport report;
  for (;;) {
    world.send(0, kReportTag, report);
    JobSlot job;
    world.recv(0, kAssignTag, job);
    if (!job.index) return;
    report = WorkerReport{};
    report.job = job;
    try {
      JobRows rows = run_job(plan, header, all.at(*job.index));
      report.result_line = std::move(rows.result_line);
      report.casualty_lines = std::move(rows.casualty_lines);
    } catch (const std::exception& e) {
      report.error = e.what();
    }
  }
}

}  // namespace campsim::batch
