#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <vector>

#include "sim/crowd/crowd_placement.hpp"
#include "sim/crowd/gate_rush_workload.hpp"
#include "sim/engine/random.hpp"

using namespace campsim;
using namespace campsim::crowd;

TEST_CASE("agents are conserved: present + removed on arrival = added, ids unique and stable", "[crowd]") {
  engine::Parallelism par(2);
  GateRushWorkload w = make_gate_rush(2000, 11);
  CrowdWorld& world = *w.world;
  const std::size_t added = world.agent_count();
  REQUIRE(added == 2000);
  std::set<std::uint32_t> gone;
  std::vector<Point2> last(added);
  world.for_each_agent([&](CrowdAgentId id, Point2 p, std::uint8_t) { last[id.value] = p; });
  const float max_step = 1.3f * 1.2f * kGateRushDt + 1e-4f;  // fastest state, one step
  for (int step = 0; step < 300; ++step) {
    world.step(kGateRushDt, par);
    std::size_t seen = 0;
    world.for_each_agent([&](CrowdAgentId id, Point2 p, std::uint8_t) {
      ++seen;
      // Ids follow their agent through re-sorts: nobody jumps.
      CHECK(std::hypot(p.x - last[id.value].x, p.y - last[id.value].y) <= max_step);
      last[id.value] = p;
    });
    CHECK(seen == world.agent_count());
    for (const CrowdAgentId id : world.arrivals()) {
      CHECK(gone.insert(id.value).second);
      world.remove_agent(id);
    }
    CHECK(world.agent_count() + gone.size() == added);
  }
  CHECK(gone.size() > 20);  // people did go out through the gate
}

TEST_CASE("counted neighbours equal a brute-force count within the interaction radius", "[crowd]") {
  // Counting every state checks the grid, the row ranges and the lane masks against all pairs.
  engine::Parallelism par(2);
  engine::RandomStream rng(engine::StreamKey{5, 0, engine::purpose_tag("test.grid"), 0, 0});
  const auto positions = scatter_without_overlap(Rectangle{0, 0, 40, 30}, 3000, 0.3f, rng);
  CrowdWorld world(0, 0, 40, 30);
  world.interactions().counted_states = kAllStates;
  std::vector<CrowdAgentId> ids;
  for (const Point2 p : positions) ids.push_back(world.add_agent(AgentSpec{p, p, 0.0f, 0.15f, 0}));
  // Also agents outside the bounds (they live in the edge cells).
  for (const Point2 p : {Point2{-3, 5}, Point2{-3.5f, 5.5f}, Point2{45, 40}, Point2{44, 39}})
    ids.push_back(world.add_agent(AgentSpec{p, p, 0.0f, 0.15f, 0}));
  world.step(0.1f, par);  // nobody moves (speed 0), but counts are taken from the state before
  const float r2 = 2.0f * 2.0f;
  std::vector<Point2> all;
  for (const CrowdAgentId id : ids) all.push_back(world.position(id));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    int expected = 0;
    for (std::size_t j = 0; j < ids.size(); ++j) {
      const float dx = all[i].x - all[j].x, dy = all[i].y - all[j].y;
      const float d2 = dx * dx + dy * dy;
      expected += (j != i && d2 <= r2) ? 1 : 0;
    }
    CHECK(world.counted_neighbours(ids[i]) == expected);
  }
}
