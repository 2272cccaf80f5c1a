#include "sim/batch/metrics_columns.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/engine/number_format.hpp"

namespace campsim::batch {

namespace {

// `path` is one buffer for the whole walk: each key is appended and taken off again, so only
// the leaves' names are allocated (a batch flattens every replication's metrics, issue 25).
using Leaf = std::function<void(const std::string&, std::optional<double>)>;

void flatten_into(const nlohmann::ordered_json& value, std::string& path, const Leaf& leaf) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object:
      for (const auto& [key, child] : value.items()) {
        const std::size_t parent_length = path.size();
        if (!path.empty()) path += '.';
        path += key;
        flatten_into(child, path, leaf);
        path.resize(parent_length);
      }
      break;
    case nlohmann::ordered_json::value_t::null:
      // A null leaf is a missing value (a mean over nothing); an empty metrics document is no column.
      if (!path.empty()) leaf(path, std::nullopt);
      break;
    case nlohmann::ordered_json::value_t::boolean:
      leaf(path, value.get<bool>() ? 1.0 : 0.0);
      break;
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned:
    case nlohmann::ordered_json::value_t::number_float:
      leaf(path, value.get<double>());
      break;
    default:  // arrays (profiles by hour), strings (names), binary: not one number per run
      break;
  }
}

}  // namespace

void for_each_metric(const nlohmann::ordered_json& metrics, const Leaf& leaf) {
  std::string path;
  flatten_into(metrics, path, leaf);
}

std::vector<MetricCell> flatten_metrics(const nlohmann::ordered_json& metrics) {
  std::vector<MetricCell> cells;
  for_each_metric(metrics, [&](const std::string& name, std::optional<double> value) { cells.push_back({name, value}); });
  return cells;
}

void MetricColumns::add(const std::vector<MetricCell>& cells) {
  for (const MetricCell& cell : cells)
    if (index_.emplace(cell.name, names_.size()).second) names_.push_back(cell.name);
}

std::vector<std::string> MetricColumns::cells_of(const nlohmann::ordered_json& metrics,
                                                 const std::vector<std::string>& skipped) const {
  std::vector<std::string> text(names_.size());
  // A run has its probe's shape, so its leaves mostly come in column order: each is first tried
  // against the column after the last one filled, and looked up by name only when it is not
  // that one (another policy's columns in between, say).
  std::size_t next = 0;
  for_each_metric(metrics, [&](const std::string& name, std::optional<double> value) {
    if (std::find(skipped.begin(), skipped.end(), name) != skipped.end()) return;
    std::size_t column = next;
    if (column >= names_.size() || names_[column] != name) {
      const auto at = index_.find(name);
      if (at == index_.end())
        throw std::runtime_error("metric '" + name +
                                 "' appeared in a run but not in the probe run of its scenario; the metrics' shape "
                                 "must depend on the scenario only");
      column = at->second;
    }
    next = column + 1;
    if (value) text[column] = engine::format_number(*value);
  });
  return text;
}

}  // namespace campsim::batch
