#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "sim/engine/event_log.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/engine/random.hpp"
#include "sim/engine/simulation_loop.hpp"

using namespace campsim::engine;

namespace {

// A few agents that move only while a window is open. Windows are opened by scheduled events
// whose handler schedules the matching close (subject = duration in quarter seconds) and an
// immediate "announce" at the same time; a recurring heartbeat logs the state every 37.5 s.
struct WindowModel {
  enum Kind : std::uint32_t { Open = 1, Close = 2, Announce = 3, Heartbeat = 4 };
  static constexpr SimTime kTick = 0.5;
  static constexpr double kHeartbeat = 37.5;

  std::vector<double> x = {0.0, 10.0, 20.0};
  int open_windows = 0;
  EventLog log;

  std::optional<SimTime> on_event(const Event& e, EventQueue& q) {
    switch (e.kind) {
      case Open:
        ++open_windows;
        log.record(e.time, "open", {{"x0", x[0]}});
        q.schedule(e.time, 0, Announce, e.subject);
        q.schedule(e.time + static_cast<double>(e.subject) * 0.25, 0, Close, 0);
        return std::nullopt;
      case Close:
        --open_windows;
        log.record(e.time, "close", {{"x0", x[0]}});
        return std::nullopt;
      case Announce:
        log.record(e.time, "announce", {{"open", static_cast<std::int64_t>(open_windows)}});
        return std::nullopt;
      case Heartbeat:
        log.record(e.time, "heartbeat", {{"x1", x[1]}, {"x2", x[2]}});
        return kHeartbeat;
      default: return std::nullopt;
    }
  }

  bool wants_ticks(SimTime) const { return open_windows > 0; }

  void on_tick(SimTime now, SimTime dt) {
    if (open_windows == 0) return;  // the wants_ticks promise: inactive ticks change nothing
    const auto tick_index = static_cast<std::uint64_t>(std::llround(now / dt));
    for (std::size_t i = 0; i < x.size(); ++i) {
      RandomStream rng(StreamKey{77, 0, purpose_tag("test.loop.walk"), i, tick_index});
      x[i] += dt * rng.normal(1.0, 0.5);
    }
    log.record(now, "move", {{"x0", x[0]}});
  }

  std::string serialize() const {
    std::ostringstream out;
    for (const double v : x) out << format_number(v) << '\n';
    log.write_jsonl(out);
    return out.str();
  }
};

struct Window {
  SimTime open;
  std::uint64_t quarters;
};

const std::vector<Window> kWindows = {{100.3, 240}, {1000.0, 3}, {5000.2, 403}, {12345.75, 1}};

void schedule_windows(EventQueue& q) {
  for (const Window& w : kWindows) q.schedule(w.open, 0, WindowModel::Open, w.quarters);
  q.schedule(0.0, 5, WindowModel::Heartbeat, 0);
}

}  // namespace

TEST_CASE("jumping gives byte-identical results to ticking, with far fewer ticks", "[simulation_loop]") {
  const LoopConfig base{0.0, 20000.0, WindowModel::kTick, false};

  WindowModel ticking_model;
  EventQueue ticking_queue;
  schedule_windows(ticking_queue);
  LoopConfig always = base;
  always.always_tick = true;
  const LoopStats ticking = run_loop(ticking_model, ticking_queue, always);

  WindowModel jumping_model;
  EventQueue jumping_queue;
  schedule_windows(jumping_queue);
  const LoopStats jumping = run_loop(jumping_model, jumping_queue, base);

  CHECK(jumping_model.serialize() == ticking_model.serialize());
  CHECK(jumping.events == ticking.events);
  CHECK(ticking_model.x[0] != 0.0);  // the agents did move

  // Full run: one tick per boundary in [0, end).
  CHECK(ticking.ticks == static_cast<std::uint64_t>(20000.0 / WindowModel::kTick));
  CHECK(ticking.jumps == 0);
  // Jumping run: boundary k*tick is active iff open <= k*tick < close for some window, so
  // each window contributes ceil(close/tick) - ceil(open/tick) ticks.
  std::uint64_t expected_ticks = 0;
  for (const Window& w : kWindows) {
    const double close = w.open + static_cast<double>(w.quarters) * 0.25;
    expected_ticks += static_cast<std::uint64_t>(std::ceil(close / WindowModel::kTick) -
                                                 std::ceil(w.open / WindowModel::kTick));
  }
  CHECK(jumping.ticks == expected_ticks);
  CHECK(jumping.ticks * 50 < ticking.ticks);
  CHECK(jumping.jumps > 0);
  // Heartbeats at 0, 37.5, ..., <= 20000: 534 of them, plus 3 events per window.
  CHECK(jumping.events == 534 + 3 * kWindows.size());
  CHECK(jumping_model.log.counts_by_type().at("move") == expected_ticks);
}

namespace {
// Records every handled event and tick as text; optionally schedules follow-ups.
struct TraceModel {
  std::vector<std::string> trace;
  bool active = false;
  std::optional<SimTime> recurring_delay;

  std::optional<SimTime> on_event(const Event& e, EventQueue& q) {
    trace.push_back("e" + std::to_string(e.kind) + "@" + format_number(e.time));
    if (e.kind == 1) {  // spawns a same-time and a later follow-up
      q.schedule(e.time, 0, 2, 0);
      q.schedule(e.time + 0.5, 0, 3, 0);
    }
    if (e.kind == 4) active = true;
    return e.kind == 9 ? recurring_delay : std::nullopt;
  }
  bool wants_ticks(SimTime) const { return active; }
  void on_tick(SimTime now, SimTime) { trace.push_back("t@" + format_number(now)); }
};
}  // namespace

TEST_CASE("events at exactly end are handled, later ones stay queued", "[simulation_loop]") {
  for (const bool always : {false, true}) {
    TraceModel model;
    EventQueue q;
    q.schedule(10.0, 0, 7, 0);
    q.schedule(10.0001, 0, 8, 0);
    q.schedule(9.5, 0, 6, 0);
    const LoopStats stats = run_loop(model, q, LoopConfig{0.0, 10.0, 1.0, always});
    CHECK(stats.events == 2);
    REQUIRE(q.size() == 1);
    CHECK(q.next_time() == 10.0001);
    CHECK(stats.ticks == (always ? 10u : 0u));
  }
  // An end off the tick grid: events up to end are handled at the boundary after it.
  TraceModel model;
  EventQueue q;
  q.schedule(10.5, 0, 7, 0);
  q.schedule(10.75, 0, 8, 0);
  const LoopStats stats = run_loop(model, q, LoopConfig{0.0, 10.5, 1.0, true});
  CHECK(stats.ticks == 11);  // boundaries 0..10 are before end
  CHECK(model.trace.back() == "e7@10.5");
  CHECK(q.size() == 1);
}

TEST_CASE("a returned delay reschedules the same event", "[simulation_loop]") {
  TraceModel model;
  model.recurring_delay = 10.0;
  EventQueue q;
  q.schedule(0.0, 3, 9, 42);
  const LoopStats stats = run_loop(model, q, LoopConfig{0.0, 100.0, 1.0, false});
  std::vector<std::string> expected;
  for (int t = 0; t <= 100; t += 10) expected.push_back("e9@" + std::to_string(t));
  CHECK(model.trace == expected);
  CHECK(stats.events == 11);
  CHECK(stats.ticks == 0);
  CHECK(stats.jumps == 10);  // quiet: one jump from each heartbeat to the next
  REQUIRE(q.size() == 1);
  const Event next = q.pop();
  CHECK(next.time == 110.0);
  CHECK(next.kind == 9);
  CHECK(next.subject == 42);
  CHECK(next.priority == 3);

  TraceModel bad;
  bad.recurring_delay = 0.0;
  EventQueue q2;
  q2.schedule(0.0, 0, 9, 0);
  CHECK_THROWS_AS(run_loop(bad, q2, LoopConfig{0.0, 10.0, 1.0, false}), std::logic_error);
}

TEST_CASE("events scheduled by a handler at the current time are handled in the same drain", "[simulation_loop]") {
  TraceModel model;
  EventQueue q;
  q.schedule(5.0, 0, 1, 0);
  run_loop(model, q, LoopConfig{4.0, 7.0, 1.0, true});
  CHECK(model.trace == std::vector<std::string>{"t@4", "e1@5", "e2@5", "t@5", "e3@5.5", "t@6"});
}

TEST_CASE("a jump lands exactly on the boundary of an on-grid event", "[simulation_loop]") {
  // tick 0.1 is not exact in binary; the event sits on boundary k = 123457 computed the same
  // way the loop computes boundaries (start + k * tick).
  const LoopConfig config{0.3, 20000.0, 0.1, false};
  const SimTime event_time = config.start + 123457.0 * config.tick;
  TraceModel model;
  EventQueue q;
  q.schedule(event_time, 0, 4, 0);  // kind 4 switches ticking on
  q.schedule(event_time + 0.25, 0, 5, 0);
  const LoopStats stats = run_loop(model, q, LoopConfig{config.start, event_time + 0.35, config.tick, false});
  REQUIRE(model.trace.size() >= 2);
  CHECK(model.trace[0] == "e4@" + format_number(event_time));
  CHECK(model.trace[1] == "t@" + format_number(event_time));
  CHECK(stats.jumps == 1);
  // After the event, boundaries k = 123457..123460 lie before end (event + 0.35).
  std::uint64_t expected = 0;
  for (std::uint64_t k = 123457; config.start + static_cast<double>(k) * config.tick < event_time + 0.35; ++k) ++expected;
  CHECK(stats.ticks == expected);
}

TEST_CASE("run_loop rejects a bad configuration", "[simulation_loop]") {
  TraceModel model;
  EventQueue q;
  CHECK_THROWS_AS(run_loop(model, q, LoopConfig{0.0, 10.0, 0.0, false}), std::invalid_argument);
  CHECK_THROWS_AS(run_loop(model, q, LoopConfig{0.0, INFINITY, 1.0, false}), std::invalid_argument);
}
