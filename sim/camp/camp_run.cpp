#include "sim/camp/camp_run.hpp"

#include <algorithm>
#include <chrono>

#include <tbb/global_control.h>
#include <tbb/info.h>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/guard_report.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::camp {

RunResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  const SimTime end = options.duration > 0 ? options.duration : scenario.meta.duration;
  RunResult result{engine::EventLog{}, engine::TimeSeries(GuardModel::time_series_columns()), {}, {}, 0};

  // TBB caps workers at the core count by default; a run asked for more threads (e.g. to check
  // determinism on a small machine) gets them for its lifetime.
  const auto allowed = static_cast<std::size_t>(std::max(options.threads, tbb::info::default_concurrency()));
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, allowed);
  engine::Parallelism parallelism(options.threads);
  GuardModelConfig config;
  config.seed = options.seed;
  config.replication = options.replication;
  config.start_time_of_day = scenario.meta.start_time_of_day;
  config.end = end;
  config.sample_interval = scenario.metrics.sample_interval;
  GuardModel guards(scenario.guards, config, parallelism, result.events, result.series);
  if (options.observer) {
    guards.set_sample_observer([&, positions = post_positions(scenario)](const GuardModel& model, SimTime now) {
      options.observer(take_snapshot(model, scenario.guards, positions, now, scenario.meta.start_time_of_day));
    });
  }

  engine::EventQueue queue;
  guards.schedule_initial_events(queue);
  result.loop = engine::run_loop(guards, queue,
                                 engine::LoopConfig{0, end, scenario.meta.tick, options.always_tick});
  guards.finish();

  result.metrics = {{"duration_days", end / engine::kDay},
                    {"seed", options.seed},
                    {"replication", options.replication},
                    {"camp", layout_metrics_json(scenario.layout)},
                    {"guards", guard_metrics_json(guards, scenario.guards, end)},
                    {"events_logged", result.events.size()}};
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return result;
}

}  // namespace campsim::camp
