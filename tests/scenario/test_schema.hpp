#pragma once
// A small stand-in for the camp model's parameter readers: one of every kind of read, so the
// scenario tests exercise the Reader the way the model will use it.
#include <filesystem>
#include <string>
#include <vector>

#include "sim/engine/distribution.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::scenario::test {

using engine::Distribution;

enum class Policy { Fixed, Rotating, Adaptive };

struct Post {
  std::string name;
  int manning = 2;
  double sight_m = 150;
};

struct Zone {
  std::string name;
  double risk = 0;
};

struct Params {
  std::string name = "unnamed";
  double duration = 0;
  double shift_length = 8 * 3600.0;
  int count = 24;
  double alertness = 0.8;
  Policy policy = Policy::Fixed;
  bool night_patrol = false;
  std::vector<Post> posts;
  Distribution interarrival = Distribution::exponential(4 * 3600.0);
  std::vector<double> weights{0.6, 0.3, 0.1};
  Distribution treatment = Distribution::triangular(300, 600, 1800);
  Distribution triage_staff = Distribution::uniform(1, 4);
  Distribution severity = Distribution::empirical({1, 2, 3}, {5, 3, 1});
  std::vector<Zone> zones;
};

inline void read_params(MapReader root, Params& p) {
  root.text("name", p.name);
  root.duration("duration", p.duration, Need::Required, Range{60});
  MapReader guards = root.map("guards");
  guards.duration("shift_length", p.shift_length, Need::Optional, Range{3600, 86400});
  guards.integer("count", p.count, Need::Optional, Range{1, 500});
  guards.number("alertness", p.alertness, Need::Optional, Range{0, 1});
  guards.choice("policy", p.policy, Need::Optional,
                {{"fixed", Policy::Fixed}, {"rotating", Policy::Rotating}, {"adaptive", Policy::Adaptive}});
  guards.boolean("night_patrol", p.night_patrol);
  guards.list("posts", Need::Optional, [&](MapReader& item, std::size_t) {
    Post post;
    item.text("name", post.name, Need::Required);
    item.integer("manning", post.manning, Need::Optional, Range{1, 20});
    item.number("sight_m", post.sight_m, Need::Optional, Range{0});
    p.posts.push_back(post);
  });
  MapReader threats = root.map("threats");
  threats.distribution("interarrival", p.interarrival, Need::Optional, ValueUnit::Duration, Range{0});
  threats.numbers("weights", p.weights, Need::Optional, Range{0}, 3);
  MapReader medical = root.map("medical");
  medical.distribution("treatment", p.treatment, Need::Optional, ValueUnit::Duration, Range{0});
  medical.distribution("triage_staff", p.triage_staff, Need::Optional, ValueUnit::Number, Range{0});
  medical.distribution("severity", p.severity);
  root.entries("zones", Need::Optional, [&](std::string_view name, MapReader& item) {
    Zone zone{std::string(name), 0};
    item.number("risk", zone.risk, Need::Required, Range{0, 1});
    p.zones.push_back(zone);
  });
}

inline std::filesystem::path data(const std::string& name) {
  return (std::filesystem::path(CAMPSIM_SOURCE_DIR) / "tests/scenario/data" / name).lexically_normal();
}

struct Outcome {
  Params params;
  std::vector<Diagnostic> errors;  // empty when the scenario was accepted
  nlohmann::ordered_json resolved;
};

inline Outcome read_tree(const Node& tree) {
  Outcome out;
  Reader reader(tree);
  read_params(reader.root(), out.params);
  out.resolved = reader.resolved();
  try {
    reader.finish();
  } catch (const ScenarioError& e) {
    out.errors = e.diagnostics();
  }
  return out;
}

// The whole pipeline a run goes through: file, extends, overrides, typed read, finish.
inline Outcome load(const std::filesystem::path& file, const std::vector<std::string>& overrides = {}) {
  try {
    Node tree = load_scenario_tree(file);
    for (const std::string& assignment : overrides) apply_override(tree, assignment);
    return read_tree(tree);
  } catch (const ScenarioError& e) {
    Outcome out;
    out.errors = e.diagnostics();
    return out;
  }
}

inline Outcome load_text(const std::string& yaml) { return read_tree(parse_yaml_text(yaml, "inline.yaml")); }

}  // namespace campsim::scenario::test
