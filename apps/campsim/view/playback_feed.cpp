#include "apps/campsim/view/playback_feed.hpp"

namespace campsim::cli::view {

PlaybackFeed::PlaybackFeed(const std::filesystem::path& recording) : reader_(recording) {}

void PlaybackFeed::advance_to(engine::SimTime t, render::ViewHistory& history) {
  if (!started_) return seek(t, history);
  while (true) {
    const std::optional<engine::SimTime> next = reader_.next_time();
    if (!next || *next > t) return;
    reader_.advance();
    history.observe(reader_.current());
  }
}

void PlaybackFeed::seek(engine::SimTime t, render::ViewHistory& history) {
  if (reader_.empty()) return;
  history.clear();
  history.observe(reader_.seek(t - render::ViewHistory::kWindow));
  started_ = true;
  advance_to(t, history);
}

}  // namespace campsim::cli::view
