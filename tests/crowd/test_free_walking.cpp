// Hand-computed steps of the collision-free speed model: a free walker, a walker behind a
// standing neighbour, a walker beside a wall, a field source, state-dependent responses.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/crowd/crowd_world.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {
constexpr float kDt = 0.1f;
CrowdWorld open_world() { return CrowdWorld(-20, -20, 40, 40); }
}  // namespace

TEST_CASE("a free walker goes straight at its desired speed and arrives in distance / speed", "[crowd]") {
  engine::Parallelism par(1);
  CrowdWorld world = open_world();
  const CrowdAgentId id = world.add_agent(AgentSpec{{0, 0}, {13, 0}, 1.3f, 0.2f, 0});
  for (int s = 0; s < 10; ++s) world.step(kDt, par);
  CHECK(world.position(id).x == Approx(1.3f).margin(1e-5));  // 10 steps of 0.13 m
  CHECK(world.position(id).y == 0.0f);
  // 13 m at 1.3 m/s is 100 steps; arrival within arrival_distance (0.3 m) of the target comes
  // at step ceil((13 - 0.3) / 0.13) = 98, never later than 100 + 1.
  int arrived_at = -1;
  for (int s = 10; s < 200 && arrived_at < 0; ++s) {
    world.step(kDt, par);
    if (!world.arrivals().empty()) {
      CHECK(world.arrivals().size() == 1);
      CHECK(world.arrivals()[0] == id);
      arrived_at = s + 1;
    }
  }
  CHECK(arrived_at == 98);
  CHECK(arrived_at <= 101);
  CHECK(world.arrived(id));
  // It then stands still, and is not reported again.
  const Point2 stop = world.position(id);
  world.step(kDt, par);
  CHECK(world.arrivals().empty());
  CHECK(world.position(id).x == stop.x);
  // A new target sets it walking again, and it never overshoots a near target.
  world.set_target(id, {stop.x + 0.05f, 0});
  CHECK_FALSE(world.arrived(id));
  world.step(kDt, par);
  CHECK(world.position(id).x == Approx(stop.x + 0.05f).margin(1e-5));
  CHECK(world.arrivals().size() == 1);
}

TEST_CASE("the speed follows the free spacing to the neighbour ahead: v = min(v0, s / T)", "[crowd]") {
  engine::Parallelism par(1);
  CrowdWorld world = open_world();  // T = 0.5 s
  const CrowdAgentId walker = world.add_agent(AgentSpec{{0, 0}, {10, 0}, 1.3f, 0.25f, 0});
  // A standing neighbour 0.8 m ahead: spacing 0.8 - 0.25 - 0.25 = 0.3 m, speed 0.3 / 0.5 = 0.6 m/s.
  // Its repulsion 8 exp((0.5 - 0.8) / 0.1) = 0.398 acts along the axis, so the direction stays +x.
  world.add_agent(AgentSpec{{0.8f, 0}, {0.8f, 0}, 0.0f, 0.25f, 0});
  world.step(kDt, par);
  CHECK(world.position(walker).x == Approx(0.06f).margin(1e-5));
  CHECK(world.position(walker).y == 0.0f);
}

TEST_CASE("a wall within reach bends the direction by a_w exp((r - d) / D_w)", "[crowd]") {
  engine::Parallelism par(1);
  CrowdWorld world = open_world();
  CrowdGeometry g;
  g.add_wall({-5, 0}, {5, 0});
  world.set_geometry(g);
  const CrowdAgentId id = world.add_agent(AgentSpec{{0, 0.3f}, {10, 0.3f}, 1.3f, 0.25f, 0});
  world.step(kDt, par);
  // e = normalise((1, 0) + 5 exp((0.25 - 0.3) / 0.02) (0, 1)) = normalise(1, 0.41042); step 0.13 m.
  const double push = 5.0 * std::exp(-2.5);
  const double norm = std::sqrt(1.0 + push * push);
  CHECK(world.position(id).x == Approx(0.13 / norm).margin(2e-5));
  CHECK(world.position(id).y == Approx(0.3 + 0.13 * push / norm).margin(2e-5));
}

TEST_CASE("field sources act on the states in their mask: speed factors and counted neighbours by state",
          "[crowd]") {
  engine::Parallelism par(1);
  CrowdWorld world = open_world();
  // A repelling source 1 m below the path with range 1 m: push exp(-1) upward, only on state 1.
  world.interactions().sources.push_back(FieldSource{{0, -1}, 1.0f, 1.0f, state_bit(1)});
  world.interactions().speed_factor[2] = 0.5f;
  const CrowdAgentId quiet = world.add_agent(AgentSpec{{0, 0}, {10, 0}, 1.3f, 0.2f, 0});
  const CrowdAgentId active = world.add_agent(AgentSpec{{0, 10}, {10, 10}, 1.3f, 0.2f, 0});
  const CrowdAgentId slow = world.add_agent(AgentSpec{{0, 20}, {10, 20}, 1.3f, 0.2f, 2});
  world.set_state(active, 1);
  world.interactions().sources.push_back(FieldSource{{0, 9}, 1.0f, 1.0f, state_bit(1)});
  world.step(kDt, par);
  CHECK(world.position(quiet).x == Approx(0.13f).margin(1e-5));  // state 0: unaffected
  CHECK(world.position(quiet).y == 0.0f);
  const double push = std::exp(-1.0), norm = std::sqrt(1.0 + push * push);
  CHECK(world.position(active).x == Approx(0.13 / norm).margin(2e-5));
  CHECK(world.position(active).y == Approx(10.0 + 0.13 * push / norm).margin(2e-5));
  CHECK(world.position(slow).x == Approx(0.065f).margin(1e-5));  // half speed

  // Counted neighbours: three in state 3 within 2 m, one in state 3 at 2.5 m, one in state 0.
  CrowdWorld crowd = open_world();
  crowd.interactions().counted_states = state_bit(3);
  const CrowdAgentId seer = crowd.add_agent(AgentSpec{{0, 0}, {0, 0}, 0.0f, 0.2f, 0});
  for (const Point2 p : {Point2{1, 0}, Point2{0, 1.5f}, Point2{-1.2f, -1.2f}, Point2{2.5f, 0}})
    crowd.add_agent(AgentSpec{p, p, 0.0f, 0.2f, 3});
  crowd.add_agent(AgentSpec{{0, -1}, {0, -1}, 0.0f, 0.2f, 0});
  CHECK(crowd.counted_neighbours(seer) == 0);  // nothing seen before the first step
  crowd.step(kDt, par);
  CHECK(crowd.counted_neighbours(seer) == 3);
}

TEST_CASE("add_agent and the setters refuse bad input: removed ids are gone at once", "[crowd]") {
  CrowdWorld world = open_world();
  CHECK_THROWS_AS(world.add_agent(AgentSpec{{NAN, 0}, {0, 0}, 1.0f, 0.2f, 0}), std::invalid_argument);
  CHECK_THROWS_AS(world.add_agent(AgentSpec{{0, 0}, {0, 0}, -1.0f, 0.2f, 0}), std::invalid_argument);
  CHECK_THROWS_AS(world.add_agent(AgentSpec{{0, 0}, {0, 0}, 1.0f, 0.05f, 0}), std::invalid_argument);
  CHECK_THROWS_AS(world.add_agent(AgentSpec{{0, 0}, {0, 0}, 1.0f, 0.2f, kMaxStates}), std::invalid_argument);
  const CrowdAgentId a = world.add_agent(AgentSpec{{0, 0}, {1, 0}, 1.0f, 0.2f, 0});
  const CrowdAgentId b = world.add_agent(AgentSpec{{5, 0}, {1, 0}, 1.0f, 0.2f, 0});
  CHECK(b.value == a.value + 1);
  world.remove_agent(a);
  CHECK_FALSE(world.contains(a));
  CHECK(world.contains(b));
  CHECK(world.agent_count() == 1);
  CHECK_THROWS_AS(world.position(a), std::out_of_range);
  CHECK_THROWS_AS(world.remove_agent(a), std::out_of_range);
  engine::Parallelism par(1);
  world.step(kDt, par);
  CHECK(world.position(b).x < 5.0f);
  const CrowdAgentId c = world.add_agent(AgentSpec{{9, 9}, {9, 9}, 1.0f, 0.2f, 0});
  CHECK(c.value == b.value + 1);  // ids are never reused
  CHECK_THROWS_AS(world.step(0.0f, par), std::invalid_argument);
  CrowdModelParams bad;
  bad.time_gap = 0.0f;
  CHECK_THROWS_AS(CrowdWorld(0, 0, 1, 1, bad), std::invalid_argument);
}
