#pragma once
// A recording for the viewer: seek anywhere, play forwards at any speed.
#include <filesystem>

#include "apps/campsim/view/snapshot_feed.hpp"
#include "sim/recording/recording.hpp"

namespace campsim::cli::view {

class PlaybackFeed : public SnapshotFeed {
 public:
  explicit PlaybackFeed(const std::filesystem::path& recording);
  const io::RecordingReader& reader() const { return reader_; }

  void advance_to(engine::SimTime t, render::ViewHistory& history) override;
  std::optional<engine::SimTime> next_time() override { return reader_.next_time(); }
  const camp::WorldSnapshot& current() const override { return reader_.current(); }
  bool has_current() const override { return started_; }
  bool at_end() override { return started_ && !reader_.next_time(); }
  bool can_seek() const override { return true; }
  // The history is rebuilt from the snapshot in force at (t - window), as the live run had it.
  void seek(engine::SimTime t, render::ViewHistory& history) override;

 private:
  io::RecordingReader reader_;
  bool started_ = false;
};

}  // namespace campsim::cli::view
