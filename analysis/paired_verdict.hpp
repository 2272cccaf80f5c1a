#pragma once
// The verdict on a paired difference (policy - reference), with the reason in words.
//
// An interval alone is not enough when the differences are sparse or discrete: with 3 pairs of 40
// differing by one death each, a bootstrap resamples three numbers and a t interval assumes a
// normal mean; either can exclude zero while an exact test (3 of 3 the same way: p = 0.25) says
// the batch cannot tell. So (docs/analysis.md, "Verdicts"):
//   fewer than 2 pairs                 -> not enough data;
//   every pair equal                   -> identical ("identical in all 40 pairs");
//   fewer than kMinNonZeroPairs differ -> the interval must exclude zero AND the exact sign test
//                                         must reject at the same level, in the same direction;
//   otherwise                          -> the interval decides (verdict_of).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analysis/sign_test.hpp"
#include "analysis/statistics.hpp"

namespace campsim::analysis {

// Below this many non-zero pairs the interval of the mean is not trusted on its own and is never
// a bootstrap (resampling a handful of non-zero values gives intervals that are far too narrow).
// Assumed: 10 is the smallest n at which campsim bootstraps any sample (kMinBootstrapN), and the
// non-zero pairs are the ones that carry the information.
inline constexpr std::size_t kMinNonZeroPairs = 10;

// The interval method for a difference: the usual rule (choose_interval_method), but t, never
// the bootstrap, when fewer than kMinNonZeroPairs pairs differ, with the reason saying so.
IntervalChoice choose_difference_method(const std::vector<double>& differences);

struct Judgement {
  Verdict verdict = Verdict::not_enough_data;
  std::string reason;                  // e.g. "3 of 40 pairs differ (3 lower, 0 higher); exact sign test p = 0.25"
  SignCounts signs;
  std::optional<double> sign_test_p;  // computed when the differences are sparse
};

Judgement judge_difference(const std::vector<double>& differences, const Interval& ci, Direction direction, double level);

}  // namespace campsim::analysis
