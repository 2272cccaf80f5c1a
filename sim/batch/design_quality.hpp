#pragma once
// How good a design is: orthogonality (max |correlation| between columns, in latin_hypercube.hpp)
// and space filling, on the design scaled to the unit cube (level l of n -> (l + 1/2) / n).
//
// - minimum distance: the smallest Euclidean distance between two runs (maximin designs make it
//   large: no two runs nearly repeat each other);
// - modified L2 discrepancy (Hickernell 1998, "A generalized discrepancy and quadrature error
//   bound", Math. Comp. 67): how far the empirical distribution of the runs is from uniform, over
//   every box anchored at a corner and every projection; smaller is more uniform. For n runs x_k
//   in [0,1]^d:
//     ML2^2 = (4/3)^d - (2/n) sum_k prod_j (3 - x_kj^2)/2 + (1/n^2) sum_k sum_l prod_j (2 - max(x_kj, x_lj)).
#include "sim/batch/latin_hypercube.hpp"

namespace campsim::batch {

// Levels to the unit cube: (level + 1/2) / points (the stratum centres).
std::vector<std::vector<double>> unit_cube(const LevelMatrix& levels);

double minimum_distance(const std::vector<std::vector<double>>& points);
double modified_l2_discrepancy(const std::vector<std::vector<double>>& points);

}  // namespace campsim::batch
