#include "analysis/sensitivity.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/engine/random.hpp"

namespace campsim::analysis {

namespace {

constexpr std::uint64_t kMorrisBootstrap = engine::purpose_tag("sensitivity.bootstrap.morris");
constexpr std::uint64_t kSobolBootstrap = engine::purpose_tag("sensitivity.bootstrap.sobol");

double z_of(double level) { return engine::standard_normal_quantile(0.5 + level / 2); }

double mean_or_nan(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? std::nan("") : s / static_cast<double>(v.size());
}

double sd_of(const std::vector<double>& v) {  // n - 1
  if (v.size() < 2) return 0.0;
  const double m = mean_or_nan(v);
  double s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

}  // namespace

std::vector<double> evaluate(const std::vector<std::vector<double>>& points,
                             const std::function<double(const std::vector<double>&)>& model) {
  std::vector<double> out;
  out.reserve(points.size());
  for (const auto& p : points) out.push_back(model(p));
  return out;
}

MorrisResult morris_indices(const std::vector<std::vector<double>>& points, const std::vector<double>& outputs, int factors,
                            const BootstrapSettings& bootstrap) {
  const auto k = static_cast<std::size_t>(factors);
  if (factors < 1 || points.size() != outputs.size() || points.size() % (k + 1) != 0)
    throw std::invalid_argument("Morris: need trajectories of k + 1 points and one output per point");
  const std::size_t r = points.size() / (k + 1);
  std::vector<std::vector<double>> effects(k);  // per factor, per trajectory with both outputs
  MorrisResult result;
  for (double y : outputs)
    if (std::isnan(y)) ++result.missing_outputs;
  for (std::size_t t = 0; t < r; ++t)
    for (std::size_t step = 0; step < k; ++step) {
      const std::size_t a = t * (k + 1) + step, b = a + 1;
      std::size_t changed = k;
      for (std::size_t i = 0; i < k; ++i)
        if (points[a][i] != points[b][i]) {
          if (changed != k) throw std::invalid_argument("Morris: a step changes more than one factor");
          changed = i;
        }
      if (changed == k) throw std::invalid_argument("Morris: a step changes no factor");
      if (std::isnan(outputs[a]) || std::isnan(outputs[b])) continue;
      effects[changed].push_back((outputs[b] - outputs[a]) / (points[b][changed] - points[a][changed]));
    }
  const double z = z_of(bootstrap.level);
  for (std::size_t i = 0; i < k; ++i) {
    MorrisFactor f;
    const std::vector<double>& ee = effects[i];
    f.effects = ee.size();
    std::vector<double> absolute;
    for (double e : ee) absolute.push_back(std::abs(e));
    f.mu = mean_or_nan(ee);
    f.mu_star.value = mean_or_nan(absolute);
    f.sigma = sd_of(ee);
    if (absolute.size() >= 2) {
      engine::RandomStream stream({bootstrap.seed, 0, kMorrisBootstrap, i, 0});
      std::vector<double> means;
      for (int b = 0; b < bootstrap.resamples; ++b) {
        double s = 0;
        for (std::size_t j = 0; j < absolute.size(); ++j) s += absolute[stream.uniform_index(absolute.size())];
        means.push_back(s / static_cast<double>(absolute.size()));
      }
      f.mu_star.half_width = z * sd_of(means);
    }
    result.factors.push_back(f);
  }
  return result;
}

SobolResult sobol_indices(const std::vector<double>& outputs, int factors, const BootstrapSettings& bootstrap) {
  const auto k = static_cast<std::size_t>(factors);
  const std::size_t width = k + 2;
  if (factors < 1 || outputs.empty() || outputs.size() % width != 0)
    throw std::invalid_argument("Sobol: need N (k + 2) outputs in Saltelli order");
  SobolResult result;
  // Rows with every output present, as (A, B, AB^1..AB^k).
  std::vector<std::size_t> rows;
  for (std::size_t row = 0; row < outputs.size() / width; ++row) {
    bool ok = true;
    for (std::size_t j = 0; j < width; ++j) ok = ok && !std::isnan(outputs[row * width + j]);
    if (ok) rows.push_back(row);
    else ++result.rows_missing;
  }
  result.rows_used = rows.size();
  result.factors.assign(k, SobolFactor{});
  if (rows.size() < 2) return result;
  const auto fa = [&](std::size_t row) { return outputs[row * width]; };
  const auto fb = [&](std::size_t row) { return outputs[row * width + k + 1]; };
  const auto fab = [&](std::size_t row, std::size_t i) { return outputs[row * width + 1 + i]; };

  // The indices of every factor on a list of rows (the sample, or a resample).
  const auto estimate = [&](const std::vector<std::size_t>& use, std::vector<double>& first, std::vector<double>& total) {
    const double n = static_cast<double>(use.size());
    double sum = 0, squares = 0;
    for (std::size_t row : use) sum += fa(row) + fb(row);
    const double mean = sum / (2 * n);
    for (std::size_t row : use) squares += (fa(row) - mean) * (fa(row) - mean) + (fb(row) - mean) * (fb(row) - mean);
    const double variance = squares / (2 * n);
    first.assign(k, 0.0);
    total.assign(k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
      double s1 = 0, st = 0;
      for (std::size_t row : use) {
        s1 += fb(row) * (fab(row, i) - fa(row));
        st += (fa(row) - fab(row, i)) * (fa(row) - fab(row, i));
      }
      first[i] = variance > 0 ? s1 / n / variance : 0.0;
      total[i] = variance > 0 ? st / n / (2 * variance) : 0.0;
    }
    return variance;
  };
  std::vector<double> first, total;
  result.variance = estimate(rows, first, total);
  std::vector<std::vector<double>> first_boot(k), total_boot(k);
  engine::RandomStream stream({bootstrap.seed, 0, kSobolBootstrap, 0, 0});
  std::vector<std::size_t> resample(rows.size());
  std::vector<double> f, t;
  for (int b = 0; b < bootstrap.resamples; ++b) {
    for (std::size_t& row : resample) row = rows[stream.uniform_index(rows.size())];
    estimate(resample, f, t);
    for (std::size_t i = 0; i < k; ++i) {
      first_boot[i].push_back(f[i]);
      total_boot[i].push_back(t[i]);
    }
  }
  const double z = z_of(bootstrap.level);
  for (std::size_t i = 0; i < k; ++i) {
    result.factors[i].first = {first[i], z * sd_of(first_boot[i])};
    result.factors[i].total = {total[i], z * sd_of(total_boot[i])};
  }
  return result;
}

}  // namespace campsim::analysis
