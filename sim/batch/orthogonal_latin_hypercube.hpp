#pragma once
// Orthogonal Latin hypercubes by construction, for data farming (docs/batch.md, "nolh").
//
// Ye (1998, "Orthogonal column Latin hypercubes and their application in computer experiments",
// JASA 93(444)) builds, for n = 2^m + 1 runs, 2m - 2 columns whose pairwise correlations are
// exactly zero: with q = 2^(m-1), e = (1..q), the permutation matrices A_k = I^(x)(m-1-k) (x) R^(x)k
// (R the 2x2 reversal) and the sign vectors a_k (-1 where bit k-1 of the row index is 0), the
// design is [T; 0; -T] with T = M o S (elementwise), M = [e, A_1 e .. A_{m-1} e, A_i A_{m-1} e]
// and S = [1, a_1 .. a_{m-1}, a_1 a_{i+1}]. Cioppa & Lucas (2007, "Efficient nearly orthogonal
// and space-filling Latin hypercubes", Technometrics 49(1)) extend the last block to every pair
// i < j, giving m + (m-1)(m-2)/2 orthogonal columns: 17 runs x 7 factors, 33 x 11, 65 x 16,
// 129 x 22, 257 x 29, the sizes of their published tables.
//
// A_k permutes row r to r XOR (2^k - 1) (the reversal inside blocks of 2^k), so each column is
// e[r XOR mask] times a product of sign bits: no matrices are formed.
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/batch/latin_hypercube.hpp"

namespace campsim::batch {

enum class OrthogonalConstruction {
  Ye1998,              // 2m - 2 columns
  CioppaLucas2007,     // m + (m-1)(m-2)/2 columns (Ye's first m columns, then every pair)
};

// Number of orthogonal columns the construction gives for 2^m + 1 runs (m >= 2).
int orthogonal_columns(int m, OrthogonalConstruction construction);

// The full orthogonal Latin hypercube for 2^m + 1 runs, as levels 0..2^m (value + 2^(m-1)).
LevelMatrix orthogonal_latin_hypercube(int m, OrthogonalConstruction construction);

// The m with 2^m + 1 == points, if any (2 <= m <= 20).
std::optional<int> orthogonal_size_exponent(int points);

// The smallest number of runs 2^m + 1 (m >= 2) whose Cioppa-Lucas design has at least `factors`
// columns.
int orthogonal_runs_for(int factors);

// `factors` columns of the Cioppa-Lucas design for `points` = 2^m + 1 runs (which must have at
// least that many columns). Any subset of orthogonal columns is orthogonal; when there is a
// choice, `candidates` subsets drawn from the seed's stream are scored by space filling (largest
// minimum distance between runs, then smallest modified L2 discrepancy) and the best is kept, so
// the same seed always gives the same design. Throws std::invalid_argument for an impossible size.
LevelMatrix nearly_orthogonal_latin_hypercube_of(int points, int factors, std::uint64_t seed, int candidates = 64);

}  // namespace campsim::batch
