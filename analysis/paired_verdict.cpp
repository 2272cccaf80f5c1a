#include "analysis/paired_verdict.hpp"

#include <fmt/format.h>

namespace campsim::analysis {

namespace {

std::string pairs_differ(const SignCounts& s, std::size_t n) {
  return fmt::format("{} of {} pairs differ ({} lower, {} higher)", s.nonzero(), n, s.negative, s.positive);
}

}  // namespace

IntervalChoice choose_difference_method(const std::vector<double>& differences) {
  if (differences.size() < 2) return {IntervalMethod::none, "fewer than 2 pairs"};
  const SignCounts signs = count_signs(differences);
  if (signs.nonzero() == 0) return {IntervalMethod::t, "identical in every pair"};
  if (differences.size() >= kMinBootstrapN && signs.nonzero() < kMinNonZeroPairs)
    return {IntervalMethod::t, fmt::format("only {} of {} pairs differ, too few to resample", signs.nonzero(), differences.size())};
  return choose_interval_method(differences, false);
}

Judgement judge_difference(const std::vector<double>& differences, const Interval& ci, Direction direction, double level) {
  Judgement j;
  j.signs = count_signs(differences);
  const std::size_t n = differences.size();
  if (n < 2 || ci.method == IntervalMethod::none) {
    j.reason = fmt::format("{} pair{}: no interval", n, n == 1 ? "" : "s");
    return j;
  }
  if (j.signs.nonzero() == 0) {
    j.verdict = Verdict::identical;
    j.reason = fmt::format("identical in all {} pairs", n);
    return j;
  }
  const Verdict by_interval = verdict_of(ci, direction);
  if (j.signs.nonzero() >= kMinNonZeroPairs) {
    j.verdict = by_interval;
    j.reason = ci.excludes_zero() ? "interval excludes 0" : "interval contains 0";
    return j;
  }
  // Sparse: the exact sign test must agree with the interval, on the same side.
  j.sign_test_p = sign_test_p_value(j.signs.positive, j.signs.negative);
  const bool test_rejects = *j.sign_test_p < 1 - level;
  const bool same_side = (ci.lower > 0 && j.signs.positive > j.signs.negative) || (ci.upper < 0 && j.signs.negative > j.signs.positive);
  j.verdict = test_rejects && same_side ? by_interval : Verdict::no_clear_difference;
  j.reason = fmt::format("{}; exact sign test p = {:.2g}", pairs_differ(j.signs, n), *j.sign_test_p);
  return j;
}

}  // namespace campsim::analysis
