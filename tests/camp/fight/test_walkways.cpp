// Walking around walls, worked by hand: a wall along x = 0 with a gate-like gap where |y| < 3.
// Its corners by the gap, pushed out 0.5 m diagonally, are (+-1, +-2.5); a walk from one side to
// the other goes through the gap by them, and in a fight a QRF member closing on an intruder on
// the far side of the wall takes that way, never through the wall.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sim/camp/fight/engagement.hpp"
#include "sim/camp/fight/walkways.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_fight_test_walkways {

using namespace campsim::fight;

namespace {

std::vector<Point> box(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

Terrain wall_with_gap() {
  Terrain t;
  t.walls.push_back({box(-0.5, 3, 0.5, 100), 2.5});
  t.walls.push_back({box(-0.5, -100, 0.5, -3), 2.5});
  return t;
}

double length(Point from, const std::vector<Point>& way) {
  double metres = 0;
  for (const Point& p : way) {
    metres += campsim::camp::distance(from, p);
    from = p;
  }
  return metres;
}

double to_segment(Point x, Point a, Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double t = std::clamp(((x.x - a.x) * dx + (x.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
  return std::hypot(x.x - a.x - t * dx, x.y - a.y - t * dy);
}

}  // namespace

TEST_CASE("a walk across a wall goes through its gap, by the corners", "[fight][walkways]") {
  const Terrain t = wall_with_gap();
  const Walkways w(t, 0.5);
  const std::vector<Point> way = w.route({-20, 50}, {20, 50});
  REQUIRE(way.size() == 3);
  CHECK(way[0].x == Approx(-1));
  CHECK(way[0].y == Approx(2.5));
  CHECK(way[1].x == Approx(1));
  CHECK(way[1].y == Approx(2.5));
  CHECK(way[2].x == 20);
  CHECK(way[2].y == 50);
  // Through the gap: 2 sqrt(19^2 + 47.5^2) + 2 = 104.318 m (round the far end, y = 100, would be
  // 2 sqrt(19^2 + 50.5^2) + 2 = 109.9 m).
  CHECK(length({-20, 50}, way) == Approx(2 * std::hypot(19.0, 47.5) + 2));
  // Every leg is clear of the walls.
  Point from{-20, 50};
  for (const Point& p : way) {
    CHECK(walk_clear(t, from, p));
    from = p;
  }
}

TEST_CASE("a walk with nothing in the way is straight, and a walk from inside a wall has no way", "[fight][walkways]") {
  const Terrain t = wall_with_gap();
  const Walkways w(t, 0.5);
  const std::vector<Point> straight = w.route({5, 10}, {40, 90});
  REQUIRE(straight.size() == 1);
  CHECK(straight[0].x == 40);
  CHECK(walk_clear(t, {-10, 0}, {10, 0}));    // through the gap
  CHECK_FALSE(walk_clear(t, {-10, 10}, {10, 10}));
  CHECK(w.route({0, 50}, {20, 50}).empty());  // standing in the wall
  // Shut in a box of walls: no way out.
  Terrain shut;
  shut.walls.push_back({box(-10, -10, 10, -9), 2.5});
  shut.walls.push_back({box(-10, 9, 10, 10), 2.5});
  shut.walls.push_back({box(-10, -10, -9, 10), 2.5});
  shut.walls.push_back({box(9, -10, 10, 10), 2.5});
  CHECK(Walkways(shut, 0.5).route({0, 0}, {50, 0}).empty());
}

TEST_CASE("a QRF member closing on an intruder beyond the wall walks round by the gap", "[fight][walkways]") {
  const Terrain t = wall_with_gap();
  FightParams p;
  p.sight.detection_rate_per_s = 0;  // nobody sees anybody: the QRF walks to where it was told
  Engagement e(p, t, Rules{}, 1, 0, 0);
  Fighter qrf;
  qrf.side = Side::Camp;
  qrf.role = Role::Qrf;
  qrf.state = FighterState::Advancing;
  qrf.armed = true;
  qrf.position = {20, 50};
  qrf.goal = {20, 50};
  qrf.speed_mps = 1.5;
  const FighterId q = e.add(qrf);
  Fighter intruder;
  intruder.side = Side::Attacker;
  intruder.role = Role::Intruder;
  intruder.state = FighterState::Holding;
  intruder.position = {-20, 50};
  e.add(intruder);
  e.report_seen_at({-20, 50});
  std::vector<FightEvent> events;
  const double way = 2 * std::hypot(19.0, 47.5) + 2;  // 104.318 m at 1.5 m/s
  const std::vector<Point> by_hand{{20, 50}, {1, 2.5}, {-1, 2.5}, {-20, 50}};
  const auto off_way = [&](Point x) {
    double best = 1e9;
    for (std::size_t i = 0; i + 1 < by_hand.size(); ++i) best = std::min(best, to_segment(x, by_hand[i], by_hand[i + 1]));
    return best;
  };
  for (int s = 0; s < 68; ++s) {
    e.step(s, 1, Conditions{}, events);
    const Point now = e.at(q).position;
    CHECK_FALSE(inside_a_wall(t, now));
    // On the way worked by hand, wherever a tick ends (turning corners within a tick).
    CHECK(off_way(now) < 1e-9);
  }
  // After 68 s (102 m) the member is 2.318 m short of the goal along the last leg, which runs
  // from (-1, 2.5) to (-20, 50).
  const double short_m = way - 68 * 1.5;
  const double leg = std::hypot(19.0, 47.5);
  CHECK(e.at(q).position.x == Approx(-20 + short_m * 19.0 / leg));
  CHECK(e.at(q).position.y == Approx(50 - short_m * 47.5 / leg));
  for (int s = 68; s < 72; ++s) e.step(s, 1, Conditions{}, events);
  CHECK(e.at(q).position.x == Approx(-20));
  CHECK(e.at(q).position.y == Approx(50));
}

}  // namespace unity_camp_fight_test_walkways
