#pragma once
// Pending events in a total order: time ascending, then priority ascending, then sequence
// ascending (the order of scheduling, so full ties are FIFO). The order never depends on
// memory addresses or hashing, so a run replays exactly.
//
// Cancellation is lazy: a cancelled event stays in the heap and is discarded when it reaches
// the top. `pending_` marks, per sequence ever issued, whether it is scheduled and neither
// popped nor cancelled (one byte an event; a hash set cost a node allocation per event, issue
// 25); with `pending_count_` it is the single source of truth
// for empty()/size() and makes cancel() of an unknown, already-popped or already-cancelled
// sequence a harmless no-op.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/engine/sim_time.hpp"

namespace campsim::engine {

// Fields ordered by size so an event is 32 bytes, not 40 (the heap moves them about).
struct Event {
  SimTime time = 0;
  std::uint64_t sequence = 0;
  std::uint64_t subject = 0;
  std::int32_t priority = 0;
  std::uint32_t kind = 0;
};
static_assert(sizeof(Event) == 32);

// True if a comes strictly before b in the queue's total order.
constexpr bool event_before(const Event& a, const Event& b) noexcept {
  if (a.time != b.time) return a.time < b.time;
  if (a.priority != b.priority) return a.priority < b.priority;
  return a.sequence < b.sequence;
}

class EventQueue {
 public:
  // Returns the event's sequence number, its handle for cancel(). Throws std::invalid_argument
  // for a non-finite time (NaN would break the total order).
  std::uint64_t schedule(SimTime time, std::int32_t priority, std::uint32_t kind, std::uint64_t subject);
  void cancel(std::uint64_t sequence);
  bool empty() const;
  SimTime next_time();  // precondition !empty()
  Event pop();          // precondition !empty()
  std::size_t size() const;

 private:
  void drop_cancelled_top();
  void remove_top();

  // A four-ary min-heap in the total order (event_before): the first event at the front, the
  // children of slot i at 4i + 1 .. 4i + 4. Half the levels of a binary heap, and a parent's four
  // children share a cache line or two; events leave in the total order whatever the heap's
  // shape, so the shape is not an output (issue 25).
  std::vector<Event> heap_;
  std::vector<std::uint8_t> pending_;  // per sequence: 1 while pending
  std::size_t pending_count_ = 0;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace campsim::engine
