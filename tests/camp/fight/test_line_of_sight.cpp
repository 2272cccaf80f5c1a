// Line of sight on small layouts, every expected value worked by hand.

#include <catch2/catch.hpp>
#include <cmath>

#include "sim/camp/fight/line_of_sight.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_fight_test_line_of_sight {

using namespace campsim::fight;
using Catch::Detail::Approx;

namespace {
std::vector<Point> box(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }
}  // namespace

TEST_CASE("a segment crossing a square is inside from a quarter to three quarters of its length", "[fight][los]") {
  const auto in = inside_intervals(box(0, 0, 10, 10), {-5, 5}, {15, 5});
  REQUIRE(in.size() == 1);
  CHECK(in[0].first == Approx(0.25));
  CHECK(in[0].second == Approx(0.75));
  CHECK(inside_intervals(box(0, 0, 10, 10), {-5, 20}, {15, 20}).empty());
  // A segment that ends inside: from its entry to its end.
  const auto ends = inside_intervals(box(0, 0, 10, 10), {-10, 5}, {5, 5});
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].first == Approx(10.0 / 15));
  CHECK(ends[0].second == Approx(1.0));
}

TEST_CASE("a wall higher than the sight line blocks a standing observer, not a tower", "[fight][los]") {
  Terrain t;
  t.walls.push_back({box(4, -1, 6, 1), 2.2});
  // Standing: the line runs from 1.6 m down to 1.0 m, under the 2.2 m wall.
  CHECK_FALSE(line_of_sight(t, Eye{{0, 0}, 1.6}, {10, 0}, 1.0).clear);
  // From 8 m: over the wall (x 4..6) the line is 8 - 7 * 0.4..0.6 = 5.2..3.8 m up.
  const Sight tower = line_of_sight(t, Eye{{0, 0}, 8}, {10, 0}, 1.0);
  CHECK(tower.clear);
  CHECK(tower.transmission == Approx(1.0));
  // Off to the side the wall is not in the way.
  CHECK(line_of_sight(t, Eye{{0, 5}, 1.6}, {10, 5}, 1.0).clear);
}

TEST_CASE("a target just behind a wall is dead ground even from a tower", "[fight][los]") {
  Terrain t;
  t.walls.push_back({box(95, -1, 97, 1), 2.2});
  // At x = 95..97 the line from 8 m to 1 m over 100 m is 8 - 7 * 0.95..0.97 = 1.35..1.21 m up.
  CHECK_FALSE(line_of_sight(t, Eye{{0, 0}, 8}, {100, 0}, 1.0).clear);
  // Further back from the wall the target shows: at x = 95..97 of a line to x = 200 the height
  // is 8 - 7 * 0.475..0.485 = 4.675..4.605 m.
  CHECK(line_of_sight(t, Eye{{0, 0}, 8}, {200, 0}, 1.0).clear);
}

TEST_CASE("clutter thins the view by exp(-metres below roof height / scale)", "[fight][los]") {
  Terrain t;
  t.clutter.push_back({box(10, -10, 50, 10), 3.0});
  t.clutter_scale_m = 40;
  // Standing, the whole 40 m through the zone is below the roofs: e^-1.
  CHECK(line_of_sight(t, Eye{{0, 0}, 1.6}, {100, 0}, 1.0).transmission == Approx(std::exp(-1.0)));
  // From 8 m to a target at x = 100 the line is below 3 m only past t = 5/7 (x > 71.4): clear of the zone.
  CHECK(line_of_sight(t, Eye{{0, 0}, 8}, {100, 0}, 1.0).transmission == Approx(1.0));
  // To a target at x = 40 inside the zone, below 3 m past x = 40 * 5/7 = 28.571: 11.429 m of clutter.
  CHECK(line_of_sight(t, Eye{{0, 0}, 8}, {40, 0}, 1.0).transmission == Approx(std::exp(-(40.0 - 40.0 * 5 / 7) / 40)));
}

TEST_CASE("a tower sees only inside its field of view", "[fight][los]") {
  CHECK(bearing_deg({0, 0}, {0, 10}) == Approx(0));
  CHECK(bearing_deg({0, 0}, {10, 0}) == Approx(90));
  CHECK(bearing_deg({0, 0}, {-10, 0}) == Approx(270));
  // Facing east with a 90-degree field (45 each side): bearing 48 is in, north is out, south-east in.
  CHECK(in_field_of_view({0, 0}, 90, 90, {10, 9}));
  CHECK_FALSE(in_field_of_view({0, 0}, 90, 90, {9, 10}));
  CHECK_FALSE(in_field_of_view({0, 0}, 90, 90, {0, 10}));
  CHECK(in_field_of_view({0, 0}, 90, 90, {10, -5}));
  // Facing north (0) with 200 degrees: wraps through 360.
  CHECK(in_field_of_view({0, 0}, 0, 200, {-10, 1}));
  CHECK_FALSE(in_field_of_view({0, 0}, 0, 200, {0, -10}));
  CHECK(in_field_of_view({0, 0}, 0, 360, {0, -10}));
}

}  // namespace unity_camp_fight_test_line_of_sight
