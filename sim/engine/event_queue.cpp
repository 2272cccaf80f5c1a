#include "sim/engine/event_queue.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace campsim::engine {

namespace {
bool comes_later(const Event& a, const Event& b) noexcept { return event_before(b, a); }
}  // namespace

std::uint64_t EventQueue::schedule(SimTime time, std::int32_t priority, std::uint32_t kind,
                                   std::uint64_t subject) {
  if (!std::isfinite(time)) throw std::invalid_argument("EventQueue::schedule: time must be finite");
  const std::uint64_t sequence = next_sequence_++;
  heap_.push_back(Event{time, priority, sequence, kind, subject});
  std::push_heap(heap_.begin(), heap_.end(), comes_later);
  pending_.push_back(1);
  ++pending_count_;
  return sequence;
}

void EventQueue::cancel(std::uint64_t sequence) {
  if (sequence >= pending_.size() || pending_[sequence] == 0) return;
  pending_[sequence] = 0;
  --pending_count_;
}

bool EventQueue::empty() const { return pending_count_ == 0; }

std::size_t EventQueue::size() const { return pending_count_; }

void EventQueue::drop_cancelled_top() {
  while (!heap_.empty() && pending_[heap_.front().sequence] == 0) {
    std::pop_heap(heap_.begin(), heap_.end(), comes_later);
    heap_.pop_back();
  }
}

SimTime EventQueue::next_time() {
  drop_cancelled_top();
  if (heap_.empty()) throw std::out_of_range("EventQueue::next_time on an empty queue");
  return heap_.front().time;
}

Event EventQueue::pop() {
  drop_cancelled_top();
  if (heap_.empty()) throw std::out_of_range("EventQueue::pop on an empty queue");
  std::pop_heap(heap_.begin(), heap_.end(), comes_later);
  const Event event = heap_.back();
  heap_.pop_back();
  pending_[event.sequence] = 0;
  --pending_count_;
  return event;
}

}  // namespace campsim::engine
