#include "analysis/run_noun.hpp"

#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

RunNoun run_noun(const Comparison& c) {
  RunNoun noun{"run", "runs", "run", "runs", c.one_protest_each_run};
  // A replay's run is one protest, whatever its length: counted as protests everywhere.
  if (c.one_protest_each_run) return {"protest", "protests", "protest", "protests", true};
  if (!c.days) return noun;
  if (*c.days == 365) noun = {"year", "years", "year", "years", c.one_protest_each_run};
  else if (*c.days == 1) noun = {"day", "days", "day", "days", c.one_protest_each_run};
  else {
    const std::string days = engine::format_number(*c.days);
    noun = {"run of " + days + " days", "runs of " + days + " days", "run", "runs", c.one_protest_each_run};
  }
  return noun;
}

std::string unit_in_words(const MetricInfo& m, const RunNoun& run) {
  return m.unit == "per run" ? "per " + run.short_one : m.unit;
}

std::string label_with_unit(const MetricInfo& m, const RunNoun& run) {
  const std::string unit = unit_in_words(m, run);
  return unit.empty() ? m.label : m.label + " (" + unit + ")";
}

}  // namespace campsim::analysis
