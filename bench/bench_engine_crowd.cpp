// Benchmark: the engine at city-crowd scale. N agents random-walk with repulsion from neighbours
// found through the spatial grid, double-buffered, in a TBB phase; prints time per tick and the
// memory of the agent columns and the grid. Usage: bench_engine_crowd [AGENTS] [TICKS] [THREADS]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <tbb/global_control.h>

#include "sim/engine/agent_store.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/random.hpp"
#include "sim/engine/spatial_grid.hpp"

int main(int argc, char** argv) {
  using namespace campsim::engine;
  const std::size_t agents = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  const int ticks = argc > 2 ? std::atoi(argv[2]) : 10;
  const int threads = argc > 3 ? std::atoi(argv[3]) : 1;
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  // A town-sized square at ~1 person per 4 m^2 per 1,000 agents... scaled so density stays ~0.1/m^2.
  const float side = std::sqrt(static_cast<float>(agents) * 10.0f);
  AgentStore now, next;
  now.reserve(agents);
  RandomStream place(StreamKey{1, 0, purpose_tag("place"), 0, 0});
  for (std::size_t i = 0; i < agents; ++i)
    now.add(static_cast<float>(place.uniform(0, side)), static_cast<float>(place.uniform(0, side)), 0);
  next = now;
  SpatialGrid grid(0, 0, side, side, 2.0f);
  Parallelism parallelism(threads);
  const float radius = 1.0f, step = 1.3f;  // walking speed ~1.3 m/s, 1 s ticks

  double rebuild_s = 0, move_s = 0;
  std::size_t neighbours_seen = 0;
  for (int t = 0; t < ticks; ++t) {
    auto t0 = std::chrono::steady_clock::now();
    grid.rebuild(now.x, now.y);
    auto t1 = std::chrono::steady_clock::now();
    std::vector<std::uint32_t> counts(agents, 0);
    parallelism.for_each_index(agents, [&](std::size_t i) {
      RandomStream rng(StreamKey{1, 0, purpose_tag("walk"), i, static_cast<std::uint64_t>(t)});
      float push_x = 0, push_y = 0;
      std::uint32_t seen = 0;
      grid.for_each_within(now.x[i], now.y[i], radius, [&](std::uint32_t j) {
        if (j == i) return;
        ++seen;
        push_x += now.x[i] - now.x[j];
        push_y += now.y[i] - now.y[j];
      });
      const double heading = rng.uniform(0, 6.283185307179586);
      next.x[i] = std::clamp(now.x[i] + step * static_cast<float>(std::cos(heading)) + 0.5f * push_x, 0.0f, side);
      next.y[i] = std::clamp(now.y[i] + step * static_cast<float>(std::sin(heading)) + 0.5f * push_y, 0.0f, side);
      counts[i] = seen;
    });
    auto t2 = std::chrono::steady_clock::now();
    std::swap(now, next);
    rebuild_s += std::chrono::duration<double>(t1 - t0).count();
    move_s += std::chrono::duration<double>(t2 - t1).count();
    for (std::uint32_t c : counts) neighbours_seen += c;
  }
  const double columns_mb = 2.0 * static_cast<double>(agents * AgentStore::bytes_per_agent()) / 1e6;  // double-buffered
  std::printf("crowd %zu agents, %d ticks, %d threads: grid rebuild %.1f ms/tick, move phase %.1f ms/tick, "
              "%.1f neighbours/agent; agent columns %zu B/agent x2 buffers = %.1f MB; grid %zu cells\n",
              agents, ticks, threads, 1e3 * rebuild_s / ticks, 1e3 * move_s / ticks,
              static_cast<double>(neighbours_seen) / static_cast<double>(agents) / ticks, AgentStore::bytes_per_agent(),
              columns_mb, grid.cell_count());
  return 0;
}
