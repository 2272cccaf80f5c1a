#include "sim/batch/orthogonal_latin_hypercube.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include "sim/batch/design_quality.hpp"
#include "sim/engine/random.hpp"

namespace campsim::batch {

namespace {

constexpr std::uint64_t kSubsetPurpose = engine::purpose_tag("batch.design.orthogonal_subset");
constexpr int kLargestExponent = 20;  // 2^20 + 1 runs: far beyond any batch

// One column of the construction: M's column is e permuted by r -> r XOR permutation_mask, S's
// column the product of the sign vectors a_k whose bit k-1 is in sign_bits.
struct ColumnRecipe {
  unsigned permutation_mask = 0;
  unsigned sign_bits = 0;
};

std::vector<ColumnRecipe> recipes(int m, OrthogonalConstruction construction) {
  const auto mask = [](int k) { return (1u << k) - 1u; };  // A_k
  const auto bit = [](int k) { return 1u << (k - 1); };     // a_k
  std::vector<ColumnRecipe> out{{0, 0}};                     // e, with all signs +1
  for (int k = 1; k <= m - 1; ++k) out.push_back({mask(k), bit(k)});
  if (construction == OrthogonalConstruction::Ye1998) {
    for (int i = 1; i <= m - 2; ++i) out.push_back({mask(i) ^ mask(m - 1), bit(1) | bit(i + 1)});
  } else {
    for (int i = 1; i <= m - 1; ++i)
      for (int j = i + 1; j <= m - 1; ++j) out.push_back({mask(i) ^ mask(j), bit(i) | bit(j)});
  }
  return out;
}

LevelMatrix columns_of(const LevelMatrix& full, const std::vector<std::size_t>& chosen) {
  LevelMatrix out(full.size(), std::vector<int>(chosen.size()));
  for (std::size_t r = 0; r < full.size(); ++r)
    for (std::size_t c = 0; c < chosen.size(); ++c) out[r][c] = full[r][chosen[c]];
  return out;
}

}  // namespace

int orthogonal_columns(int m, OrthogonalConstruction construction) {
  if (m < 2) return 0;
  return construction == OrthogonalConstruction::Ye1998 ? 2 * m - 2 : m + (m - 1) * (m - 2) / 2;
}

LevelMatrix orthogonal_latin_hypercube(int m, OrthogonalConstruction construction) {
  if (m < 2 || m > kLargestExponent) throw std::invalid_argument("orthogonal Latin hypercube: need 2 <= m <= 20");
  const int q = 1 << (m - 1);
  const std::vector<ColumnRecipe> columns = recipes(m, construction);
  // Rows 0..q-1 hold T, row q the centre (all zero), rows q+1..2q hold -T; levels are value + q.
  LevelMatrix levels(static_cast<std::size_t>(2 * q + 1), std::vector<int>(columns.size(), q));
  for (int r = 0; r < q; ++r)
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const int e = static_cast<int>((static_cast<unsigned>(r) ^ columns[c].permutation_mask)) + 1;
      int sign = 1;
      for (int b = 0; b < m - 1; ++b)
        if ((columns[c].sign_bits >> b) & 1u) sign *= ((r >> b) & 1) ? 1 : -1;
      levels[static_cast<std::size_t>(r)][c] = q + sign * e;
      levels[static_cast<std::size_t>(q + 1 + r)][c] = q - sign * e;
    }
  return levels;
}

std::optional<int> orthogonal_size_exponent(int points) {
  for (int m = 2; m <= kLargestExponent; ++m)
    if ((1 << m) + 1 == points) return m;
  return std::nullopt;
}

int orthogonal_runs_for(int factors) {
  for (int m = 2; m <= kLargestExponent; ++m)
    if (orthogonal_columns(m, OrthogonalConstruction::CioppaLucas2007) >= factors) return (1 << m) + 1;
  throw std::invalid_argument("orthogonal Latin hypercube: too many factors (" + std::to_string(factors) + ")");
}

LevelMatrix nearly_orthogonal_latin_hypercube_of(int points, int factors, std::uint64_t seed, int candidates) {
  const std::optional<int> m = orthogonal_size_exponent(points);
  if (!m) throw std::invalid_argument("orthogonal Latin hypercube: " + std::to_string(points) + " points is not 2^m + 1");
  const LevelMatrix full = orthogonal_latin_hypercube(*m, OrthogonalConstruction::CioppaLucas2007);
  const std::size_t available = full.empty() ? 0 : full[0].size();
  if (factors < 1 || static_cast<std::size_t>(factors) > available)
    throw std::invalid_argument("orthogonal Latin hypercube: " + std::to_string(points) + " points hold at most " +
                                std::to_string(available) + " orthogonal factors, not " + std::to_string(factors));
  std::vector<std::size_t> all(available);
  std::iota(all.begin(), all.end(), 0);
  if (static_cast<std::size_t>(factors) == available) return full;

  // Score subsets of columns by space filling; candidate 0 is the first `factors` columns.
  LevelMatrix best;
  std::pair<double, double> best_score{-1.0, 0.0};  // (min distance, -discrepancy): larger is better
  for (int candidate = 0; candidate < std::max(1, candidates); ++candidate) {
    std::vector<std::size_t> order = all;
    if (candidate > 0) {
      engine::RandomStream stream({seed, 0, kSubsetPurpose, 0, static_cast<std::uint64_t>(candidate)});
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[stream.uniform_index(i)]);
    }
    std::vector<std::size_t> chosen(order.begin(), order.begin() + factors);
    std::sort(chosen.begin(), chosen.end());  // keep the construction's column order
    LevelMatrix design = columns_of(full, chosen);
    const auto unit = unit_cube(design);
    const std::pair<double, double> score{minimum_distance(unit), -modified_l2_discrepancy(unit)};
    if (score > best_score) {
      best_score = score;
      best = std::move(design);
    }
  }
  return best;
}

}  // namespace campsim::batch
