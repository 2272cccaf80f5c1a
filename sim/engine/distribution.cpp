#include "sim/engine/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "sim/engine/number_format.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::engine {

namespace {

double lognormal_sigma(double median, double p90) { return math::log(p90 / median) / kZ90; }

double triangular_quantile(double lo, double mode, double hi, double p) {
  const double width = hi - lo;
  if (!(width > 0.0)) return lo;
  if (p < (mode - lo) / width) return lo + std::sqrt(p * width * (mode - lo));
  return hi - std::sqrt((1.0 - p) * width * (hi - mode));
}

std::string join_numbers(const std::vector<double>& xs) {
  std::string out = "[";
  for (std::size_t i = 0; i < xs.size(); ++i) {
    if (i > 0) out += ", ";
    out += format_number(xs[i]);
  }
  return out + "]";
}

}  // namespace

Distribution Distribution::fixed(double v) { return {Kind::Fixed, v, 0, 0, {}, {}}; }
Distribution Distribution::uniform(double lo, double hi) { return {Kind::Uniform, lo, hi, 0, {}, {}}; }
Distribution Distribution::exponential(double mean) { return {Kind::Exponential, mean, 0, 0, {}, {}}; }
Distribution Distribution::lognormal(double median, double p90) {
  return {Kind::Lognormal, median, p90, 0, {}, {}};
}
Distribution Distribution::triangular(double lo, double mode, double hi) {
  return {Kind::Triangular, lo, mode, hi, {}, {}};
}
Distribution Distribution::empirical(std::vector<double> values, std::vector<double> weights) {
  return {Kind::Empirical, 0, 0, 0, std::move(values), std::move(weights)};
}

double Distribution::sample(RandomStream& rng) const {
  switch (kind) {
    case Kind::Fixed: return a;
    case Kind::Uniform: return rng.uniform(a, b);
    case Kind::Exponential: return rng.exponential(a);
    case Kind::Lognormal: return rng.lognormal_median_p90(a, b);
    case Kind::Triangular: return rng.triangular(a, b, c);
    case Kind::Empirical: {
      // Walk the table in its own order; the last positive-weight entry absorbs rounding.
      const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
      const double target = rng.uniform01() * total;
      double cumulative = 0.0;
      std::size_t chosen = 0;
      for (std::size_t i = 0; i < values.size() && i < weights.size(); ++i) {
        if (weights[i] <= 0.0) continue;
        chosen = i;
        cumulative += weights[i];
        if (target < cumulative) break;
      }
      return values.empty() ? 0.0 : values[chosen];
    }
  }
  return a;
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::Fixed: return a;
    case Kind::Uniform: return 0.5 * (a + b);
    case Kind::Exponential: return a;
    case Kind::Lognormal: {
      const double sigma = lognormal_sigma(a, b);
      return a * math::exp(0.5 * sigma * sigma);
    }
    case Kind::Triangular: return (a + b + c) / 3.0;
    case Kind::Empirical: {
      double total = 0.0, weighted = 0.0;
      for (std::size_t i = 0; i < values.size() && i < weights.size(); ++i) {
        total += weights[i];
        weighted += weights[i] * values[i];
      }
      return total > 0.0 ? weighted / total : 0.0;
    }
  }
  return a;
}

double Distribution::quantile(double p) const {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  switch (kind) {
    case Kind::Fixed: return a;
    case Kind::Uniform: return a + p * (b - a);
    case Kind::Exponential: return p >= 1.0 ? kInf : -a * math::log1p(-p);
    case Kind::Lognormal:
      if (p <= 0.0) return 0.0;
      if (p >= 1.0) return kInf;
      return a * math::exp(lognormal_sigma(a, b) * standard_normal_quantile(p));
    case Kind::Triangular: return triangular_quantile(a, b, c, p);
    case Kind::Empirical: {
      const std::size_t n = std::min(values.size(), weights.size());
      if (n == 0) return 0.0;
      std::vector<std::size_t> order(n);
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
      double total = 0.0;
      for (std::size_t i = 0; i < n; ++i) total += std::max(weights[i], 0.0);
      double cumulative = 0.0;
      double last_positive = values[order.front()];
      for (const std::size_t i : order) {
        if (weights[i] <= 0.0) continue;
        last_positive = values[i];
        cumulative += weights[i];
        if (cumulative >= p * total) return values[i];
      }
      return last_positive;
    }
  }
  return a;
}

std::string Distribution::describe() const {
  switch (kind) {
    case Kind::Fixed: return "fixed(" + format_number(a) + ")";
    case Kind::Uniform: return "uniform(min=" + format_number(a) + ", max=" + format_number(b) + ")";
    case Kind::Exponential: return "exponential(mean=" + format_number(a) + ")";
    case Kind::Lognormal:
      return "lognormal(median=" + format_number(a) + ", p90=" + format_number(b) + ")";
    case Kind::Triangular:
      return "triangular(min=" + format_number(a) + ", mode=" + format_number(b) +
             ", max=" + format_number(c) + ")";
    case Kind::Empirical:
      return "empirical(values=" + join_numbers(values) + ", weights=" + join_numbers(weights) + ")";
  }
  return "unknown";
}

}  // namespace campsim::engine
