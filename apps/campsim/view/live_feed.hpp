#pragma once
// A live run for the viewer: the model runs on a worker thread and hands each snapshot to a
// bounded queue; the window takes them at its own pace. When the queue is full the model waits
// (it is paused with the viewer); the model is the same code on the same inputs as `campsim run`,
// so what it writes is the same (tested). Quitting early stops the model at its next observation.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "apps/campsim/view/snapshot_feed.hpp"
#include "sim/camp/camp_run.hpp"

namespace campsim::cli::view {

class LiveFeed : public SnapshotFeed {
 public:
  // `run` is called on the worker thread with an observer to hand to the model, and returns
  // when the run is over. `capacity`: snapshots queued at most.
  using RunFunction = std::function<void(const std::function<void(const camp::WorldSnapshot&)>& observer)>;
  LiveFeed(RunFunction run, std::size_t capacity);
  ~LiveFeed() override;  // stops the model if it is still running, and waits for it

  void advance_to(engine::SimTime t, render::ViewHistory& history) override;
  std::optional<engine::SimTime> next_time() override;
  const camp::WorldSnapshot& current() const override { return current_; }
  bool has_current() const override { return has_current_; }
  bool at_end() override;
  // Takes the next queued snapshot, if any (for "jump to the next incident").
  bool advance_one(render::ViewHistory& history);
  // The run's own failure, if it failed (rethrown here on the window's thread).
  void rethrow_failure();

 private:
  struct Stopped {};  // thrown from the observer to stop a run nobody watches any more

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<camp::WorldSnapshot> queue_;
  std::size_t capacity_;
  bool done_ = false;
  bool stop_ = false;
  std::exception_ptr failure_;
  camp::WorldSnapshot current_;
  bool has_current_ = false;
  std::thread worker_;
};

}  // namespace campsim::cli::view
