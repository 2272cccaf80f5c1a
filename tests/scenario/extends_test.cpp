// `extends` deep-merge semantics, through a three-file chain in data/:
// chain_child.yaml -> chain/parent.yaml -> chain/grandparent.yaml.
#include <catch2/catch.hpp>

#include "test_schema.hpp"

namespace campsim::scenario::test {

namespace {

const Node& at(const Node& map, std::string_view key) {
  const Node* value = map.find(key);
  INFO(key);
  REQUIRE(value != nullptr);
  return *value;
}

std::vector<std::string> keys(const Node& map) {
  std::vector<std::string> out;
  for (const auto& entry : map.entries) out.push_back(entry.first);
  return out;
}

}  // namespace

TEST_CASE("extends merges maps key by key and lets the child replace scalars and lists", "[scenario][extends]") {
  const Node tree = load_scenario_tree(data("chain_child.yaml"));
  const Node& guards = at(tree, "guards");
  CHECK(at(guards, "count").scalar == "12");        // child over grandparent
  CHECK(at(guards, "alertness").scalar == "0.7");   // parent over grandparent
  CHECK(at(guards, "policy").scalar == "adaptive");  // only in the parent
  // A sequence is replaced whole: the grandparent's three posts do not survive.
  const Node& posts = at(guards, "posts");
  REQUIRE(posts.items.size() == 1);
  CHECK(at(posts.items[0], "name").scalar == "child-post");
  CHECK(at(tree, "name").scalar == "parent");
  CHECK(at(tree, "duration").scalar == "1d");  // only in the grandparent
  CHECK(at(at(tree, "threats"), "weights").items.size() == 3);
  CHECK(at(at(tree, "medical"), "triage_staff").scalar == "5");
  CHECK(tree.find("extends") == nullptr);  // removed at every level
  // Parent keys keep their order; keys new in a child are appended after them.
  CHECK(keys(tree) == std::vector<std::string>{"name", "duration", "guards", "threats", "medical", "zones"});
  CHECK(keys(guards) == std::vector<std::string>{"count", "alertness", "posts", "policy"});
}

TEST_CASE("merged values keep the file, line and column they were written at", "[scenario][extends]") {
  const Node tree = load_scenario_tree(data("chain_child.yaml"));
  const Node& guards = at(tree, "guards");
  const Node& count = at(guards, "count");
  CHECK(count.location.file == data("chain_child.yaml").string());
  CHECK(count.location.line == 4);
  CHECK(count.location.column == 10);
  CHECK(count.key_location.column == 3);
  const Node& alertness = at(guards, "alertness");
  CHECK(alertness.location.file == data("chain/parent.yaml").string());
  CHECK(alertness.location.line == 4);
  const Node& duration = at(tree, "duration");
  CHECK(duration.location.file == data("chain/grandparent.yaml").string());
  CHECK(duration.location.line == 2);
  CHECK(duration.location.column == 11);
}

TEST_CASE("a scenario read through an extends chain gets the merged values", "[scenario][extends]") {
  const Outcome outcome = load(data("chain_child.yaml"));
  REQUIRE(outcome.errors.empty());
  CHECK(outcome.params.name == "parent");
  CHECK(outcome.params.duration == 86400.0);
  CHECK(outcome.params.count == 12);
  CHECK(outcome.params.alertness == 0.7);
  CHECK(outcome.params.policy == Policy::Adaptive);
  REQUIRE(outcome.params.posts.size() == 1);
  CHECK(outcome.params.posts[0].name == "child-post");
  CHECK(outcome.params.weights == std::vector<double>{1, 1, 1});
  REQUIRE(outcome.params.zones.size() == 1);
  CHECK(outcome.params.zones[0].risk == 0.3);
}

TEST_CASE("merge_over replaces a map with a scalar and a scalar with a map", "[scenario][extends]") {
  Node base = parse_yaml_text("a: {x: 1, y: 2}\nb: 3\n", "base.yaml");
  merge_over(base, parse_yaml_text("a: flat\nb: {z: 4}\n", "child.yaml"));
  CHECK(at(base, "a").kind == Node::Kind::Scalar);
  CHECK(at(base, "a").scalar == "flat");
  CHECK(at(at(base, "b"), "z").scalar == "4");
  CHECK(at(base, "b").location.file == "child.yaml");
}

}  // namespace campsim::scenario::test
