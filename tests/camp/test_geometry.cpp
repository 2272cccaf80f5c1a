#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

#include "sim/camp/geometry.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/camp/road_graph.hpp"
#include "sim/camp/tower_coverage.hpp"

using namespace campsim::camp;

TEST_CASE("polygon area, perimeter and containment match hand values", "[geometry]") {
  const std::vector<Point> rect{{0, 0}, {1500, 0}, {1500, 1000}, {0, 1000}};
  CHECK(signed_area(rect) == Approx(1.5e6));  // counter-clockwise: positive
  const std::vector<Point> clockwise(rect.rbegin(), rect.rend());
  CHECK(signed_area(clockwise) == Approx(-1.5e6));
  CHECK(perimeter_length(rect) == Approx(5000));
  CHECK(contains(rect, {750, 500}));
  CHECK_FALSE(contains(rect, {-1, 500}));
  CHECK_FALSE(contains(rect, {750, 1000.5}));
  CHECK(distance_to_boundary(rect, {750, 500}) == Approx(500));
  CHECK(distance_to_boundary(rect, {-30, -40}) == Approx(50));  // nearest is the corner: 3-4-5
  // An L-shape: the notch is outside.
  const std::vector<Point> ell{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
  CHECK(signed_area(ell) == Approx(3));
  CHECK_FALSE(contains(ell, {1.5, 1.5}));
  CHECK(contains(ell, {0.5, 1.5}));
}

TEST_CASE("a tower sees a point only inside its range and sector", "[geometry][towers]") {
  const Watchtower north{"n", {0, 0}, 0, 90, 100};  // looks north, +-45 degrees
  CHECK(tower_sees(north, {0, 50}));
  CHECK(tower_sees(north, {49, 50}));       // 44.4 degrees off axis
  CHECK_FALSE(tower_sees(north, {51, 50}));  // 45.6 degrees
  CHECK_FALSE(tower_sees(north, {0, 101}));  // out of range
  CHECK_FALSE(tower_sees(north, {0, -10}));  // behind
  const Watchtower west{"w", {0, 0}, 270, 90, 100};
  CHECK(tower_sees(west, {-50, 10}));
  CHECK_FALSE(tower_sees(west, {50, 10}));
  const Watchtower wraps{"nw", {0, 0}, 350, 40, 100};  // sector 330..10 crosses north
  CHECK(tower_sees(wraps, {1, 50}));   // bearing ~1 degree
  CHECK(tower_sees(wraps, {-30, 60}));  // bearing ~333 degrees
  CHECK_FALSE(tower_sees(wraps, {20, 50}));  // ~22 degrees
}

TEST_CASE("perimeter coverage equals the chord geometry of a circle on a square", "[geometry][towers]") {
  // A 100 m square with an all-round tower at its centre. With range r > 50 m each side is seen
  // where |x - 50| <= sqrt(r^2 - 50^2): a share 2 sqrt(r^2 - 2500) / 100 of every side.
  CampLayout layout;
  layout.perimeter = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
  for (double r : {55.0, 60.0, 65.0, 70.0}) {
    layout.towers = {{"c", {50, 50}, 0, 360, r}};
    const PerimeterCoverage c = perimeter_coverage(layout, 0.01);
    CHECK(c.perimeter_m == Approx(400));
    CHECK(c.watched_share() == Approx(2 * std::sqrt(r * r - 2500) / 100).margin(1e-3));
    CHECK(c.watched_by_two_m == 0);
  }
  layout.towers = {{"c", {50, 50}, 0, 360, 71}};  // beyond the half-diagonal (70.7 m): all seen
  CHECK(perimeter_coverage(layout).watched_share() == Approx(1.0));
  // A tower facing north with a 90-degree sector sees the whole north side and nothing else.
  layout.towers = {{"n", {50, 50}, 0, 90, 1000}};
  CHECK(perimeter_coverage(layout, 0.01).watched_share() == Approx(0.25).margin(1e-3));
  // Two identical towers: everything they see is seen twice.
  layout.towers = {{"a", {50, 50}, 0, 360, 1000}, {"b", {50, 50}, 0, 360, 1000}};
  CHECK(perimeter_coverage(layout).watched_by_two_m == Approx(400));
}

TEST_CASE("shortest routes over the road graph match the hand-worked answer", "[geometry][roads]") {
  // A 3-4-5 triangle a-b-c plus a long detour a-d-c: a to c is direct (5), not via d (3 + 10).
  CampLayout layout;
  layout.road_nodes = {{"a", {0, 0}}, {"b", {3, 0}}, {"c", {3, 4}}, {"d", {-5, 0}}, {"e", {100, 100}}};
  auto edge = [&](std::uint32_t f, std::uint32_t t) {
    const RoadNodeId from{f}, to{t};
    layout.road_edges.push_back({from, to, distance(layout.road_node(from).position, layout.road_node(to).position)});
  };
  const auto node = [](std::uint32_t i) { return RoadNodeId{i}; };
  edge(0, 1);
  edge(1, 2);
  edge(0, 2);
  edge(0, 3);
  const auto route = shortest_route(layout, node(3), node(2));
  REQUIRE(route);
  CHECK(route->length_m == Approx(10.0));  // d-a (5) then a-c (5)
  CHECK(route->nodes == std::vector<RoadNodeId>{node(3), node(0), node(2)});
  CHECK_FALSE(shortest_route(layout, node(0), node(4)));  // e is not connected
  CHECK(road_components(layout) == 2);
  edge(2, 4);
  CHECK(road_components(layout) == 1);
  CHECK(shortest_route(layout, node(4), node(4))->length_m == 0);
  CHECK_FALSE(shortest_route(layout, node(0), node(5)));  // no such node
}

namespace {
// route_length_table against shortest_route pair by pair, to the bit (infinity where no route).
void check_table_against_pairs(const CampLayout& layout) {
  const std::vector<std::vector<double>> table = route_length_table(layout);
  REQUIRE(table.size() == layout.road_nodes.size());
  for (std::uint32_t from = 0; from < table.size(); ++from)
    for (std::uint32_t to = 0; to < table.size(); ++to) {
      const auto route = shortest_route(layout, RoadNodeId{from}, RoadNodeId{to});
      const double expected = route ? route->length_m : std::numeric_limits<double>::infinity();
      INFO("from " << from << " to " << to);
      CHECK(table[from][to] == expected);
    }
}
}  // namespace

TEST_CASE("the route table holds shortest_route's length for every pair, to the bit", "[geometry][roads]") {
  SECTION("the Gao camp's roads") {
    const CampLayout layout =
        load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario.layout;
    REQUIRE(layout.road_nodes.size() > 10);
    check_table_against_pairs(layout);
  }
  SECTION("random graphs with parallel edges, ties on a unit grid and unreachable nodes") {
    std::mt19937 draw(25);
    for (int graph = 0; graph < 20; ++graph) {
      CampLayout layout;
      const int n = 8 + graph;
      for (int i = 0; i < n; ++i)
        layout.road_nodes.push_back({"n" + std::to_string(i), {double(i % 4), double(i / 4)}});
      std::uniform_int_distribution<std::uint32_t> node(0, static_cast<std::uint32_t>(n - 3));  // the last two: alone
      std::uniform_int_distribution<int> kind(0, 2);
      for (int e = 0; e < 2 * n; ++e) {
        const RoadNodeId a{node(draw)}, b{node(draw)};
        // A third of the edges unit long (ties), the rest the nodes' distance with a random detour.
        const double length = kind(draw) == 0 ? 1.0
                                              : distance(layout.road_node(a).position, layout.road_node(b).position) *
                                                    std::uniform_real_distribution<double>(1.0, 1.7)(draw);
        layout.road_edges.push_back({a, b, length});
      }
      check_table_against_pairs(layout);
    }
  }
}

TEST_CASE("a road node is found by name, and a site naming no node is an error, never node 0", "[geometry][roads]") {
  CampLayout layout;
  layout.road_nodes = {{"hospital", {0, 0}}, {"gate", {3, 0}}};
  CHECK(find_road_node(layout, "gate") == RoadNodeId{1});
  CHECK(find_road_node(layout, "hospital") == RoadNodeId{0});
  CHECK_FALSE(find_road_node(layout, "Gate"));  // names are exact
  CHECK_FALSE(find_road_node(layout, ""));
  CHECK(road_node_named(layout, "gate", "qrf.base") == RoadNodeId{1});
  CHECK_THROWS_WITH(road_node_named(layout, "hq", "qrf.base"), Catch::Contains("qrf.base") && Catch::Contains("'hq'"));
  CHECK_THROWS_AS(road_node_named(CampLayout{}, "hospital", "medical.ambulances.hospital_node"), std::invalid_argument);
}

// The remembered coverage must be the walk's own result for every layout it is asked about,
// including a layout changed in any one number it reads and more layouts than it keeps.
TEST_CASE("remembered perimeter coverage is exactly the walk, layout by layout", "[geometry][towers]") {
  auto same = [](const PerimeterCoverage& a, const PerimeterCoverage& b) {
    return a.perimeter_m == b.perimeter_m && a.watched_m == b.watched_m && a.watched_by_two_m == b.watched_by_two_m;
  };
  CampLayout layout;
  layout.perimeter = {{0, 0}, {300, 0}, {300, 200}, {0, 200}};
  layout.towers = {{"a", {10, 10}, 45, 200, 150}, {"b", {290, 190}, 225, 120, 180}};
  for (int round = 0; round < 2; ++round) {  // the second round reads what the first remembered
    for (int variant = 0; variant < 50; ++variant) {  // more than are kept
      CampLayout changed = layout;
      Watchtower& t = changed.towers[static_cast<std::size_t>(variant % 2)];
      switch (variant % 5) {
        case 0: t.range_m += variant; break;
        case 1: t.facing_deg += variant; break;
        case 2: t.field_of_view_deg -= variant; break;
        case 3: t.position.x += variant; break;
        default: changed.perimeter[2].y += variant; break;
      }
      CHECK(same(perimeter_coverage_remembered(changed), perimeter_coverage(changed)));
    }
  }
}

TEST_CASE("within_distance answers exactly as distance(a, b) <= r, at the edge and beyond", "[geometry]") {
  // Hand cases: a 3-4-5 triangle is exactly 5 apart.
  CHECK(within_distance({0, 0}, {3, 4}, 5.0));
  CHECK_FALSE(within_distance({0, 0}, {3, 4}, std::nextafter(5.0, 0.0)));
  CHECK(within_distance({1, 1}, {1, 1}, 0.0));
  CHECK_FALSE(within_distance({0, 0}, {0, 1e-300}, 0.0));
  CHECK_FALSE(within_distance({0, 0}, {1, 0}, -1.0));
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  CHECK_FALSE(within_distance({nan, 0}, {0, 0}, 3.0));
  CHECK_FALSE(within_distance({inf, 0}, {0, 0}, 3.0));
  CHECK_FALSE(within_distance({1e300, 0}, {-1e300, 0}, 3.0));
  // Random pairs at distances within a few units in the last place of r, where the squared
  // distance alone would be wrong, and far either side of it.
  std::mt19937_64 rng(20261207);
  std::uniform_real_distribution<double> coordinate(-2000.0, 2000.0), angle(0.0, 6.283185307179586),
      radius(1e-3, 60.0), scale(0.0, 3.0);
  long disagreements = 0, near_edge = 0, inside = 0;
  for (int trial = 0; trial < 200000; ++trial) {
    const Point a{coordinate(rng), coordinate(rng)};
    const double r = radius(rng), theta = angle(rng);
    double d = trial % 2 == 0 ? r : r * scale(rng);
    for (int k = static_cast<int>(trial % 9) - 4; k != 0; k += k > 0 ? -1 : 1) d = std::nextafter(d, k > 0 ? inf : 0.0);
    const Point b{a.x + d * std::cos(theta), a.y + d * std::sin(theta)};
    const bool expected = distance(a, b) <= r;
    disagreements += within_distance(a, b, r) != expected;
    near_edge += std::abs(distance(a, b) - r) <= 1e-12 * r;
    inside += expected;
  }
  CHECK(disagreements == 0);
  CHECK(near_edge > 50000);  // the edge was really tried
  CHECK(inside > 50000);
  CHECK(inside < 150000);
}
