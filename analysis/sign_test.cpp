#include "analysis/sign_test.hpp"

#include <algorithm>

#include <boost/math/distributions/binomial.hpp>

namespace campsim::analysis {

namespace {
// Double precision, errors as values: the same bytes on every platform (as in statistics.cpp).
using DoublePolicy = boost::math::policies::policy<
    boost::math::policies::promote_double<false>, boost::math::policies::promote_float<false>,
    boost::math::policies::domain_error<boost::math::policies::errno_on_error>,
    boost::math::policies::overflow_error<boost::math::policies::errno_on_error>>;
}  // namespace

SignCounts count_signs(const std::vector<double>& differences) {
  SignCounts counts;
  for (double d : differences) {
    if (d > 0) {
      ++counts.positive;
    } else if (d < 0) {
      ++counts.negative;
    } else {
      ++counts.zero;
    }
  }
  return counts;
}

double sign_test_p_value(std::size_t positive, std::size_t negative) {
  const std::size_t m = positive + negative;
  if (m == 0) return 1;
  const boost::math::binomial_distribution<double, DoublePolicy> binomial(static_cast<double>(m), 0.5);
  const double tail = boost::math::cdf(binomial, static_cast<double>(std::min(positive, negative)));
  return std::min(1.0, 2 * tail);
}

}  // namespace campsim::analysis
