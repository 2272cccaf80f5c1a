#pragma once
// A batch across MPI ranks (Boost.MPI), built only with CAMPSIM_WITH_MPI. Rank 0 is the
// coordinator: it owns the batch directory, hands out jobs one at a time to whichever worker
// asks (dynamic load balancing: runs differ in length), and writes the rows the workers send
// back. Workers run one job at a time and send the finished rows as text. Since rows are a pure
// function of (plan, key) and the finished files are sorted, the result is byte-identical to a
// single-process batch.
#include <atomic>
#include <memory>
#include <vector>

#include "sim/batch/batch_runner.hpp"
#include "sim/batch/job_rows.hpp"

namespace campsim::batch {

class MpiSession {
 public:
  MpiSession();  // initialises MPI (only construct under an MPI launcher)
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const;
  int size() const;

  // Collective: every rank calls it; rank 0's value is returned everywhere.
  int broadcast(int value) const;
  void broadcast(TableHeader& header) const;

  // Rank 0. `pending` indexes `all` (the plan's sorted keys). Returns when every worker has been
  // told to stop; rethrows a worker's or the writer's error after that.
  RunnerReport coordinate(const std::vector<JobKey>& all, const std::vector<std::size_t>& pending, ResultsFiles& files,
                          Progress& progress, const RunnerOptions& options) const;

  // Ranks > 0: ask for jobs, run them, send the rows, until told to stop.
  void serve(const BatchPlan& plan, const TableHeader& header, const std::vector<JobKey>& all) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace campsim::batch
