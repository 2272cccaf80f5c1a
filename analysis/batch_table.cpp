#include "analysis/batch_table.hpp"

#include "sim/io/label_text.hpp"
#include "sim/io/regular_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <tuple>

namespace campsim::analysis {

namespace fs = std::filesystem;

namespace {

// One row of a table being read, for its checks and their messages ("FILE:LINE: ...").
struct RowAt {
  const std::string& source;
  const std::vector<std::string>& header;
  const std::vector<std::string>& cells;
  long line;
};

[[noreturn]] void fail_at(const RowAt& row, const std::string& what) {
  throw BatchError(row.source + ":" + std::to_string(row.line) + ": " + what);
}

long parse_integer(const RowAt& row, long column) {
  const std::string& text = row.cells[static_cast<std::size_t>(column)];
  long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    fail_at(row, "column " + row.header[static_cast<std::size_t>(column)] + ": expected a whole number, found '" + text + "'");
  return value;
}

std::optional<double> parse_metric(const RowAt& row, std::size_t column) {
  const std::string& text = row.cells[column];
  if (text.empty()) return std::nullopt;  // JSON null in the run's metrics: a missing value
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    fail_at(row, "column " + row.header[column] + ": expected a number or an empty cell, found '" + text + "'");
  if (std::isnan(value)) return std::nullopt;
  if (std::isinf(value)) fail_at(row, "column " + row.header[column] + ": expected a finite number, found '" + text + "'");
  return value;
}

long require_column(const std::string& source, const std::vector<std::string>& header, const std::string& name) {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) throw BatchError(source + ":1: the header has no '" + name + "' column");
  return static_cast<long>(it - header.begin());
}

// Streams a table through the checks of its header and rows. A file that is not CSV is reported
// before any check's finding (as when the whole file was parsed first): the first finding waits
// for the end of the file, and rows after it are only scanned.
void check_table(const fs::path& file, const std::function<void(const std::vector<std::string>& header)>& on_header,
                 const std::function<void(const RowAt& row)>& on_row) {
  const std::string source = file.string();
  std::vector<std::string> header;
  std::optional<BatchError> finding;
  const auto checked = [&](const auto& check) {
    if (finding) return;
    try {
      check();
    } catch (const BatchError& e) {
      finding = e;
    }
  };
  io::stream_csv(
      file,
      [&](std::vector<std::string>&& h) {
        header = std::move(h);
        checked([&] { on_header(header); });
      },
      [&](std::vector<std::string>&& cells, long line) { checked([&] { on_row(RowAt{source, header, cells, line}); }); });
  if (finding) throw *finding;
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

BatchTable read_batch(const fs::path& directory, const BatchReading& reading) {
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

  long c_dp = 0, c_policy = 0, c_rep = 0;
  std::vector<std::size_t> metric_columns;  // every metric column, each row's cells checked
  std::vector<bool> kept;                   // parallel to metric_columns: its values are kept
  std::set<int> known_points;
  for (const DesignPoint& dp : batch.manifest.design_points) known_points.insert(dp.index);
  std::set<std::tuple<int, std::size_t, int>> seen;
  const auto results_header = [&](const std::vector<std::string>& header) {
    const std::string source = (directory / "results.csv").string();
    c_dp = require_column(source, header, "design_point");
    c_policy = require_column(source, header, "policy");
    c_rep = require_column(source, header, "replication");
    const long c_seed = require_column(source, header, "seed");
    std::set<std::string> design_columns;
    for (const DesignPoint& dp : batch.manifest.design_points)
      for (const auto& setting : dp.settings) design_columns.insert(setting.first);
    for (std::size_t c = 0; c < header.size(); ++c) {
      const auto column = static_cast<long>(c);
      if (column == c_dp || column == c_policy || column == c_rep || column == c_seed || design_columns.contains(header[c]))
        continue;
      metric_columns.push_back(c);
      const bool keep = !reading.metrics || metric_columns.size() <= reading.first_metrics ||
                        std::find(reading.metrics->begin(), reading.metrics->end(), header[c]) != reading.metrics->end();
      kept.push_back(keep);
      if (keep) batch.metrics.push_back(header[c]);
    }
  };
  const auto results_row = [&](const RowAt& row) {
    BatchTable::Run run;
    run.design_point = static_cast<int>(parse_integer(row, c_dp));
    run.replication = static_cast<int>(parse_integer(row, c_rep));
    const std::string& policy = row.cells[static_cast<std::size_t>(c_policy)];
    const auto p = std::find(batch.manifest.policies.begin(), batch.manifest.policies.end(), policy);
    if (p == batch.manifest.policies.end()) fail_at(row, "policy '" + policy + "' is not in batch.json");
    run.policy = static_cast<std::size_t>(p - batch.manifest.policies.begin());
    if (!known_points.contains(run.design_point))
      fail_at(row, "design point " + std::to_string(run.design_point) + " is not in batch.json");
    if (!seen.insert({run.design_point, run.policy, run.replication}).second)
      fail_at(row, "a second row for design point " + std::to_string(run.design_point) + ", policy " + policy +
                       ", replication " + std::to_string(run.replication));
    run.values.reserve(batch.metrics.size());
    for (std::size_t i = 0; i < metric_columns.size(); ++i) {
      const std::optional<double> value = parse_metric(row, metric_columns[i]);
      if (kept[i]) run.values.push_back(value);
    }
    batch.runs.push_back(std::move(run));
  };
  check_table(directory / "results.csv", results_header, results_row);

  if (fs::exists(directory / "care.csv")) {
    const std::string source = (directory / "care.csv").string();
    long k_dp = 0, k_policy = 0, k_rep = 0;
    io::CsvTable casualties;
    casualties.source = source;
    const auto care_header = [&](const std::vector<std::string>& header) {
      casualties.header = header;
      k_dp = require_column(source, header, "design_point");
      k_policy = require_column(source, header, "policy");
      k_rep = require_column(source, header, "replication");
    };
    const auto care_row = [&](const RowAt& row) {
      parse_integer(row, k_dp);
      parse_integer(row, k_rep);
      const std::string& policy = row.cells[static_cast<std::size_t>(k_policy)];
      if (std::find(batch.manifest.policies.begin(), batch.manifest.policies.end(), policy) == batch.manifest.policies.end())
        fail_at(row, "policy '" + policy + "' is not in batch.json");
      ++batch.casualty_records;
      if (reading.keep_casualties) {
        casualties.rows.push_back(row.cells);
        casualties.lines.push_back(row.line);
      }
    };
    check_table(directory / "care.csv", care_header, care_row);
    if (reading.keep_casualties) batch.casualties = std::move(casualties);
  }
  return batch;
}

}  // namespace campsim::analysis
