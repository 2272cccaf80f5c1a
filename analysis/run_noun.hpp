#pragma once
// What one run of a batch is, in words, so tables and sentences count in the same unit: a year
// in a 365-day batch, a protest in a replay of one protest a run, else a run (of N days).
#include <string>

#include "analysis/comparison.hpp"

namespace campsim::analysis {

// What one run is, in words: "protest"/"protests" when every run was one protest (a replay),
// whatever the run's length ("lowers civilians killed by 2.3 per protest", never "per day");
// else "year"/"years" for a 365-day batch, "day"/"days" for one day, "run of 30 days"/"runs of 30
// days" otherwise (short: "run"/"runs"), "run"/"runs" without a fixed duration.
struct RunNoun {
  std::string one, many;              // "run of 30 days", "runs of 30 days": where the length matters
  std::string short_one, short_many;  // "run", "runs" (or "year", "years"): every later mention
  bool one_protest_each = false;      // Comparison::one_protest_each_run
};
RunNoun run_noun(const Comparison& comparison);

// A metric's unit as the tables show it: "per run" becomes "per year" / "per protest" / "per
// day" (what the bottom line says too); any other unit as it is.
std::string unit_in_words(const MetricInfo& metric, const RunNoun& run);

// "civilians killed in protests (per protest)": the label with unit_in_words, as table rows show it.
std::string label_with_unit(const MetricInfo& metric, const RunNoun& run);

}  // namespace campsim::analysis
