// Identity resolved at load time (issue 20 item 2): typed ids that do not mix with ints or with
// each other, names in a scenario that name nothing refused with their file and line, and the
// names resolved once to ids that point at the objects named.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <type_traits>

#include "sim/camp/resolve_layout.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim;
using namespace campsim::camp;
namespace fs = std::filesystem;

// A bare int is no id: no implicit conversion from int, and the layout's ids do not mix.
static_assert(!std::is_convertible_v<int, GateId>);
static_assert(!std::is_convertible_v<int, ZoneId>);
static_assert(!std::is_convertible_v<int, RoadNodeId>);
static_assert(!std::is_convertible_v<std::uint32_t, BunkerId>);
static_assert(!std::is_convertible_v<GateId, TowerId>);
static_assert(!std::is_constructible_v<ZoneId, GateId>);
static_assert(!std::is_assignable_v<RoadNodeId&, int>);
static_assert(!std::is_convertible_v<int, std::optional<ZoneId>>);

namespace {

const fs::path kShipped = fs::path(CAMPSIM_SOURCE_DIR) / "scenarios";

// Writes a scenario that extends `base` with `body` (which starts on line 2) and loads it,
// expecting failure; returns the diagnostics and the file.
std::vector<scenario::Diagnostic> load_errors(const std::string& name, const std::string& base, const std::string& body,
                                              fs::path& file) {
  file = testing::scratch_dir("resolved_layout", name) / "scenario.yaml";
  std::ofstream(file) << "extends: " << (kShipped / base).string() << "\n" << body;
  try {
    load_scenario(file);
  } catch (const scenario::ScenarioError& e) {
    return e.diagnostics();
  }
  return {};
}

// The one diagnostic at `path`, which must name the scenario file and the line.
const scenario::Diagnostic& at_path(const std::vector<scenario::Diagnostic>& errors, const std::string& path) {
  for (const scenario::Diagnostic& e : errors)
    if (e.path == path) return e;
  FAIL("no error at " << path << " among " << errors.size());
  return errors.front();
}

}  // namespace

// A scenario extending `base` with `body` is refused at `path`, on `line` of its own file, with
// `expected` in what the message says was expected.
void check_refused(const std::string& name, const std::string& base, const std::string& body, const std::string& path,
                   int line, const std::string& expected) {
  fs::path file;
  const auto errors = load_errors(name, base, body, file);
  const scenario::Diagnostic& e = at_path(errors, path);
  CHECK(fs::path(e.where.file) == file);
  CHECK(e.where.line == line);
  CHECK(e.expected.find(expected) != std::string::npos);
}

TEST_CASE("a scenario naming a road node, gate or tower that does not exist fails at load with file and line",
          "[scenarios][errors][ids]") {
  check_refused("qrf", "gao_baseline.yaml", "qrf:\n  base: nowhere\n", "qrf.base", 3, "road node");
  check_refused("hospital", "gao_baseline.yaml", "medical:\n  ambulances:\n    hospital_node: nowhere\n",
                "medical.ambulances.hospital_node", 4, "a road node in camp.roads.nodes");
  check_refused("bomb", "gao_baseline.yaml", "threats:\n  vehicle_bomb:\n    gates: [back_door]\n",
                "threats.vehicle_bomb.gates", 4, "gates in camp.gates");
  check_refused("protest", "gao_with_protests.yaml", "protests:\n  crowd:\n    gate: back_door\n", "protests.crowd.gate",
                4, "gate in camp.gates");
  check_refused("no_roads", "gao_baseline.yaml", "camp:\n  roads:\n    nodes: []\n    edges: []\n", "camp.roads.nodes", 4,
                "at least one road node");
}

TEST_CASE("the layout's names resolve once to the ids of the objects they name", "[ids]") {
  Scenario s;
  s.layout.gates = {{"main", {0, 50}}, {"air", {100, 50}}};
  s.layout.towers = {{"T1", {0, 0}}, {"T2", {100, 100}}};
  s.layout.road_nodes = {{"hq", {50, 50}}, {"gate_in", {10, 50}}, {"tower_foot", {90, 90}}};
  s.qrf.base = "gate_in";
  s.medical.ambulances.hospital_node = "hq";
  s.medical.first_aid.responder_posts = {"tower_foot", "gate_in"};
  const auto post = [](std::string name, PostKind kind, std::string at, std::vector<std::string> route = {}) {
    Post p;
    p.name = std::move(name);
    p.kind = kind;
    p.at = std::move(at);
    p.route = std::move(route);
    return p;
  };
  s.guards.posts = {post("tower", PostKind::Tower, "T2"), post("gate", PostKind::Gate, "air"),
                    post("patrol", PostKind::Patrol, "", {"tower_foot", "hq"})};

  ResolvedLayout r = resolve_layout(s);
  REQUIRE(r.posts.size() == 3);
  CHECK(std::get<TowerId>(r.posts[0]) == TowerId{1});
  CHECK(std::get<GateId>(r.posts[1]) == GateId{1});
  CHECK(std::get<PatrolRoute>(r.posts[2]).nodes == std::vector<RoadNodeId>{RoadNodeId{2}, RoadNodeId{0}});
  // Where each stands: the tower's, the gate's and the route's first node's positions.
  REQUIRE(r.post_positions.size() == 3);
  CHECK(r.post_positions[0].x == 100);
  CHECK(r.post_positions[1].x == 100);
  CHECK(r.post_positions[1].y == 50);
  CHECK(r.post_positions[2].x == 90);
  CHECK(r.qrf_base == RoadNodeId{1});
  // No gate named: the bomb may go for any, in layout order; no protests: no protest gate.
  CHECK(r.bomb_gates == std::vector<GateId>{GateId{0}, GateId{1}});
  CHECK_FALSE(r.protest_gate);
  // The medical chain's nodes: the hospital's, no gate node named, the responders' posts in order.
  REQUIRE(r.medical);
  CHECK(r.medical->hospital == RoadNodeId{0});
  CHECK_FALSE(r.medical->gate);
  CHECK(r.medical->responders == std::vector<RoadNodeId>{RoadNodeId{2}, RoadNodeId{1}});

  s.threats.vehicle_bomb.gates = {"air"};
  s.protests.enabled = true;
  s.protests.crowd.gate = "main";
  s.medical.enabled = false;
  r = resolve_layout(s);
  CHECK(r.bomb_gates == std::vector<GateId>{GateId{1}});
  CHECK(r.protest_gate == GateId{0});
  CHECK_FALSE(r.medical);  // no chain, no names looked up

  // A scenario assembled by hand, past the loader's checks: refused, never a silent index 0.
  s.qrf.base = "nowhere";
  CHECK_THROWS_WITH(resolve_layout(s), Catch::Contains("qrf.base") && Catch::Contains("'nowhere'"));
  s.qrf.base = "hq";
  s.guards.posts[0].at = "T9";
  CHECK_THROWS_WITH(resolve_layout(s), Catch::Contains("post 'tower'") && Catch::Contains("'T9'"));
  s.guards.posts[0].at = "T1";
  s.protests.crowd.gate = "back";
  CHECK_THROWS_AS(resolve_layout(s), std::invalid_argument);
}
