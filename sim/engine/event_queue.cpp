#include "sim/engine/event_queue.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace campsim::engine {

namespace {

constexpr std::size_t kArity = 4;

// Moves the event at `slot` up past every parent it comes before (a hole moves up, the event is
// written once).
void sift_up(std::vector<Event>& heap, std::size_t slot) {
  const Event moving = heap[slot];
  while (slot > 0) {
    const std::size_t parent = (slot - 1) / kArity;
    if (!event_before(moving, heap[parent])) break;
    heap[slot] = heap[parent];
    slot = parent;
  }
  heap[slot] = moving;
}

// Moves `moving` down from the hole at `slot` past every child that comes before it.
void sift_down(std::vector<Event>& heap, std::size_t slot, const Event& moving) {
  const std::size_t size = heap.size();
  for (;;) {
    const std::size_t first = slot * kArity + 1;
    if (first >= size) break;
    const std::size_t last = std::min(first + kArity, size);
    std::size_t best = first;
    for (std::size_t child = first + 1; child < last; ++child)
      if (event_before(heap[child], heap[best])) best = child;
    if (!event_before(heap[best], moving)) break;
    heap[slot] = heap[best];
    slot = best;
  }
  heap[slot] = moving;
}

}  // namespace

std::uint64_t EventQueue::schedule(SimTime time, std::int32_t priority, std::uint32_t kind,
                                   std::uint64_t subject) {
  if (!std::isfinite(time)) throw std::invalid_argument("EventQueue::schedule: time must be finite");
  const std::uint64_t sequence = next_sequence_++;
  heap_.push_back(Event{time, sequence, subject, priority, kind});
  sift_up(heap_, heap_.size() - 1);
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

void EventQueue::remove_top() {
  const Event last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(heap_, 0, last);
}

void EventQueue::drop_cancelled_top() {
  while (!heap_.empty() && pending_[heap_.front().sequence] == 0) remove_top();
}

SimTime EventQueue::next_time() {
  drop_cancelled_top();
  if (heap_.empty()) throw std::out_of_range("EventQueue::next_time on an empty queue");
  return heap_.front().time;
}

Event EventQueue::pop() {
  drop_cancelled_top();
  if (heap_.empty()) throw std::out_of_range("EventQueue::pop on an empty queue");
  const Event event = heap_.front();
  remove_top();
  pending_[event.sequence] = 0;
  --pending_count_;
  return event;
}

}  // namespace campsim::engine
