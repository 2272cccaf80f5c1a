// The census's kept counts (census_keeper.hpp) against a recount of every person: whole runs with
// alarms, casualties, the medical chain in and out of the loop and a rotation, checked at every
// sample; and the keeper's own rules on a population whose states are set by hand.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/world/census_keeper.hpp"
#include "tests/camp/world/world_camp.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_world_test_census_kept {

using namespace campsim;
using engine::kDay;
using engine::kHour;

namespace {

// The high-threat year's attacks, plus warned salvos that send everyone in camp to the bunkers:
// one at 06:50, so that the off-camp workers run and then walk back home in working hours (in
// the camp until they arrive, away after), one by day and one by night.
camp::Scenario high_threat(const std::vector<std::string>& overrides) {
  camp::Scenario s =
      camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_high_threat.yaml", overrides).scenario;
  REQUIRE(s.meta.start_time_of_day == 0);  // the salvos' times below are local times
  s.threats.indirect_fire.arrivals.scripted = {2 * kDay + 6 * kHour + 50 * engine::kMinute, 5 * kDay + 14 * kHour,
                                               9 * kDay + 2 * kHour};
  s.threats.indirect_fire.detection_probability = 1;
  return s;
}

// Runs with the check on: any sample whose kept counts differ from the recount throws.
camp::RunResult checked_run(const camp::Scenario& s, double days) {
  camp::RunOptions options;
  options.seed = 3;
  options.duration = days * kDay;
  options.check_census = true;
  return camp::run_scenario(s, options);
}

long people_hurt(const camp::RunResult& r) {
  long hurt = 0;
  for (const camp::Casualty& c : r.casualties) hurt += c.person ? 1 : 0;
  return hurt;
}

bool same(const camp::Census& a, const camp::Census& b) {
  return a.present == b.present && a.away == b.away && a.sheltering == b.sheltering &&
         a.wounded_in_care == b.wounded_in_care && a.evacuated == b.evacuated && a.dead == b.dead;
}

}  // namespace

TEST_CASE("kept census counts equal a recount at every sample: alarms, casualties, care in the loop, a rotation",
          "[world][census]") {
  // The incoming unit arrives on day 3, so the outgoing one leaves its posts mid-run.
  const camp::Scenario s = high_threat({"guards.rotation.first_in=3d"});
  REQUIRE(s.medical.enabled);
  const camp::RunResult r = checked_run(s, 40);  // throws at the first sample that disagrees
  // Not vacuous: every kind of change the census has to hear of happened.
  CHECK(r.metrics["world"]["shelter_runs"].get<double>() > 0);
  CHECK(people_hurt(r) > 0);
  const auto& left_care = r.metrics["world"]["left_care"];
  CHECK(left_care["returned_to_duty"].get<long>() + left_care["evacuated_l3"].get<long>() +
            left_care["died_of_wounds"].get<long>() >
        0);
  CHECK(r.metrics["guards"]["force"]["rotations"].get<long>() >= 1);
}

TEST_CASE("kept census counts equal a recount at every sample when the wounded are off for assumed days",
          "[world][census]") {
  // Without the chain in the loop a wound ends at a known instant: the keeper's heap of ends.
  const camp::Scenario s = high_threat({"medical.enabled=false"});
  const camp::RunResult r = checked_run(s, 40);
  CHECK(people_hurt(r) > 0);
  CHECK(r.metrics["world"]["shelter_runs"].get<double>() > 0);
}

TEST_CASE("the census by hand: kept counts follow alarms, walks back, casualties and an earlier instant",
          "[world][census]") {
  // Everyone at home all day in a hand-built camp: 40 residents and 3 guards, one bunker.
  const camp::Scenario s = testing::world_camp(40);
  testing::WorldRig rig(s);
  camp::World& world = rig.world;
  const auto check_at = [&](double t) {
    INFO("t = " << t);
    const camp::Census full = world.census_recount(t);
    CHECK(same(world.census(t), full));
    CHECK(full.total() == static_cast<long>(world.population().size()));
  };
  check_at(0);
  camp::AlarmResponse alarm;
  world.sound_alarm(10, alarm);
  check_at(10);
  CHECK(world.census_recount(10).sheltering > 0);
  rig.tick(10, 120);
  check_at(130);
  world.all_clear(200);
  check_at(200);
  check_at(201);
  check_at(4 * kHour);  // every walk back has ended
  camp::Casualty hurt;
  hurt.person = camp::PersonId{5};
  hurt.time = 5 * kHour;
  hurt.triage = camp::Triage::Delayed;
  world.apply_casualty(hurt);
  check_at(5 * kHour);
  CHECK(world.census_recount(5 * kHour).wounded_in_care == 1);
  check_at(40 * kDay);  // past the assumed days off: back on duty
  CHECK(world.census_recount(40 * kDay).wounded_in_care == 0);
  // An instant before the last census is recounted, not read from counts already moved on.
  CHECK(same(world.census(3 * kHour), world.census_recount(3 * kHour)));
}

namespace {

// A population set by hand: each person's place, days off and whether watched.
struct HandPeople {
  std::vector<camp::CensusPlace> place;
  std::vector<double> wounded_until;  // wounded in care before this instant, present after
  std::vector<bool> watched;
  camp::CensusPlacement operator()(std::uint32_t p, double t) const {
    if (t < wounded_until[p]) return {camp::CensusPlace::WoundedInCare, wounded_until[p]};
    return {place[p], engine::kNever, watched[p]};
  }
};

}  // namespace

TEST_CASE("the census keeper places a person again when touched, watched, or when the placement runs out",
          "[world][census]") {
  HandPeople people{{camp::CensusPlace::Present, camp::CensusPlace::OffCampByHours, camp::CensusPlace::Present,
                     camp::CensusPlace::Dead},
                    {-engine::kNever, -engine::kNever, 100.0, -engine::kNever},
                    {false, false, false, true}};
  camp::CensusKeeper keeper;
  keeper.grow(4);
  const camp::CensusKeeper::Placer place = [&people](std::uint32_t p, double t) { return people(p, t); };

  // Working hours: the off-camp worker is away; person 2 is wounded until 100.
  camp::Census c = keeper.count_at(0, true, place);
  CHECK(c.present == 1);
  CHECK(c.away == 1);
  CHECK(c.wounded_in_care == 1);
  CHECK(c.dead == 1);
  // Out of working hours the same worker is present, without being placed again.
  c = keeper.count_at(50, false, place);
  CHECK(c.present == 2);
  CHECK(c.away == 0);
  // At 100 the wound is over: person 2 is placed again by the heap of ends.
  c = keeper.count_at(100, false, place);
  CHECK(c.wounded_in_care == 0);
  CHECK(c.present == 3);
  // A change nobody reports is missed unless the person is touched...
  people.place[0] = camp::CensusPlace::Sheltering;
  CHECK(keeper.count_at(110, false, place).sheltering == 0);
  keeper.touch(0);
  CHECK(keeper.count_at(120, false, place).sheltering == 1);
  // ... or watched: person 3's placement is taken again at every census.
  people.place[3] = camp::CensusPlace::Away;
  c = keeper.count_at(130, false, place);
  CHECK(c.dead == 0);
  CHECK(c.away == 1);
  // Joining persons are counted from the next census.
  people.place.push_back(camp::CensusPlace::Evacuated);
  people.wounded_until.push_back(-engine::kNever);
  people.watched.push_back(false);
  keeper.grow(5);
  c = keeper.count_at(140, false, place);
  CHECK(c.evacuated == 1);
  CHECK(c.total() == 5);
}

}  // namespace unity_camp_world_test_census_kept
