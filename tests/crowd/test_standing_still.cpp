// Agents at desired speed 0 are not computed when CrowdModelParams::skip_standing is on (the
// shelter runs: runners waiting out their reaction time, people queued at a door): runners
// pushing past a queue, sleepers setting off late and queued people sent on must walk, arrive
// and stand exactly as under the plain definition, which computes everyone every step. Only the
// heading of an agent while it stands may differ.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "tests/crowd/crowd_test_helpers.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

// A bunker door at the origin in a walled yard: 120 people queued before it (standing, speed
// 0, the door their target), 240 runners 15-30 m out heading for the door, of whom every fourth
// is asleep (speed 0 until step 30). At step 90 every third queued person is sent on to a second
// door, running.
struct Yard {
  CrowdWorld world;
  std::vector<CrowdAgentId> queued, runners;
};

Yard make_yard(bool skip) {
  CrowdModelParams params;
  params.skip_standing = skip;
  params.interaction_radius = 2.0f;
  params.resort_interval = 4;  // re-sorts happen while agents stand, too
  params.grain = 64;
  Yard y{CrowdWorld(-40.0f, -10.0f, 40.0f, 40.0f, params), {}, {}};
  CrowdGeometry g;
  const std::vector<Point2> corners{{-35, -5}, {35, -5}, {35, 35}, {-35, 35}};
  g.add_wall_loop(corners);
  y.world.set_geometry(std::move(g));
  for (int k = 0; k < 120; ++k) {
    const int row = k / 12, col = k % 12;
    const Point2 at{(col - 5.5f) * 0.6f, 1.0f + row * 0.6f};
    y.queued.push_back(y.world.add_agent({at, {0, 0}, 0.0f, 0.2f, 0}));
  }
  std::mt19937 random(2016);
  std::uniform_real_distribution<float> along(-25.0f, 25.0f), out(15.0f, 30.0f);
  std::vector<Point2> starts;
  while (starts.size() < 240) {
    const Point2 p{along(random), out(random)};
    bool clear = true;
    for (const Point2& q : starts) clear = clear && (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) >= 0.25f;
    if (clear) starts.push_back(p);
  }
  for (std::size_t k = 0; k < starts.size(); ++k)
    y.runners.push_back(y.world.add_agent({starts[k], {0, 0}, k % 4 == 0 ? 0.0f : 3.0f, 0.2f, 0}));
  return y;
}

}  // namespace

TEST_CASE("skipping agents at desired speed 0 changes no position, phase or arrival of runners passing a queue",
          "[crowd][standing]") {
  engine::Parallelism par(2);
  Yard fast = make_yard(true), plain = make_yard(false);
  std::vector<bool> standing_fast(400, false);
  long standing_steps = 0;
  bool headings_differed = false;
  for (int step = 0; step < 160; ++step) {
    for (Yard* y : {&fast, &plain}) {
      if (step == 30)
        for (std::size_t k = 0; k < y->runners.size(); k += 4) y->world.set_desired_speed(y->runners[k], 3.0f);
      if (step == 90)
        for (std::size_t k = 0; k < y->queued.size(); k += 3) {
          y->world.set_target(y->queued[k], {20.0f, 30.0f});
          y->world.set_desired_speed(y->queued[k], 3.0f);
        }
    }
    // Who stands this step: the queue (but those sent on), and the sleepers until step 30.
    long standing_now = 0;
    for (std::size_t k = 0; k < fast.queued.size(); ++k) standing_now += step < 90 || k % 3 != 0 ? 1 : 0;
    if (step < 30) standing_now += static_cast<long>((fast.runners.size() + 3) / 4);
    standing_steps += standing_now;
    fast.world.step(0.5f, par);
    plain.world.step(0.5f, par);
    REQUIRE(testing::fingerprint(fast.world) == testing::fingerprint(plain.world));
    REQUIRE(std::vector<CrowdAgentId>(fast.world.arrivals().begin(), fast.world.arrivals().end()) ==
            std::vector<CrowdAgentId>(plain.world.arrivals().begin(), plain.world.arrivals().end()));
    for (std::size_t k = 0; k < fast.runners.size(); ++k) {
      const CrowdAgentId id = fast.runners[k];
      REQUIRE(fast.world.arrived(id) == plain.world.arrived(id));
      const bool asleep = k % 4 == 0 && step < 30;
      const Point2 a = fast.world.heading(id), b = plain.world.heading(id);
      if (!fast.world.arrived(id) && !asleep) {
        // Runners choose the same direction to the bit.
        REQUIRE(a.x == b.x);
        REQUIRE(a.y == b.y);
      }
    }
    for (std::size_t k = 0; k < fast.queued.size(); ++k) {
      const Point2 a = fast.world.heading(fast.queued[k]), b = plain.world.heading(fast.queued[k]);
      headings_differed = headings_differed || a.x != b.x || a.y != b.y;
    }
  }
  // Worth something only if many agents stood among the runners, and if the standing agents'
  // headings really were left alone (the plain definition turns them as runners pass).
  CHECK(standing_steps > 10000);
  CHECK(headings_differed);
}

// A step in which every agent stands (the shelter runners' reaction time) builds no grid unless
// a re-sort falls due: the same bytes as a crowd whose steps are never idle. The reference is the
// same crowd plus one slow walker in a far corner of the frame, out of everyone's reach (its cell
// is many cells from theirs, so it changes none of their sums), which keeps every step busy.
TEST_CASE("steps in which everybody stands give the same bytes as busy steps", "[crowd][standing]") {
  CrowdModelParams params;
  params.skip_standing = true;
  params.resort_interval = 4;  // re-sorts fall due inside the idle stretches
  params.grain = 32;
  engine::Parallelism par(2);
  const auto make = [&](bool with_far_walker) {
    CrowdWorld world(-50.0f, -50.0f, 50.0f, 50.0f, params);
    std::mt19937 random(2015);
    std::uniform_real_distribution<float> near(-8.0f, 8.0f);
    for (int k = 0; k < 150; ++k) {
      const Point2 at{near(random), near(random)};
      const Point2 door{k % 2 == 0 ? -3.0f : 4.0f, 0.5f};
      world.add_agent({at, door, 0.0f, 0.25f, 0});
    }
    if (with_far_walker) world.add_agent({{45.0f, 45.0f}, {45.0f, 35.0f}, 0.1f, 0.25f, 0});
    return world;
  };
  CrowdWorld idle = make(false), busy = make(true);
  std::vector<CrowdAgentId> ids;
  idle.for_each_agent([&](CrowdAgentId id, Point2, std::uint8_t) { ids.push_back(id); });
  long arrivals = 0;
  for (int step = 0; step < 120; ++step) {
    // Everyone stands for 30 steps, runs for 30, stands for 20 (the speed set to 0 mid-run),
    // then runs again.
    const float speed = step < 30 || (step >= 60 && step < 80) ? 0.0f : 2.0f;
    if (step == 0 || step == 30 || step == 60 || step == 80)
      for (const CrowdAgentId id : ids)
        for (CrowdWorld* w : {&idle, &busy})
          if (w->contains(id)) w->set_desired_speed(id, speed);
    idle.step(0.25f, par);
    busy.step(0.25f, par);
    const std::vector<CrowdAgentId> a(idle.arrivals().begin(), idle.arrivals().end());
    const std::vector<CrowdAgentId> b(busy.arrivals().begin(), busy.arrivals().end());
    REQUIRE(a == b);
    for (const CrowdAgentId id : a) {
      idle.remove_agent(id);  // removals in both: compaction between idle and busy steps
      busy.remove_agent(id);
    }
    arrivals += static_cast<long>(a.size());
    for (const CrowdAgentId id : ids) {
      REQUIRE(idle.contains(id) == busy.contains(id));
      if (!idle.contains(id)) continue;
      const Point2 p = idle.position(id), q = busy.position(id);
      REQUIRE(p.x == q.x);
      REQUIRE(p.y == q.y);
      const Point2 e = idle.heading(id), f = busy.heading(id);
      REQUIRE(e.x == f.x);
      REQUIRE(e.y == f.y);
      REQUIRE(idle.arrived(id) == busy.arrived(id));
    }
  }
  CHECK(idle.timings().idle_steps >= 50);  // and any step after the last has gone in
  CHECK(busy.timings().idle_steps == 0);
  CHECK(arrivals > 0);
}
