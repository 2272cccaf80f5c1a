// Arrived agents are not computed (CrowdModelParams::recompute_arrived_heading = false): a
// crowd standing at its places must walk, arrive, stand and set off again exactly as under the
// plain definition, which recomputes everyone every step. Only the heading of an agent while
// it stands may differ (it keeps the one it arrived with).
#include <catch2/catch.hpp>

#include <random>

#include "tests/crowd/crowd_test_helpers.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

// A march on a closed gate, made small: 400 people scattered 20-30 m out from a wall with a
// closed 8 m gate in it, each walking to a standing place packed at 2 per m^2 in front of the
// gate, so some arrive and stand while others are still squeezing past them. At step 200 every
// third agent (arrived or not) is sent back out, and at step 260 a second group: the skipped
// agents must set off from exactly where the plain definition has them.
struct March {
  CrowdWorld world;
  std::vector<CrowdAgentId> ids;
};

March make_march(bool recompute) {
  CrowdModelParams params;
  params.recompute_arrived_heading = recompute;
  params.resort_interval = 4;  // re-sorts happen while agents stand, too
  params.grain = 64;
  March m{CrowdWorld(-60.0f, -10.0f, 60.0f, 60.0f, params), {}};
  CrowdGeometry g;
  g.add_wall({-50, 0}, {-4, 0});
  g.add_wall({4, 0}, {50, 0});
  const GateId gate = g.add_gate({-4, 0}, {4, 0}, false);
  (void)gate;
  m.world.set_geometry(std::move(g));
  std::mt19937 random(2015);
  std::uniform_real_distribution<float> along(-15.0f, 15.0f), out(20.0f, 30.0f);
  std::vector<Point2> starts;
  while (starts.size() < 400) {
    const Point2 p{along(random), out(random)};
    bool clear = true;
    for (const Point2& q : starts) clear = clear && (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y) >= 0.25f;
    if (clear) starts.push_back(p);
  }
  // Places in rows 0.707 m apart (2 per m^2), nearest the gate first; handed out in start order,
  // so people cross each other's paths and some never reach their place.
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const int row = static_cast<int>(k / 20), col = static_cast<int>(k % 20);
    const Point2 place{(col - 9.5f) * 0.707f, 0.5f + row * 0.707f};
    m.ids.push_back(m.world.add_agent({starts[k], place, 1.34f, 0.2f, 0}));
  }
  return m;
}

void send_out(March& m, int every, int offset) {
  for (std::size_t k = static_cast<std::size_t>(offset); k < m.ids.size(); k += static_cast<std::size_t>(every))
    if (m.world.contains(m.ids[k])) {
      m.world.set_state(m.ids[k], 2);
      m.world.set_target(m.ids[k], {m.world.position(m.ids[k]).x * 3.0f, 45.0f});
    }
}

}  // namespace

TEST_CASE("skipping arrived agents changes no position, phase or arrival of a march on a gate", "[crowd][standing]") {
  engine::Parallelism par(2);
  March fast = make_march(false), plain = make_march(true);
  int standing_steps = 0;  // agent-steps the fast path skipped
  bool headings_differed = false;
  for (int step = 0; step < 320; ++step) {
    if (step == 200) send_out(fast, 3, 0), send_out(plain, 3, 0);
    if (step == 260) send_out(fast, 5, 1), send_out(plain, 5, 1);
    for (const CrowdAgentId id : fast.ids) standing_steps += fast.world.contains(id) && fast.world.arrived(id) ? 1 : 0;
    fast.world.step(0.25f, par);
    plain.world.step(0.25f, par);
    REQUIRE(testing::fingerprint(fast.world) == testing::fingerprint(plain.world));
    REQUIRE(std::vector<CrowdAgentId>(fast.world.arrivals().begin(), fast.world.arrivals().end()) ==
            std::vector<CrowdAgentId>(plain.world.arrivals().begin(), plain.world.arrivals().end()));
    for (const CrowdAgentId id : fast.ids) {
      REQUIRE(fast.world.arrived(id) == plain.world.arrived(id));
      const Point2 a = fast.world.heading(id), b = plain.world.heading(id);
      if (!fast.world.arrived(id)) {
        // Walking agents (including those just sent out) choose the same direction to the bit.
        REQUIRE(a.x == b.x);
        REQUIRE(a.y == b.y);
      } else {
        headings_differed = headings_differed || a.x != b.x || a.y != b.y;
      }
    }
  }
  // The case is worth something only if many agents stood while others pushed past them, and
  // if the standing agents' headings really were left alone (the plain definition turns them).
  CHECK(standing_steps > 20000);
  CHECK(headings_differed);
}

TEST_CASE("an arrived agent is still computed when counted neighbours are asked for", "[crowd][standing]") {
  // The count of "counted" neighbours is an output for every agent, arrived or not (Epstein's
  // local vision), so the skip is off while any state is counted.
  engine::Parallelism par(1);
  CrowdWorld world(-20, -20, 20, 20);
  const CrowdAgentId seer = world.add_agent({{0, 0}, {0, 0.1f}, 1.0f, 0.2f, 0});
  world.add_agent({{1, 0}, {1, 0}, 0.0f, 0.2f, 3});
  world.interactions().counted_states = state_bit(3);
  world.step(0.1f, par);
  REQUIRE(world.arrived(seer));
  CHECK(world.counted_neighbours(seer) == 1);
  const CrowdAgentId second = world.add_agent({{-1, 0}, {-1, 0}, 0.0f, 0.2f, 3});
  (void)second;
  world.step(0.1f, par);
  CHECK(world.counted_neighbours(seer) == 2);  // the skip would have left 1 (or 0)
}
