// People running to bunkers on the tick engine: arrival times by hand, a queue at the door, full
// bunkers, walls, and conservation (everyone somewhere exactly once).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "sim/camp/threats/blast.hpp"
#include "tests/camp/world/world_camp.hpp"

using namespace campsim;
using namespace campsim::camp;
using engine::kHour;

namespace {

// A zone 2 m x 2 m with its lower-left corner at (x, y): its first Halton spot is (x + 1, y + 2/3).
Zone tiny_zone(double x, double y, int people) {
  return Zone{"tiny", ZoneKind::Accommodation, {{x, y}, {x + 2, y}, {x + 2, y + 2}, {x, y + 2}}, people, people, "UN"};
}

AlarmResponse run_at(double speed) { return {5, 40, speed}; }

}  // namespace

TEST_CASE("a lone runner gets in at alarm + reaction + (distance - door radius) / speed", "[world][shelter]") {
  Scenario s = testing::world_camp(0, 300, 1);
  s.layout.zones = {tiny_zone(10, 10, 1)};  // the person sits at (11, 10.667)
  s.layout.bunkers = {{"B0", {11, 10.0 + 2.0 / 3 + 100}, 50}};
  s.world.door_queue_radius_m = 3;
  testing::WorldRig rig(s);
  const SimTime alarm = 2 * kHour;  // 08:00 local: awake (before 07:00 they are asleep)
  rig.world.sound_alarm(alarm, run_at(2.0));
  rig.tick(alarm, 80);
  const PersonId runner{0};
  REQUIRE(rig.world.people_state().motion[runner.value] == Motion::Sheltered);
  // 97 m at 2 m/s after 5 s of reaction; the door is seen at the end of the tick it is reached
  // (up to one tick late), and the door is free.
  const double expected = alarm + 5 + 97 / 2.0;
  CHECK(rig.world.people_state().sheltered_at[runner.value] >= expected - 1e-6);
  CHECK(rig.world.people_state().sheltered_at[runner.value] <= expected + 1.0 + 1e-6);
}

TEST_CASE("a crowd at one door gets in one per 1 / entry rate seconds, and a full bunker sends the rest on",
          "[world][shelter]") {
  Scenario s = testing::world_camp(0, 300, 1);
  s.layout.zones = {tiny_zone(50, 50, 20)};
  s.layout.bunkers = {{"near", {51, 70}, 5}, {"far", {51, 150}, 100}};
  s.world.bunker_entry_per_s = 0.5;  // one every 2 s
  testing::WorldRig rig(s);
  rig.world.sound_alarm(0, run_at(2.0));
  rig.tick(0, 200);
  std::vector<double> near_times;
  int in_far = 0;
  for (std::uint32_t p = 0; p < 20; ++p) {
    const PersonId id{p};
    REQUIRE(rig.world.people_state().motion[id.value] == Motion::Sheltered);
    const PeopleState& state = rig.world.people_state();
    if (state.bunker_of[id.value] == BunkerId{0}) near_times.push_back(state.sheltered_at[id.value]);
    else ++in_far;
  }
  CHECK(near_times.size() == 5);
  CHECK(in_far == 15);
  CHECK(rig.world.bunker_occupancy(BunkerId{0}) == 5);
  std::sort(near_times.begin(), near_times.end());
  for (std::size_t k = 1; k < near_times.size(); ++k) CHECK(near_times[k] - near_times[k - 1] == Approx(2.0));
  // Everyone who reached the full door counted once, and went on.
  CHECK(rig.world.stats().bunker_full == 15);
}

TEST_CASE("nobody passes through the perimeter: property test over random camps and alarms", "[world][shelter]") {
  // An L-shaped (concave) camp: people in the east arm, bunkers in the north arm, so the straight
  // line to the bunker leaves the camp and the wall must stop them.
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    engine::RandomStream rng(engine::StreamKey{seed, 0, engine::purpose_tag("wall_test"), 0, 0});
    Scenario s = testing::world_camp(0, 300, 1);
    s.layout.perimeter = {{0, 0}, {300, 0}, {300, 100}, {100, 100}, {100, 300}, {0, 300}};
    const double x = rng.uniform(150, 270), y = rng.uniform(10, 80);
    s.layout.zones = {Zone{"east", ZoneKind::Accommodation, {{x, y}, {x + 20, y}, {x + 20, y + 15}, {x, y + 15}},
                           40, 40, "UN"}};
    s.layout.bunkers = {{"north", {rng.uniform(10, 90), rng.uniform(200, 290)}, 1000}};
    testing::WorldRig rig(s);
    rig.world.sound_alarm(0, run_at(rng.uniform(1, 4)));
    for (int t = 0; t < 300; ++t) {
      rig.tick(t, 1);
      for (const PersonView& v : rig.world.people_views(t + 1)) {
        if (v.activity == PersonActivity::OffCamp) continue;
        INFO("seed " << seed << " t " << t << " person " << v.id << " at " << v.position.x << "," << v.position.y);
        REQUIRE(contains(s.layout.perimeter, v.position));
      }
    }
  }
}

TEST_CASE("conservation: at every tick of an alarm everyone is somewhere exactly once", "[world][shelter]") {
  Scenario s = testing::world_camp(150, 200, 3);
  s.layout.bunkers = {{"B0", {40, 140}, 60}, {"B1", {150, 150}, 60}};
  testing::WorldRig rig(s);
  const std::size_t n = rig.world.population().size();
  REQUIRE(n == 153);
  rig.world.sound_alarm(10, run_at(3));
  for (int t = 10; t < 400; ++t) {
    rig.tick(t, 1);
    const auto views = rig.world.people_views(t + 1);
    REQUIRE(views.size() == n);
    std::set<std::uint32_t> ids;
    int sheltered = 0;
    for (const PersonView& v : views) {
      ids.insert(v.id);
      sheltered += v.activity == PersonActivity::Sheltered ? 1 : 0;
    }
    REQUIRE(ids.size() == n);
    REQUIRE(sheltered == rig.world.bunker_occupancy(BunkerId{0}) + rig.world.bunker_occupancy(BunkerId{1}));
    REQUIRE(sheltered <= 120);
  }
  // 153 people (the sentry holds the post), 120 places: 32 found both bunkers full.
  CHECK(rig.world.bunker_occupancy(BunkerId{0}) + rig.world.bunker_occupancy(BunkerId{1}) == 120);
  CHECK(rig.world.stats().stranded == 32);
  rig.world.all_clear(400);
  CHECK_FALSE(rig.world.wants_ticks());  // walking back costs no ticks
  CHECK(rig.world.bunker_occupancy(BunkerId{0}) == 0);
  int returning = 0;
  for (std::uint32_t p = 0; p < n; ++p) returning += rig.world.motion_of(PersonId{p}, 401) == Motion::Returning ? 1 : 0;
  CHECK(returning == 152);
  // The farthest walk back is from the far bunker to the lines: under 200 m at 1.34 m/s.
  for (std::uint32_t p = 0; p < n; ++p) CHECK(rig.world.motion_of(PersonId{p}, 400 + 200 / 1.34) == Motion::Scheduled);
}

TEST_CASE("the clock keeps ticking while a door has a queue, after the last runner has arrived", "[world][shelter]") {
  Scenario s = testing::world_camp(0, 300, 1);
  s.layout.zones = {tiny_zone(50, 50, 10)};
  s.layout.bunkers = {{"B", {51, 70}, 100}};
  s.world.bunker_entry_per_s = 0.1;  // one every 10 s: the queue outlasts the run (about 10 s)
  testing::WorldRig rig(s);
  rig.world.sound_alarm(0, run_at(2.0));
  int t = 0;
  bool queue_without_runners = false;
  for (; t < 1000 && rig.world.wants_ticks(); ++t) {
    rig.tick(t, 1);
    int moving = 0, queued = 0;
    for (std::uint32_t p = 0; p < 10; ++p) {
      moving += rig.world.people_state().motion[p] == Motion::Moving ? 1 : 0;
      queued += rig.world.people_state().motion[p] == Motion::Queued ? 1 : 0;
    }
    queue_without_runners = queue_without_runners || (moving == 0 && queued > 0);
  }
  CHECK(queue_without_runners);  // the case this test is about did happen
  std::vector<double> in_at;
  for (std::uint32_t p = 0; p < 10; ++p) {
    REQUIRE(rig.world.people_state().motion[p] == Motion::Sheltered);
    in_at.push_back(rig.world.people_state().sheltered_at[p]);
  }
  std::sort(in_at.begin(), in_at.end());
  for (std::size_t k = 1; k < in_at.size(); ++k) CHECK(in_at[k] - in_at[k - 1] == Approx(10.0));
  // The ticks stop with the last one in: nine intervals of 10 s after the first, within a tick.
  CHECK(t <= in_at.back() + 1.0);
  CHECK_FALSE(rig.world.wants_ticks());
}

TEST_CASE("sentries are exposed with their post's protection: tower cabin and gate booth a container, "
          "a patrol open on foot and in its vehicle when mounted",
          "[world][effects]") {
  struct Case {
    PostKind kind;
    bool mounted;
    Protection expected;
  };
  for (const Case c : {Case{PostKind::Tower, false, Protection::Container}, Case{PostKind::Gate, false, Protection::Container},
                       Case{PostKind::Patrol, false, Protection::Open}, Case{PostKind::Patrol, true, Protection::Vehicle}}) {
    Scenario s = testing::world_camp(0, 300, 1);
    Post& post = s.guards.posts.front();
    post.kind = c.kind;
    post.mounted = c.mounted;
    if (c.kind == PostKind::Gate) post.at = "gate";
    if (c.kind == PostKind::Patrol) post.route = {"a", "b"};
    testing::WorldRig rig(s);
    int sentries = 0;
    for (const Person& p : rig.world.people_at(60)) {
      if (!p.sentry) continue;
      ++sentries;
      CHECK(p.protection == c.expected);
    }
    CHECK(sentries == 1);
  }
}

TEST_CASE("aboard a vehicle the blast's areas shrink by the vehicle factor", "[world][effects]") {
  const BlastEffect charge{2500, 20000};
  ProtectionFactors f;
  f.vehicle = 0.8;
  // Carleton: P(kill at d) = exp(-pi d^2 / (A_lethal * factor)); at 20 m, 2,000 m^2: exp(-0.6283).
  CHECK(kill_probability(charge, 20, f.factor(Protection::Vehicle)) == Approx(std::exp(-std::numbers::pi * 400 / 2000)));
  CHECK(kill_probability(charge, 20, f.factor(Protection::Vehicle)) < kill_probability(charge, 20, f.factor(Protection::Open)));
  CHECK(kill_probability(charge, 20, f.factor(Protection::Vehicle)) > kill_probability(charge, 20, f.factor(Protection::Container)));
  CHECK(protection_name(Protection::Vehicle) == "vehicle");
}

TEST_CASE("after an alarm a person keeps their container's cover until they set off, then is in the open",
          "[world][shelter]") {
  Scenario s = testing::world_camp(0, 300, 1);
  s.layout.zones = {tiny_zone(10, 10, 1)};  // accommodation: under a roof
  s.layout.bunkers = {{"B0", {11, 10.0 + 2.0 / 3 + 100}, 50}};
  testing::WorldRig rig(s);
  const SimTime alarm = 2 * kHour;  // 08:00 local: awake, reaction 5 s (run_at)
  // The zone's one occupant is person 0 (world_camp's sentry comes after).
  auto cover_at = [&](SimTime t) {
    for (const Person& p : rig.world.people_at(t))
      if (p.person == PersonId{0}) return p.protection;
    FAIL("person 0 is not in the camp");
    return Protection::Hardened;
  };
  CHECK(cover_at(alarm) == Protection::Container);
  rig.world.sound_alarm(alarm, run_at(2.0));
  rig.tick(alarm, 3);  // 3 s into a 5 s reaction: still at home
  CHECK(rig.world.people_state().motion[0] == Motion::Moving);
  CHECK(cover_at(alarm + 3) == Protection::Container);
  rig.tick(alarm + 3, 10);  // set off at alarm + 5: running in the open
  CHECK(rig.world.people_state().motion[0] == Motion::Moving);
  CHECK(cover_at(alarm + 13) == Protection::Open);
}

TEST_CASE("with no bunker to go to a person stays under their own roof", "[world][shelter]") {
  Scenario s = testing::world_camp(0, 300, 1);
  s.layout.zones = {tiny_zone(10, 10, 1)};
  s.layout.bunkers = {};
  testing::WorldRig rig(s);
  const SimTime alarm = 2 * kHour;
  rig.world.sound_alarm(alarm, run_at(2.0));
  rig.tick(alarm, 20);
  CHECK(rig.world.people_state().motion[0] == Motion::Stranded);
  int seen = 0;
  for (const Person& p : rig.world.people_at(alarm + 20))
    if (p.person == PersonId{0}) {
      ++seen;
      CHECK(p.protection == Protection::Container);
    }
  CHECK(seen == 1);
}
