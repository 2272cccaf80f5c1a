#include "apps/campsim/view/live_feed.hpp"

namespace campsim::cli::view {

LiveFeed::LiveFeed(RunFunction run, std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {
  worker_ = std::thread([this, run = std::move(run)] {
    try {
      run([this](const camp::WorldSnapshot& s) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return queue_.size() < capacity_ || stop_; });
        if (stop_) throw Stopped{};
        queue_.push_back(s);
        changed_.notify_all();
      });
    } catch (const Stopped&) {
      // The viewer closed before the run ended: nothing to report.
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    std::lock_guard lock(mutex_);
    done_ = true;
    changed_.notify_all();
  });
}

LiveFeed::~LiveFeed() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    changed_.notify_all();
  }
  if (worker_.joinable()) worker_.join();
}

void LiveFeed::advance_to(engine::SimTime t, render::ViewHistory& history) {
  while (true) {
    std::unique_lock lock(mutex_);
    if (queue_.empty() || queue_.front().time > t) return;
    camp::WorldSnapshot next = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    lock.unlock();
    history.observe(next);
    current_ = std::move(next);
    has_current_ = true;
  }
}

bool LiveFeed::advance_one(render::ViewHistory& history) {
  std::unique_lock lock(mutex_);
  if (queue_.empty()) return false;
  camp::WorldSnapshot next = std::move(queue_.front());
  queue_.pop_front();
  changed_.notify_all();
  lock.unlock();
  history.observe(next);
  current_ = std::move(next);
  has_current_ = true;
  return true;
}

std::optional<engine::SimTime> LiveFeed::next_time() {
  std::lock_guard lock(mutex_);
  if (queue_.empty()) return std::nullopt;
  return queue_.front().time;
}

bool LiveFeed::at_end() {
  std::lock_guard lock(mutex_);
  return done_ && queue_.empty();
}

void LiveFeed::rethrow_failure() {
  std::lock_guard lock(mutex_);
  if (failure_) std::rethrow_exception(failure_);
}

}  // namespace campsim::cli::view
