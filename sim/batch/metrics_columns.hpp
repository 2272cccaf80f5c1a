#pragma once
// A run's metrics JSON as the numeric columns of a tidy results table (docs/batch.md):
// every numeric leaf, its path joined with '.', booleans as 0/1, JSON null as a missing value;
// arrays and strings are not columns (they are profiles and labels, not one number per run).
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace campsim::batch {

struct MetricCell {
  std::string name;             // "guards.coverage.overall"
  std::optional<double> value;  // nullopt: null in the JSON, an empty cell in the CSV
};

// Depth-first, in the JSON's own (insertion) order.
std::vector<MetricCell> flatten_metrics(const nlohmann::ordered_json& metrics);
// The same walk, handing each leaf's name and value to `leaf` (the name is valid during the call
// only): no cell is built.
void for_each_metric(const nlohmann::ordered_json& metrics,
                     const std::function<void(const std::string&, std::optional<double>)>& leaf);

// The columns of one batch: the union of the metric names of every scenario in it, in order of
// first appearance. The model promises a metrics SHAPE that depends on the scenario only, so the
// union over one cheap probe run per scenario is the header of every row of the batch.
class MetricColumns {
 public:
  void add(const std::vector<MetricCell>& cells);  // appends the names not seen yet
  const std::vector<std::string>& names() const { return names_; }
  // One text cell per column of a run's metrics, in column order: format_number of the value,
  // empty when the run has null or lacks the column; leaves named in `skipped` are not columns.
  // Throws std::runtime_error if the run has a column the header lacks (the shape promise was
  // broken: the row could not be written faithfully).
  std::vector<std::string> cells_of(const nlohmann::ordered_json& metrics, const std::vector<std::string>& skipped = {}) const;

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace campsim::batch
