#include "sim/batch/metrics_columns.hpp"

#include <stdexcept>

#include "sim/engine/number_format.hpp"

namespace campsim::batch {

namespace {

// `path` is one buffer for the whole walk: each key is appended and taken off again, so only
// the leaves' names are allocated (a batch flattens every replication's metrics, issue 25).
void flatten_into(const nlohmann::ordered_json& value, std::string& path, std::vector<MetricCell>& out) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object:
      for (const auto& [key, child] : value.items()) {
        const std::size_t parent_length = path.size();
        if (!path.empty()) path += '.';
        path += key;
        flatten_into(child, path, out);
        path.resize(parent_length);
      }
      break;
    case nlohmann::ordered_json::value_t::null:
      // A null leaf is a missing value (a mean over nothing); an empty metrics document is no column.
      if (!path.empty()) out.push_back({path, std::nullopt});
      break;
    case nlohmann::ordered_json::value_t::boolean:
      out.push_back({path, value.get<bool>() ? 1.0 : 0.0});
      break;
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned:
    case nlohmann::ordered_json::value_t::number_float:
      out.push_back({path, value.get<double>()});
      break;
    default:  // arrays (profiles by hour), strings (names), binary: not one number per run
      break;
  }
}

}  // namespace

std::vector<MetricCell> flatten_metrics(const nlohmann::ordered_json& metrics) {
  std::vector<MetricCell> cells;
  std::string path;
  flatten_into(metrics, path, cells);
  return cells;
}

void MetricColumns::add(const std::vector<MetricCell>& cells) {
  for (const MetricCell& cell : cells)
    if (index_.emplace(cell.name, names_.size()).second) names_.push_back(cell.name);
}

std::vector<std::string> MetricColumns::cells_of(const std::vector<MetricCell>& run) const {
  std::vector<std::string> text(names_.size());
  for (const MetricCell& cell : run) {
    const auto at = index_.find(cell.name);
    if (at == index_.end())
      throw std::runtime_error("metric '" + cell.name +
                               "' appeared in a run but not in the probe run of its scenario; the metrics' shape "
                               "must depend on the scenario only");
    if (cell.value) text[at->second] = engine::format_number(*cell.value);
  }
  return text;
}

}  // namespace campsim::batch
