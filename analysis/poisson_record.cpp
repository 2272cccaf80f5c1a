#include "analysis/poisson_record.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>

namespace campsim::analysis {

namespace {

// Each tail of the central 90% (the band rule's 5% and 95% quantiles).
constexpr double kTail = 0.05;

}  // namespace

bool PoissonCheck::inside() const { return p_at_most >= kTail && p_at_least >= kTail; }

double PoissonCheck::implausibility() const {
  const double tail = std::min(p_at_most, p_at_least);
  if (!(tail > 0)) return std::numeric_limits<double>::infinity();
  if (tail >= 0.5) return 0.0;
  return boost::math::quantile(boost::math::complement(boost::math::normal(), tail));
}

PoissonCheck poisson_check(const PoissonRecord& record, double rate_per_year) {
  if (!(rate_per_year >= 0) || record.events < 0 || !(record.years > 0))
    throw std::invalid_argument("poisson_check: need a rate >= 0, events >= 0 and years > 0");
  PoissonCheck c;
  c.expected = rate_per_year * record.years;
  const auto k = static_cast<double>(record.events);
  if (c.expected == 0) {
    // Nothing ever happens in the model: the record is certain if it saw nothing, impossible if not.
    const bool none = record.events == 0;
    c.log_likelihood = none ? 0.0 : -std::numeric_limits<double>::infinity();
    c.p_at_most = 1.0;
    c.p_at_least = none ? 1.0 : 0.0;
    return c;
  }
  const boost::math::poisson_distribution<double> model(c.expected);
  c.log_likelihood = std::log(boost::math::pdf(model, k));
  c.p_at_most = boost::math::cdf(model, k);
  c.p_at_least = record.events == 0 ? 1.0 : boost::math::cdf(boost::math::complement(model, k - 1));
  return c;
}

}  // namespace campsim::analysis
