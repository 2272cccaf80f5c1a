#include "sim/batch/latin_hypercube.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "sim/engine/random.hpp"

namespace campsim::batch {

namespace {

constexpr std::uint64_t kPermutationPurpose = engine::purpose_tag("batch.design.permutation");
constexpr std::uint64_t kSwapPurpose = engine::purpose_tag("batch.design.swap");
constexpr int kRestarts = 20;               // random starts tried at most
constexpr int kSwapsPerFactor = 4000;       // swap proposals per restart, per factor

// `restart` keeps the starts of a decorrelating search independent of each other and of plain LHS (0).
LevelMatrix random_latin_hypercube(int points, int factors, std::uint64_t seed, std::uint64_t restart) {
  if (points < 1 || factors < 0) throw std::invalid_argument("latin hypercube: need points >= 1 and factors >= 0");
  LevelMatrix levels(static_cast<std::size_t>(points), std::vector<int>(static_cast<std::size_t>(factors)));
  for (int f = 0; f < factors; ++f) {
    engine::RandomStream stream({seed, 0, kPermutationPurpose, static_cast<std::uint64_t>(f), restart});
    std::vector<int> column(static_cast<std::size_t>(points));
    std::iota(column.begin(), column.end(), 0);
    for (std::size_t i = column.size(); i > 1; --i) std::swap(column[i - 1], column[stream.uniform_index(i)]);
    for (int p = 0; p < points; ++p) levels[static_cast<std::size_t>(p)][static_cast<std::size_t>(f)] = column[static_cast<std::size_t>(p)];
  }
  return levels;
}

// Pairwise column dot products of the centred levels. Every column is a permutation of the same
// levels, so all have the same variance and correlation = dot / variance.
struct Correlations {
  std::vector<std::vector<double>> centred;  // [point][factor]
  std::vector<std::vector<double>> dot;      // [factor][factor]
  double variance = 0;                       // sum of squared centred levels of one column

  explicit Correlations(const LevelMatrix& levels) {
    const std::size_t n = levels.size(), k = n ? levels[0].size() : 0;
    const double mean = (static_cast<double>(n) - 1) / 2;
    centred.assign(n, std::vector<double>(k));
    for (std::size_t p = 0; p < n; ++p)
      for (std::size_t f = 0; f < k; ++f) centred[p][f] = levels[p][f] - mean;
    for (std::size_t p = 0; p < n; ++p) variance += (static_cast<double>(p) - mean) * (static_cast<double>(p) - mean);
    dot.assign(k, std::vector<double>(k, 0.0));
    for (std::size_t a = 0; a < k; ++a)
      for (std::size_t b = a + 1; b < k; ++b) {
        double sum = 0;
        for (std::size_t p = 0; p < n; ++p) sum += centred[p][a] * centred[p][b];
        dot[a][b] = dot[b][a] = sum;
      }
  }

  // (max |dot|, sum dot^2) over pairs: the objective, compared lexicographically.
  std::pair<double, double> objective() const {
    double worst = 0, squares = 0;
    for (std::size_t a = 0; a < dot.size(); ++a)
      for (std::size_t b = a + 1; b < dot.size(); ++b) {
        worst = std::max(worst, std::abs(dot[a][b]));
        squares += dot[a][b] * dot[a][b];
      }
    return {worst, squares};
  }
};

// Greedy swaps within columns; a swap of rows i and j in column c changes dot[c][d] by
// (x_jc - x_ic) * (x_id - x_jd), so each proposal costs O(factors) to score.
void improve(LevelMatrix& levels, Correlations& corr, std::uint64_t seed, std::uint64_t restart) {
  const std::size_t n = levels.size(), k = levels[0].size();
  engine::RandomStream stream({seed, 0, kSwapPurpose, 0, restart});
  auto current = corr.objective();
  std::vector<double> delta(k);
  const long proposals = static_cast<long>(kSwapsPerFactor) * static_cast<long>(k);
  for (long t = 0; t < proposals; ++t) {
    const std::size_t c = stream.uniform_index(k);
    const std::size_t i = stream.uniform_index(n);
    const std::size_t j = stream.uniform_index(n);
    if (i == j) continue;
    const double step = corr.centred[j][c] - corr.centred[i][c];
    for (std::size_t d = 0; d < k; ++d)
      delta[d] = d == c ? 0.0 : step * (corr.centred[i][d] - corr.centred[j][d]);
    for (std::size_t d = 0; d < k; ++d) {
      corr.dot[c][d] += delta[d];
      corr.dot[d][c] = corr.dot[c][d];
    }
    const auto proposed = corr.objective();
    if (proposed < current) {
      current = proposed;
      std::swap(levels[i][c], levels[j][c]);
      std::swap(corr.centred[i][c], corr.centred[j][c]);
    } else {
      for (std::size_t d = 0; d < k; ++d) {
        corr.dot[c][d] -= delta[d];
        corr.dot[d][c] = corr.dot[c][d];
      }
    }
  }
}

}  // namespace

LevelMatrix latin_hypercube(int points, int factors, std::uint64_t seed) {
  return random_latin_hypercube(points, factors, seed, 0);
}

LevelMatrix decorrelated_latin_hypercube(int points, int factors, std::uint64_t seed, double target) {
  LevelMatrix best = latin_hypercube(points, factors, seed);
  if (points < 3 || factors < 2) return best;  // nothing to decorrelate
  double best_value = max_abs_column_correlation(best);
  for (int restart = 1; restart <= kRestarts && best_value >= target; ++restart) {
    LevelMatrix levels = random_latin_hypercube(points, factors, seed, static_cast<std::uint64_t>(restart));
    Correlations corr(levels);
    improve(levels, corr, seed, static_cast<std::uint64_t>(restart));
    const double value = max_abs_column_correlation(levels);
    if (value < best_value) {
      best_value = value;
      best = std::move(levels);
    }
  }
  return best;
}

double max_abs_column_correlation(const LevelMatrix& levels) {
  if (levels.size() < 2 || levels[0].size() < 2) return 0.0;
  const Correlations corr(levels);
  return corr.objective().first / corr.variance;
}

}  // namespace campsim::batch
