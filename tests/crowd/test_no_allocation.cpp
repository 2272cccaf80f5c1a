// "No allocation inside a step": operator new is counted while a reserved crowd steps (with
// arrivals removed as they come, and a gate closing), on one and on two threads.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <vector>
#include <new>

#include "sim/crowd/gate_rush_workload.hpp"

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace

// Replaces the global allocation functions for this test program only; counting is off except
// around the steps below.
void* operator new(std::size_t size) {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace campsim;
using namespace campsim::crowd;

TEST_CASE("a reserved crowd steps without allocating", "[crowd]") {
  {  // the counter counts
    allocations = 0;
    counting = true;
    auto probe = std::make_unique<std::vector<int>>(10);
    counting = false;
    REQUIRE(allocations.load() == 2);
  }
  for (const int threads : {1, 2}) {
    engine::Parallelism par(threads);
    GateRushWorkload w = make_gate_rush(5000, 2);  // reserves for 5000
    CrowdWorld& world = *w.world;
    for (int s = 0; s < 3; ++s) world.step(kGateRushDt, par);  // first steps size the scratch
    allocations = 0;
    counting = true;
    for (int s = 0; s < 40; ++s) {
      if (s == 20) world.set_gate_open(w.gate, false);
      world.step(kGateRushDt, par);
      for (const CrowdAgentId id : world.arrivals()) world.remove_agent(id);
    }
    counting = false;
    INFO("threads " << threads);
    CHECK(allocations.load() == 0);
  }
}
