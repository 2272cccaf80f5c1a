#pragma once
// A parameterised distribution as read from a scenario file. Plain data plus the three things
// a model needs: draw from it, its analytic mean, and its analytic quantile.
#include <string>
#include <vector>

#include "sim/engine/random.hpp"

namespace campsim::engine {

struct Distribution {
  enum class Kind { Fixed, Uniform, Exponential, Lognormal, Triangular, Empirical };
  Kind kind = Kind::Fixed;
  // Fixed: a=value; Uniform: a=min,b=max; Exponential: a=mean; Lognormal: a=median,b=p90;
  // Triangular: a=min,b=mode,c=max.
  double a = 0, b = 0, c = 0;
  // Empirical: a discrete table; weights need not sum to 1 (they are normalised on use).
  std::vector<double> values, weights;

  static Distribution fixed(double v);
  static Distribution uniform(double lo, double hi);
  static Distribution exponential(double mean);
  static Distribution lognormal(double median, double p90);
  static Distribution triangular(double lo, double mode, double hi);
  static Distribution empirical(std::vector<double> values, std::vector<double> weights);

  // Fixed draws nothing; every other kind draws exactly one uniform01() and maps it by
  // inversion, so swapping one non-fixed kind for another keeps later draws aligned.
  double sample(RandomStream& rng) const;
  double mean() const;
  // Continuous kinds: the analytic inverse CDF. Empirical: the smallest value whose cumulative
  // (normalised) weight reaches p.
  double quantile(double p) const;
  std::string describe() const;  // e.g. "lognormal(median=600, p90=1800)"
};

}  // namespace campsim::engine
