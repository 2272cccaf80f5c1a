#include "apps/campsim/world_feed.hpp"

#include "sim/version.hpp"

namespace campsim::cli {

namespace {
// Until the model hands out world snapshots itself, the guard model's camp snapshots (posts
// only, at every sample) are what there is to show.
camp::WorldSnapshot world_from_camp(const camp::CampSnapshot& c) {
  camp::WorldSnapshot w;
  w.time = c.time;
  w.time_of_day = c.time_of_day;
  for (const camp::PostSnapshot& p : c.posts)
    w.posts.push_back({p.name, p.kind, p.position, p.required, p.on_post, p.mean_vigilance});
  return w;
}
}  // namespace

void attach_world_observer(camp::RunOptions& run, WorldObserver observer) {
  run.observer = [observer = std::move(observer)](const camp::CampSnapshot& c) { observer(world_from_camp(c)); };
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
