// The viewer's memory of the last hours, its clock text and its day and night: hand-computed.
#include <catch2/catch.hpp>

#include "render/view_history.hpp"

using namespace campsim;

namespace {
camp::WorldSnapshot at(double t, int on_post, int required, double vigilance) {
  camp::WorldSnapshot s;
  s.time = t;
  s.posts = {{"T1", camp::PostKind::Tower, {0, 0}, required, on_post, vigilance}};
  return s;
}
}  // namespace

TEST_CASE("the clock counts days from 1 and shows local time", "[render][history]") {
  CHECK(render::clock_text(0, 0) == "Day 1 00:00:00");
  CHECK(render::clock_text(6 * 3600, 20 * 3600 + 45 * 60 + 7) == "Day 2 02:45:07");  // 6 h + 20:45:07
  CHECK(render::clock_text(0, 86400 + 2 * 3600) == "Day 2 02:00:00");
  CHECK(render::elapsed_text(252) == "+00:04:12");
  CHECK(render::elapsed_text(2 * 86400 + 3600) == "+2d 01:00:00");
}

TEST_CASE("darkness follows the model's 18:00-06:00 night with an hour of dusk and of dawn", "[render][history]") {
  CHECK(render::darkness(12 * 3600) == 0);
  CHECK(render::darkness(0) == 1);
  CHECK(render::darkness(19 * 3600) == 1);
  CHECK(render::darkness(18 * 3600) == Approx(0.5));  // the middle of dusk
  CHECK(render::darkness(6 * 3600) == Approx(0.5));   // and of dawn
  CHECK(render::darkness(5.5 * 3600) == Approx(1));
  CHECK(render::darkness(6.5 * 3600) == Approx(0));
}

TEST_CASE("chart points are the state in force at each five-minute instant", "[render][history]") {
  render::ViewHistory h;
  h.observe(at(0, 1, 1, 0.9));        // 1/1 on post from 0
  h.observe(at(700, 0, 1, 0));        // nobody from 700 s (11 min 40 s)
  const auto points = h.chart(1200);  // grid instants 0, 300, 600, 900, 1200
  REQUIRE(points.size() == 5);
  CHECK(points[0].time == 0);
  CHECK(points[2].time == 600);
  CHECK(points[2].coverage == 1);
  CHECK(points[2].vigilance == Approx(0.9));
  CHECK(points[3].time == 900);
  CHECK(points[3].coverage == 0);
  CHECK(points[4].coverage == 0);
  // A snapshot exactly on a grid instant is in force at that instant.
  h.observe(at(1500, 1, 1, 0.5));
  const auto later = h.chart(1500);
  CHECK(later.back().time == 1500);
  CHECK(later.back().vigilance == Approx(0.5));
}

TEST_CASE("the log says what changed between snapshots, and forgets after six hours", "[render][history]") {
  render::ViewHistory h;
  camp::WorldSnapshot s = at(0, 1, 1, 0.9);
  h.observe(s);
  s.time = 100;
  s.posts[0].on_post = 0;
  s.incidents = {{3, camp::ThreatKind::VehicleBomb, {0, 500}, "approach", 90}};
  h.observe(s);
  s.time = 200;
  s.incidents[0].phase = "detonated";
  s.impacts = {{{0, 500}, 30, 200}};
  h.observe(s);
  const auto log = h.log_tail(200, 10);
  REQUIRE(log.size() == 4);
  CHECK(log[0].text == "#3 vehicle bomb at (0, 500): approach");
  CHECK(log[0].alert);
  CHECK(log[1].text == "T1 short: 0/1");
  CHECK(log[2].text == "#3 detonated");
  CHECK(log[3].text == "impact at (0, 500), lethal radius 30 m");
  CHECK(h.log_tail(200, 2).size() == 2);
  CHECK(h.log_tail(100 + 6 * 3600, 10).size() == 2);  // the lines at 100 s have left the window
}

TEST_CASE("the log gives the protest's rungs and the force's steps by their names", "[render][history][protest]") {
  using camp::protest::CrowdLevel;
  using camp::protest::ForceAction;
  render::ViewHistory h;
  camp::WorldSnapshot s = at(0, 1, 1, 0.9);
  s.protest.live = true;
  s.protest.id = 2;
  s.protest.level = CrowdLevel::chanting;
  s.protest.action = ForceAction::negotiate;
  h.observe(s);  // the first snapshot starts the history: nothing logged
  s.time = 300;
  s.protest.level = CrowdLevel::stone_throwing;
  s.protest.action = ForceAction::tear_gas;
  h.observe(s);
  s.time = 400;  // the same again: nothing new
  h.observe(s);
  s.time = 500;  // between assessments the action falls back to none: not news
  s.protest.action = ForceAction::none;
  h.observe(s);
  s.time = 600;
  s.protest.level = CrowdLevel::molotov;
  s.protest.action = ForceAction::lethal_force;
  h.observe(s);
  s.time = 700;
  s.protest.live = false;
  h.observe(s);
  const auto log = h.log_tail(700, 10);
  REQUIRE(log.size() == 5);
  CHECK(log[0].text == "protest: stone throwing");
  CHECK(log[0].alert);
  CHECK(log[0].time == 300);
  CHECK(log[1].text == "ROE: tear gas");
  CHECK_FALSE(log[1].alert);
  CHECK(log[2].text == "protest: molotov");
  CHECK(log[3].text == "ROE: lethal force");
  CHECK(log[3].alert);
  CHECK(log[4].text == "protest #2 over");
}

TEST_CASE("a protest that begins between two snapshots is logged with its rung and the force's step", "[render][history][protest]") {
  render::ViewHistory h;
  camp::WorldSnapshot s = at(0, 1, 1, 0.9);
  h.observe(s);
  s.time = 60;
  s.protest.live = true;
  s.protest.id = 5;
  s.protest.level = camp::protest::CrowdLevel::gathering;
  s.protest.action = camp::protest::ForceAction::warn;
  h.observe(s);
  const auto log = h.log_tail(60, 10);
  REQUIRE(log.size() == 2);
  CHECK(log[0].text == "protest #5 at the gate: gathering");
  CHECK(log[1].text == "ROE: warn");
}
