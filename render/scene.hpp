#pragma once
// Everything one frame of the viewer shows, gathered by whoever drives the viewer (a live run, a
// recording, a screenshot) and drawn by FrameRenderer. Plain data that points at what it shows;
// the renderer reads it and changes nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "render/view_frame.hpp"
#include "render/view_history.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::render {

enum class ViewMode : std::uint8_t { Live, Playback, Still };

// Layers the user can hide (keys 1-7; docs/user-guide.md).
struct Layers {
  bool people = true;
  bool vehicles = true;
  bool fields_of_view = true;
  bool incidents = true;  // incident rings and impacts
  bool night = true;      // day and night shading
  bool labels = true;     // names of zones, gates and towers
  bool legend = true;
};

// What the user clicked on.
struct Selection {
  enum class Kind : std::uint8_t { None, Person, Vehicle, Post } kind = Kind::None;
  std::uint32_t id = 0;   // person or vehicle id
  std::string post;       // post name
};

// Where an incident starts, for the playback timeline.
struct TimelineMark {
  engine::SimTime time = 0;
  std::string label;
};

struct Scene {
  const camp::CampLayout* layout = nullptr;
  const camp::WorldSnapshot* snapshot = nullptr;  // the snapshot in force at `now`
  const ViewHistory* history = nullptr;           // may be null: no charts, no log
  std::string title;                              // scenario name and seed
  engine::SimTime start_time_of_day = 0;
  engine::SimTime now = 0;                        // the clock shown (>= snapshot->time)
  ViewMode mode = ViewMode::Still;
  double speed = 1;                               // simulated seconds per real second
  bool paused = false;
  bool finished = false;                          // a live run that has ended
  Layers layers;
  Selection selection;
  bool help = false;
  ViewFrame camera;                               // map pixels <-> metres
  // Playback only: the stretch of time the recording covers, and its incidents.
  engine::SimTime first_time = 0, last_time = 0;
  std::vector<TimelineMark> marks;
  std::string status;                             // a passing message ("saved shot.png")
};

// The window is split: the map on the left, the side panel (this wide) on the right.
inline constexpr unsigned kPanelWidth = 380;
// The legend's height at the foot of the map (two columns).
inline constexpr float kLegendHeight = 150;

}  // namespace campsim::render
