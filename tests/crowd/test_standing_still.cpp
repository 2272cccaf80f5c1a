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
