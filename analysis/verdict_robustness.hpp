#pragma once
// Does a policy verdict hold over what we do not know? When a batch runs its policies at every
// point of a design spread over uncertain parameters (e.g. the ranges calibration kept,
// docs/calibration.md), this summarises, for each headline metric:
//   - the ranking: at how many points each policy (the reference too) has the best mean;
//   - for each policy against the reference: at how many points the paired verdict is better,
//     worse or unclear, the range of the paired mean difference, and which varied parameters
//     that difference depends on: Spearman's rank correlation of the difference with the
//     parameter's value over the points, its two-sided p-value (t approximation, n - 2 degrees
//     of freedom), and "depends" when p stays below 0.05 after Holm's step-down correction over
//     the parameters (so that ten parameters tested do not make one spurious dependence likely).
// Rank correlation on an (orthogonal) Latin hypercube is the screening measure of data farming
// (Kleijnen, Sanchez, Lucas & Cioppa 2005); method and reading in docs/analysis.md.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analysis/batch_table.hpp"
#include "analysis/comparison.hpp"

namespace campsim::analysis {

struct FactorDependence {
  std::string key;
  double spearman = 0;   // NaN when the factor or the difference does not vary
  double p_value = 1;
  bool depends = false;  // p below 0.05 after Holm's correction
};

struct PolicyOverDesign {
  std::size_t policy = 0;        // index into Comparison::policies
  int points = 0;                // design points with a paired difference
  int better = 0, worse = 0, unclear = 0;  // verdicts (higher/lower count as better/worse when the direction is unknown)
  double difference_min = 0, difference_max = 0;  // paired mean difference (policy - reference) over the points
  std::vector<FactorDependence> factors;          // strongest |rank correlation| first
};

struct MetricOverDesign {
  MetricInfo metric;
  std::vector<int> best_count;             // per policy (manifest order): points where its mean alone is best
  int tied = 0;                            // points where two or more policies share the best mean
  std::vector<PolicyOverDesign> policies;  // every policy but the reference
};

struct VerdictRobustness {
  std::vector<std::string> factor_keys;  // the design's numeric factors
  int points = 0;
  std::vector<MetricOverDesign> metrics;
};

// Nothing when the batch has fewer than 4 design points or no numeric factor (a rank
// correlation needs a few points to mean anything).
std::optional<VerdictRobustness> verdict_robustness(const BatchTable& batch, const Comparison& comparison,
                                                    const std::vector<std::string>& metrics);

// A factor's value as a number: plain numbers, durations in seconds ("5min" -> 300), true/false
// as 1/0; nothing for other text.
std::optional<double> factor_number(const std::string& text);

// Spearman's rank correlation (average ranks for ties); NaN when either side is constant.
double spearman_correlation(const std::vector<double>& x, const std::vector<double>& y);
// Two-sided p-value of a rank correlation over n points (t = r sqrt((n-2)/(1-r^2))).
double spearman_p_value(double r, std::size_t n);
// Holm's step-down: which p-values are below alpha after correction (same order as given).
std::vector<bool> holm_reject(const std::vector<double>& p_values, double alpha);

}  // namespace campsim::analysis
