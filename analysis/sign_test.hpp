#pragma once
// The exact sign test for paired differences: under "neither policy is better" each non-zero
// difference is as likely to be positive as negative, so the number of positive ones among the
// m non-zero pairs is Binomial(m, 1/2). Exact for any m, whatever the shape of the differences,
// which is what sparse, discrete outcomes (one death more or less in 3 of 40 runs) need: a
// bootstrap or t interval built on 3 non-zero values pretends to know more than the data hold.
#include <cstddef>
#include <vector>

namespace campsim::analysis {

struct SignCounts {
  std::size_t positive = 0, negative = 0, zero = 0;
  std::size_t nonzero() const { return positive + negative; }
};

SignCounts count_signs(const std::vector<double>& differences);

// Two-sided exact p-value: min(1, 2 P(X <= min(positive, negative))), X ~ Binomial(m, 1/2),
// m = positive + negative (Boost.Math's binomial distribution). 1 when m = 0.
double sign_test_p_value(std::size_t positive, std::size_t negative);

}  // namespace campsim::analysis
