#pragma once
// The report's "over the design" section (analysis/verdict_robustness.hpp): the ranking of the
// policies over the design's points and, for each policy against the reference, how often the
// verdict holds and which varied parameters the size of the difference depends on.
#include <vector>

#include "analysis/comparison.hpp"
#include "analysis/document.hpp"
#include "analysis/verdict_robustness.hpp"

namespace campsim::analysis {

// metric | <policy> best at (one column per policy)
Table ranking_table(const Comparison& comparison, const VerdictRobustness& robustness);
// metric | policy | better / worse / unclear | difference (min to max) | depends on; a policy equal to
// the reference at every point is left out
Table dependence_table(const Comparison& comparison, const VerdictRobustness& robustness);
// Heading, explanation and both tables.
std::vector<Block> robustness_blocks(const Comparison& comparison, const VerdictRobustness& robustness);

}  // namespace campsim::analysis
