// Every malformed fixture under data/ gives exactly the diagnostic a user should see: the file,
// line and column of the offending text, the YAML path, and what was expected and found.
#include <catch2/catch.hpp>

#include "test_schema.hpp"

namespace campsim::scenario::test {
namespace {

struct Expected {
  std::string file;  // fixture name under data/, or "--set"
  int line;
  int column;
  std::string path;
  std::string expected;
  std::string found;
  std::string hint;
};

void check(const Diagnostic& d, const Expected& e) {
  INFO(d.message());
  CHECK(d.where.file == (e.file == "--set" ? e.file : data(e.file).string()));
  CHECK(d.where.line == e.line);
  CHECK(d.where.column == e.column);
  CHECK(d.path == e.path);
  CHECK(d.expected == e.expected);
  CHECK(d.found == e.found);
  CHECK(d.hint == e.hint);
}

Diagnostic single_error(const std::string& fixture, const std::vector<std::string>& overrides = {}) {
  const Outcome outcome = load(data(fixture), overrides);
  for (const Diagnostic& d : outcome.errors) UNSCOPED_INFO(d.message());
  REQUIRE(outcome.errors.size() == 1);
  return outcome.errors.front();
}

const std::string kDurationForm = "a duration with a unit, like 90s, 15min, 4h or 2d";

}  // namespace

TEST_CASE("a YAML syntax error is located with yaml-cpp's position, 1-based", "[scenario][malformed]") {
  // Line 6 is " policy: fixed", indented one space less than its siblings.
  check(single_error("syntax_error.yaml"),
        {"syntax_error.yaml", 6, 2, "", "valid YAML", "end of map not found", ""});
}

TEST_CASE("a misspelt key is reported at the key with the nearest known key", "[scenario][malformed]") {
  check(single_error("misspelt_key.yaml"), {"misspelt_key.yaml", 4, 3, "guards.shift_lenght", "a known key",
                                            "unknown key 'shift_lenght'", "did you mean 'shift_length'?"});
}

TEST_CASE("an unknown key with no close match has no hint", "[scenario][malformed]") {
  check(single_error("unknown_key.yaml"),
        {"unknown_key.yaml", 2, 1, "weather", "a known key", "unknown key 'weather'", ""});
}

TEST_CASE("a missing required key is located at the map that lacks it", "[scenario][malformed]") {
  check(single_error("missing_required.yaml"),
        {"missing_required.yaml", 1, 1, "duration", kDurationForm, "nothing", ""});
}

TEST_CASE("text where a number belongs names the allowed range", "[scenario][malformed]") {
  check(single_error("wrong_type.yaml"),
        {"wrong_type.yaml", 4, 14, "guards.alertness", "a number between 0 and 1", "'very high'", ""});
}

TEST_CASE("an out-of-range number names the range and the value", "[scenario][malformed]") {
  check(single_error("out_of_range.yaml"),
        {"out_of_range.yaml", 3, 14, "guards.alertness", "a number between 0 and 1", "'1.5'", ""});
}

TEST_CASE("a duration without a unit is rejected with the units to choose from", "[scenario][malformed]") {
  check(single_error("duration_no_unit.yaml"), {"duration_no_unit.yaml", 3, 17, "guards.shift_length", kDurationForm,
                                                "'8'", "a bare number has no unit: write 8s, 8min, 8h or 8d"});
}

TEST_CASE("a duration with an unknown unit is rejected", "[scenario][malformed]") {
  check(single_error("duration_bad_unit.yaml"), {"duration_bad_unit.yaml", 3, 17, "guards.shift_length",
                                                 kDurationForm, "'4hours'", "the units are s, min, h and d"});
}

TEST_CASE("a misspelt distribution name is suggested, and its parameters are not called unknown",
          "[scenario][malformed]") {
  check(single_error("distribution_name.yaml"),
        {"distribution_name.yaml", 3, 21, "medical.treatment.dist",
         "one of 'fixed', 'uniform', 'exponential', 'lognormal', 'triangular' or 'empirical'", "'lognormel'",
         "did you mean 'lognormal'?"});
}

TEST_CASE("a lognormal whose p90 is not above its median is rejected at the p90", "[scenario][malformed]") {
  check(single_error("lognormal_p90.yaml"), {"lognormal_p90.yaml", 6, 10, "medical.treatment.p90",
                                             "a p90 greater than the median (30min)", "'20min'", ""});
}

TEST_CASE("an empirical distribution needs one weight per value", "[scenario][malformed]") {
  check(single_error("empirical_weights.yaml"), {"empirical_weights.yaml", 6, 14, "medical.severity.weights",
                                                 "one weight per value (3 weights)", "2 weights", ""});
}

TEST_CASE("a choice not among the options lists them and suggests the nearest", "[scenario][malformed]") {
  check(single_error("bad_choice.yaml"), {"bad_choice.yaml", 3, 11, "guards.policy",
                                          "one of 'fixed', 'rotating' or 'adaptive'", "'rotatng'",
                                          "did you mean 'rotating'?"});
}

TEST_CASE("an extends cycle is reported where it closes, naming the whole chain", "[scenario][malformed]") {
  const std::string a = data("cycle_a.yaml").string();
  const std::string b = data("cycle_b.yaml").string();
  check(single_error("cycle_a.yaml"), {"cycle_b.yaml", 2, 10, "extends", "a file not already in the extends chain",
                                       "'cycle_a.yaml'", "cycle: " + a + " -> " + b + " -> " + a});
}

TEST_CASE("extends naming a missing file is located at the extends line", "[scenario][malformed]") {
  check(single_error("extends_missing.yaml"),
        {"extends_missing.yaml", 2, 10, "extends", "the name of an existing scenario file", "'no_such_parent.yaml'",
         "no file at " + data("no_such_parent.yaml").string()});
}

TEST_CASE("an error in the parent of an extends chain names the parent file", "[scenario][malformed]") {
  check(single_error("child_of_bad.yaml"),
        {"parent_bad.yaml", 4, 14, "guards.alertness", "a number between 0 and 1", "'2'", ""});
}

TEST_CASE("a misspelt key given with --set is reported at --set with a suggestion", "[scenario][malformed]") {
  // "guards.shift_lenght=4h": the key "shift_lenght" starts at column 8.
  check(single_error("valid.yaml", {"guards.shift_lenght=4h"}),
        {"--set", 1, 8, "guards.shift_lenght", "a known key", "unknown key 'shift_lenght'",
         "did you mean 'shift_length'?"});
}

TEST_CASE("a bad value given with --set is located at the value within the assignment", "[scenario][malformed]") {
  check(single_error("valid.yaml", {"guards.count=lots"}),
        {"--set", 1, 14, "guards.count", "a whole number between 1 and 500", "'lots'", ""});
}

TEST_CASE("every error in a file is reported, not just the first", "[scenario][malformed]") {
  const Outcome outcome = load(data("two_errors.yaml"));
  REQUIRE(outcome.errors.size() == 2);
  check(outcome.errors[0],
        {"two_errors.yaml", 3, 10, "guards.count", "a whole number between 1 and 500", "'many'", ""});
  check(outcome.errors[1], {"two_errors.yaml", 4, 17, "guards.night_patrol", "true or false", "'yes'", ""});
  // what() carries every message, one per line, in the printed form.
  try {
    const Node tree = load_scenario_tree(data("two_errors.yaml"));
    Reader reader(tree);
    Params p;
    read_params(reader.root(), p);
    reader.finish();
    FAIL("finish() should have thrown");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()) == outcome.errors[0].message() + "\n" + outcome.errors[1].message());
  }
}

TEST_CASE("extends must name one file", "[scenario][malformed]") {
  check(single_error("extends_not_string.yaml"), {"extends_not_string.yaml", 1, 10, "extends",
                                                  "a file name, like extends: base.yaml", "a list", ""});
}

TEST_CASE("a key repeated in one map is an error, not a silent choice", "[scenario][malformed]") {
  check(single_error("duplicate_key.yaml"), {"duplicate_key.yaml", 4, 3, "guards.count",
                                             "each key at most once in a map", "'count' again",
                                             "first given at line 3"});
}

TEST_CASE("a missing scenario file is reported without a line", "[scenario][malformed]") {
  const Diagnostic d = single_error("no_such_scenario.yaml");
  CHECK(d.where.line == 0);
  CHECK(d.message() == data("no_such_scenario.yaml").string() +
                           ": expected a readable scenario file; found no such file");
}

}  // namespace campsim::scenario::test
