#pragma once
// The main loop: a fixed tick while the model is active, a jump to the next event when quiet,
// with results identical to ticking through every boundary.
//
// Tick boundaries are t_k = start + k * tick, computed by multiplication (never by adding
// tick repeatedly, which would drift). At each boundary t_k, in this order:
//   1. Drain: pop and handle every event with time <= min(t_k, end) in queue order. Handlers
//      see e.time, the exact (possibly fractional) event time. Events that handlers schedule
//      at times <= t_k are handled in the same drain. If on_event returns a delay, the same
//      (kind, subject, priority) is rescheduled at e.time + delay (a recurring event); the
//      delay must be > 0, otherwise the drain would never end.
//   2. Stop if t_k >= end. Events at exactly `end` have been handled; later ones stay queued.
//   3. If always_tick || model.wants_ticks(t_k): call on_tick(t_k, tick), go to k + 1.
//      Otherwise jump to the smallest k' > k with t_k' >= next event time (or >= end if the
//      queue is empty), counting one jump.
//
// Why jumping equals ticking: wants_ticks(t) == false promises on_tick(t, dt) would change
// nothing. Between t_k and t_k' no event is handled, so the state -- and hence wants_ticks --
// stays the same, and every skipped on_tick would have been a no-op. The model's half of the
// contract: wants_ticks must depend on the state only (not on the clock). Activity that starts
// at a time of day must be started by a scheduled event at that time.
//
// The last tick is at the last boundary before `end`; it covers [t_k, t_k + tick).
#include <algorithm>
#include <cmath>
#include <concepts>
#include <functional>
#include <cstdint>
#include <optional>
#include <stdexcept>

#include "sim/engine/event_queue.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::engine {

struct LoopConfig {
  SimTime start = 0;
  SimTime end = 0;
  SimTime tick = 1.0;
  bool always_tick = false;
};

// An optional watcher (a viewer, a recorder): `observe(t)` is called once the state at t is
// settled -- at every tick boundary while ticking, and every `every` seconds of simulated time
// while quiet (also in the middle of a jump: nothing changes during one). It must only read the
// model, so watching never changes a run.
struct LoopObserver {
  std::function<void(SimTime)> observe;
  SimTime every = 60;
};

struct LoopStats {
  std::uint64_t ticks = 0, jumps = 0, events = 0;
};

template <class Model>
concept LoopModel = requires(Model& model, const Model& const_model, const Event& event,
                             EventQueue& queue, SimTime now) {
  { model.on_event(event, queue) } -> std::convertible_to<std::optional<SimTime>>;
  { const_model.wants_ticks(now) } -> std::convertible_to<bool>;
  model.on_tick(now, now);
};

namespace detail {

inline SimTime boundary(const LoopConfig& config, std::uint64_t k) {
  return config.start + static_cast<double>(k) * config.tick;
}

// Smallest k' > k with boundary(k') >= target. The division gives the answer up to rounding;
// the two loops fix it against the exact boundary formula the loop itself uses.
inline std::uint64_t first_boundary_at_or_after(const LoopConfig& config, std::uint64_t k, SimTime target) {
  const double estimate = std::ceil((target - config.start) / config.tick);
  std::uint64_t next = estimate > static_cast<double>(k) ? static_cast<std::uint64_t>(estimate) : k + 1;
  while (boundary(config, next) < target) ++next;
  while (next > k + 1 && boundary(config, next - 1) >= target) --next;
  return next;
}

}  // namespace detail

template <class Model>
  requires LoopModel<Model>
LoopStats run_loop(Model& model, EventQueue& queue, const LoopConfig& config, const LoopObserver& watcher = {}) {
  if (!(config.tick > 0.0) || !std::isfinite(config.tick))
    throw std::invalid_argument("run_loop: tick must be positive and finite");
  if (!std::isfinite(config.start) || !std::isfinite(config.end))
    throw std::invalid_argument("run_loop: start and end must be finite");

  LoopStats stats;
  std::uint64_t k = 0;
  SimTime next_observation = config.start;
  for (;;) {
    const SimTime now = detail::boundary(config, k);
    const SimTime drain_until = now < config.end ? now : config.end;
    while (!queue.empty() && queue.next_time() <= drain_until) {
      const Event event = queue.pop();
      ++stats.events;
      const std::optional<SimTime> delay = model.on_event(event, queue);
      if (delay) {
        if (!(*delay > 0.0)) throw std::logic_error("run_loop: a recurring event's delay must be > 0");
        queue.schedule(event.time + *delay, event.priority, event.kind, event.subject);
      }
    }
    if (now >= config.end) break;
    const bool ticking = config.always_tick || model.wants_ticks(now);
    if (watcher.observe && (ticking || now >= next_observation)) {
      watcher.observe(now);
      next_observation = now + watcher.every;
    }
    if (ticking) {
      model.on_tick(now, config.tick);
      ++stats.ticks;
      ++k;
      continue;
    }
    const SimTime target = queue.empty() ? config.end : std::min(queue.next_time(), config.end);
    k = detail::first_boundary_at_or_after(config, k, target);
    if (watcher.observe)
      for (; next_observation < detail::boundary(config, k) && next_observation < config.end;
           next_observation += watcher.every)
        watcher.observe(next_observation);
    ++stats.jumps;
  }
  return stats;
}

}  // namespace campsim::engine
