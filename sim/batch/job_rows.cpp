#include "sim/batch/job_rows.hpp"

#include <algorithm>
#include <stdexcept>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/batch/csv_text.hpp"

namespace campsim::batch {

namespace {

constexpr double kProbeSeconds = 3600;  // long enough to build every part of the model

// The metrics repeat the run's seed and replication at the top level; the row's key columns
// already hold them, and a second column of the same name would only confuse readers
// (pandas renames it 'seed.1'). Design factor names are kept out the same way.
std::vector<MetricCell> metric_cells(const BatchPlan& plan, const nlohmann::ordered_json& metrics) {
  std::vector<std::string> reserved{"design_point", "policy", "replication", "seed"};
  for (std::string& key : plan.factor_keys()) reserved.push_back(std::move(key));
  std::vector<MetricCell> cells = flatten_metrics(metrics);
  std::erase_if(cells, [&](const MetricCell& c) { return std::find(reserved.begin(), reserved.end(), c.name) != reserved.end(); });
  return cells;
}

}  // namespace

TableHeader probe_header(const BatchPlan& plan, int threads) {
  std::vector<std::vector<MetricCell>> cells(plan.cells.size());
  std::vector<std::vector<std::string>> casualty_columns(plan.cells.size());
  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, plan.cells.size(), [&](std::size_t c) {
      camp::RunOptions run;
      run.seed = plan.seed;
      run.duration = kProbeSeconds;
      const camp::RunResult result = camp::run_scenario(plan.cells[c], run);
      cells[c] = metric_cells(plan, result.metrics);
      casualty_columns[c] = result.care_records.columns;
    });
  });
  TableHeader header;
  for (const auto& c : cells) header.metrics.add(c);
  for (const auto& columns : casualty_columns) {
    if (header.casualty_columns.empty()) header.casualty_columns = columns;
    if (!columns.empty() && columns != header.casualty_columns)
      throw std::runtime_error("the casualty records of two policies or design points have different columns");
  }
  return header;
}

std::string results_header_line(const BatchPlan& plan, const TableHeader& header) {
  std::vector<std::string> cells{"design_point", "policy", "replication", "seed"};
  for (const std::string& key : plan.factor_keys()) cells.push_back(key);
  for (const std::string& name : header.metrics.names()) cells.push_back(name);
  return csv_line(cells);
}

std::string casualties_header_line(const TableHeader& header) {
  std::vector<std::string> cells{"design_point", "policy", "replication"};
  cells.insert(cells.end(), header.casualty_columns.begin(), header.casualty_columns.end());
  return csv_line(cells);
}

JobRows rows_of(const BatchPlan& plan, const TableHeader& header, const JobKey& key, const camp::RunResult& result) {
  JobRows rows;
  rows.key = key;
  const std::string& policy = plan.policies.at(static_cast<std::size_t>(key.policy)).name;
  std::vector<std::string> cells{std::to_string(key.design_point), policy, std::to_string(key.replication),
                                 std::to_string(plan.seed)};
  for (std::string& value : plan.factor_values(key.design_point)) cells.push_back(std::move(value));
  for (std::string& value : header.metrics.cells_of(metric_cells(plan, result.metrics))) cells.push_back(std::move(value));
  rows.result_line = csv_line(cells);

  const engine::RecordTable& care = result.care_records;
  if (!care.rows.empty() && care.columns != header.casualty_columns)
    throw std::runtime_error("a run's casualty records have other columns than its probe run's");
  for (const std::vector<std::string>& record : care.rows) {
    std::vector<std::string> line{std::to_string(key.design_point), policy, std::to_string(key.replication)};
    line.insert(line.end(), record.begin(), record.end());
    rows.casualty_lines.push_back(csv_line(line));
  }
  return rows;
}

JobRows run_job(const BatchPlan& plan, const TableHeader& header, const JobKey& key) {
  return rows_of(plan, header, key, camp::run_scenario(plan.scenario_of(key), run_options(plan, key)));
}

}  // namespace campsim::batch
