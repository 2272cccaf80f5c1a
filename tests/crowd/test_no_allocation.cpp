// "No allocation inside a step": operator new is counted while a reserved crowd steps (with
// arrivals removed as they come, and a gate closing), on one and on two threads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <vector>
#include <new>

#include "sim/crowd/aligned_column.hpp"
#include "sim/crowd/gate_rush_workload.hpp"

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};

// Out of line, so the compiler does not pair a visible free() with operator new and warn.
[[gnu::noinline]] void* obtain(std::size_t size, std::size_t alignment) {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1, std::memory_order_relaxed);
  const std::size_t rounded = (std::max<std::size_t>(size, 1) + alignment - 1) / alignment * alignment;
  void* p = alignment <= alignof(std::max_align_t) ? std::malloc(rounded) : std::aligned_alloc(alignment, rounded);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
[[gnu::noinline]] void release(void* p) noexcept { std::free(p); }
}  // namespace

// Replaces every global allocation function for this test program only (all of them, so that
// each new is paired with our delete also under the sanitizers, which supply their own);
// counting is off except around the steps below.
namespace {
constexpr std::size_t kDefault = alignof(std::max_align_t);
void* obtain_nothrow(std::size_t size, std::size_t alignment) noexcept {
  try {
    return obtain(size, alignment);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
}  // namespace

void* operator new(std::size_t n) { return obtain(n, kDefault); }
void* operator new[](std::size_t n) { return obtain(n, kDefault); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return obtain_nothrow(n, kDefault); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return obtain_nothrow(n, kDefault); }
void* operator new(std::size_t n, std::align_val_t a) { return obtain(n, static_cast<std::size_t>(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return obtain(n, static_cast<std::size_t>(a)); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return obtain_nothrow(n, static_cast<std::size_t>(a));
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return obtain_nothrow(n, static_cast<std::size_t>(a));
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete(void* p, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { release(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { release(p); }

using namespace campsim;
using namespace campsim::crowd;

TEST_CASE("a reserved crowd steps without allocating", "[crowd]") {
  {  // the counter counts
    allocations = 0;
    counting = true;
    auto probe = std::make_unique<std::vector<int>>(10);
    counting = false;
    REQUIRE(allocations.load() == 2);
    allocations = 0;
    counting = true;
    campsim::crowd::Column<float> aligned(10);
    counting = false;
    REQUIRE(allocations.load() == 1);
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
