#include "analysis/batch_table.hpp"

#include "sim/io/label_text.hpp"
#include "sim/io/regular_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <tuple>

namespace campsim::analysis {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail_at(const io::CsvTable& table, std::size_t row, const std::string& what) {
  throw BatchError(table.source + ":" + std::to_string(table.lines[row]) + ": " + what);
}

long parse_integer(const io::CsvTable& table, std::size_t row, long column) {
  const std::string& text = table.rows[row][static_cast<std::size_t>(column)];
  long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    fail_at(table, row, "column " + table.header[static_cast<std::size_t>(column)] + ": expected a whole number, found '" + text + "'");
  return value;
}

std::optional<double> parse_metric(const io::CsvTable& table, std::size_t row, std::size_t column) {
  const std::string& text = table.rows[row][column];
  if (text.empty()) return std::nullopt;  // JSON null in the run's metrics: a missing value
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    fail_at(table, row, "column " + table.header[column] + ": expected a number or an empty cell, found '" + text + "'");
  if (std::isnan(value)) return std::nullopt;
  if (std::isinf(value)) fail_at(table, row, "column " + table.header[column] + ": expected a finite number, found '" + text + "'");
  return value;
}

long require_column(const io::CsvTable& table, const std::string& name) {
  const std::optional<std::size_t> c = table.find_column(name);
  if (!c) throw BatchError(table.source + ":1: the header has no '" + name + "' column");
  return static_cast<long>(*c);
}

std::string setting_text(const nlohmann::ordered_json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

BatchManifest read_manifest(const fs::path& file) {
  if (const auto why = io::not_a_regular_file(file)) throw BatchError(*why);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BatchError(file.string() + ": cannot open");
  BatchManifest m;
  try {
    m.raw = nlohmann::ordered_json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw BatchError(file.string() + ": not valid JSON: " + e.what());
  }
  const auto bad = [&](const std::string& what) { return BatchError(file.string() + ": " + what); };
  if (!m.raw.is_object()) throw bad("expected a JSON object");
  const auto& policies = m.raw.value("policies", nlohmann::ordered_json());
  if (!policies.is_array() || policies.empty()) throw bad("'policies' must be a non-empty list (the first is the reference)");
  for (const auto& p : policies) {
    if (!p.is_object() || !p.contains("name") || !p["name"].is_string()) throw bad("every policy needs a \"name\"");
    m.policies.push_back(p["name"].get<std::string>());
    if (p.contains("label") && !(p["label"].is_string() && io::valid_label(p["label"].get<std::string>())))
      throw bad("policy " + m.policies.back() + ": \"label\" must be text of 1 to " + std::to_string(io::kMaxPolicyLabel) +
                " characters with no control characters");
    m.labels.push_back(p.contains("label") ? p["label"].get<std::string>() : m.policies.back());
  }
  if (std::set<std::string>(m.labels.begin(), m.labels.end()).size() != m.labels.size())
    throw bad("policy labels must be unique (a policy without one is shown by its name)");
  if (std::set<std::string>(m.policies.begin(), m.policies.end()).size() != m.policies.size())
    throw bad("policy names must be unique");
  if (m.raw.contains("scenario") && m.raw["scenario"].is_string()) m.scenario = m.raw["scenario"].get<std::string>();
  if (m.raw.contains("replications") && m.raw["replications"].is_number_integer())
    m.replications = m.raw["replications"].get<long>();
  if (m.raw.contains("seed") && m.raw["seed"].is_number_unsigned()) m.seed = m.raw["seed"].get<std::uint64_t>();
  if (m.raw.contains("days") && m.raw["days"].is_number()) m.days = m.raw["days"].get<double>();
  const auto& design = m.raw.value("design", nlohmann::ordered_json());
  if (design.is_object()) {
    const auto& points = design.value("points", nlohmann::ordered_json());
    if (!points.is_array() || points.empty()) throw bad("design.points must be a non-empty list");
    for (const auto& p : points) {
      if (!p.contains("design_point") || !p["design_point"].is_number_integer())
        throw bad("every design point needs an integer \"design_point\"");
      DesignPoint dp;
      dp.index = p["design_point"].get<int>();
      if (p.contains("settings") && p["settings"].is_object())
        for (const auto& [key, value] : p["settings"].items()) dp.settings.emplace_back(key, setting_text(value));
      m.design_points.push_back(std::move(dp));
    }
  } else {
    m.design_points.push_back(DesignPoint{});
  }
  return m;
}

}  // namespace

std::string DesignPoint::label() const {
  std::string text = "design point " + std::to_string(index);
  if (settings.empty()) return text;
  text += " (";
  for (std::size_t i = 0; i < settings.size(); ++i) text += (i ? ", " : "") + settings[i].first + "=" + settings[i].second;
  return text + ")";
}

std::vector<int> BatchTable::design_points_present() const {
  std::set<int> present;
  for (const Run& r : runs) present.insert(r.design_point);
  return {present.begin(), present.end()};
}

KeyedSample BatchTable::values(std::size_t metric, int design_point, std::size_t policy) const {
  KeyedSample sample;
  for (const Run& r : runs)
    if (r.design_point == design_point && r.policy == policy) sample[{r.design_point, r.replication}] = r.values[metric];
  return sample;
}

long BatchTable::metric_index(const std::string& name) const {
  const auto it = std::find(metrics.begin(), metrics.end(), name);
  return it == metrics.end() ? -1 : static_cast<long>(it - metrics.begin());
}

const DesignPoint& BatchTable::design_point(int index) const {
  for (const DesignPoint& dp : manifest.design_points)
    if (dp.index == index) return dp;
  throw BatchError("no design point " + std::to_string(index) + " in the manifest");
}

BatchTable read_batch(const fs::path& directory) {
  if (!fs::exists(directory))
    throw BatchError(directory.string() + " does not exist; expected a batch directory (campsim batch ... --out DIR writes one)");
  if (!fs::is_directory(directory))
    throw BatchError(directory.string() + ": not a directory; expected a batch directory (campsim batch ... --out DIR writes one)");
  if (!fs::exists(directory / "batch.json"))
    throw BatchError(directory.string() + " is not a batch directory: it has no batch.json (campsim batch writes one)");
  BatchTable batch;
  batch.directory = directory;
  batch.manifest = read_manifest(directory / "batch.json");
  if (!fs::exists(directory / "results.csv"))
    throw BatchError((directory / "results.csv").string() + ": missing (has the batch written any runs yet?)");

  const io::CsvTable results = io::read_csv(directory / "results.csv");
  const long c_dp = require_column(results, "design_point"), c_policy = require_column(results, "policy"),
             c_rep = require_column(results, "replication"), c_seed = require_column(results, "seed");
  std::set<std::string> design_columns;
  for (const DesignPoint& dp : batch.manifest.design_points)
    for (const auto& setting : dp.settings) design_columns.insert(setting.first);
  std::vector<std::size_t> metric_columns;
  for (std::size_t c = 0; c < results.header.size(); ++c) {
    const auto column = static_cast<long>(c);
    if (column == c_dp || column == c_policy || column == c_rep || column == c_seed || design_columns.contains(results.header[c]))
      continue;
    batch.metrics.push_back(results.header[c]);
    metric_columns.push_back(c);
  }

  std::set<int> known_points;
  for (const DesignPoint& dp : batch.manifest.design_points) known_points.insert(dp.index);
  std::set<std::tuple<int, std::size_t, int>> seen;
  for (std::size_t row = 0; row < results.rows.size(); ++row) {
    BatchTable::Run run;
    run.design_point = static_cast<int>(parse_integer(results, row, c_dp));
    run.replication = static_cast<int>(parse_integer(results, row, c_rep));
    const std::string& policy = results.rows[row][static_cast<std::size_t>(c_policy)];
    const auto p = std::find(batch.manifest.policies.begin(), batch.manifest.policies.end(), policy);
    if (p == batch.manifest.policies.end()) fail_at(results, row, "policy '" + policy + "' is not in batch.json");
    run.policy = static_cast<std::size_t>(p - batch.manifest.policies.begin());
    if (!known_points.contains(run.design_point))
      fail_at(results, row, "design point " + std::to_string(run.design_point) + " is not in batch.json");
    if (!seen.insert({run.design_point, run.policy, run.replication}).second)
      fail_at(results, row, "a second row for design point " + std::to_string(run.design_point) + ", policy " + policy +
                                ", replication " + std::to_string(run.replication));
    for (std::size_t c : metric_columns) run.values.push_back(parse_metric(results, row, c));
    batch.runs.push_back(std::move(run));
  }

  if (fs::exists(directory / "care.csv")) {
    io::CsvTable casualties = io::read_csv(directory / "care.csv");
    const long k_dp = require_column(casualties, "design_point"), k_policy = require_column(casualties, "policy"),
               k_rep = require_column(casualties, "replication");
    for (std::size_t row = 0; row < casualties.rows.size(); ++row) {
      parse_integer(casualties, row, k_dp);
      parse_integer(casualties, row, k_rep);
      const std::string& policy = casualties.rows[row][static_cast<std::size_t>(k_policy)];
      if (std::find(batch.manifest.policies.begin(), batch.manifest.policies.end(), policy) == batch.manifest.policies.end())
        fail_at(casualties, row, "policy '" + policy + "' is not in batch.json");
    }
    batch.casualties = std::move(casualties);
  }
  return batch;
}

}  // namespace campsim::analysis
