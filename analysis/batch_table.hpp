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

  std::optional<io::CsvTable> casualties;  // absent when the batch has no care.csv (or not kept: BatchReading)
  std::size_t casualty_records = 0;         // care.csv's rows, kept or not

  // The design points that have runs, ascending.
  std::vector<int> design_points_present() const;
  // Values of one metric for one design point and policy, keyed by (design point, replication).
  KeyedSample values(std::size_t metric, int design_point, std::size_t policy) const;
  long metric_index(const std::string& name) const;  // -1 if absent
  const DesignPoint& design_point(int index) const;
};

// What of a batch to keep in memory. Every row is read and checked alike; what is not kept costs
// no memory, so a summary of a million runs holds a few numbers a run, not the files' text.
struct BatchReading {
  // Keep only these metric columns (those results.csv has, in file order); all when absent.
  std::optional<std::vector<std::string>> metrics;
  std::size_t first_metrics = 0;  // with `metrics`: keep the first this many metric columns too
  bool keep_casualties = true;  // false: care.csv's rows are checked and counted, not kept
};

// Reads DIR/batch.json, DIR/results.csv and (if present) DIR/care.csv, a record at a time.
BatchTable read_batch(const std::filesystem::path& directory, const BatchReading& reading = {});

}  // namespace campsim::analysis
