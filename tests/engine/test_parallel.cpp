#include <catch2/catch.hpp>

#include <thread>

#include <cmath>
#include <cstring>
#include <optional>
#include <algorithm>
#include <stdexcept>
#include <vector>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "sim/engine/agent_store.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/random.hpp"
#include "sim/engine/spatial_grid.hpp"

using namespace campsim::engine;

namespace {
// TBB caps workers at hardware threads - 1 by default; lift the cap for these tests so that a
// 4-slot arena really runs 4 threads even on a small machine (more interleavings to catch
// order dependence). Scoped to each test case.
tbb::global_control allow_threads(int n) {
  return tbb::global_control(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(n));
}
}  // namespace

TEST_CASE("for_each_index visits every index once inside an arena of the requested size", "[parallel]") {
  const auto limit = allow_threads(3);
  for (const int threads : {1, 2, 3}) {
    Parallelism par(threads);
    CHECK(par.threads() == threads);
    const std::size_t n = 100003;
    std::vector<int> visits(n, 0), concurrency(n, 0), on_caller(n, 0);
    const auto caller = std::this_thread::get_id();
    par.for_each_index(n, [&](std::size_t i) {
      ++visits[i];
      concurrency[i] = tbb::this_task_arena::max_concurrency();
      on_caller[i] = std::this_thread::get_id() == caller ? 1 : 0;
    });
    CHECK(std::count(visits.begin(), visits.end(), 1) == static_cast<std::ptrdiff_t>(n));
    if (threads == 1) {
      // One thread: a plain loop on the calling thread, no arena (issue 25: the arena's
      // machinery cost more than the guards' sample it ran).
      CHECK(std::count(on_caller.begin(), on_caller.end(), 1) == static_cast<std::ptrdiff_t>(n));
    } else {
      CHECK(std::count(concurrency.begin(), concurrency.end(), threads) == static_cast<std::ptrdiff_t>(n));
    }
  }
  CHECK_THROWS_AS(Parallelism(0), std::invalid_argument);
}

namespace {

constexpr std::uint64_t kSeed = 2024, kReplication = 1;
constexpr float kWorld = 200.0f, kRadius = 2.0f;

struct CrowdResult {
  std::vector<float> x, y;
  std::uint64_t contacts = 0;
};

// One agent's step: repulsion from neighbours within kRadius (visited in the grid's
// deterministic order) plus a random step drawn from the agent's own stream for this tick.
// Reads only the current buffers, writes only slot i of the next ones.
void step_agent(std::size_t i, std::uint64_t tick, const SpatialGrid& grid, const std::vector<float>& x,
                const std::vector<float>& y, std::vector<float>& nx, std::vector<float>& ny,
                std::vector<std::uint32_t>& contacts) {
  float fx = 0.0f, fy = 0.0f;
  std::uint32_t seen = 0;
  grid.for_each_within(x[i], y[i], kRadius, [&](std::uint32_t j) {
    if (j == i) return;
    const float dx = x[i] - x[j], dy = y[i] - y[j];
    const float d = std::sqrt(dx * dx + dy * dy);
    if (d <= 0.0f) return;
    const float push = (kRadius - d) / kRadius;
    fx += push * dx / d;
    fy += push * dy / d;
    ++seen;
  });
  RandomStream rng(StreamKey{kSeed, kReplication, purpose_tag("test.crowd.walk"), i, tick});
  nx[i] = x[i] + 0.5f * fx + static_cast<float>(rng.normal(0.0, 0.3));
  ny[i] = y[i] + 0.5f * fy + static_cast<float>(rng.normal(0.0, 0.3));
  contacts[i] += seen;
}

AgentStore initial_crowd(std::size_t n) {
  AgentStore crowd;
  crowd.reserve(n);
  RandomStream rng(StreamKey{kSeed, kReplication, purpose_tag("test.crowd.place"), 0, 0});
  // Dense in a 60 m square so that neighbours are common.
  for (std::size_t i = 0; i < n; ++i)
    crowd.add(static_cast<float>(rng.uniform(70, 130)), static_cast<float>(rng.uniform(70, 130)), 0);
  return crowd;
}

// threads == 0: plain serial loop, the reference that involves no TBB at all.
CrowdResult run_crowd(int threads, std::size_t n, std::uint64_t ticks) {
  AgentStore crowd = initial_crowd(n);
  std::vector<float> nx(n), ny(n);
  std::vector<std::uint32_t> contacts(n, 0);
  SpatialGrid grid(0, 0, kWorld, kWorld, kRadius);
  std::optional<Parallelism> par;
  if (threads > 0) par.emplace(threads);
  for (std::uint64_t tick = 0; tick < ticks; ++tick) {
    grid.rebuild(crowd.x, crowd.y);
    const auto body = [&](std::size_t i) { step_agent(i, tick, grid, crowd.x, crowd.y, nx, ny, contacts); };
    if (par) {
      par->for_each_index(n, body);
    } else {
      for (std::size_t i = 0; i < n; ++i) body(i);
    }
    std::swap(crowd.x, nx);
    std::swap(crowd.y, ny);
  }
  CrowdResult result{crowd.x, crowd.y, 0};
  for (const auto c : contacts) result.contacts += c;
  return result;
}

bool same_bytes(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("crowd random walk with repulsion is byte-identical on 1, 2 and 4 threads", "[parallel]") {
  const auto limit = allow_threads(4);
  const std::size_t n = 5000;
  const std::uint64_t ticks = 50;
  const CrowdResult serial = run_crowd(0, n, ticks);
  const AgentStore start = initial_crowd(n);
  CHECK(!same_bytes(serial.x, start.x));  // agents moved
  CHECK(serial.contacts > n);             // repulsion actually acted, many times
  for (const int threads : {1, 2, 4}) {
    INFO("threads = " << threads);
    const CrowdResult parallel = run_crowd(threads, n, ticks);
    CHECK(same_bytes(parallel.x, serial.x));
    CHECK(same_bytes(parallel.y, serial.y));
    CHECK(parallel.contacts == serial.contacts);
  }
}
