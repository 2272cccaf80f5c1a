// Fuzzes the value parsers: durations ("1h30min") with their round trip, and distributions
// ({dist: lognormal, median: 5min, p90: 20min}, ...) of numbers and of durations, read through
// the Reader as the camp readers do. Checks properties, not just "no crash":
//  - a duration that parses is finite and non-negative, and format_duration reads back to it;
//  - a distribution that is accepted (its parameters within the range it was read with)
//    and every sample drawn from it is finite and not below the range's minimum.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sim/engine/distribution.hpp"
#include "sim/engine/random.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/duration.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

using namespace campsim;

namespace {

void check(bool ok) {
  if (!ok) std::abort();  // a finding: libFuzzer saves the input
}

void durations(const std::string& text) {
  const auto seconds = scenario::parse_duration(text);
  if (!seconds) return;
  check(std::isfinite(*seconds) && *seconds >= 0);
  const auto again = scenario::parse_duration(scenario::format_duration(*seconds));
  check(again.has_value() && *again == *seconds);
}

void distributions(const scenario::Node& root, scenario::ValueUnit unit) {
  scenario::Reader reader(root);
  engine::Distribution d;
  const scenario::Range range{0, 1e9};
  reader.root().distribution("value", d, scenario::Need::Required, unit, range);
  try {
    reader.finish();
  } catch (const scenario::ScenarioError&) {
    return;
  }
  engine::RandomStream stream(engine::StreamKey{7, 0, 1, 2, 3});
  for (int i = 0; i < 16; ++i) {
    const double x = d.sample(stream);
    check(std::isfinite(x) && x >= range.min);  // tails (exponential, lognormal) may pass the upper bound
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  durations(text);
  // Parsed once and read with both units: a document the YAML parser does not finish costs its
  // time limit (kYamlParseSeconds) once per parse, and two would pass libFuzzer's -timeout.
  scenario::Node root;
  try {
    root = scenario::parse_yaml_text("value: " + text, "fuzz");
  } catch (const scenario::ScenarioError&) {
    return 0;
  }
  distributions(root, scenario::ValueUnit::Number);
  distributions(root, scenario::ValueUnit::Duration);
  return 0;
}
