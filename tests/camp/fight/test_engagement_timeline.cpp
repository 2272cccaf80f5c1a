// One intruder against one sentry, worked by hand: the walk to the wire, the cut, the step
// through, the first sighting (the wall hides the intruder from a sentry on the ground until he
// is through; a tower sees him coming), and the one certain shot.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sim/camp/fight/engagement.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_fight_test_engagement_timeline {

using namespace campsim::fight;

namespace {

std::vector<Point> box(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

// The wire runs north-south at x = 0 (a 1 m wall, 2.2 m high); the camp is east of it.
Terrain wall_at_zero() {
  Terrain t;
  t.walls.push_back({box(-0.5, -500, 0.5, 500), 2.2});
  return t;
}

FightParams certain_params() {
  FightParams p;
  p.sight.detection_rate_per_s = 1000;  // anyone in view is seen in the tick he comes into view
  p.fire.effective_range_m = 1e7;
  p.fire.combat_degradation = 1;       // every shot hits...
  p.fire.hit_lethality = 1;            // ...and kills
  p.fire.shots_per_minute = 60;
  p.move.approach_speed_mps = 0.8;
  p.move.inside_speed_mps = 1.5;
  return p;
}

Fighter intruder() {
  Fighter f;
  f.side = Side::Attacker;
  f.role = Role::Intruder;
  f.state = FighterState::Approaching;
  f.armed = true;
  f.position = {-150.5, 0};
  f.goal = {-1, 0};  // a metre outside the wall
  f.objective = {40, 0};
  f.breach_s = 120;
  f.speed_mps = 0.8;
  return f;
}

Fighter sentry(double eye_height_m) {
  Fighter f;
  f.side = Side::Camp;
  f.role = Role::Sentry;
  f.state = FighterState::Holding;
  f.armed = true;
  f.position = {20, 0};
  f.eye_height_m = eye_height_m;
  f.sight_range_m = 1000;
  return f;
}

struct Run {
  std::vector<FightEvent> events;
  double first_sighting = -1;
};

Run run(Engagement& e, int seconds) {
  Run r;
  for (int t = 0; t < seconds; ++t) {
    const std::size_t before = r.events.size();
    e.step(t, 1, Conditions{}, r.events);
    for (std::size_t i = before; i < r.events.size(); ++i)
      if (r.events[i].kind == FightEventKind::Detection && r.first_sighting < 0 && r.events[i].by.value == 1)
        r.first_sighting = r.events[i].time;
  }
  return r;
}

}  // namespace

TEST_CASE("an intruder walks to the wire, cuts it and steps through on a timeline worked by hand", "[fight][timeline]") {
  const FightParams params = certain_params();
  const Terrain terrain = wall_at_zero();
  Engagement e(params, terrain, Rules{}, 1, 0, 0);
  const FighterId who = e.add(intruder());
  // 149.5 m to the goal; within a metre of it after 148.5 m, i.e. 186 steps of 0.8 m (148.8 m,
  // x = -1.7): the step at t = 185 arrives. The cut then takes from the end of that step (186)
  // for 120 s: through at 306.
  std::vector<FightEvent> events;
  for (int t = 0; t <= 184; ++t) e.step(t, 1, Conditions{}, events);
  CHECK(e.at(who).state == FighterState::Approaching);
  e.step(185, 1, Conditions{}, events);
  CHECK(e.at(who).state == FighterState::Breaching);
  CHECK(e.at(who).ready_at == 306);
  CHECK(std::fabs(e.at(who).position.x + 1.7) < 1e-9);
  for (int t = 186; t < 306; ++t) e.step(t, 1, Conditions{}, events);
  CHECK(e.at(who).state == FighterState::Breaching);
  e.step(306, 1, Conditions{}, events);
  REQUIRE(e.at(who).entered_at.has_value());
  CHECK(*e.at(who).entered_at == 306);
  // Through: 3 m across the wire from x = -1.7 to x = 1.3, then 1.5 m in the same step: x = 2.8.
  CHECK(std::fabs(e.at(who).position.x - 2.8) < 1e-9);
  CHECK(events.empty());  // nobody to see, nobody to shoot
}

TEST_CASE("a sentry on the ground first sees the intruder when he is through the wall: a tower sees him coming",
          "[fight][timeline][los]") {
  const FightParams params = certain_params();
  const Terrain terrain = wall_at_zero();
  {
    Engagement e(params, terrain, Rules{}, 1, 0, 0);
    const FighterId who = e.add(intruder());
    e.add(sentry(1.6));
    const Run r = run(e, 400);
    // The wall hides him until the step at t = 306 puts him inside; the look in that step sees him.
    CHECK(r.first_sighting == 306);
    // The sentry fires the first aimed shot after that and it kills: the fight is over.
    CHECK(e.at(who).state == FighterState::Killed);
    CHECK(e.tally().shots == 1);
    CHECK(e.tally().hits_by_camp == 1);
    CHECK(*e.tally().first_shot > 306);
    CHECK_FALSE(e.attackers_active());
  }
  {
    Engagement e(params, terrain, Rules{}, 1, 0, 0);
    const FighterId who = e.add(intruder());
    e.add(sentry(8));  // in a tower
    const Run r = run(e, 400);
    // From 8 m up, at 20 m behind the wall, the line to a man 150 m out clears the wall: he is seen
    // in the first step and shot before he reaches it.
    CHECK(r.first_sighting == 0);
    CHECK(e.at(who).state == FighterState::Killed);
    CHECK_FALSE(e.at(who).entered_at.has_value());
  }
}

}  // namespace unity_camp_fight_test_engagement_timeline
