#include "apps/campsim/view/still_frames.hpp"

#include <algorithm>
#include <stdexcept>

namespace campsim::cli::view {

StillFrames::StillFrames(const camp::CampLayout& layout, std::string title, engine::SimTime start_time_of_day,
                         sf::Vector2u size, std::vector<Shot> shots, std::optional<Look> look)
    : layout_(layout), title_(std::move(title)), start_time_of_day_(start_time_of_day), size_(size), shots_(std::move(shots)),
      look_(look) {
  std::stable_sort(shots_.begin(), shots_.end(), [](const Shot& a, const Shot& b) { return a.time < b.time; });
  if (!target_.create(size_.x, size_.y))
    throw std::runtime_error("cannot create an off-screen OpenGL surface (no display? run under scripts/with-xvfb.sh)");
}

engine::SimTime StillFrames::history_start() const {
  return shots_.empty() ? 0 : shots_.front().time - render::ViewHistory::kWindow;
}

void StillFrames::shoot(const Shot& shot, const camp::WorldSnapshot& snapshot) {
  render::Scene scene;
  scene.layout = &layout_;
  scene.snapshot = &snapshot;
  scene.history = &history_;
  scene.title = title_;
  scene.start_time_of_day = start_time_of_day_;
  scene.now = std::max(shot.time, snapshot.time);
  scene.mode = render::ViewMode::Still;
  scene.camera = render::default_camera(layout_, size_);
  if (look_) {
    // Zoom about the point, then move it to the middle of the map area.
    const sf::Vector2f at = scene.camera.to_pixels(look_->centre);
    const sf::FloatRect map = render::map_area(size_);
    scene.camera = scene.camera.zoomed(look_->zoom, at).panned(map.left + map.width / 2 - at.x, map.top + map.height / 2 - at.y);
  }
  renderer_.draw(target_, scene);
  target_.display();
  const sf::Image image = target_.getTexture().copyToImage();
  if (!image.saveToFile(shot.file.string())) throw std::runtime_error("cannot write " + shot.file.string());
  ++written_;
}

void StillFrames::observe(const camp::WorldSnapshot& snapshot) {
  if (!current_) {
    history_.observe(snapshot);
    current_ = snapshot;
    return;
  }
  while (next_ < shots_.size() && shots_[next_].time < snapshot.time) shoot(shots_[next_++], *current_);
  history_.observe(snapshot);
  current_ = snapshot;
}

int StillFrames::finish() {
  if (!current_) throw std::runtime_error("no snapshot to draw: the run or recording is empty");
  while (next_ < shots_.size()) shoot(shots_[next_++], *current_);
  return written_;
}

}  // namespace campsim::cli::view
