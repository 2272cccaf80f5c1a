#pragma once
// A batch directory (docs: /work/notes/batch-format.md, summarised in docs/analysis.md) read into
// memory: the manifest, results.csv as one metric sample per (design point, policy), and
// care.csv as text. Missing cells are missing values; anything malformed is a BatchError
// that names the file (and line) and says what was wrong.
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/io/csv.hpp"
#include "analysis/statistics.hpp"

namespace campsim::analysis {

struct BatchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct DesignPoint {
  int index = 0;
  std::vector<std::pair<std::string, std::string>> settings;  // --set key -> value, as in the manifest
  std::string label() const;  // "dp 0 (guards.shifts.length=6h)" or "all runs" without a design
};

struct BatchManifest {
  std::string scenario;
  std::vector<std::string> policies;  // manifest order; the first is the reference
  std::vector<std::string> labels;    // each policy's `scenario.label`, or its name when it has none
  long replications = 0;
  std::uint64_t seed = 0;
  std::optional<double> days;
  std::vector<DesignPoint> design_points;  // one point (index 0, no settings) without a design
  nlohmann::ordered_json raw;
};

struct BatchTable {
  std::filesystem::path directory;
  BatchManifest manifest;
  std::vector<std::string> metrics;  // results.csv metric columns, in file order

  // One row of results.csv: its keys and a value (or a missing value) per metric.
  struct Run {
    int design_point = 0;
    std::size_t policy = 0;  // index into manifest.policies
    int replication = 0;
    std::vector<std::optional<double>> values;  // parallel to `metrics`
  };
  std::vector<Run> runs;

  std::optional<io::CsvTable> casualties;  // absent when the batch has no care.csv

  // The design points that have runs, ascending.
  std::vector<int> design_points_present() const;
  // Values of one metric for one design point and policy, keyed by (design point, replication).
  KeyedSample values(std::size_t metric, int design_point, std::size_t policy) const;
  long metric_index(const std::string& name) const;  // -1 if absent
  const DesignPoint& design_point(int index) const;
};

// Reads DIR/batch.json, DIR/results.csv and (if present) DIR/care.csv.
BatchTable read_batch(const std::filesystem::path& directory);

}  // namespace campsim::analysis
