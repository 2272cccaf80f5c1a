#pragma once
// Data parallelism inside one run. Owns a tbb::task_arena with exactly `threads` slots, so a
// run never uses more threads than it was given, and runs of a batch can each own a small
// arena without oversubscribing the machine. (TBB may grant fewer: by default it caps the
// process at hardware threads; results never depend on how many threads actually run.)
//
// With one thread the loop runs on the calling thread, outside any arena; a body must not start
// TBB algorithms of its own (none does: nested ones would escape a one-thread run's bound).
//
// Determinism contract for bodies: body(i) reads only state that no body writes during the
// loop (the previous tick's buffer) and writes only slot i of the next buffer. Then the result
// is independent of how TBB splits or schedules the range.
#include <cstddef>
#include <stdexcept>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/engine/tsan_annotations.hpp"

namespace campsim::engine {

class Parallelism {
 public:
  explicit Parallelism(int threads) : threads_(checked(threads)), arena_(threads_) {}
  Parallelism(const Parallelism&) = delete;
  Parallelism& operator=(const Parallelism&) = delete;

  int threads() const { return threads_; }

  template <class F>
  void for_each_index(std::size_t n, F&& body) {
    if (n == 0) return;
    // One thread: a plain loop. Going through the arena and parallel_for with one slot gives
    // the same result (the contract above makes the order irrelevant) but costs a task
    // allocation, a spawn and a wait per call: in a quiet run the guards' vigilance sample
    // (14 posts, every 15 minutes) spent more in that machinery than in its own work (issue 25).
    if (threads_ == 1) {
      for (std::size_t i = 0; i != n; ++i) body(i);
      return;
    }
    // The two happens-before edges TBB guarantees (everything before the loop -> every chunk,
    // every chunk -> everything after), declared to ThreadSanitizer because libtbb's own
    // synchronisation is not instrumented. No edge between chunks, so races between bodies
    // are still reported. No-ops outside TSan builds.
    tsan_release(&loop_start_);
    arena_.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const tbb::blocked_range<std::size_t>& range) {
        tsan_acquire(&loop_start_);
        for (std::size_t i = range.begin(); i != range.end(); ++i) body(i);
        tsan_release(&loop_end_);
      });
    });
    tsan_acquire(&loop_end_);
  }

 private:
  static int checked(int threads) {
    if (threads < 1) throw std::invalid_argument("Parallelism: threads must be >= 1");
    return threads;
  }

  int threads_;
  tbb::task_arena arena_;
  char loop_start_ = 0, loop_end_ = 0;  // addresses used only as TSan sync objects
};

}  // namespace campsim::engine
