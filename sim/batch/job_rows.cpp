#include "sim/batch/job_rows.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/batch/row_text.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::batch {

namespace {

constexpr double kProbeSeconds = 3600;  // long enough to build every part of the model

// The metrics repeat the run's seed and replication at the top level; the row's key columns
// already hold them, and a second column of the same name would only confuse readers
// (pandas renames it 'seed.1'). Design factor names are kept out the same way.
std::vector<std::string> reserved_names(const BatchPlan& plan) {
  std::vector<std::string> reserved{"design_point", "policy", "replication", "seed"};
  for (std::string& key : plan.factor_keys()) reserved.push_back(std::move(key));
  return reserved;
}

std::vector<MetricCell> metric_cells(const BatchPlan& plan, const nlohmann::ordered_json& metrics) {
  const std::vector<std::string> reserved = reserved_names(plan);
  std::vector<MetricCell> cells = flatten_metrics(metrics);
  std::erase_if(cells, [&](const MetricCell& c) { return std::find(reserved.begin(), reserved.end(), c.name) != reserved.end(); });
  return cells;
}

}  // namespace

TableHeader probe_header(const BatchPlan& plan, int threads) {
  std::vector<std::vector<MetricCell>> cells(plan.cells.size());
  std::vector<std::vector<std::string>> casualty_columns(plan.cells.size());
  // engine::Parallelism declares TBB's before/after edges to ThreadSanitizer (libtbb is not
  // instrumented), so reading the probes' results after the loop is not reported as a race.
  engine::Parallelism parallelism(threads);
  parallelism.for_each_index(plan.cells.size(), [&](std::size_t c) {
    camp::RunOptions run;
    run.seed = plan.seed;
    run.duration = kProbeSeconds;
    run.records = engine::RecordKeeping::CountOnly;
    run.hourly_profiles = false;  // as run_options: the rows' shape must be the probe's
    const camp::RunResult result = camp::run_scenario(plan.cells[c], run);
    cells[c] = metric_cells(plan, result.metrics);
    casualty_columns[c] = result.care_records.columns;
  });
  TableHeader header;
  for (const auto& c : cells) header.metrics.add(c);
  // Union in order of first appearance: policies may differ in their columns (one approval
  // level more, say); a run's cells go under their own names and the others stay empty.
  for (const auto& columns : casualty_columns)
    for (const std::string& column : columns)
      if (std::find(header.casualty_columns.begin(), header.casualty_columns.end(), column) == header.casualty_columns.end())
        header.casualty_columns.push_back(column);
  return header;
}

std::string results_header_line(const BatchPlan& plan, const TableHeader& header) {
  std::vector<std::string> cells{"design_point", "policy", "replication", "seed"};
  for (const std::string& key : plan.factor_keys()) cells.push_back(key);
  for (const std::string& name : header.metrics.names()) cells.push_back(name);
  return row_line(cells);
}

std::string casualties_header_line(const TableHeader& header) {
  // Every batch table carries the same four key columns, so any two join on them.
  std::vector<std::string> cells{"design_point", "policy", "replication", "seed"};
  cells.insert(cells.end(), header.casualty_columns.begin(), header.casualty_columns.end());
  return row_line(cells);
}

JobRows rows_of(const BatchPlan& plan, const TableHeader& header, const JobKey& key, const camp::RunResult& result) {
  JobRows rows;
  rows.key = key;
  const std::string& policy = plan.policies.at(static_cast<std::size_t>(key.policy)).name;
  std::vector<std::string> cells{std::to_string(key.design_point), policy, std::to_string(key.replication),
                                 std::to_string(plan.seed)};
  for (std::string& value : plan.factor_values(key.design_point)) cells.push_back(std::move(value));
  for (std::string& value : header.metrics.cells_of(result.metrics, reserved_names(plan))) cells.push_back(std::move(value));
  rows.result_line = row_line(cells);

  const engine::RecordTable& care = result.care_records;
  std::vector<std::size_t> place;  // header position of each of the run's columns
  for (const std::string& column : care.columns) {
    const auto at = std::find(header.casualty_columns.begin(), header.casualty_columns.end(), column);
    if (at == header.casualty_columns.end())
      throw std::runtime_error("casualty column '" + column + "' appeared in a run but not in the probe run of its scenario");
    place.push_back(static_cast<std::size_t>(at - header.casualty_columns.begin()));
  }
  for (const std::vector<std::string>& record : care.rows) {
    std::vector<std::string> line{std::to_string(key.design_point), policy, std::to_string(key.replication),
                                  std::to_string(plan.seed)};
    line.resize(4 + header.casualty_columns.size());
    for (std::size_t c = 0; c < record.size() && c < place.size(); ++c) line[4 + place[c]] = record[c];
    rows.casualty_lines.push_back(row_line(line));
  }
  return rows;
}

JobRows run_job(const BatchPlan& plan, const TableHeader& header, const JobKey& key) {
  return rows_of(plan, header, key, camp::run_scenario(plan.scenario_of(key), run_options(plan, key)));
}

}  // namespace campsim::batch
