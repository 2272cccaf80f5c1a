#pragma once
// Where the viewer's snapshots come from: a live run (LiveFeed) or a recording (PlaybackFeed).
// The window asks for "the snapshot in force at t" and every snapshot passed on the way goes
// through the history (charts, log), so both feeds show the same frame at the same time.
#include <optional>
#include <set>

#include "render/view_history.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::cli::view {

class SnapshotFeed {
 public:
  virtual ~SnapshotFeed() = default;
  // Moves on to the last snapshot at or before t that is available now.
  virtual void advance_to(engine::SimTime t, render::ViewHistory& history) = 0;
  // The next snapshot's time, if it is available now.
  virtual std::optional<engine::SimTime> next_time() = 0;
  virtual const camp::WorldSnapshot& current() const = 0;
  virtual bool has_current() const = 0;
  // Nothing more will ever come (the run ended, the recording is at its end).
  virtual bool at_end() = 0;
  // Playback only: go to any time, rebuilding the history from (t - window).
  virtual bool can_seek() const { return false; }
  virtual void seek(engine::SimTime, render::ViewHistory&) {}
};

}  // namespace campsim::cli::view
