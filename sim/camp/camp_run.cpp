#include "sim/camp/camp_run.hpp"

#include <algorithm>
#include <chrono>

#include <tbb/global_control.h>
#include <tbb/info.h>

#include "sim/camp/guard_model.hpp"
#include "sim/camp/guard_report.hpp"
#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/medical/medical_report.hpp"
#include "sim/camp/threats/threat_model.hpp"
#include "sim/camp/threats/threat_report.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::camp {

namespace {
// The camp as the engine sees it: guards and threats in one queue, dispatched by event kind.
struct CampModel {
  GuardModel& guards;
  ThreatModel& threats;
  std::optional<SimTime> on_event(const engine::Event& event, engine::EventQueue& queue) {
    return event.kind >= ThreatModel::kFirstKind ? threats.on_event(event, queue) : guards.on_event(event, queue);
  }
  bool wants_ticks(SimTime now) const { return guards.wants_ticks(now); }
  void on_tick(SimTime now, SimTime dt) { guards.on_tick(now, dt); }
};
}  // namespace

RunResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  const SimTime end = options.duration > 0 ? options.duration : scenario.meta.duration;
  RunResult result{engine::EventLog{}, engine::TimeSeries(GuardModel::time_series_columns()), {}, {}, {}, {}, {}, 0};

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

  const std::vector<Point> positions = post_positions(scenario);
  ThreatModel threats(scenario.threats, scenario.qrf, scenario.layout, scenario.guards, guards, positions,
                      ThreatModelConfig{options.seed, options.replication, scenario.meta.start_time_of_day, end},
                      result.events);

  engine::EventQueue queue;
  guards.schedule_initial_events(queue);
  threats.schedule_initial_events(queue);
  CampModel camp{guards, threats};
  result.loop = engine::run_loop(camp, queue, engine::LoopConfig{0, end, scenario.meta.tick, options.always_tick});
  guards.finish();
  result.casualties = threats.casualties();
  result.incidents = threats.incidents();

  // The medical chain, through its whole-list adapter, on what the camp's loop produced: here it
  // does not act back on the camp. The one-world loop drives the module itself (on_casualty,
  // on_incident_contained, on_event, drain: see run_world_with_medical_chain).
  nlohmann::ordered_json medical = {{"enabled", false}};
  if (scenario.medical.enabled) {
    engine::EventLog medical_log;
    const MedicalOutcome care =
        run_medical_chain(scenario.medical, scenario.layout, scenario.qrf, result.casualties, result.incidents,
                          MedicalRunConfig{options.seed, options.replication, scenario.meta.start_time_of_day, end},
                          &medical_log);
    result.events.merge(std::move(medical_log));
    medical = medical_metrics_json(scenario.medical, care);
    result.care_records = care_record_table(scenario.medical, care);
  }

  result.metrics = {{"duration_days", end / engine::kDay},
                    {"seed", options.seed},
                    {"replication", options.replication},
                    {"camp", layout_metrics_json(scenario.layout)},
                    {"guards", guard_metrics_json(guards, scenario.guards, end)},
                    {"threats", threat_metrics_json(threats.incidents(), threats.casualties(), scenario_contingents(scenario))},
                    {"medical", medical},
                    {"events_logged", result.events.size()}};
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return result;
}

}  // namespace campsim::camp
