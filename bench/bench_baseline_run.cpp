// Benchmark: wall time of full Gao baseline runs (30 days by default), loading excluded.
// Usage: bench_baseline_run [DAYS] [REPEATS] [THREADS]
// Prints one line per repeat and a summary (min / median / max) to record in docs/performance.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "sim/camp/camp_run.hpp"

int main(int argc, char** argv) {
  using namespace campsim;
  const double days = argc > 1 ? std::atof(argv[1]) : 30;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 10;
  const int threads = argc > 3 ? std::atoi(argv[3]) : 1;
  const camp::LoadedScenario loaded =
      camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml");
  std::vector<double> seconds;
  std::uint64_t events = 0;
  for (int i = 0; i < repeats; ++i) {
    camp::RunOptions options;
    options.seed = static_cast<std::uint64_t>(i + 1);
    options.duration = days * engine::kDay;
    options.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    const camp::RunResult r = camp::run_scenario(loaded.scenario, options);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    events = r.loop.events;
    std::printf("run %2d: %8.2f ms  (%llu events, %zu log records)\n", i + 1, seconds.back() * 1e3,
                static_cast<unsigned long long>(r.loop.events), r.events.size());
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("gao_baseline %.0f days, %d threads, %d runs: min %.2f ms, median %.2f ms, max %.2f ms; %.0f events/s\n",
              days, threads, repeats, seconds.front() * 1e3, seconds[seconds.size() / 2] * 1e3, seconds.back() * 1e3,
              static_cast<double>(events) / seconds[seconds.size() / 2]);
  return 0;
}
