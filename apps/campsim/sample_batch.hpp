#pragma once
// The part `campsim sensitivity` and `campsim calibrate` share: run a sample of parameter sets as
// a batch design (a `table` design file in DIR/design.yaml, the batch in DIR/batch), through
// `campsim batch` itself, so threads, --resume, Ctrl-C and MPI behave exactly as for a batch;
// then read the per-point means back.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/batch_table.hpp"

namespace campsim::cli {

// The file that marks a directory as a sensitivity or calibration study's (`--out`): the only
// existing directories, besides empty ones, these commands write into.
inline constexpr const char* kStudyMarker = ".campsim-study";

struct SampleBatchRequest {
  std::string scenario;
  std::vector<std::string> overrides;  // --set, applied to every point
  std::vector<std::string> keys;       // the parameters' key paths
  std::vector<std::vector<std::string>> rows;  // one row of values per point
  int replications = 1;
  std::optional<double> days;
  std::optional<std::uint64_t> seed;
  int threads = 1;
  std::filesystem::path dir;  // DIR: design.yaml and batch/ inside
  bool resume = false, force = false, quiet = false;
};

struct SampleBatchOutcome {
  int exit_code = 0;       // of the batch
  bool analyse = true;     // false on MPI ranks other than the coordinator (they only ran jobs)
};

SampleBatchOutcome run_sample_batch(const SampleBatchRequest& request);

// Mean over the replications of policy 0 of each design point 0..points-1 (NaN where every value
// is missing or the point has no runs), for one metric column.
std::vector<double> point_means(const analysis::BatchTable& batch, long metric, std::size_t points);
// All present values of each design point (for bands over replications).
std::vector<std::vector<double>> point_values(const analysis::BatchTable& batch, long metric, std::size_t points);

// Metric columns chosen by shell patterns (every pattern must match something; throws
// std::invalid_argument naming the pattern), or, without patterns, the key metrics the batch has.
std::vector<std::string> choose_metrics(const analysis::BatchTable& batch, const std::vector<std::string>& patterns);

// The command line as one shell-quoted line (for "to continue" hints).
std::string shell_line(const std::string& command, const std::vector<std::string>& args);

}  // namespace campsim::cli
