// Benchmark: the crowd kernel on the fixed workload of crowd-benchmark.md (gate_rush_workload).
// Usage: bench_crowd --agents N --steps S --threads T [--grain G] [--resort K] [--seed X] [--lanes 4|8]
// Prints one line with agent_steps_per_s (agent-steps over the timed steps after one warm-up
// step, agents who went out through the gate removed as they arrive), bytes per agent held by
// the world, peak RSS, and milliseconds per step in each phase. Also the CPU time, because
// the figure in wall time depends on what else the machine is running. --lanes picks the
// neighbour passes' lane width (sim/crowd/kernel_lanes.hpp; default: the widest the CPU has).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <time.h>

#include <tbb/global_control.h>

#include "sim/crowd/gate_rush_workload.hpp"
#include "sim/crowd/kernel_lanes.hpp"
#include "sim/engine/parallel.hpp"

namespace {

long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  return -1;
}

// CPU time of the whole process (all threads): on a machine shared with other jobs, steps per
// CPU-second per thread is what one thread does when it has a core to itself.
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: bench_crowd --agents N --steps S --threads T [--grain G] [--resort K] [--seed X] "
               "[--lanes 4|8]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace campsim;
  std::size_t agents = 100000, grain = crowd::CrowdModelParams{}.grain;
  int steps = 50, threads = 1, resort = crowd::CrowdModelParams{}.resort_interval;
  std::uint64_t seed = 1;
  for (int a = 1; a < argc; ++a) {
    if (a + 1 >= argc) usage();
    const char* v = argv[++a];
    if (!std::strcmp(argv[a - 1], "--agents")) agents = std::strtoull(v, nullptr, 10);
    else if (!std::strcmp(argv[a - 1], "--steps")) steps = std::atoi(v);
    else if (!std::strcmp(argv[a - 1], "--threads")) threads = std::atoi(v);
    else if (!std::strcmp(argv[a - 1], "--grain")) grain = std::strtoull(v, nullptr, 10);
    else if (!std::strcmp(argv[a - 1], "--resort")) resort = std::atoi(v);
    else if (!std::strcmp(argv[a - 1], "--seed")) seed = std::strtoull(v, nullptr, 10);
    else if (!std::strcmp(argv[a - 1], "--lanes") && !std::strcmp(v, "4")) crowd::set_kernel_lanes(crowd::KernelLanes::four);
    else if (!std::strcmp(argv[a - 1], "--lanes") && !std::strcmp(v, "8")) crowd::set_kernel_lanes(crowd::KernelLanes::eight);
    else usage();
  }
  if (agents == 0 || steps < 1 || threads < 1) usage();
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  engine::Parallelism parallelism(threads);

  crowd::CrowdModelParams params;
  params.grain = grain;
  params.resort_interval = resort;
  crowd::GateRushWorkload w = crowd::make_gate_rush(agents, seed, params);
  crowd::CrowdWorld& world = *w.world;
  const auto remove_arrivals = [&] {
    for (const crowd::CrowdAgentId id : world.arrivals()) world.remove_agent(id);
  };

  world.step(crowd::kGateRushDt, parallelism);  // warm-up
  remove_arrivals();
  const crowd::CrowdStepTimings before = world.timings();
  double agent_steps = 0.0;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = process_cpu_seconds();
  for (int s = 0; s < steps; ++s) {
    agent_steps += static_cast<double>(world.agent_count());
    world.step(crowd::kGateRushDt, parallelism);
    remove_arrivals();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = process_cpu_seconds() - cpu_start;
  const crowd::CrowdStepTimings& after = world.timings();
  const auto per_step_ms = [&](double total, double earlier) { return 1e3 * (total - earlier) / steps; };
  std::printf(
      "bench_crowd agents=%zu steps=%d threads=%d grain=%zu resort=%d lanes=%d seconds=%.4f agent_steps_per_s=%.0f "
      "cpu_seconds=%.4f agent_steps_per_cpu_s_per_thread=%.0f "
      "bytes_per_agent=%.1f peak_rss_mib=%.1f remaining=%zu ms_per_step: grid=%.3f resort=%.3f kernel=%.3f "
      "compact=%.3f arrivals=%.3f\n",
      agents, steps, threads, grain, resort, static_cast<int>(crowd::kernel_lanes()), seconds, agent_steps / seconds, cpu_seconds,
      agent_steps / (cpu_seconds / threads),
      static_cast<double>(world.memory_bytes()) / static_cast<double>(agents), peak_rss_kib() / 1024.0,
      world.agent_count(), per_step_ms(after.grid_s, before.grid_s), per_step_ms(after.resort_s, before.resort_s),
      per_step_ms(after.kernel_s, before.kernel_s), per_step_ms(after.compact_s, before.compact_s),
      per_step_ms(after.arrivals_s, before.arrivals_s));
  return 0;
}
