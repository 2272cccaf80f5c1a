// A person with a unit (a QRF member in a fight) is where the unit has him: seen there by the
// threats, left there by the alarm and the all-clear, hit there, and walking back when released
// at walking speed, as after an all-clear.
#include <catch2/catch.hpp>

#include <cmath>

#include "tests/camp/world/world_camp.hpp"

using namespace campsim;
using namespace campsim::camp;
using engine::kHour;

namespace {

const Person* find(const std::vector<Person>& people, PersonId id) {
  for (const Person& p : people)
    if (p.person == id) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("a person with a unit is where the unit has him, in the open, through an alarm and an all-clear", "[world][unit]") {
  Scenario s = testing::world_camp(0, 300, 1);
  s.layout.zones = {Zone{"tiny", ZoneKind::Accommodation, {{10, 10}, {12, 10}, {12, 12}, {10, 12}}, 1, 1, "UN"}};
  s.layout.bunkers = {{"B0", {11, 60}, 50}};
  testing::WorldRig rig(s);
  const PersonId member{0};
  const SimTime t = 2 * kHour;
  const Point home = rig.world.position_of(member, t);
  rig.world.with_unit(member, {200, 300});
  const std::vector<Person> people = rig.world.people_at(t);
  const Person* seen = find(people, member);
  REQUIRE(seen != nullptr);
  CHECK(seen->position.x == 200);
  CHECK(seen->position.y == 300);
  CHECK(seen->protection == Protection::Open);
  // The unit moves him; the alarm does not send him to a bunker, nor the all-clear home.
  rig.world.with_unit(member, {230, 340});
  rig.world.sound_alarm(t, AlarmResponse{});
  CHECK(rig.world.people_state().motion[member.value] == Motion::WithUnit);
  rig.world.all_clear(t + 60);
  CHECK(rig.world.people_state().motion[member.value] == Motion::WithUnit);
  CHECK(rig.world.position_of(member, t + 60).x == 230);
  // The kept census hears of it: it equals a recount (check_census throws otherwise).
  rig.world.check_census(true);
  CHECK_NOTHROW(rig.world.census(t + 60));
  // Released at t + 100: walks from (230, 340) to his place in a straight line, at the walking speed.
  rig.world.released_from_unit(member, t + 100);
  const double d = std::hypot(230 - home.x, 340 - home.y);
  const SimTime home_at = t + 100 + d / s.world.walk_speed_mps;
  const Point half = rig.world.position_of(member, t + 100 + d / s.world.walk_speed_mps / 2);
  CHECK(half.x == Approx((230 + home.x) / 2));
  CHECK(half.y == Approx((340 + home.y) / 2));
  CHECK(rig.world.motion_of(member, home_at + 1) == Motion::Scheduled);
}

TEST_CASE("a person hit while with a unit stays where he was hit and is not placed again", "[world][unit]") {
  Scenario s = testing::world_camp(0, 300, 1);
  s.layout.zones = {Zone{"tiny", ZoneKind::Accommodation, {{10, 10}, {12, 10}, {12, 12}, {10, 12}}, 1, 1, "UN"}};
  testing::WorldRig rig(s);
  const PersonId member{0};
  const SimTime t = 2 * kHour;
  rig.world.with_unit(member, {200, 300});
  Casualty c{0, 0, t, {201, 301}, Cause::Gunfire, Triage::Delayed, "UN", true};
  c.person = member;
  rig.world.apply_casualty(c);
  rig.world.with_unit(member, {250, 350});  // the fight still lists him: he is not moved
  CHECK(rig.world.people_state().motion[member.value] == Motion::Scheduled);
  CHECK(rig.world.position_of(member, t + 10).x == 201);
  rig.world.released_from_unit(member, t + 20);
  CHECK(rig.world.position_of(member, t + 30).x == 201);
}
