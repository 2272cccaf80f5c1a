#pragma once
// Space-filling designs on level indices, independent of what the factors mean.
//
// A design is a matrix levels[point][factor] of integers 0..n-1, n = number of points. In a
// Latin hypercube every column is a permutation of 0..n-1: each factor's range is cut into n
// strata and every stratum is sampled exactly once, so n points explore every factor at n
// levels (a full factorial would need n^k).
//
// Decorrelated Latin hypercubes (design kind `decorrelated_lhs`) are for sizes the orthogonal
// constructions (orthogonal_latin_hypercube.hpp, kind `nolh`) do not cover: a search, not a
// construction. Start from random Latin hypercubes and improve each by swapping two entries
// within a column whenever that lowers the maximum absolute pairwise column correlation (ties
// broken by the sum of squared correlations), keeping the best over several restarts. The target
// is Cioppa & Lucas's (2007) criterion for "nearly orthogonal", max |correlation| <= 0.05; the
// achieved value is reported, since a small n cannot always reach it, and nothing is done for
// space filling. Every random choice comes from the project's counter-based Philox streams keyed
// by the seed, so a seed always gives the same design.
#include <cstdint>
#include <vector>

namespace campsim::batch {

using LevelMatrix = std::vector<std::vector<int>>;  // [point][factor], each in 0..points-1

// Each column an independent random permutation of 0..points-1.
LevelMatrix latin_hypercube(int points, int factors, std::uint64_t seed);

inline constexpr double kNearlyOrthogonalTarget = 0.05;  // Cioppa & Lucas (2007)

// A Latin hypercube with low pairwise column correlation, found by search (see above).
LevelMatrix decorrelated_latin_hypercube(int points, int factors, std::uint64_t seed,
                                              double target = kNearlyOrthogonalTarget);

// Max over factor pairs of |Pearson correlation| of the columns of a Latin hypercube (every column
// a permutation of the same levels); 0 with fewer than two factors or fewer than two points.
double max_abs_column_correlation(const LevelMatrix& levels);

}  // namespace campsim::batch
