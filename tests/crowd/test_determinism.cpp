// Same crowd, same steps: the same bytes on 1, 2 and 4 threads (and on a second run).
#include <catch2/catch.hpp>

#include <tbb/global_control.h>

#include "sim/crowd/gate_rush_workload.hpp"
#include "tests/crowd/crowd_test_helpers.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

std::vector<std::uint8_t> run(int threads, std::size_t grain) {
  engine::Parallelism par(threads);
  CrowdModelParams params;
  params.grain = grain;
  params.resort_interval = 4;
  GateRushWorkload w = make_gate_rush(6000, 3, params);
  CrowdWorld& world = *w.world;
  std::vector<std::uint8_t> trace;
  for (int step = 0; step < 60; ++step) {
    if (step == 30) world.set_gate_open(w.gate, false);  // geometry changes mid-run too
    world.step(kGateRushDt, par);
    for (const CrowdAgentId id : world.arrivals()) {
      world.remove_agent(id);
      for (int k = 0; k < 4; ++k) trace.push_back(static_cast<std::uint8_t>(id.value >> (8 * k)));
    }
    if (step % 10 == 9) {
      const auto f = testing::fingerprint(world);
      trace.insert(trace.end(), f.begin(), f.end());
    }
  }
  return trace;
}

}  // namespace

TEST_CASE("the crowd gives the same bytes on 1, 2 and 4 threads", "[crowd][parallel]") {
  const tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 4);
  // A small grain makes many chunks, so the threads really interleave.
  const auto one = run(1, 64);
  CHECK(one.size() > 6000 * 13 * 5);  // six snapshots of ~6000 agents, 13 bytes each
  CHECK(run(2, 64) == one);
  CHECK(run(4, 64) == one);
  CHECK(run(4, 64) == one);
  CHECK(run(2, 1000) == one);  // and whatever the chunk size
}
