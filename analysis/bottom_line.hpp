#pragma once
// The bottom line of a comparison: two to five sentences a planner can paste into a brief, built
// from the verdicts alone (never from a number the tables do not show), e.g.
//   "Each of the 5 policies ran through the same 40 simulated years (common random numbers: year r
//    brings every policy the same attacks), so every comparison with gao_baseline rests on 40
//    paired years. Clearly better than gao_baseline: pre_authorized_dispatch cuts the approval
//    delay by 8.6 min [6.4, 11.6] (mean per casualty in a year, averaged over the years). No policy
//    changes deaths of wounds detectably over 40 years; ..."
// A change is stated as a size ("by 8.6 min [6.4, 11.6]"), not a signed difference, with the verb
// carrying the direction; identical metrics are said once, with no interval.
#include <string>
#include <vector>

#include "analysis/comparison.hpp"

namespace campsim::analysis {

// What one run is, in words: "year"/"years" for a 365-day batch, "day"/"days" for one day,
// "run of 30 days"/"runs of 30 days" otherwise (short: "run"/"runs"), "run"/"runs" without a fixed
// duration. When every run was one protest (a replay), a protest metric counted per run is said
// per protest, whatever the run's length ("lowers civilians killed by 2.3 per protest", never "per
// day"), and what common random numbers share is the marchers, not attacks.
struct RunNoun {
  std::string one, many;              // "run of 30 days", "runs of 30 days": where the length matters
  std::string short_one, short_many;  // "run", "runs" (or "year", "years"): every later mention
  bool one_protest_each = false;      // Comparison::one_protest_each_run
};
RunNoun run_noun(const Comparison& comparison);

// The sentences for one design point, in order: what n is; what is clearly better; what is
// clearly worse; changes of unknown desirability; what no policy changes detectably; and, when
// some metrics rest on fewer runs (times and shares exist only in runs with casualties), why.
std::vector<std::string> bottom_line(const Comparison& comparison, int design_point);

// The sentences as one paragraph, word-wrapped to `width` columns with `indent` spaces in front.
std::string wrap_text(const std::string& text, std::size_t width, std::size_t indent);

}  // namespace campsim::analysis
