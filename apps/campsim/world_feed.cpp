#include "apps/campsim/world_feed.hpp"

#include "sim/version.hpp"

namespace campsim::cli {

// The world's own snapshots: people, vehicles, incidents, impacts and posts, every tick while
// anyone moves and every minute of simulated time when the camp is quiet.
void attach_world_observer(camp::RunOptions& run, WorldObserver observer) {
  run.world_observer = std::move(observer);
  run.observe_every = 60;
}

io::RecordingInfo recording_info(const camp::LoadedScenario& loaded, const camp::RunOptions& run) {
  io::RecordingInfo info;
  info.scenario_name = loaded.scenario.meta.name;
  info.scenario_hash = loaded.hash;
  info.seed = run.seed;
  info.replication = run.replication;
  info.start_time_of_day = loaded.scenario.meta.start_time_of_day;
  info.duration = run.duration > 0 ? run.duration : loaded.scenario.meta.duration;
  info.layout = loaded.scenario.layout;
  info.campsim_version = kVersion;
  return info;
}

}  // namespace campsim::cli
