#include "sim/camp/camp_run.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include <tbb/global_control.h>
#include <tbb/info.h>

#include "sim/camp/camp_event_router.hpp"
#include "sim/camp/core/camp_state.hpp"
#include "sim/camp/guard_model.hpp"
#include "sim/camp/guard_report.hpp"
#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/medical/medical_report.hpp"
#include "sim/camp/protest/protest_model.hpp"
#include "sim/camp/protest/protest_report.hpp"
#include "sim/camp/threats/threat_model.hpp"
#include "sim/camp/threats/threat_report.hpp"
#include "sim/camp/core/event_kinds.hpp"
#include "sim/camp/world/world.hpp"
#include "sim/camp/world_report.hpp"
#include "sim/camp/world_view.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::camp {

namespace {

// The contingents a scenario's casualties can belong to: the guards', the convoys' and the zones'.
std::vector<std::string> scenario_contingents(const Scenario& scenario) {
  std::vector<std::string> names{scenario.guards.force.contingent, scenario.threats.roadside_bomb.contingent};
  for (const Zone& zone : scenario.layout.zones) names.push_back(zone.contingent);
  return names;
}

// The camp as the engine sees it: one queue, each event handed to the module that owns its kind
// (event_kinds.hpp), and a tick that is a fixed list of named phases.
struct CampModel {
  GuardModel& guards;
  ThreatModel& threats;
  World& world;
  MedicalChain* medical;  // nullptr when the scenario has no medical chain
  protest::ProtestModel* protests;  // nullptr when the scenario has no protests
  engine::PhasePipeline& phases;
  std::optional<SimTime> on_event(const engine::Event& event, engine::EventQueue& queue) {
    switch (module_of(kind_of(event))) {
      case Module::Guards: {
        const std::size_t soldiers = guards.soldiers().size();
        auto delay = guards.on_event(event, queue);
        if (guards.soldiers().size() != soldiers) world.sync_guards();  // a new unit arrived
        return delay;
      }
      case Module::Threats: return threats.on_event(event, queue);
      case Module::Protests: return protests != nullptr ? protests->on_event(event, queue) : std::nullopt;
      case Module::Medical: return medical != nullptr ? medical->on_event(event, queue) : std::nullopt;
    }
    return std::nullopt;
  }
  bool wants_ticks(SimTime) const {
    return world.wants_ticks() || threats.wants_ticks() || (protests != nullptr && protests->wants_ticks());
  }
  void on_tick(SimTime now, SimTime dt) { phases.run(now, dt); }
};

}  // namespace

RunResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  const SimTime end = options.duration > 0 ? options.duration : scenario.meta.duration;
  std::vector<std::string> series_columns = GuardModel::time_series_columns();
  for (std::string& column : census_columns()) series_columns.push_back(std::move(column));
  RunResult result{engine::EventLog(options.records), engine::TimeSeries(std::move(series_columns), options.records),
                   {}, {}, {}, {}, {}, {}, 0, {}, {}};

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
  GuardModel guards(scenario.guards, config, result.events, result.series);
  // The scenario's names of layout objects, as typed ids: nothing is looked up by name from here on.
  const ResolvedLayout places = resolve_layout(scenario);
  const std::vector<Point>& positions = places.post_positions;

  World world(scenario.layout, scenario.guards, scenario.world, guards, positions, scenario.meta.start_time_of_day,
              parallelism, result.events);
  world.check_census(options.check_census);
  // Every sample counts everyone: conservation is checkable from timeseries.csv alone. A run that
  // keeps no rows (a batch's) counts nobody, unless asked to check the census.
  if (result.series.keeps_rows() || options.check_census)
    guards.set_sample_extension([&world](SimTime t, std::vector<double>& row) { append_census_values(world.census(t), row); });
  // What the modules share (the QRF's teams) and the router of their news (camp_event_router.hpp),
  // handed to every module that needs them.
  CampState camp_state(scenario.qrf, scenario.layout, places.qrf_base);
  CampEventRouter router(scenario, world, result.events);
  const ModuleContext context{&camp_state, &router};
  ThreatModel threats(scenario.threats, scenario.layout, scenario.guards, guards, world, places,
                      scenario.world.all_clear_after,
                      ThreatModelConfig{options.seed, options.replication, scenario.meta.start_time_of_day, end},
                      result.events, context);

  engine::EventQueue queue;
  // The tick: people move, then doors and bunkers settle who got in, then any fight is fought
  // with everyone where they now are (its hits join the queue at their shots' times).
  engine::PhasePipeline phases;
  phases.add("movement", [&](SimTime now, SimTime dt) { world.move(now, dt); });
  phases.add("shelter", [&](SimTime now, SimTime dt) { world.settle(now, dt); });
  phases.add("fight", [&](SimTime now, SimTime dt) { threats.step_fights(now, dt, queue); });
  // Protesters walk in the same ticks, with their own pedestrian kernel (sim/crowd).
  std::optional<protest::ProtestModel> protests;
  if (scenario.protests.enabled) {
    protests.emplace(scenario.protests, scenario.layout, *places.protest_gate, world, threats,
                     protest::ProtestRunConfig{options.seed, options.replication, scenario.meta.start_time_of_day, end},
                     parallelism, result.events);
    phases.add("crowd", [&](SimTime now, SimTime dt) { protests->move(now, dt); });
  }

  guards.schedule_initial_events(queue);
  threats.schedule_initial_events(queue);
  if (protests) protests->schedule_initial_events(queue);

  // The medical chain in the same loop and queue: each casualty reaches it when it happens, its
  // ambulances and hospital run on the shared clock, and whoever leaves its care acts back on
  // the world (back on duty, evacuated, died of wounds): all through the router.
  std::optional<MedicalChain> chain;
  if (scenario.medical.enabled) {
    chain.emplace(scenario.medical, scenario.layout, *places.medical, scenario.qrf,
                  MedicalRunConfig{options.seed, options.replication, scenario.meta.start_time_of_day, end}, &result.events,
                  context);
    chain->start(queue);
    world.expect_care_exits();
  }
  router.attach(threats, chain ? &*chain : nullptr);
  CampModel camp{guards, threats, world, chain ? &*chain : nullptr, protests ? &*protests : nullptr, phases};
  engine::LoopObserver watcher;
  const WorldSources sources{guards, scenario.guards, positions, world, threats, camp_state.qrf, chain ? &*chain : nullptr,
                             protests ? &*protests : nullptr, scenario.meta.start_time_of_day};
  if (options.world_observer) {
    watcher.observe = [&](SimTime t) { options.world_observer(take_world_snapshot(sources, t)); };
    watcher.every = options.observe_every;
  }
  result.loop =
      engine::run_loop(camp, queue, engine::LoopConfig{0, end, scenario.meta.tick, options.always_tick}, watcher);
  guards.finish();
  threats.close_open_fights(end, queue);
  if (protests) protests->finish(end);
  result.casualties = threats.casualties();
  result.incidents = threats.incidents();
  result.phases = phases.timings();

  // After the camp's loop the chain carries on until its last patient has left. The threats
  // still hear their own events: an attack begun within the run wounds after its end (gunfire,
  // a late detonation), and a fight's containment is news for the chain (through the router);
  // past the end they start nothing new.
  nlohmann::ordered_json medical = {{"enabled", false}};
  if (chain) {
    chain->drain(queue, [&](const engine::Event& e, engine::EventQueue& q) {
      if (module_of(kind_of(e)) == Module::Threats) threats.on_event(e, q);
    });
    const MedicalOutcome& care = chain->outcome();
    medical = medical_metrics_json(scenario.medical, care);
    result.care_records = care_record_table(scenario.medical, care);
    if (scenario.medical.external.enabled) result.external_records = external_record_table(care);
  }
  result.events.sort_by_time();
  result.protest_records = protests ? protest::protest_table(*protests) : engine::RecordTable{};

  result.metrics = {{"duration_days", end / engine::kDay},
                    {"seed", options.seed},
                    {"replication", options.replication},
                    {"camp", layout_metrics_json(scenario.layout)},
                    {"world", world_metrics_json(world, camp_state.qrf, result.loop)},
                    {"guards", guard_metrics_json(guards, scenario.guards, end, options.hourly_profiles)},
                    {"threats", threat_metrics_json(threats.incidents(), threats.casualties(), scenario_contingents(scenario))},
                    {"medical", medical},
                    {"protests", protest::protest_metrics_json(scenario.protests, protests ? &*protests : nullptr)},
                    {"events_logged", result.events.size()}};
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return result;
}

}  // namespace campsim::camp
