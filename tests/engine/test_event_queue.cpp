#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "sim/engine/event_queue.hpp"
#include "sim/engine/random.hpp"

using namespace campsim::engine;

namespace {
std::vector<std::uint64_t> drain_subjects(EventQueue& q) {
  std::vector<std::uint64_t> out;
  while (!q.empty()) out.push_back(q.pop().subject);
  return out;
}
}  // namespace

TEST_CASE("events pop by time, then priority, then FIFO", "[event_queue]") {
  EventQueue q;
  q.schedule(5.0, 0, 0, 1);
  q.schedule(1.0, 2, 0, 2);
  q.schedule(1.0, -1, 0, 3);
  q.schedule(1.0, 2, 0, 4);  // full tie with subject 2: FIFO
  q.schedule(0.5, 9, 0, 5);
  q.schedule(1.0, 2, 0, 6);
  CHECK(q.size() == 6);
  CHECK(q.next_time() == 0.5);
  CHECK(drain_subjects(q) == std::vector<std::uint64_t>{5, 3, 2, 4, 6, 1});
  CHECK(q.size() == 0);
}

TEST_CASE("pop returns the scheduled fields and the sequence handle", "[event_queue]") {
  EventQueue q;
  const auto s0 = q.schedule(2.25, -3, 11, 77);
  const auto s1 = q.schedule(2.25, -3, 12, 78);
  CHECK(s1 != s0);
  const Event e = q.pop();
  CHECK(e.time == 2.25);
  CHECK(e.priority == -3);
  CHECK(e.kind == 11);
  CHECK(e.subject == 77);
  CHECK(e.sequence == s0);
}

TEST_CASE("cancel removes events lazily and is idempotent", "[event_queue]") {
  EventQueue q;
  const auto a = q.schedule(1.0, 0, 0, 1);
  const auto b = q.schedule(2.0, 0, 0, 2);
  q.schedule(3.0, 0, 0, 3);
  q.cancel(a);  // the current top
  q.cancel(a);  // again: no effect
  CHECK(q.size() == 2);
  CHECK(q.next_time() == 2.0);
  CHECK(q.pop().subject == 2);
  q.cancel(b);     // already popped: no effect on the live count
  q.cancel(12345); // never scheduled
  CHECK(q.size() == 1);
  const auto d = q.schedule(0.5, 0, 0, 4);
  q.cancel(d);
  CHECK(q.size() == 1);
  CHECK(!q.empty());
  CHECK(q.pop().subject == 3);
  CHECK(q.empty());
  CHECK_THROWS_AS(q.pop(), std::out_of_range);
}

TEST_CASE("a queue holding only cancelled events is empty", "[event_queue]") {
  EventQueue q;
  const auto a = q.schedule(1.0, 0, 0, 1);
  const auto b = q.schedule(1.0, 0, 0, 2);
  q.cancel(b);
  q.cancel(a);
  CHECK(q.empty());
  CHECK(q.size() == 0);
}

TEST_CASE("non-finite times are rejected", "[event_queue]") {
  EventQueue q;
  CHECK_THROWS_AS(q.schedule(std::nan(""), 0, 0, 0), std::invalid_argument);
  CHECK_THROWS_AS(q.schedule(INFINITY, 0, 0, 0), std::invalid_argument);
  CHECK(q.empty());
}

TEST_CASE("randomised: pop order equals std::stable_sort of the live events", "[event_queue]") {
  for (std::uint64_t trial = 0; trial < 20; ++trial) {
    RandomStream rng(StreamKey{5, trial, purpose_tag("test.queue"), 0, 0});
    EventQueue q;
    struct Ref { double time; std::int32_t priority; std::uint64_t subject; bool cancelled; std::uint64_t seq; };
    std::vector<Ref> ref;
    const std::size_t n = 2000;
    for (std::uint64_t i = 0; i < n; ++i) {
      // Few distinct times and priorities so that ties are common.
      const double time = static_cast<double>(rng.uniform_index(50)) * 0.5;
      const auto priority = static_cast<std::int32_t>(rng.uniform_index(4)) - 2;
      ref.push_back({time, priority, i, false, q.schedule(time, priority, 0, i)});
    }
    for (auto& r : ref) {
      if (rng.bernoulli(0.2)) {
        r.cancelled = true;
        q.cancel(r.seq);
      }
    }
    std::vector<Ref> live;
    std::copy_if(ref.begin(), ref.end(), std::back_inserter(live), [](const Ref& r) { return !r.cancelled; });
    // Stable sort on (time, priority) keeps insertion order among full ties: the FIFO rule.
    std::stable_sort(live.begin(), live.end(), [](const Ref& a, const Ref& b) {
      return a.time != b.time ? a.time < b.time : a.priority < b.priority;
    });
    REQUIRE(q.size() == live.size());
    std::vector<std::uint64_t> expected;
    for (const auto& r : live) expected.push_back(r.subject);
    REQUIRE(drain_subjects(q) == expected);
  }
}

TEST_CASE("randomised: interleaved schedule/pop/cancel matches a brute-force minimum", "[event_queue]") {
  RandomStream rng(StreamKey{6, 0, purpose_tag("test.queue.interleaved"), 0, 0});
  EventQueue q;
  std::vector<Event> pending;  // reference: linear scan for the minimum
  double clock = 0.0;
  for (int step = 0; step < 20000; ++step) {
    const std::uint64_t action = rng.uniform_index(10);
    if (action < 5 || pending.empty()) {
      // Schedule at or after the last popped time, as a simulation does.
      const double time = clock + static_cast<double>(rng.uniform_index(8));
      const auto priority = static_cast<std::int32_t>(rng.uniform_index(3));
      const auto subject = static_cast<std::uint64_t>(step);
      const auto seq = q.schedule(time, priority, 0, subject);
      pending.push_back(Event{time, seq, subject, priority, 0});
    } else if (action < 8) {
      const auto best = std::min_element(pending.begin(), pending.end(), event_before);
      const Event got = q.pop();
      REQUIRE(got.sequence == best->sequence);
      REQUIRE(got.subject == best->subject);
      clock = got.time;
      pending.erase(best);
    } else {
      const auto victim = pending.begin() + static_cast<std::ptrdiff_t>(rng.uniform_index(pending.size()));
      q.cancel(victim->sequence);
      pending.erase(victim);
    }
    REQUIRE(q.size() == pending.size());
  }
}
