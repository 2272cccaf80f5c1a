#include "sim/batch/sensitivity_sample.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <boost/random/sobol.hpp>

#include "sim/engine/random.hpp"

namespace campsim::batch {

namespace {

constexpr std::uint64_t kMorrisPurpose = engine::purpose_tag("sensitivity.morris.trajectory");

// One random trajectory on the grid (levels as integers 0..p-1, then scaled).
UnitPoints random_trajectory(int k, int p, engine::RandomStream& stream) {
  const int jump = p / 2;  // delta = p / (2 (p - 1)) is p/2 grid steps
  std::vector<int> level(static_cast<std::size_t>(k));
  std::vector<int> direction(static_cast<std::size_t>(k));
  for (int i = 0; i < k; ++i) {
    const int base = static_cast<int>(stream.uniform_index(static_cast<std::uint64_t>(p - jump)));  // 0..p/2-1
    const bool up = stream.uniform_index(2) == 0;
    level[static_cast<std::size_t>(i)] = up ? base : base + jump;
    direction[static_cast<std::size_t>(i)] = up ? 1 : -1;
  }
  std::vector<int> order(static_cast<std::size_t>(k));
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[stream.uniform_index(i)]);
  const double scale = 1.0 / (p - 1);
  UnitPoints points;
  auto push = [&] {
    std::vector<double> x(static_cast<std::size_t>(k));
    for (int i = 0; i < k; ++i) x[static_cast<std::size_t>(i)] = level[static_cast<std::size_t>(i)] * scale;
    points.push_back(std::move(x));
  };
  push();
  for (int i : order) {
    level[static_cast<std::size_t>(i)] += direction[static_cast<std::size_t>(i)] * jump;
    push();
  }
  return points;
}

double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += (a[i] - b[i]) * (a[i] - b[i]);
  return std::sqrt(sum);
}

// d_ml = sum over the points of m and of l of their distance (Campolongo et al. 2007, eq. 3).
double trajectory_distance(const UnitPoints& m, const UnitPoints& l) {
  double sum = 0;
  for (const auto& a : m)
    for (const auto& b : l) sum += distance(a, b);
  return sum;
}

}  // namespace

UnitPoints morris_sample(int factors, const MorrisOptions& options) {
  if (factors < 1) throw std::invalid_argument("Morris sample: need at least one factor");
  if (options.levels < 2 || options.levels % 2 != 0) throw std::invalid_argument("Morris sample: levels must be even and >= 2");
  if (options.trajectories < 2) throw std::invalid_argument("Morris sample: need at least two trajectories");
  const int candidates = std::max(options.candidates > 0 ? options.candidates : 10 * options.trajectories, options.trajectories);
  std::vector<UnitPoints> pool;
  for (int c = 0; c < candidates; ++c) {
    engine::RandomStream stream({options.seed, 0, kMorrisPurpose, static_cast<std::uint64_t>(c), 0});
    pool.push_back(random_trajectory(factors, options.levels, stream));
  }
  std::vector<int> chosen;
  if (candidates == options.trajectories) {
    chosen.resize(static_cast<std::size_t>(candidates));
    std::iota(chosen.begin(), chosen.end(), 0);
  } else {
    const std::size_t n = pool.size();
    std::vector<std::vector<double>> d(n, std::vector<double>(n, 0.0));
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b) d[a][b] = d[b][a] = trajectory_distance(pool[a], pool[b]);
    // Start from the farthest pair (lowest indices on ties), then add the candidate that adds the
    // most squared distance to those chosen.
    std::size_t first = 0, second = 1;
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b)
        if (d[a][b] > d[first][second]) first = a, second = b;
    chosen = {static_cast<int>(first), static_cast<int>(second)};
    std::vector<bool> used(n, false);
    used[first] = used[second] = true;
    while (chosen.size() < static_cast<std::size_t>(options.trajectories)) {
      std::size_t best = n;
      double best_gain = -1;
      for (std::size_t c = 0; c < n; ++c) {
        if (used[c]) continue;
        double gain = 0;
        for (int s : chosen) gain += d[c][static_cast<std::size_t>(s)] * d[c][static_cast<std::size_t>(s)];
        if (gain > best_gain) best_gain = gain, best = c;
      }
      used[best] = true;
      chosen.push_back(static_cast<int>(best));
    }
    std::sort(chosen.begin(), chosen.end());  // the order of drawing: independent of the selection's order
  }
  UnitPoints out;
  for (int c : chosen) out.insert(out.end(), pool[static_cast<std::size_t>(c)].begin(), pool[static_cast<std::size_t>(c)].end());
  return out;
}

double morris_spread(const UnitPoints& points, int factors) {
  const std::size_t size = static_cast<std::size_t>(factors) + 1;
  const std::size_t r = points.size() / size;
  double sum = 0;
  for (std::size_t a = 0; a < r; ++a)
    for (std::size_t b = a + 1; b < r; ++b) {
      const UnitPoints ta(points.begin() + static_cast<long>(a * size), points.begin() + static_cast<long>((a + 1) * size));
      const UnitPoints tb(points.begin() + static_cast<long>(b * size), points.begin() + static_cast<long>((b + 1) * size));
      const double d = trajectory_distance(ta, tb);
      sum += d * d;
    }
  return std::sqrt(sum);
}

UnitPoints sobol_sequence(std::size_t count, std::size_t dimensions) {
  boost::random::sobol sequence(dimensions);  // starts after the all-zero point
  constexpr double kScale = 0x1.0p-64;
  UnitPoints out(count, std::vector<double>(dimensions));
  for (std::size_t i = 0; i < count; ++i)
    for (std::size_t d = 0; d < dimensions; ++d) out[i][d] = static_cast<double>(sequence()) * kScale;
  return out;
}

UnitPoints saltelli_sample(int factors, int base_samples) {
  if (factors < 1 || base_samples < 2) throw std::invalid_argument("Saltelli sample: need factors >= 1 and N >= 2");
  const auto k = static_cast<std::size_t>(factors);
  const UnitPoints base = sobol_sequence(static_cast<std::size_t>(base_samples), 2 * k);
  UnitPoints out;
  out.reserve(static_cast<std::size_t>(base_samples) * (k + 2));
  for (const auto& row : base) {
    const std::vector<double> a(row.begin(), row.begin() + static_cast<long>(k));
    const std::vector<double> b(row.begin() + static_cast<long>(k), row.end());
    out.push_back(a);
    for (std::size_t j = 0; j < k; ++j) {
      std::vector<double> ab = a;
      ab[j] = b[j];
      out.push_back(std::move(ab));
    }
    out.push_back(b);
  }
  return out;
}

}  // namespace campsim::batch
