// The population: built from the layout's zone counts, with places that follow the schedule.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/human_factors.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/camp/world/population.hpp"
#include "tests/camp/world/world_camp.hpp"

using namespace campsim;
using namespace campsim::camp;
using engine::kHour;

namespace {

CampLayout two_zone_layout() {
  CampLayout layout;
  layout.perimeter = {{0, 0}, {500, 0}, {500, 500}, {0, 500}};
  Zone lines{"lines", ZoneKind::Accommodation, {{0, 0}, {100, 0}, {100, 100}, {0, 100}}, 10, 50, "UN"};
  Zone works{"works", ZoneKind::Logistics, {{200, 200}, {300, 200}, {300, 300}, {200, 300}}, 30, 5, "UN"};
  layout.zones = {lines, works};
  return layout;
}

int count_in_zone(const Population& pop, const DailySchedule& s, SimTime tod, std::uint32_t zone) {
  int n = 0;
  for (const PersonRecord& p : pop.people()) n += scheduled_place(p, s, tod).zone == ZoneId{zone} ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("zone counts by day and night are the layout's, by construction", "[world][population]") {
  // Worked by hand: 50 residents; 30 day and 5 night workers for the yard come from them; at
  // home by day 15 off duty + 5 night workers asleep = 20, but the lines hold 10 by day, so 10
  // are out of camp. Night: 50 - 5 = 45 in the lines, 5 in the yard.
  const CampLayout layout = two_zone_layout();
  const Population pop(layout, "CHN", 0);  // no CHN lines: the guards live nowhere here
  const DailySchedule s;
  REQUIRE(pop.size() == 50);
  CHECK(count_in_zone(pop, s, 12 * kHour, 0) == 10);
  CHECK(count_in_zone(pop, s, 12 * kHour, 1) == 30);
  CHECK(count_in_zone(pop, s, 2 * kHour, 0) == 45);
  CHECK(count_in_zone(pop, s, 2 * kHour, 1) == 5);
  int off = 0;
  for (const PersonRecord& p : pop.people()) off += scheduled_place(p, s, 12 * kHour).activity == PersonActivity::OffCamp;
  CHECK(off == 10);
}

TEST_CASE("guards live in their force's lines in place of as many residents", "[world][population]") {
  CampLayout layout = two_zone_layout();
  layout.zones[0].contingent = "CHN";
  layout.zones[1].contingent = "CHN";
  Population pop(layout, "CHN", 20);
  CHECK(pop.size() == 30);  // 50 night occupants, 20 of them guards still to come
  for (int i = 0; i < 20; ++i) pop.add_guard(i);
  CHECK(pop.size() == 50);
  const PersonRecord& guard = pop[PersonId{49}];
  CHECK(guard.role == PersonRole::Guard);
  CHECK(guard.home == ZoneId{0});
  CHECK(contains(layout.zones[0].polygon, guard.home_spot));
}

TEST_CASE("the schedule: day workers at work 07-19, asleep 22-07: night workers the other way", "[world][population]") {
  PersonRecord day;
  day.shift = Shift::Day;
  day.home = ZoneId{0};
  day.work = ZoneId{1};
  day.home_spot = {1, 1};
  day.work_spot = {2, 2};
  PersonRecord night = day;
  night.shift = Shift::Night;
  const DailySchedule s;
  CHECK(scheduled_place(day, s, 6.99 * kHour).activity == PersonActivity::Asleep);
  CHECK(scheduled_place(day, s, 7 * kHour).activity == PersonActivity::AtWork);
  CHECK(scheduled_place(day, s, 18.5 * kHour).zone == ZoneId{1});
  CHECK(scheduled_place(day, s, 19 * kHour).activity == PersonActivity::AtHome);
  CHECK(scheduled_place(day, s, 23 * kHour).activity == PersonActivity::Asleep);
  CHECK(scheduled_place(night, s, 23 * kHour).activity == PersonActivity::AtWork);
  CHECK(scheduled_place(night, s, 9 * kHour).activity == PersonActivity::Asleep);
  CHECK(scheduled_place(night, s, 16 * kHour).activity == PersonActivity::AtHome);
  CHECK(scheduled_place(night, s, 16 * kHour).position.x == 1);
}

TEST_CASE("scheduled_off_camp says off the camp exactly when scheduled_place does", "[world][population]") {
  // The census asks scheduled_off_camp with the working hours worked out once per sample; it must
  // agree with scheduled_place for every shift at every time of day, the window's edges included.
  const DailySchedule s;
  PersonRecord person;
  person.work = ZoneId{1};
  int off = 0;
  for (Shift shift : {Shift::Day, Shift::Night, Shift::Home, Shift::OffCamp, Shift::Roster}) {
    person.shift = shift;
    for (double minute = 0; minute < 24 * 60; minute += 0.5) {
      const double tod = minute * 60;
      const bool working_hours = campsim::camp::in_daily_window(tod, s.work_from, s.work_to);
      const bool by_place = scheduled_place(person, s, tod).activity == PersonActivity::OffCamp;
      CHECK(scheduled_off_camp(shift, working_hours) == by_place);
      off += by_place ? 1 : 0;
    }
    for (double tod : {s.work_from, s.work_to, s.work_from - 1e-9, s.work_to - 1e-9})
      CHECK(scheduled_off_camp(shift, campsim::camp::in_daily_window(tod, s.work_from, s.work_to)) ==
            (scheduled_place(person, s, tod).activity == PersonActivity::OffCamp));
  }
  CHECK(off == 12 * 60 * 2);  // the off-camp workers, 07:00-19:00 in half minutes: the loop saw them
}

namespace {

// Every field of every person, the contingents and the next guards' beds (which hang on the
// Halton indices handed out so far): two populations that pass are the same people.
void check_same_people(Population a, Population b) {
  REQUIRE(a.size() == b.size());
  CHECK(a.contingents() == b.contingents());
  CHECK(a.guard_home() == b.guard_home());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const PersonRecord& p = a.people()[i];
    const PersonRecord& q = b.people()[i];
    INFO("person " << i);
    CHECK(p.role == q.role);
    CHECK(p.shift == q.shift);
    CHECK(p.condition == q.condition);
    CHECK(p.contingent == q.contingent);
    CHECK(p.home == q.home);
    CHECK(p.work == q.work);
    CHECK((p.home_spot.x == q.home_spot.x && p.home_spot.y == q.home_spot.y));
    CHECK((p.work_spot.x == q.work_spot.x && p.work_spot.y == q.work_spot.y));
    CHECK(p.soldier == q.soldier);
  }
  for (int soldier = 0; soldier < 5; ++soldier) {
    const PersonRecord& g = a[a.add_guard(soldier)];
    const PersonRecord& h = b[b.add_guard(soldier)];
    CHECK((g.home_spot.x == h.home_spot.x && g.home_spot.y == h.home_spot.y));
    CHECK(g.contingent == h.contingent);
  }
}

}  // namespace

TEST_CASE("a population remembered per layout is the freshly built one, and another layout gets its own", "[world][population]") {
  CampLayout layout = two_zone_layout();
  layout.zones[0].contingent = "CHN";  // the guards' lines, so add_guard hands out beds
  const Population first = Population::for_layout(layout, "CHN", 4);  // builds and remembers
  const Population again = Population::for_layout(layout, "CHN", 4);  // copies
  check_same_people(Population(layout, "CHN", 4), first);
  check_same_people(Population(layout, "CHN", 4), again);

  // Each thing the constructor reads, changed: a fresh build, not the remembered one.
  CampLayout more = layout;
  more.zones[1].occupants_day = 25;
  CampLayout moved = layout;
  moved.zones[0].polygon[2].x = 120;
  CampLayout other_lines = layout;
  other_lines.zones[1].contingent = "UN2";
  check_same_people(Population(more, "CHN", 4), Population::for_layout(more, "CHN", 4));
  check_same_people(Population(moved, "CHN", 4), Population::for_layout(moved, "CHN", 4));
  check_same_people(Population(other_lines, "CHN", 4), Population::for_layout(other_lines, "CHN", 4));
  check_same_people(Population(layout, "CHN", 7), Population::for_layout(layout, "CHN", 7));
  check_same_people(Population(layout, "UN", 4), Population::for_layout(layout, "UN", 4));
  CHECK(Population::for_layout(more, "CHN", 4).size() == Population(more, "CHN", 4).size());
}

TEST_CASE("the run's people by role count the population's roles by name, in alphabetical order", "[world][population]") {
  // The reference is the plain count: every person's role name into a map ordered by name.
  const Scenario s = load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario;
  Population people = Population::for_layout(s.layout, s.guards.force.contingent, s.guards.force.guard_pool);
  for (int soldier = 0; soldier < s.guards.force.guard_pool; ++soldier) people.add_guard(soldier);  // as the world does
  std::map<std::string, long> expected;
  for (const PersonRecord& p : people.people()) ++expected[std::string(person_role_name(p.role))];
  REQUIRE(expected.size() >= 3);  // several roles, so the order is really tested

  RunOptions options;
  options.duration = kHour;
  const nlohmann::ordered_json by_role = run_scenario(s, options).metrics["world"]["people_by_role"];
  REQUIRE(by_role.size() == expected.size());
  auto want = expected.begin();
  for (const auto& [role, count] : by_role.items()) {
    CHECK(role == want->first);
    CHECK(count.get<long>() == want->second);
    ++want;
  }
}

TEST_CASE("the schedule's clock: which windows a time of day falls in, hour by hour", "[world][population]") {
  const DailySchedule s;  // work 07-19, lights out 22, night workers asleep 07-15
  struct Expect { double hour; bool working, night_asleep, night_shift_asleep; };
  for (const Expect& e : {Expect{0, false, true, false}, Expect{6.99, false, true, false}, Expect{7, true, false, true},
                          Expect{14.99, true, false, true}, Expect{15, true, false, false}, Expect{18.99, true, false, false},
                          Expect{19, false, false, false}, Expect{21.99, false, false, false}, Expect{22, false, true, false},
                          Expect{23.5, false, true, false}}) {
    INFO("hour " << e.hour);
    const ScheduleClock clock = schedule_clock(s, e.hour * kHour);
    CHECK(clock.working_hours == e.working);
    CHECK(clock.night_asleep == e.night_asleep);
    CHECK(clock.night_shift_asleep == e.night_shift_asleep);
  }
}

TEST_CASE("a snapshot shows everyone where the schedule has them at the snapshot's local time, at the windows' edges",
          "[world][population]") {
  // The snapshot works the schedule's windows out once for everyone: it must be at the snapshot's
  // time, from the run's local start time. The camp starts at 06:00 (small_camp), so t = 1 h - 1 s
  // is 06:59:59 (the yard's 30 day workers asleep at home), t = 1 h is 07:00 (at work), t = 13 h is
  // 19:00 (home, awake), t = 16 h is 22:00 (lights out: asleep).
  Scenario s = testing::world_camp(0);
  s.layout.zones = {Zone{"lines", ZoneKind::Accommodation, {{0, 0}, {100, 0}, {100, 100}, {0, 100}}, 10, 50, "UN"},
                    Zone{"works", ZoneKind::Logistics, {{100, 100}, {190, 100}, {190, 190}, {100, 190}}, 30, 5, "UN"}};
  REQUIRE(s.meta.start_time_of_day == 6 * kHour);
  testing::WorldRig rig(s);
  const auto count = [&](SimTime t, PersonActivity activity) {
    int n = 0;
    for (const PersonView& v : rig.world.people_views(t)) n += v.role != PersonRole::Guard && v.activity == activity ? 1 : 0;
    return n;
  };
  // The 50 residents of the two-zone layout above: 30 day and 5 night workers, 10 off the camp by day.
  CHECK(count(1 * kHour - 1, PersonActivity::AtWork) == 5);      // 06:59:59: the night shift
  CHECK(count(1 * kHour - 1, PersonActivity::Asleep) == 45);
  CHECK(count(1 * kHour - 1, PersonActivity::OffCamp) == 0);
  CHECK(count(1 * kHour, PersonActivity::AtWork) == 30);          // 07:00: the day shift
  CHECK(count(1 * kHour, PersonActivity::OffCamp) == 10);
  CHECK(count(13 * kHour - 1, PersonActivity::AtWork) == 30);     // 18:59:59
  CHECK(count(13 * kHour, PersonActivity::AtWork) == 5);          // 19:00
  CHECK(count(13 * kHour, PersonActivity::AtHome) == 45);
  CHECK(count(16 * kHour, PersonActivity::Asleep) == 45);         // 22:00
  CHECK(count(24 * kHour + 1 * kHour, PersonActivity::AtWork) == 30);  // 07:00 the next day
  // One person asked alone sees the same as in the snapshot.
  const std::vector<PersonView> views = rig.world.people_views(1 * kHour);
  for (const PersonView& v : views) {
    const PersonView alone = rig.world.view_of(PersonId{v.id}, 1 * kHour);
    CHECK(alone.activity == v.activity);
    CHECK(alone.position.x == v.position.x);
    CHECK(alone.position.y == v.position.y);
  }
}
