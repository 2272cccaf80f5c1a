// The kernel's bytes, pinned: fingerprints of three crowds after a number of steps, recorded
// with the neighbour passes of 430c879 (at 5cc7443, the first step of issue 25's goal 3,
// which only stopped computing arrived agents' headings). Any change to the neighbour
// passes that adds the same terms in another order, drops or adds a term, or rounds
// differently changes them. A change of the model itself must update these values and say
// why in its commit message.
#include <catch2/catch.hpp>

#include <random>

#include "sim/crowd/gate_rush_workload.hpp"
#include "tests/crowd/crowd_test_helpers.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

std::uint64_t fnv1a(const std::vector<std::uint8_t>& bytes, std::uint64_t h = 1469598103934665603ull) {
  for (const std::uint8_t b : bytes) h = (h ^ b) * 1099511628211ull;
  return h;
}

// Headings too: the direction is the sum the passes compute, before the speed rounds it away.
std::uint64_t state_hash(const CrowdWorld& world, std::uint64_t h) {
  h = fnv1a(testing::fingerprint(world), h);
  std::vector<std::uint8_t> bytes;
  world.for_each_agent([&](CrowdAgentId id, Point2, std::uint8_t) {
    const Point2 e = world.heading(id);
    const auto* raw = reinterpret_cast<const std::uint8_t*>(&e);
    bytes.insert(bytes.end(), raw, raw + sizeof e);
    const std::uint16_t seen = world.counted_neighbours(id);
    bytes.push_back(static_cast<std::uint8_t>(seen));
    bytes.push_back(static_cast<std::uint8_t>(seen >> 8));
  });
  return fnv1a(bytes, h);
}

}  // namespace

TEST_CASE("kernel fingerprints: a gate rush with counted states, a field and a gate closing", "[crowd][golden]") {
  engine::Parallelism par(1);
  GateRushWorkload w = make_gate_rush(2000, 7);
  std::uint64_t h = 0;
  for (int step = 0; step < 40; ++step) {
    if (step == 20) w.world->set_gate_open(w.gate, false);
    w.world->step(kGateRushDt, par);
    for (const CrowdAgentId id : w.world->arrivals()) w.world->remove_agent(id);
    if (step % 10 == 9) h = state_hash(*w.world, h);
  }
  CHECK(h == 0xfa0ad57be3bd7612ull);
}

TEST_CASE("kernel fingerprints: a dense crowd pressed against a wall and a closed gate", "[crowd][golden]") {
  // 2 per m^2 against the wall: most agents are near it and take the line-of-sight path.
  engine::Parallelism par(1);
  CrowdWorld world(-40, -10, 40, 40);
  CrowdGeometry g;
  g.add_wall({-30, 0}, {-4, 0});
  g.add_wall({4, 0}, {30, 0});
  g.add_gate({-4, 0}, {4, 0}, false);
  world.set_geometry(std::move(g));
  std::mt19937 random(31);
  std::uniform_real_distribution<float> x(-10.0f, 10.0f), y(0.3f, 10.0f);
  for (int k = 0; k < 400; ++k) world.add_agent({{x(random), y(random)}, {0.0f, 0.5f}, 1.34f, 0.2f, 0});
  std::uint64_t h = 0;
  for (int step = 0; step < 60; ++step) {
    world.step(0.25f, par);
    if (step % 20 == 19) h = state_hash(world, h);
  }
  CHECK(h == 0xe999726d6433f71full);
}

TEST_CASE("kernel fingerprints: a crowd far denser than the block buffers hold", "[crowd][golden]") {
  // 4,000 agents of radius 0.1 m in 8 m x 8 m, tighter than anyone stands: more candidates
  // around an agent (about 2,200) than the kernel's blocks hold, so pass 2 rescans the slots.
  engine::Parallelism par(1);
  CrowdWorld world(-10, -10, 10, 10);
  std::mt19937 random(33);
  std::uniform_real_distribution<float> u(-4.0f, 4.0f);
  for (int k = 0; k < 4000; ++k) world.add_agent({{u(random), u(random)}, {9.0f, 0.0f}, 1.0f, 0.1f, 0});
  std::uint64_t h = 0;
  for (int step = 0; step < 10; ++step) {
    world.step(0.1f, par);
    h = state_hash(world, h);
  }
  CHECK(h == 0xc40ea48e908d3cb7ull);
}
