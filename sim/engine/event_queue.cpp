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
  pending_.insert(sequence);
  return sequence;
}

void EventQueue::cancel(std::uint64_t sequence) { pending_.erase(sequence); }

bool EventQueue::empty() const { return pending_.empty(); }

std::size_t EventQueue::size() const { return pending_.size(); }

void EventQueue::drop_cancelled_top() {
  while (!heap_.empty() && !pending_.contains(heap_.front().sequence)) {
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
  pending_.erase(event.sequence);
  return event;
}

}  // namespace campsim::engine
