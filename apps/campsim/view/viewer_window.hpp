#pragma once
// The interactive window: plays a feed (live run or recording) at a chosen speed and takes the
// keys and clicks listed in the help overlay (docs/user-guide.md). It reads snapshots and draws
// them; nothing it does reaches the model.
#include <string>

#include <SFML/System/Vector2.hpp>

#include "apps/campsim/view/snapshot_feed.hpp"
#include "render/scene.hpp"

namespace campsim::cli::view {

struct WindowOptions {
  std::string title;                   // scenario name and seed
  engine::SimTime start_time_of_day = 0;
  sf::Vector2u size{1280, 800};
  double speed = 60;                   // simulated seconds per real second
  bool paused = false;
  bool quit_at_end = false;            // close once the feed has nothing more (for tests and scripts)
  engine::SimTime start_at = 0;        // playback: where to begin
  // Playback: the recording's span and incidents (the timeline).
  engine::SimTime first_time = 0, last_time = 0;
  std::vector<render::TimelineMark> marks;
};

// Returns when the user closes the window (or the feed ends with quit_at_end).
void run_window(const camp::CampLayout& layout, SnapshotFeed& feed, render::ViewMode mode, const WindowOptions& options);

}  // namespace campsim::cli::view
