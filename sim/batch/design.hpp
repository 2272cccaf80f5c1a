#pragma once
// Designs of experiments for a batch, declared in a YAML file (`campsim batch --design FILE`):
//
//   design:
//     kind: full_factorial      # or lhs (Latin hypercube), nolh (orthogonal LH, Ye / Cioppa-Lucas),
//                               # decorrelated_lhs (LH searched for low correlation), table
//     points: 17                # lhs / decorrelated_lhs: required; nolh: optional (2^m + 1)
//     seed: 3                   # lhs / nolh / decorrelated_lhs (default 1)
//     factors:
//       - {key: qrf.notice_to_move_day, values: [2min, 5min, 10min]}   # full factorial: levels as text
//       - {key: guards.shifts.length, low: 4, high: 8, unit: h}          # lhs / nolh / decorrelated: a range
//       - {key: guards.shifts.length}                                    # table: the key only
//     rows:                                                              # table only: one per point
//       - {values: [6h, "0.02"]}
//
// Each design point becomes a list of `--set key=value` settings applied to every policy.
// Errors are scenario diagnostics (file:line:col: path: expected ...; found ...), all at once.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/batch/latin_hypercube.hpp"

namespace campsim::batch {

// The most points a design may have (every kind; sensitivity and calibration samples too). Each
// point is a scenario loaded and run for every policy: 1,000 points of one-minute runs took 130 s
// on the shared 2-core development machine (2026-12-06), so 10,000 is about 20 minutes before the
// first real run, and 100,000 (accepted before) looked like a hang. A bigger study is several
// design files, each a batch of its own (docs/reliability.md).
inline constexpr int kMaxDesignPoints = 10000;

enum class DesignKind {
  FullFactorial,
  LatinHypercube,
  NearlyOrthogonal,            // "nolh": an orthogonal Latin hypercube by construction
  DecorrelatedLatinHypercube,  // "decorrelated_lhs": a Latin hypercube searched for low correlation
  Table,                       // "table": the points listed one by one (sensitivity and calibration samples)
};

// "full_factorial", "lhs", "nolh", "decorrelated_lhs", "table": the words of the design file and batch.json.
const char* design_kind_name(DesignKind kind);

struct Factor {
  std::string key;                  // a scenario key path, as for --set
  std::vector<std::string> levels;  // full factorial: the values, as written
  double low = 0, high = 0;         // lhs / nolh / decorrelated_lhs: the range
  std::string unit;                 // lhs / nolh / decorrelated_lhs: appended to each number ("h"), may be empty
};

struct DesignPoint {
  int index = 0;
  std::vector<std::pair<std::string, std::string>> settings;  // (key, value text), in factor order
  std::vector<std::string> overrides() const;                 // "key=value" for load_scenario
};

struct Design {
  DesignKind kind = DesignKind::FullFactorial;
  int points = 0;  // lhs / nolh / decorrelated_lhs: points (nolh: 2^m + 1, chosen if not given)
  std::uint64_t seed = 1;
  std::vector<Factor> factors;
  std::vector<DesignPoint> table;                  // the generated points
  std::optional<double> max_abs_correlation;       // lhs / nolh / decorrelated_lhs: of the level columns
  std::vector<std::vector<std::string>> rows;      // table: the values of each point, in factor order
};

// Reads and generates the design. Throws scenario::ScenarioError listing every problem.
Design read_design(const std::filesystem::path& file);

// The generators, on factors already checked (exposed for tests).
std::vector<DesignPoint> full_factorial(const std::vector<Factor>& factors);  // last factor fastest
// Level j of n: lhs takes the middle of stratum j, low + (j + 1/2)(high - low)/n; nolh and
// decorrelated_lhs spread the n levels evenly from low to high inclusive, as Cioppa & Lucas's
// tables do.
std::vector<DesignPoint> points_from_levels(const std::vector<Factor>& factors, const LevelMatrix& levels,
                                            DesignKind kind);

// A table design's points, one per row (each row as long as `keys`).
std::vector<DesignPoint> table_points(const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows);

// Writes a table design file that read_design reads back to the same points (for the
// sensitivity and calibration commands, which run their samples as a batch design).
std::string table_design_yaml(const std::vector<std::string>& keys, const std::vector<std::vector<std::string>>& rows);

}  // namespace campsim::batch
