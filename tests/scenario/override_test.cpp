#include <catch2/catch.hpp>

#include "test_schema.hpp"

namespace campsim::scenario::test {

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_scenario_override_test {

namespace {

const Node& at(const Node& map, std::string_view key) {
  const Node* value = map.find(key);
  INFO(key);
  REQUIRE(value != nullptr);
  return *value;
}

Diagnostic override_error(Node& tree, std::string_view assignment) {
  try {
    apply_override(tree, assignment);
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    return e.diagnostics().front();
  }
  FAIL("apply_override accepted " << assignment);
  return {};
}

}  // namespace

TEST_CASE("an override creates missing maps along its path, located at --set", "[scenario][override]") {
  Node tree = parse_yaml_text("name: x\n", "base.yaml");
  apply_override(tree, "hospital.ward.beds=12");
  const Node& hospital = at(tree, "hospital");
  CHECK(hospital.kind == Node::Kind::Map);
  CHECK(hospital.key_location.file == "--set");
  CHECK(hospital.key_location.column == 1);
  const Node& ward = at(hospital, "ward");
  CHECK(ward.key_location.column == 10);
  const Node& beds = at(ward, "beds");
  CHECK(beds.scalar == "12");
  CHECK(beds.key_location.column == 15);
  CHECK(beds.location.file == "--set");
  CHECK(beds.location.line == 1);
  CHECK(beds.location.column == 20);
  CHECK(at(tree, "name").scalar == "x");  // untouched siblings stay
}

TEST_CASE("an override replaces an existing value and keeps its key's file location", "[scenario][override]") {
  Node tree = load_scenario_tree(data("valid.yaml"));
  apply_override(tree, "guards.shift_length=6h");
  const Node& shift = at(at(tree, "guards"), "shift_length");
  CHECK(shift.scalar == "6h");
  CHECK(shift.location.file == "--set");
  CHECK(shift.location.column == 21);
  CHECK(shift.key_location.file == data("valid.yaml").string());
  CHECK(shift.key_location.line == 5);
}

TEST_CASE("an override can address a list item by index", "[scenario][override]") {
  Node tree = load_scenario_tree(data("valid.yaml"));
  apply_override(tree, "guards.posts[1].manning=7");
  apply_override(tree, "guards.posts[0]={name: replaced}");
  const Outcome outcome = read_tree(tree);
  REQUIRE(outcome.errors.empty());
  REQUIRE(outcome.params.posts.size() == 2);
  CHECK(outcome.params.posts[0].name == "replaced");
  CHECK(outcome.params.posts[0].manning == 2);  // the whole item was replaced, so the default applies
  CHECK(outcome.params.posts[1].name == "tower-1");
  CHECK(outcome.params.posts[1].manning == 7);
}

TEST_CASE("override values are YAML: lists and distribution maps in flow style", "[scenario][override]") {
  Node tree = load_scenario_tree(data("valid.yaml"));
  apply_override(tree, "threats.weights=[1, 2, 3]");
  apply_override(tree, "medical.treatment={dist: fixed, value: 3min}");
  apply_override(tree, "medical.severity={dist: empirical, values: [1, 4]}");
  const Outcome outcome = read_tree(tree);
  REQUIRE(outcome.errors.empty());
  CHECK(outcome.params.weights == std::vector<double>{1, 2, 3});
  CHECK(outcome.params.treatment.kind == Distribution::Kind::Fixed);
  CHECK(outcome.params.treatment.a == 180.0);
  CHECK(outcome.params.severity.values == std::vector<double>{1, 4});
  CHECK(outcome.params.severity.weights == std::vector<double>{1, 1});
  // A value inside a flow map is located within the assignment: "value: 3min" starts at column 40.
  const Node& value = at(at(at(tree, "medical"), "treatment"), "value");
  CHECK(value.location.file == "--set");
  CHECK(value.location.column == 40);
}

TEST_CASE("a malformed assignment is rejected", "[scenario][override]") {
  Node tree = parse_yaml_text("a: {b: 1}\n", "base.yaml");
  for (const char* bad : {"a.b", "=3", "a..b=1", ".a=1", "a.=1", "a[x]=1", "a[1=2", "a b=1", "a[]=1", "a]=1"}) {
    INFO(bad);
    const Diagnostic d = override_error(tree, bad);
    CHECK(d.where.file == "--set");
    CHECK(d.expected == "key.path=value");
    CHECK(d.found == quote(bad));
  }
  CHECK(at(at(tree, "a"), "b").scalar == "1");  // nothing was changed by a rejected override
}

TEST_CASE("an override index past the end of a list is rejected", "[scenario][override]") {
  Node tree = load_scenario_tree(data("valid.yaml"));
  const Diagnostic d = override_error(tree, "guards.posts[5].name=x");
  CHECK(d.path == "guards.posts[5]");
  CHECK(d.where.column == 14);
  CHECK(d.expected == "an index from 0 to 1");
  CHECK(d.found == "'5'");
  const Diagnostic not_list = override_error(tree, "guards.count[0]=1");
  CHECK(not_list.path == "guards.count");
  CHECK(not_list.found == "'24'");
}

TEST_CASE("an override cannot descend into a scalar", "[scenario][override]") {
  Node tree = load_scenario_tree(data("valid.yaml"));
  const Diagnostic d = override_error(tree, "name.first=x");
  CHECK(d.path == "name");
  CHECK(d.where.column == 6);
  CHECK(d.expected == "a map, to hold 'first'");
  CHECK(d.found == "'gao-test'");
}

TEST_CASE("an override value with a YAML syntax error is located within the assignment", "[scenario][override]") {
  Node tree = load_scenario_tree(data("valid.yaml"));
  const Diagnostic d = override_error(tree, "threats.weights=[1, 2");
  CHECK(d.where.file == "--set");
  CHECK(d.where.line == 1);
  CHECK(d.where.column >= 17);
  CHECK(d.path == "threats.weights");
  CHECK(d.expected == "valid YAML");
}

}  // namespace unity_scenario_override_test

}  // namespace campsim::scenario::test
