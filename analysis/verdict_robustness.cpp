#include "analysis/verdict_robustness.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>

#include <boost/math/distributions/students_t.hpp>

#include "sim/scenario/duration.hpp"

namespace campsim::analysis {

namespace {

constexpr double kAlpha = 0.05;
constexpr int kMinimumPoints = 4;  // below this a rank correlation says nothing

// Ranks 1..n, ties sharing their average rank.
std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    const double average = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = average;
    i = j + 1;
  }
  return r;
}

bool counts_as_better(Verdict v) { return v == Verdict::better || v == Verdict::higher; }
bool counts_as_worse(Verdict v) { return v == Verdict::worse || v == Verdict::lower; }

}  // namespace

std::optional<double> factor_number(const std::string& text) {
  if (text == "true") return 1.0;
  if (text == "false") return 0.0;
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec == std::errc() && ptr == end) return value;
  return scenario::parse_duration(text);
}

double spearman_correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n != y.size() || n < 2) return std::nan("");
  const std::vector<double> rx = ranks(x), ry = ranks(y);
  const double mean = (static_cast<double>(n) + 1) / 2;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  if (sxx == 0 || syy == 0) return std::nan("");
  return sxy / std::sqrt(sxx * syy);
}

double spearman_p_value(double r, std::size_t n) {
  if (!std::isfinite(r) || n < 3) return 1.0;
  if (std::abs(r) >= 1) return 0.0;
  const double df = static_cast<double>(n) - 2;
  const double t = std::abs(r) * std::sqrt(df / (1 - r * r));
  return 2 * boost::math::cdf(boost::math::complement(boost::math::students_t_distribution<double>(df), t));
}

std::vector<bool> holm_reject(const std::vector<double>& p_values, double alpha) {
  std::vector<std::size_t> order(p_values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<bool> reject(p_values.size(), false);
  const std::size_t m = p_values.size();
  for (std::size_t i = 0; i < m; ++i) {
    if (p_values[order[i]] >= alpha / static_cast<double>(m - i)) break;  // step down: stop at the first kept
    reject[order[i]] = true;
  }
  return reject;
}

std::optional<VerdictRobustness> verdict_robustness(const BatchTable& batch, const Comparison& c,
                                                    const std::vector<std::string>& metrics) {
  if (static_cast<int>(c.design_points.size()) < kMinimumPoints) return std::nullopt;
  VerdictRobustness out;
  out.points = static_cast<int>(c.design_points.size());
  // The numeric factors, and each point's value of each.
  const DesignPoint& first = batch.design_point(c.design_points.front());
  std::vector<std::vector<double>> factor_values;  // [factor][point]
  for (std::size_t f = 0; f < first.settings.size(); ++f) {
    std::vector<double> values;
    bool numeric = true;
    for (int dp : c.design_points) {
      const DesignPoint& point = batch.design_point(dp);
      const auto v = f < point.settings.size() ? factor_number(point.settings[f].second) : std::nullopt;
      numeric = numeric && v.has_value();
      values.push_back(v.value_or(0));
    }
    if (!numeric) continue;
    out.factor_keys.push_back(first.settings[f].first);
    factor_values.push_back(std::move(values));
  }
  if (out.factor_keys.empty()) return std::nullopt;

  for (const std::string& name : metrics) {
    // This metric's result at each point, looked up once (Comparison::find scans every result).
    std::vector<const MetricResult*> at;
    for (int dp : c.design_points) at.push_back(c.find(name, dp));
    const MetricResult* any = at.front();
    if (!any) continue;
    MetricOverDesign m;
    m.metric = any->metric;
    m.best_count.assign(c.policies.size(), 0);
    const Direction direction = m.metric.direction;
    // The ranking: best mean at each point (the direction decides; unknown: not ranked).
    if (direction != Direction::unknown)
      for (const MetricResult* r : at) {
        if (!r) continue;
        std::optional<std::size_t> best;
        double best_mean = 0;
        int sharing = 0;  // policies with exactly the best mean (common random numbers make ties common)
        for (const PolicyResult& p : r->policies) {
          if (p.estimate.summary.n == 0) continue;
          const double mean = p.estimate.summary.mean;
          const bool better = direction == Direction::lower_is_better ? mean < best_mean : mean > best_mean;
          if (!best || better) {
            best = p.policy, best_mean = mean, sharing = 1;
          } else if (mean == best_mean) {
            ++sharing;
          }
        }
        if (best && sharing == 1) ++m.best_count[*best];
        if (sharing > 1) ++m.tied;
      }
    for (std::size_t policy = 0; policy < c.policies.size(); ++policy) {
      if (policy == c.reference) continue;
      PolicyOverDesign row;
      row.policy = policy;
      std::vector<double> differences;
      std::vector<std::size_t> used;  // index of the point (into c.design_points) of each difference
      for (std::size_t i = 0; i < at.size(); ++i) {
        const MetricResult* r = at[i];
        if (!r) continue;
        for (const PolicyResult& p : r->policies) {
          if (p.policy != policy || !p.vs_reference || p.vs_reference->pairs == 0) continue;
          const Difference& d = *p.vs_reference;
          differences.push_back(d.summary.mean);
          used.push_back(i);
          if (counts_as_better(d.verdict)) ++row.better;
          else if (counts_as_worse(d.verdict)) ++row.worse;
          else ++row.unclear;
        }
      }
      row.points = static_cast<int>(differences.size());
      if (!differences.empty()) {
        const auto [lo, hi] = std::minmax_element(differences.begin(), differences.end());
        row.difference_min = *lo;
        row.difference_max = *hi;
      }
      std::vector<double> p_values;
      for (std::size_t f = 0; f < out.factor_keys.size(); ++f) {
        std::vector<double> x;
        for (std::size_t i : used) x.push_back(factor_values[f][i]);
        FactorDependence dep;
        dep.key = out.factor_keys[f];
        dep.spearman = row.points >= kMinimumPoints ? spearman_correlation(x, differences) : std::nan("");
        dep.p_value = spearman_p_value(dep.spearman, x.size());
        p_values.push_back(dep.p_value);
        row.factors.push_back(dep);
      }
      const std::vector<bool> reject = holm_reject(p_values, kAlpha);
      for (std::size_t f = 0; f < row.factors.size(); ++f) row.factors[f].depends = reject[f];
      std::stable_sort(row.factors.begin(), row.factors.end(), [](const FactorDependence& a, const FactorDependence& b) {
        const double x = std::isfinite(a.spearman) ? std::abs(a.spearman) : -1;
        const double y = std::isfinite(b.spearman) ? std::abs(b.spearman) : -1;
        return x > y;
      });
      m.policies.push_back(std::move(row));
    }
    out.metrics.push_back(std::move(m));
  }
  return out;
}

}  // namespace campsim::analysis
