#pragma once
// The uncertain parameters of a sensitivity analysis or a calibration, read from a YAML file:
//
//   parameters:
//     - key: threats.infiltration.attacks_per_year     # a scenario key path, as for --set
//       low: 0.5                                       # uniform on [low, high] (the default)
//       high: 4
//     - key: medical.approval.levels[0].delay.median
//       distribution: log_uniform                      # uniform | log_uniform | triangular | normal | lognormal
//       low: 2
//       high: 30
//       unit: min                                      # appended to each value: s, min, h, d or nothing
//     - key: guards.force.daily_unavailability
//       distribution: triangular
//       low: 0.01
//       mode: 0.03
//       high: 0.08
//     - key: qrf.vehicles
//       low: 1
//       high: 4
//       integer: true                                  # values rounded to whole numbers
//
// normal takes mean and sd, lognormal median and p90 (as scenario distributions do); either
// may add low/high to clip. Each sample is first drawn in the unit cube and then mapped through
// the parameter's quantile function, so Morris and Sobol designs stay designs of the unit cube.
// Unbounded distributions (normal, lognormal without clipping) map u in [0, 1] to the
// 0.5%..99.5% quantiles, since Morris grids reach 0 and 1 exactly.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace campsim::batch {

enum class ParameterDistribution { Uniform, LogUniform, Triangular, Normal, Lognormal };

struct UncertainParameter {
  std::string key;   // scenario key path
  ParameterDistribution distribution = ParameterDistribution::Uniform;
  double low = 0, high = 0;   // uniform / log_uniform / triangular: the range; normal / lognormal: optional clip
  bool clipped = false;       // normal / lognormal with low and high
  double mode = 0;            // triangular
  double mean = 0, sd = 0;    // normal
  double median = 0, p90 = 0; // lognormal
  std::string unit;           // appended to the value text ("min"), may be empty
  bool integer = false;

  // The value at u in [0, 1] (the quantile function, see above).
  double value_at(double u) const;
  // The value as --set takes it: 12 significant digits (or a whole number), then the unit.
  std::string text_at(double u) const;
  // A short description for reports: "uniform [0.5, 4]", "log-uniform [2, 30] min".
  std::string describe() const;
};

struct ParameterSpace {
  std::vector<UncertainParameter> parameters;
  std::vector<std::string> keys() const;
  // One row of value texts per unit-cube point (for a table design).
  std::vector<std::vector<std::string>> rows(const std::vector<std::vector<double>>& unit_points) const;
};

// Throws scenario::ScenarioError with every problem (file:line:col ...).
ParameterSpace read_parameter_space(const std::filesystem::path& file);

}  // namespace campsim::batch
