// The kernel's neighbour passes four lanes (SSE2) or eight (AVX2) at a time: the same crowd
// stepped with each must give the same bits at every step (kernel_lanes.hpp), so the outputs do
// not depend on the machine. The eight-lane passes add each block's two halves to the four-lane
// partial sums one after the other; summing in any other order changes low bits within a few
// steps of a crowd this dense, and this test fails.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "sim/crowd/kernel_lanes.hpp"
#include "tests/crowd/crowd_test_helpers.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

// Puts the process-wide choice back when a test ends.
struct LanesRestored {
  KernelLanes before = kernel_lanes();
  ~LanesRestored() { set_kernel_lanes(before); }
};

// A jittered lattice of agents `spacing` m apart over [x0, x1] x [y0, y1], each walking to
// `target` plus its own offset from the lattice's first corner (so they keep apart as they go).
void add_block(CrowdWorld& world, std::mt19937& random, float x0, float x1, float y0, float y1, float spacing,
               Point2 target, std::uint8_t state, std::vector<CrowdAgentId>& ids) {
  std::uniform_real_distribution<float> jitter(-0.08f, 0.08f);
  for (float y = y0; y <= y1; y += spacing)
    for (float x = x0; x <= x1; x += spacing) {
      const Point2 at{x + jitter(random), y + jitter(random)};
      const Point2 goal{target.x + (x - x0), target.y + (y - y0)};
      ids.push_back(world.add_agent({at, goal, 1.34f, 0.2f, state}));
    }
}

// About 800 people at 2.4-2.8 per m^2 (30 or so neighbours within the 2 m range, so rows of
// whole eight-lane blocks and a partial one at each row's end): 273 squeezing through a 2 m
// door in a wall (near the wall an agent reads only the neighbours in sight, a buffer of any
// length), and groups of 304 and 204 crossing each other's path at a right angle in the open. Everyone has a target, so
// agents arrive throughout. `counted`: every state counted, so arrived agents are computed too.
struct Scene {
  CrowdWorld world;
  std::vector<CrowdAgentId> ids;
};

Scene make_scene(bool counted) {
  CrowdModelParams params;
  params.resort_interval = 5;
  params.grain = 128;
  Scene s{CrowdWorld(-40.0f, -20.0f, 40.0f, 40.0f, params), {}};
  CrowdGeometry g;
  g.add_wall({-30, 0}, {-1, 0});
  g.add_wall({1, 0}, {30, 0});
  s.world.set_geometry(std::move(g));
  std::mt19937 random(25);
  add_block(s.world, random, -6.5f, 6.5f, 1.0f, 9.0f, 0.65f, {-6.0f, -12.0f}, 0, s.ids);
  add_block(s.world, random, -25.0f, -14.0f, 18.0f, 27.0f, 0.6f, {5.0f, 18.0f}, 1, s.ids);
  add_block(s.world, random, -5.0f, 5.0f, 30.0f, 37.0f, 0.6f, {-5.0f, 10.0f}, 2, s.ids);
  if (counted) s.world.interactions().counted_states = state_bit(0) | state_bit(1) | state_bit(2);
  return s;
}

void step_with(KernelLanes lanes, Scene& s, engine::Parallelism& par) {
  set_kernel_lanes(lanes);
  s.world.step(0.1f, par);
}

void require_same(const Scene& four, const Scene& eight) {
  REQUIRE(testing::fingerprint(four.world) == testing::fingerprint(eight.world));
  REQUIRE(std::vector<CrowdAgentId>(four.world.arrivals().begin(), four.world.arrivals().end()) ==
          std::vector<CrowdAgentId>(eight.world.arrivals().begin(), eight.world.arrivals().end()));
  for (const CrowdAgentId id : four.ids) {
    const Point2 a = four.world.heading(id), b = eight.world.heading(id);
    REQUIRE(a.x == b.x);  // floats compared exactly: the same bits (neither is ever NaN here)
    REQUIRE(a.y == b.y);
    REQUIRE(four.world.arrived(id) == eight.world.arrived(id));
    REQUIRE(four.world.counted_neighbours(id) == eight.world.counted_neighbours(id));
  }
}

}  // namespace

TEST_CASE("four and eight kernel lanes step a dense crowd with walls and arrivals to the same bits",
          "[crowd][lanes]") {
  if (!wide_lanes_supported()) {
    WARN("this CPU (or build) has no AVX2: only the four-lane passes exist here");
    return;
  }
  const LanesRestored restore;
  for (const bool counted : {false, true}) {
    INFO("every state counted: " << counted);
    engine::Parallelism par(2);
    Scene four = make_scene(counted), eight = make_scene(counted);
    std::size_t arrivals = 0;
    std::uint16_t most_counted = 0;
    for (int step = 0; step < 600; ++step) {
      step_with(KernelLanes::four, four, par);
      step_with(KernelLanes::eight, eight, par);
      require_same(four, eight);
      arrivals += four.world.arrivals().size();
      for (const CrowdAgentId id : four.ids) most_counted = std::max(most_counted, four.world.counted_neighbours(id));
    }
    // The case is worth something only if people arrived while the others were still walking,
    // and (when counted) if neighbourhoods held more than one block of eight.
    CHECK(arrivals > 200);
    CHECK(arrivals < four.ids.size());
    if (counted) CHECK(most_counted >= 16);
  }
}

TEST_CASE("CAMPSIM_CROWD_LANES forces four lanes and otherwise the widest supported are used", "[crowd][lanes]") {
  CHECK(lanes_from_setting("4", true) == KernelLanes::four);
  CHECK(lanes_from_setting("4", false) == KernelLanes::four);
  CHECK(lanes_from_setting("8", true) == KernelLanes::eight);
  CHECK(lanes_from_setting("8", false) == KernelLanes::four);
  CHECK(lanes_from_setting(nullptr, true) == KernelLanes::eight);
  CHECK(lanes_from_setting(nullptr, false) == KernelLanes::four);
  CHECK(lanes_from_setting("", true) == KernelLanes::eight);
  const LanesRestored restore;
  set_kernel_lanes(KernelLanes::four);
  CHECK(kernel_lanes() == KernelLanes::four);
  if (wide_lanes_supported()) {
    set_kernel_lanes(KernelLanes::eight);
    CHECK(kernel_lanes() == KernelLanes::eight);
  } else {
    CHECK_THROWS_AS(set_kernel_lanes(KernelLanes::eight), std::invalid_argument);
  }
}
