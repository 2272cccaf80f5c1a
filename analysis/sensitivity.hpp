#pragma once
// Global sensitivity estimators, on a sample's outputs (SALib is the reference for the methods;
// docs/analysis.md gives every formula). They take plain matrices of unit-cube points and output
// values, so they are tested on functions whose indices are known (Ishigami, Sobol' g, linear)
// and run unchanged on a batch's results.
//
// Missing outputs (NaN: a metric that was null in a run) are left out: a Morris elementary effect
// needs both of its points, a Sobol' row needs A_i, B_i and every AB_i^(j). What was left out is
// counted.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace campsim::analysis {

struct BootstrapSettings {
  double level = 0.95;     // of every interval
  int resamples = 1000;    // bootstrap resamples (SALib's default)
  std::uint64_t seed = 1;  // resampling stream (Philox), so intervals are reproducible
};

// An estimate with its bootstrap interval, SALib's form: value +- z_{(1+level)/2} x the standard
// deviation of the estimate over resamples.
struct IndexEstimate {
  double value = 0;
  double half_width = 0;
  double lower() const { return value - half_width; }
  double upper() const { return value + half_width; }
};

// Morris elementary effects (Morris 1991; mu* from Campolongo et al. 2007). For factor i and
// trajectory t, EE = (y(after) - y(before)) / (x_i(after) - x_i(before)): the output's change per
// unit of the factor's normalised range, so for y = sum c_i v_i with v_i uniform on [lo_i, hi_i],
// EE_i = c_i (hi_i - lo_i) exactly.
struct MorrisFactor {
  double mu = 0;        // mean EE (signs may cancel)
  IndexEstimate mu_star;     // mean |EE|: the screening measure, with its bootstrap interval over trajectories
  double sigma = 0;     // standard deviation of EE (n - 1): interactions or non-linearity
  std::size_t effects = 0;  // elementary effects used (trajectories with both outputs present)
};

struct MorrisResult {
  std::vector<MorrisFactor> factors;
  std::size_t missing_outputs = 0;
};

// `points` holds trajectories of k + 1 points one after another (each step changing exactly one
// factor), `outputs` one value per point.
MorrisResult morris_indices(const std::vector<std::vector<double>>& points, const std::vector<double>& outputs, int factors,
                            const BootstrapSettings& bootstrap);

// Sobol' indices from a Saltelli sample in SALib's order (per base row: A, AB^(1..k), B), with
// V = the variance (divided by n) of the outputs of A and B together:
//   first order (Saltelli et al. 2010, table 2 (b)):  S_i  = mean( f(B) (f(AB^i) - f(A)) ) / V
//   total (Jansen 1999; Saltelli et al. 2010 (f)):    ST_i = mean( (f(A) - f(AB^i))^2 ) / (2 V)
// Intervals: rows resampled with replacement.
struct SobolFactor {
  IndexEstimate first;
  IndexEstimate total;
};

struct SobolResult {
  std::vector<SobolFactor> factors;
  std::size_t rows_used = 0;
  std::size_t rows_missing = 0;  // base rows dropped for a missing output
  double variance = 0;
};

SobolResult sobol_indices(const std::vector<double>& outputs, int factors, const BootstrapSettings& bootstrap);

// Evaluates `model` at every point (for tests and analytic checks).
std::vector<double> evaluate(const std::vector<std::vector<double>>& points,
                             const std::function<double(const std::vector<double>&)>& model);

}  // namespace campsim::analysis
