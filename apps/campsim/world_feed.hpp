#pragma once
// Hands a run's world snapshots to an observer (the viewer, a recorder) while the run goes, and
// describes a run for a recording's header. Observing never changes a run.
#include <functional>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/recording/recording.hpp"

namespace campsim::cli {

// Takes each snapshot as its own (camp::RunOptions::world_observer): it may move from it.
using WorldObserver = std::function<void(camp::WorldSnapshot&&)>;

// Sets the run's observer so that `observer` receives a WorldSnapshot at every observation.
void attach_world_observer(camp::RunOptions& run, WorldObserver observer);

io::RecordingInfo recording_info(const camp::LoadedScenario& loaded, const camp::RunOptions& run);

}  // namespace campsim::cli
