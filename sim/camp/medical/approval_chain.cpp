#include "sim/camp/medical/approval_chain.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace campsim::camp {

namespace {

const ApprovalChain& chain_for(const ApprovalPolicy& policy, bool same_nation) {
  return same_nation ? policy.same_nation : policy.other_nation;
}

int skipped_from(const ApprovalPolicy& policy, int n) {
  return n - std::clamp(policy.pre_authorized_skip_levels, 0, n);  // first skipped index
}

}  // namespace

ApprovalTimeline approve(const ApprovalPolicy& policy, bool same_nation, SimTime requested,
                         engine::RandomStream& rng) {
  const auto& levels = chain_for(policy, same_nation).levels;
  const int n = static_cast<int>(levels.size());
  const int first_skipped = skipped_from(policy, n);

  ApprovalTimeline t;
  t.same_nation = same_nation;
  t.requested = requested;
  t.steps.reserve(levels.size());
  SimTime now = requested;
  for (int i = 0; i < n; ++i) {
    const ApprovalLevel& level = levels[static_cast<std::size_t>(i)];
    // Draw for every level, in order, so kept levels see the same numbers whatever is skipped.
    const double drawn = std::max(0.0, level.delay.sample(rng));
    const bool unavailable = rng.bernoulli(level.unavailable_probability);

    ApprovalStep step;
    step.name = level.name;
    step.received = now;
    if (i >= first_skipped) {
      step.skipped = true;
      step.decided = now;
      ++t.levels_skipped;
    } else {
      const SimTime extra = unavailable ? std::max(0.0, level.unavailable_extra_delay) : 0.0;
      step.unavailable = unavailable;
      step.delay = drawn + extra;
      step.decided = now + step.delay;
      t.unavailability_delay += extra;
      ++t.levels_asked;
    }
    now = step.decided;
    t.steps.push_back(std::move(step));
  }
  t.approved = now;
  t.total_delay = now - requested;
  return t;
}

SimTime mean_approval_delay(const ApprovalPolicy& policy, bool same_nation) {
  const auto& levels = chain_for(policy, same_nation).levels;
  const int n = static_cast<int>(levels.size());
  const int first_skipped = skipped_from(policy, n);
  SimTime total = 0;
  for (int i = 0; i < first_skipped; ++i) {
    const ApprovalLevel& level = levels[static_cast<std::size_t>(i)];
    const double p = std::clamp(level.unavailable_probability, 0.0, 1.0);
    total += level.delay.mean() + p * std::max(0.0, level.unavailable_extra_delay);
  }
  return total;
}

ApprovalPolicy default_approval_policy() {
  using engine::Distribution;
  using engine::kMinute;
  // ASSUMED numbers (no source gives them); reasons in docs/medical/core.md.
  const ApprovalLevel unit_ops{"unit_ops_room", Distribution::lognormal(2 * kMinute, 5 * kMinute), 0.05,
                               5 * kMinute};
  const ApprovalLevel sector_joc{"sector_joc", Distribution::lognormal(5 * kMinute, 15 * kMinute), 0.10,
                                 10 * kMinute};
  const ApprovalLevel contingent_other{"contingent_command", Distribution::lognormal(10 * kMinute, 30 * kMinute),
                                       0.15, 15 * kMinute};
  const ApprovalLevel contingent_same{"contingent_command", Distribution::lognormal(3 * kMinute, 8 * kMinute),
                                      0.05, 10 * kMinute};
  ApprovalPolicy policy;
  policy.other_nation.levels = {unit_ops, sector_joc, contingent_other};
  policy.same_nation.levels = {unit_ops, contingent_same};
  policy.pre_authorized_skip_levels = 0;
  return policy;
}

std::vector<std::string> validate_approval_policy(const ApprovalPolicy& policy) {
  std::vector<std::string> problems;
  const auto check = [&](const ApprovalChain& chain, const char* which) {
    for (std::size_t i = 0; i < chain.levels.size(); ++i) {
      const ApprovalLevel& level = chain.levels[i];
      if (level.name.empty()) problems.push_back(fmt::format("{}.levels[{}]: empty name", which, i));
      if (!(level.unavailable_probability >= 0 && level.unavailable_probability <= 1))
        problems.push_back(fmt::format("{}.levels[{}] ({}): unavailable_probability {} not in [0, 1]", which, i,
                                       level.name, level.unavailable_probability));
      if (!(level.unavailable_extra_delay >= 0))
        problems.push_back(fmt::format("{}.levels[{}] ({}): unavailable_extra_delay {} is negative", which, i,
                                       level.name, level.unavailable_extra_delay));
      if (level.delay.kind != engine::Distribution::Kind::Empirical && level.delay.quantile(0.0) < 0)
        problems.push_back(fmt::format("{}.levels[{}] ({}): delay {} can be negative", which, i, level.name,
                                       level.delay.describe()));
    }
  };
  check(policy.same_nation, "same_nation");
  check(policy.other_nation, "other_nation");
  if (policy.pre_authorized_skip_levels < 0)
    problems.push_back(fmt::format("pre_authorized_skip_levels {} is negative", policy.pre_authorized_skip_levels));
  return problems;
}

}  // namespace campsim::camp
