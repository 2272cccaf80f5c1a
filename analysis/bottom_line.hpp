#pragma once
// The bottom line of a comparison: two to five sentences a planner can paste into a brief, one
// finding each, built from the verdicts alone (never from a number the tables do not show), e.g.
//   "Each of the 5 policies ran through the same 40 simulated years (common random numbers: year r
//    brings every policy the same attacks and injuries), so every comparison with gao_baseline
//    rests on 40 paired years; intervals are 95%. Clearly better than gao_baseline:
//    pre_authorized_dispatch cuts the approval delay by 8.6 min [6.4, 11.6] (each year's mean,
//    averaged over years; not pooled over casualties). No policy changes deaths of wounds
//    detectably over 40 years."
// n is explained once, in the first sentence; then the largest gain, the largest cost, what no
// policy changes; clear changes beyond five sentences are named in one sentence, their sizes left
// to the tables. A change is stated as a size ("by 8.6 min [6.4, 11.6]"), not a signed difference,
// with the verb carrying the direction; identical metrics are said once, with no interval.
#include <string>
#include <vector>

#include "analysis/comparison.hpp"
#include "analysis/run_noun.hpp"

namespace campsim::analysis {

// The most sentences a bottom line has: what fits the top of a brief.
constexpr std::size_t kBottomLineSentences = 5;

// The sentences for one design point, in order: what n is (and, when some metrics rest on fewer
// runs because times and shares exist only in runs with casualties, why); what is clearly better;
// what is clearly worse; changes of unknown desirability; the clear changes left to the tables;
// what no policy changes detectably.
std::vector<std::string> bottom_line(const Comparison& comparison, int design_point);

// The sentences as one paragraph (for a report, a brief).
std::string bottom_line_paragraph(const std::vector<std::string>& sentences);

// The sentences word-wrapped to `width` columns with `indent` spaces in front, each sentence
// starting a line, so the findings read one by one on a terminal.
std::string bottom_line_on_terminal(const std::vector<std::string>& sentences, std::size_t width, std::size_t indent);

// The text as one paragraph, word-wrapped to `width` columns with `indent` spaces in front.
std::string wrap_text(const std::string& text, std::size_t width, std::size_t indent);

}  // namespace campsim::analysis
