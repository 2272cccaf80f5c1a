#pragma once
// One replication of a scenario, start to end, producing everything a run directory holds.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/camp/scenario.hpp"
#include "sim/camp/resolve_layout.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/phase_pipeline.hpp"
#include "sim/engine/record_table.hpp"
#include "sim/engine/simulation_loop.hpp"
#include "sim/engine/time_series.hpp"

namespace campsim::camp {

struct RunOptions {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  int threads = 1;               // never changes the results, only how fast they come
  SimTime duration = 0;          // 0: the scenario's own duration
  bool always_tick = false;      // tick every second even when quiet (for checking the jump)
  // If set, receives the whole world's snapshot at every tick while anything moves and every
  // `observe_every` seconds while the camp is quiet. Never changes results. Each snapshot is
  // made for the observer alone, which may keep it (a recorder moves it in as its last frame:
  // copying every snapshot was 11% of a recorded run, issue 25).
  std::function<void(WorldSnapshot&&)> world_observer;
  SimTime observe_every = 60;
  // Holds the census's kept counts against a full recount at every sample; a difference stops
  // the run with std::logic_error (for tests: the recount costs what the kept counts save).
  bool check_census = false;
  // CountOnly: the event log and the time series count their records and keep none (a batch
  // reads only the metrics, where the log's count is events_logged, and the care records).
  engine::RecordKeeping records = engine::RecordKeeping::Keep;
  // false: the metrics leave out their by-hour profiles (arrays), which a batch's rows never
  // read (arrays are not columns, docs/batch.md); building them was 0.7% of a batch (issue 25).
  bool hourly_profiles = true;
};

struct RunResult {
  engine::EventLog events;
  engine::TimeSeries series;
  nlohmann::ordered_json metrics;   // deterministic: same scenario and seed, same bytes
  std::vector<Casualty> casualties;  // for the medical chain and casualties.csv
  std::vector<Incident> incidents;   // every attack, resolved
  // One row per casualty treated by the medical chain (care.csv; a batch's casualties.csv).
  engine::RecordTable care_records;
  engine::LoopStats loop;
  std::vector<engine::PhasePipeline::Timing> phases;  // the tick's phases, timed (for profiles)
  double wall_seconds = 0;          // for the human summary only, never written to metrics
  // One row per protest (protests.csv); empty (no columns) when the scenario has no protests.
  engine::RecordTable protest_records;
  // One row per casualty from outside the camp (external.csv); empty (no columns) unless the
  // scenario turns the medical chain's external inflow on (medical.external.enabled).
  engine::RecordTable external_records;
};

RunResult run_scenario(const Scenario& scenario, const RunOptions& options);

}  // namespace campsim::camp
