#include "sim/scenario/diagnostic.hpp"

#include <catch2/catch.hpp>

namespace campsim::scenario {

TEST_CASE("a diagnostic prints location, path, expected, found and hint", "[scenario][diagnostic]") {
  Diagnostic d{{"scenarios/x.yaml", 12, 5}, "guards.shift_length", "a duration with a unit, like 90s, 15min, 4h or 2d",
               "'eight hours'", ""};
  CHECK(d.message() ==
        "scenarios/x.yaml:12:5: guards.shift_length: expected a duration with a unit, like 90s, 15min, 4h or 2d; "
        "found 'eight hours'");
  d.hint = "did you mean 'shift_length'?";
  CHECK(d.message().ends_with("found 'eight hours' (did you mean 'shift_length'?)"));
  const Diagnostic whole_file{{"x.yaml", 0, 0}, "", "a readable scenario file", "no such file", ""};
  CHECK(whole_file.message() == "x.yaml: expected a readable scenario file; found no such file");
}

TEST_CASE("ScenarioError keeps every diagnostic and prints one per line", "[scenario][diagnostic]") {
  const ScenarioError e({{{"a.yaml", 1, 2}, "x", "a number", "'y'", ""}, {{"a.yaml", 3, 4}, "z", "text", "a map", ""}});
  REQUIRE(e.diagnostics().size() == 2);
  CHECK(std::string(e.what()) == "a.yaml:1:2: x: expected a number; found 'y'\na.yaml:3:4: z: expected text; found a map");
}

TEST_CASE("quote keeps long or multi-line values to one short line", "[scenario][diagnostic]") {
  CHECK(quote("abc") == "'abc'");
  CHECK(quote("a\nb") == "'a b'");
  const std::string shown = quote(std::string(100, 'x'));
  CHECK(shown.size() == 60 + 3 + 2);
  CHECK(shown.ends_with("...'"));
}

}  // namespace campsim::scenario
