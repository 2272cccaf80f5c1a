#pragma once
// One job's run turned into the text of its rows (results.csv and care.csv), and the
// headers of those files. The text is a pure function of the plan and the key, so it can be
// made on any thread or MPI rank and written by one writer, and a finished batch has the same
// bytes however it was run.
#include <string>
#include <vector>

#include "sim/batch/batch_plan.hpp"
#include "sim/batch/metrics_columns.hpp"

namespace campsim::batch {

struct TableHeader {
  MetricColumns metrics;                      // results.csv metric columns
  std::vector<std::string> casualty_columns;  // RunResult::care_records columns (union over the cells)
};

// Runs each (design point, policy) for one simulated hour, in parallel on `threads` threads, and
// takes the union of their metric names (and of their casualty record columns) in cell order. The model guarantees that the shape of
// the metrics depends on the scenario only, so this is the header of every row.
TableHeader probe_header(const BatchPlan& plan, int threads);

// Header lines (with '\n').
std::string results_header_line(const BatchPlan& plan, const TableHeader& header);
std::string casualties_header_line(const TableHeader& header);

struct JobRows {
  JobKey key;
  std::string result_line;                  // with '\n'
  std::vector<std::string> casualty_lines;  // each with '\n'
};

// The rows of a finished run. Throws std::runtime_error if the run's metrics or care records do
// not fit the header (a broken shape promise).
JobRows rows_of(const BatchPlan& plan, const TableHeader& header, const JobKey& key, const camp::RunResult& result);

// Runs the job (single-threaded) and formats it.
JobRows run_job(const BatchPlan& plan, const TableHeader& header, const JobKey& key);

}  // namespace campsim::batch
