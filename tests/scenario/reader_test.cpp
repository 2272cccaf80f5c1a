#include <catch2/catch.hpp>

#include <fstream>

#include "test_schema.hpp"

namespace campsim::scenario::test {

namespace {

void check_same(const Distribution& x, const Distribution& y) {
  CHECK(x.kind == y.kind);
  CHECK(x.a == y.a);
  CHECK(x.b == y.b);
  CHECK(x.c == y.c);
  CHECK(x.values == y.values);
  CHECK(x.weights == y.weights);
}

void check_same(const Params& x, const Params& y) {
  CHECK(x.name == y.name);
  CHECK(x.duration == y.duration);
  CHECK(x.shift_length == y.shift_length);
  CHECK(x.count == y.count);
  CHECK(x.alertness == y.alertness);
  CHECK(x.policy == y.policy);
  CHECK(x.night_patrol == y.night_patrol);
  REQUIRE(x.posts.size() == y.posts.size());
  for (std::size_t i = 0; i < x.posts.size(); ++i) {
    CHECK(x.posts[i].name == y.posts[i].name);
    CHECK(x.posts[i].manning == y.posts[i].manning);
    CHECK(x.posts[i].sight_m == y.posts[i].sight_m);
  }
  check_same(x.interarrival, y.interarrival);
  CHECK(x.weights == y.weights);
  check_same(x.treatment, y.treatment);
  check_same(x.triage_staff, y.triage_staff);
  check_same(x.severity, y.severity);
  REQUIRE(x.zones.size() == y.zones.size());
  for (std::size_t i = 0; i < x.zones.size(); ++i) {
    CHECK(x.zones[i].name == y.zones[i].name);
    CHECK(x.zones[i].risk == y.zones[i].risk);
  }
}

Diagnostic single(const Outcome& outcome) {
  for (const Diagnostic& d : outcome.errors) UNSCOPED_INFO(d.message());
  REQUIRE(outcome.errors.size() == 1);
  return outcome.errors.front();
}

}  // namespace

TEST_CASE("a valid scenario is read into the plain structs", "[scenario][reader]") {
  const Outcome o = load(data("valid.yaml"));
  REQUIRE(o.errors.empty());
  const Params& p = o.params;
  CHECK(p.name == "gao-test");
  CHECK(p.duration == 2 * 86400.0);
  CHECK(p.shift_length == 8 * 3600.0);
  CHECK(p.count == 24);
  CHECK(p.alertness == 0.8);
  CHECK(p.policy == Policy::Rotating);
  CHECK(p.night_patrol);
  REQUIRE(p.posts.size() == 2);
  CHECK(p.posts[0].name == "north-gate");
  CHECK(p.posts[0].manning == 4);
  CHECK(p.posts[1].sight_m == 300.0);
  CHECK(p.posts[1].manning == 2);  // default kept inside a list item
  CHECK(p.interarrival.kind == Distribution::Kind::Exponential);
  CHECK(p.interarrival.a == 6 * 3600.0);
  CHECK(p.treatment.kind == Distribution::Kind::Lognormal);
  CHECK(p.treatment.a == 600.0);
  CHECK(p.treatment.b == 1800.0);
  CHECK(p.triage_staff.kind == Distribution::Kind::Fixed);  // a plain scalar is a fixed distribution
  CHECK(p.triage_staff.a == 3.0);
  REQUIRE(p.zones.size() == 2);
  CHECK(p.zones[0].name == "market");  // entries keep file order
  CHECK(p.zones[1].risk == 0.1);
}

TEST_CASE("resolved() records defaults and overrides in canonical form", "[scenario][reader][resolved]") {
  const Outcome o = load(data("valid.yaml"), {"guards.count=30", "medical.treatment=45min"});
  REQUIRE(o.errors.empty());
  const auto& r = o.resolved;
  CHECK(r["duration"] == "2d");
  CHECK(r["guards"]["shift_length"] == "8h");
  CHECK(r["guards"]["count"] == 30);  // overridden
  CHECK(r["guards"]["policy"] == "rotating");
  CHECK(r["guards"]["posts"][1]["manning"] == 2);  // defaulted inside a list item
  CHECK(r["medical"]["treatment"] == nlohmann::ordered_json::parse(R"({"dist":"fixed","value":"45min"})"));
  CHECK(r["medical"]["triage_staff"] == nlohmann::ordered_json::parse(R"({"dist":"fixed","value":3.0})"));
  // Never written in the file: the defaults are recorded all the same.
  CHECK(r["medical"]["severity"] ==
        nlohmann::ordered_json::parse(R"({"dist":"empirical","values":[1,2,3],"weights":[5,3,1]})"));
  CHECK(r["threats"]["interarrival"] == nlohmann::ordered_json::parse(R"({"dist":"exponential","mean":"6h"})"));
  // Read order, not alphabetical: name, duration, guards, ...
  std::vector<std::string> top;
  for (const auto& item : r.items()) top.push_back(item.key());
  CHECK(top == std::vector<std::string>{"name", "duration", "guards", "threats", "medical", "zones"});
}

TEST_CASE("the resolved record reloads as a scenario with identical values", "[scenario][reader][resolved]") {
  const Outcome first = load(data("valid.yaml"), {"guards.alertness=0.1", "threats.interarrival={dist: uniform, min: 0.1s, max: 1h30min}"});
  REQUIRE(first.errors.empty());
  const Outcome again = load_text(first.resolved.dump(2));
  for (const Diagnostic& d : again.errors) UNSCOPED_INFO(d.message());
  REQUIRE(again.errors.empty());
  check_same(first.params, again.params);
  CHECK(again.resolved == first.resolved);  // a fixed point

  // And as a file on disk, the way a manifest's parameters would be re-run.
  const auto file = std::filesystem::temp_directory_path() / "campsim_scenario_test_resolved.yaml";
  std::ofstream(file) << first.resolved.dump(2) << "\n";
  const Outcome from_file = load(file);
  std::filesystem::remove(file);
  REQUIRE(from_file.errors.empty());
  check_same(first.params, from_file.params);

  // The all-defaults case: a file with only the required key.
  const Outcome minimal = load_text("duration: 90s\n");
  REQUIRE(minimal.errors.empty());
  const Outcome minimal_again = load_text(minimal.resolved.dump());
  REQUIRE(minimal_again.errors.empty());
  check_same(minimal.params, minimal_again.params);
}

TEST_CASE("every distribution form reads and round-trips through resolved()", "[scenario][reader][distribution]") {
  const std::string yaml = R"(
duration: 1d
threats:
  interarrival: {dist: triangular, min: 1min, mode: 0.1s, max: 2h}
medical:
  treatment: {dist: empirical, values: [5min, 1h], weights: [3, 1]}
  triage_staff: {dist: lognormal, median: 2.5, p90: 7}
  severity: {dist: uniform, min: -1, max: 0.3}
)";
  const Outcome o = load_text(yaml);
  for (const Diagnostic& d : o.errors) UNSCOPED_INFO(d.message());
  // triangular with mode below min is rejected; fix it and read again.
  REQUIRE(o.errors.size() == 1);
  CHECK(o.errors[0].path == "threats.interarrival.mode");
  CHECK(o.errors[0].expected == "a mode between the min (1min) and the max (2h)");
  CHECK(o.errors[0].found == "'0.1s'");

  const Outcome fixed = load_text(yaml.substr(0, yaml.find("mode: 0.1s")) + "mode: 90.5s" +
                                  yaml.substr(yaml.find("mode: 0.1s") + 10));
  REQUIRE(fixed.errors.empty());
  const Params& p = fixed.params;
  check_same(p.interarrival, Distribution::triangular(60, 90.5, 7200));
  check_same(p.treatment, Distribution::empirical({300, 3600}, {3, 1}));
  check_same(p.triage_staff, Distribution::lognormal(2.5, 7));
  check_same(p.severity, Distribution::uniform(-1, 0.3));
  CHECK(fixed.resolved["threats"]["interarrival"]["mode"] == "90.5s");
  CHECK(fixed.resolved["medical"]["treatment"]["values"] == nlohmann::ordered_json::parse(R"(["5min","1h"])"));
  const Outcome again = load_text(fixed.resolved.dump());
  REQUIRE(again.errors.empty());
  check_same(p, again.params);
}

TEST_CASE("distribution parameters are validated", "[scenario][reader][distribution]") {
  auto error_for = [](const std::string& treatment) {
    return single(load_text("duration: 1d\nmedical:\n  treatment: " + treatment + "\n"));
  };
  Diagnostic d = error_for("{dist: uniform, min: 2h, max: 1h}");
  CHECK(d.path == "medical.treatment.max");
  CHECK(d.expected == "a max of at least the min (2h)");
  d = error_for("{dist: exponential, mean: 0s}");
  CHECK(d.path == "medical.treatment.mean");
  CHECK(d.expected == "a mean greater than 0");
  d = error_for("{dist: lognormal, median: 10min}");
  CHECK(d.path == "medical.treatment.p90");
  CHECK(d.found == "nothing");
  d = error_for("{dist: empirical, values: [1min], weights: [0]}");
  CHECK(d.expected == "weights with a positive sum");
  d = error_for("{dist: empirical, values: [1min, 2min], weights: [1, -1]}");
  CHECK(d.path == "medical.treatment.weights[1]");
  CHECK(d.expected == "a number of at least 0");
  d = error_for("{dist: fixed, value: -5min}");  // the Range{0} bound applies to parameters
  CHECK(d.path == "medical.treatment.value");
  CHECK(d.found == "'-5min'");
  d = error_for("{dist: fixed, value: 5min, sd: 1min}");
  CHECK(d.path == "medical.treatment.sd");
  CHECK(d.found == "unknown key 'sd'");
  d = error_for("5");  // durations need a unit even in the scalar (fixed) form
  CHECK(d.path == "medical.treatment");
  CHECK(d.expected ==
        "a duration with a unit, like 90s, 15min, 4h or 2d or a distribution like {dist: lognormal, median: 10min, p90: 30min}");
  d = error_for("[1min, 2min]");
  CHECK(d.found == "a list");
  d = error_for("{median: 10min, p90: 30min}");
  CHECK(d.path == "medical.treatment.dist");
  CHECK(d.found == "nothing");
}

TEST_CASE("wrong shapes give clear expected/found, once", "[scenario][reader]") {
  Diagnostic d = single(load_text("duration: 1d\nguards: 5\n"));
  CHECK(d.path == "guards");
  CHECK(d.expected == "a map of settings (key: value lines)");
  CHECK(d.found == "'5'");
  d = single(load_text("duration: 1d\nguards:\n  alertness: {x: 1}\n"));
  CHECK(d.path == "guards.alertness");
  CHECK(d.found == "a map");  // and its key x is not reported as unknown on top
  d = single(load_text("duration: 1d\nguards:\n  posts: [north]\n"));
  CHECK(d.path == "guards.posts[0]");
  CHECK(d.found == "'north'");
  d = single(load_text("duration: 1d\nguards:\n  posts:\n    - manning: 3\n"));
  CHECK(d.path == "guards.posts[0].name");
  CHECK(d.found == "nothing");
  CHECK(d.where.line == 4);
  CHECK(d.where.column == 7);
  d = single(load_text("duration: 1d\nguards:\n  count: 2.5\n"));
  CHECK(d.hint == "this must be a whole number");
  d = single(load_text("duration: 1d\nthreats:\n  weights: [1, 2]\n"));
  CHECK(d.expected == "a list of 3 numbers");
  CHECK(d.found == "a list of 2");
  d = single(load_text("duration: 1d\nzones:\n  market: {}\n"));
  CHECK(d.path == "zones.market.risk");
  d = single(load_text("duration: 1d\nguards:\n  posts:\n    - name: a\n      mannig: 3\n"));
  CHECK(d.path == "guards.posts[0].mannig");
  CHECK(d.hint == "did you mean 'manning'?");
  d = single(load_text("duration: 1d\nextra:\n  nested: {deep: 1}\n"));
  CHECK(d.path == "extra");  // only the unknown key, not everything under it
  d = single(load_text("duration:\n"));
  CHECK(d.path == "duration");
  CHECK(d.found == "nothing");
  CHECK(d.where.line == 1);
}

TEST_CASE("a root that is not a map is reported", "[scenario][reader]") {
  const Node tree = parse_yaml_text("- a\n- b\n", "list.yaml");
  Reader reader(tree);
  double x = 1;
  reader.root().number("x", x, Need::Required);
  REQUIRE(reader.diagnostics().size() == 1);  // the missing x is not reported on top
  CHECK(reader.diagnostics()[0].expected == "a map of settings (key: value lines)");
  CHECK(reader.diagnostics()[0].found == "a list");
  CHECK_THROWS_AS(reader.finish(), ScenarioError);
}

TEST_CASE("an absent optional map keeps defaults, records them, and does not demand its keys", "[scenario][reader]") {
  const Node tree = parse_yaml_text("name: x\n", "t.yaml");
  Reader reader(tree);
  MapReader root = reader.root();
  std::string name;
  root.text("name", name);
  MapReader hospital = root.map("hospital");
  double beds = 40;
  hospital.number("beds", beds, Need::Required);
  CHECK(hospital.path() == "hospital");
  CHECK_FALSE(hospital.has("beds"));
  CHECK_NOTHROW(reader.finish());
  CHECK(beds == 40);
  CHECK(reader.resolved()["hospital"]["beds"] == 40.0);
}

TEST_CASE("has() does not read a key: fail() locates a custom error at the key", "[scenario][reader]") {
  const Node tree = parse_yaml_text("a: 1\nb:\n  c: 2\n", "t.yaml");
  Reader reader(tree);
  MapReader root = reader.root();
  CHECK(root.has("a"));
  CHECK_FALSE(root.has("z"));
  MapReader b = root.map("b");
  b.fail("c", "a value below a", "'2'");
  b.fail("d", "a d", "nothing");
  try {
    reader.finish();
    FAIL("finish() should have thrown");
  } catch (const ScenarioError& e) {
    REQUIRE(e.diagnostics().size() == 3);
    CHECK(e.diagnostics()[0].message() == "t.yaml:3:6: b.c: expected a value below a; found '2'");
    CHECK(e.diagnostics()[1].message() == "t.yaml:3:3: b.d: expected a d; found nothing");  // at the map b
    CHECK(e.diagnostics()[2].message() == "t.yaml:1:1: a: expected a known key; found unknown key 'a'");
  }
}

}  // namespace campsim::scenario::test

namespace campsim::scenario::test {

TEST_CASE("points and list_of_text read lists of pairs and names", "[scenario][reader]") {
  const Node tree = parse_yaml_text("fence: [[0, 0], [10, 0], [10, 5.5]]\nroute: [gate, tower-1]\n", "t.yaml");
  Reader reader(tree);
  MapReader root = reader.root();
  std::vector<std::array<double, 2>> fence;
  std::vector<std::string> route;
  root.points("fence", fence, Need::Required, 3);
  root.list_of_text("route", route, Need::Required);
  REQUIRE_NOTHROW(reader.finish());
  CHECK(fence == std::vector<std::array<double, 2>>{{0, 0}, {10, 0}, {10, 5.5}});
  CHECK(route == std::vector<std::string>{"gate", "tower-1"});
  CHECK(reader.resolved()["fence"][2][1] == 5.5);
  CHECK(reader.resolved()["route"][1] == "tower-1");
}

TEST_CASE("points and list_of_text reject malformed items with their index", "[scenario][reader]") {
  const Node tree = parse_yaml_text("a: [[0, 0], [1]]\nb: [[0, 0]]\nc: [x, {y: 1}]\nd: [[0, north]]\n", "t.yaml");
  Reader reader(tree);
  MapReader root = reader.root();
  std::vector<std::array<double, 2>> a, b, d;
  std::vector<std::string> c{"kept"};
  root.points("a", a);
  root.points("b", b, Need::Optional, 3);
  root.list_of_text("c", c);
  root.points("d", d);
  const auto& ds = reader.diagnostics();
  REQUIRE(ds.size() == 4);
  CHECK(ds[0].message() == "t.yaml:1:13: a[1]: expected a point [x, y]; found a list of 1");
  CHECK(ds[1].message() == "t.yaml:2:4: b: expected a list of at least 3 [x, y] points; found a list of 1");
  CHECK(ds[2].message() == "t.yaml:3:8: c[1]: expected text; found a map");
  CHECK(ds[3].message() == "t.yaml:4:9: d[0][1]: expected a number; found 'north'");
  CHECK(a.empty());
  CHECK(c == std::vector<std::string>{"kept"});  // unchanged on error
}

}  // namespace campsim::scenario::test
