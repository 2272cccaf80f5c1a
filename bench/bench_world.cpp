// Benchmark: what the one world costs. Quiet time (every threat rate zero, 30 days) and a year of
// the baseline with its threats, with the work of each alarm's movement in agent-steps and
// milliseconds, and the engine's ticks and jumps.
// Usage: bench_world [QUIET_REPEATS] [YEAR_REPEATS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "sim/camp/camp_run.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  using namespace campsim;
  const int quiet_repeats = argc > 1 ? std::atoi(argv[1]) : 10;
  const int year_repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  const camp::LoadedScenario loaded = camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml");

  camp::Scenario quiet = loaded.scenario;
  camp::disable_all_threats(quiet.threats);
  std::vector<double> quiet_ms;
  for (int i = 0; i < quiet_repeats; ++i) {
    camp::RunOptions o;
    o.seed = static_cast<std::uint64_t>(i + 1);
    o.duration = 30 * engine::kDay;
    const auto start = std::chrono::steady_clock::now();
    const camp::RunResult r = camp::run_scenario(quiet, o);
    quiet_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (i == 0) std::printf("quiet 30 d: ticks=%llu jumps=%llu events=%llu\n", static_cast<unsigned long long>(r.loop.ticks),
                            static_cast<unsigned long long>(r.loop.jumps), static_cast<unsigned long long>(r.loop.events));
  }
  std::printf("quiet_30d_median_ms=%.2f (min %.2f, %d runs, 1 thread)\n", median(quiet_ms),
              *std::min_element(quiet_ms.begin(), quiet_ms.end()), quiet_repeats);

  std::vector<double> year_ms;
  for (int i = 0; i < year_repeats; ++i) {
    camp::RunOptions o;
    o.seed = static_cast<std::uint64_t>(i + 1);
    o.duration = 365 * engine::kDay;
    const auto start = std::chrono::steady_clock::now();
    const camp::RunResult r = camp::run_scenario(loaded.scenario, o);
    year_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    double movement_s = 0;
    for (const auto& phase : r.phases)
      if (phase.name == "movement") movement_s = phase.seconds;
    const auto alarms = r.metrics["world"]["alarms"].get<long>();
    const auto steps = r.metrics["world"]["agent_steps"].get<double>();
    std::printf("year seed %d: %.0f ms, ticks=%llu jumps=%llu alarms=%ld agent_steps=%.0f movement=%.0f ms "
                "(per alarm: %.0f agent-steps, %.1f ms)\n",
                i + 1, year_ms.back(), static_cast<unsigned long long>(r.loop.ticks),
                static_cast<unsigned long long>(r.loop.jumps), alarms, steps, movement_s * 1e3,
                alarms > 0 ? steps / static_cast<double>(alarms) : 0.0, alarms > 0 ? movement_s * 1e3 / static_cast<double>(alarms) : 0.0);
  }
  std::printf("year_median_ms=%.0f (%d runs, 1 thread)\n", median(year_ms), year_repeats);
  return 0;
}
