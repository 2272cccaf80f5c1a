// The roster's queue of soldiers (SentryQueue) against its plain definition (pick_sentry, a scan
// of every soldier): the same soldier, or nobody, for every slot, while duties are added, units
// leave the theatre and soldiers fall sick, are wounded or rest.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "sim/camp/guard_roster.hpp"

using namespace campsim::camp;
using campsim::engine::kHour;

TEST_CASE("a pick from the sentry queue is the soldier pick_sentry scans for", "[guard_roster]") {
  std::mt19937_64 rng(25);
  std::vector<Soldier> soldiers;
  SentryQueue queue;
  const auto hire = [&](int count) {
    for (int i = 0; i < count; ++i) {
      Soldier s;
      s.id = static_cast<int>(soldiers.size());
      soldiers.push_back(s);
      queue.join(s, s.id);
    }
  };
  hire(40);
  const SimTime min_rest = 8 * kHour;
  long picked = 0, nobody = 0, ties = 0;
  for (int round = 0; round < 3000; ++round) {
    const SimTime due = round * 0.5 * kHour;
    // Whole hours of duty, so that many soldiers tie on committed seconds (the lower number wins).
    const std::optional<int> expected = pick_sentry(soldiers, due, min_rest);
    const std::optional<int> got = queue.pick(soldiers, due, min_rest);
    REQUIRE(got == expected);
    if (!expected) {
      ++nobody;
    } else {
      ++picked;
      for (const Soldier& s : soldiers)
        if (s.id != *expected && s.committed_duty_s == soldiers[*expected].committed_duty_s) ++ties;
      soldiers[*expected].busy_until = due + std::uniform_int_distribution<int>(1, 9)(rng) * kHour;
      queue.add_duty(soldiers, *expected, std::uniform_int_distribution<int>(1, 9)(rng) * kHour);
    }
    // Now and then: a sentry waits for his late relief (more duty for someone not picked now),
    // someone falls sick or is wounded, or a unit rotates out and a new one arrives.
    auto anyone = std::uniform_int_distribution<std::size_t>(0, soldiers.size() - 1);
    switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
      case 0: queue.add_duty(soldiers, static_cast<int>(anyone(rng)), 0.25 * kHour); break;
      case 1: soldiers[anyone(rng)].fit_today = false; break;
      case 2: soldiers[anyone(rng)].fit_today = true; break;
      case 3: soldiers[anyone(rng)].unavailable_until = due + 30 * kHour; break;
      default: break;
    }
    if (round % 1000 == 999) {
      for (Soldier& s : soldiers) {
        if (s.in_theatre) queue.leave(s, s.id);
        s.in_theatre = false;
      }
      hire(40);
    }
  }
  // The walk saw every kind of case.
  CHECK(picked > 1000);
  CHECK(nobody > 0);
  CHECK(ties > 0);
}

TEST_CASE("duty added to a soldier out of theatre changes his hours and no pick", "[guard_roster]") {
  std::vector<Soldier> soldiers(3);
  SentryQueue queue;
  for (int i = 0; i < 3; ++i) {
    soldiers[i].id = i;
    queue.join(soldiers[i], i);
  }
  queue.leave(soldiers[0], 0);
  soldiers[0].in_theatre = false;
  queue.add_duty(soldiers, 0, 2 * kHour);  // finishing his last duty after the rotation
  CHECK(soldiers[0].committed_duty_s == 2 * kHour);
  queue.add_duty(soldiers, 1, 1 * kHour);
  CHECK(queue.pick(soldiers, 100 * kHour, 8 * kHour) == 2);
  CHECK(pick_sentry(soldiers, 100 * kHour, 8 * kHour) == 2);
}
