#pragma once
// Frames drawn off screen at chosen simulated times (a screenshot is one of them): fed the
// snapshots of a live run or a recording in time order, each frame at time T shows the snapshot
// in force at T with the history of the hours before it, exactly what the window would show.
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <SFML/Graphics/RenderTexture.hpp>

#include "render/frame_renderer.hpp"

namespace campsim::cli::view {

// Where a still frame looks: the camera centred on a point (metres), zoomed in from the whole camp.
struct Look {
  camp::Point centre;
  double zoom = 1;
};

struct Shot {
  engine::SimTime time = 0;
  std::filesystem::path file;  // PNG
};

class StillFrames {
 public:
  StillFrames(const camp::CampLayout& layout, std::string title, engine::SimTime start_time_of_day, sf::Vector2u size,
              std::vector<Shot> shots, std::optional<Look> look = std::nullopt);
  // Snapshots in time order.
  void observe(const camp::WorldSnapshot& snapshot);
  // Draws the shots still waiting (at or after the last snapshot) and returns how many were written.
  int finish();
  // The earliest time a feed must start from for the first shot to have its full history.
  engine::SimTime history_start() const;

 private:
  void shoot(const Shot& shot, const camp::WorldSnapshot& snapshot);

  camp::CampLayout layout_;
  render::FrameRenderer renderer_;
  // One surface for every shot: it keeps SFML's connection to the display open between shots.
  sf::RenderTexture target_;
  render::ViewHistory history_;
  std::string title_;
  engine::SimTime start_time_of_day_;
  sf::Vector2u size_;
  std::vector<Shot> shots_;  // sorted by time
  std::size_t next_ = 0;
  std::optional<camp::WorldSnapshot> current_;
  std::optional<Look> look_;
  int written_ = 0;
};

}  // namespace campsim::cli::view
