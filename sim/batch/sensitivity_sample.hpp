#pragma once
// The sample designs of global sensitivity analysis, in the unit cube [0, 1]^k (mapped to
// parameter values by ParameterSpace). Both are deterministic: the same sizes and seed give the
// same points on every machine.
//
// Morris (1991) elementary effects with Campolongo, Cariboni & Saltelli's (2007, "An effective
// screening design for sensitivity analysis of large models", Environmental Modelling & Software
// 22) improvements: a trajectory is k+1 points on a grid of p levels {0, 1/(p-1), .., 1}, each
// point changing one factor by delta = p / (2(p-1)) from the last, the factors in a random order
// and each step up or down at random; `candidates` random trajectories are drawn and the
// `trajectories` that are most spread out are kept (Campolongo's criterion: the sum over pairs
// of trajectories of the squared sum of distances between their points). Campolongo searches
// every subset; we add trajectories greedily, one at a time, the one that increases the spread
// most (the local approach of Ruano et al. 2012, Environmental Modelling & Software 37, which
// SALib also offers), starting from the farthest pair.
//
// Saltelli (2002, 2010, "Variance based sensitivity analysis of model output. Design and
// estimator for the total sensitivity index", Computer Physics Communications 181): N base rows
// of a 2k-dimensional Sobol' low-discrepancy sequence (Boost.Random's, with Joe & Kuo's direction
// numbers; the all-zero first point is skipped), the first k columns forming matrix A and the last
// k matrix B; for each row i the design lists A_i, then AB_i^(j) for j = 1..k (A_i with column j
// taken from B_i), then B_i: N (k + 2) points in SALib's order (without second-order indices).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace campsim::batch {

using UnitPoints = std::vector<std::vector<double>>;  // [point][factor], each in [0, 1]

struct MorrisOptions {
  int trajectories = 10;   // r: trajectories kept
  int candidates = 0;      // trajectories drawn to choose from (0: 10 r, Campolongo's suggestion of several times r)
  int levels = 4;          // p, even
  std::uint64_t seed = 1;
};

// r (k + 1) points, trajectory after trajectory.
UnitPoints morris_sample(int factors, const MorrisOptions& options);

// The spread Campolongo et al. maximise, of a set of trajectories (for tests and the record).
double morris_spread(const UnitPoints& points, int factors);

// N (k + 2) points (see above). N is best a power of two (the Sobol' sequence balances there).
UnitPoints saltelli_sample(int factors, int base_samples);

// The first `count` points of the `dimensions`-dimensional Sobol' sequence after (0, .., 0).
UnitPoints sobol_sequence(std::size_t count, std::size_t dimensions);

}  // namespace campsim::batch
