// Rounds hit what is not a person: ambulances where they stand, the hospital's footprint.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/camp/strike_effects.hpp"
#include "tests/camp/medical/chain_fixture.hpp"

using namespace campsim;
using namespace campsim::camp;
using namespace campsim::camp::test;

namespace {

// The straight road with a 100 m x 110 m hospital around its door at (0, 0).
CampLayout road_with_hospital() {
  CampLayout layout = straight_road();
  Zone hospital;
  hospital.name = "hospital";
  hospital.kind = ZoneKind::Hospital;
  hospital.polygon = {{-50, -60}, {50, -60}, {50, 50}, {-50, 50}};
  layout.zones.push_back(hospital);
  return layout;
}

}  // namespace

TEST_CASE("the beds a strike takes are its lethal area's share of the hospital, by hand", "[world][strike]") {
  HospitalParams h;  // 2 tables, 4 ICU beds, 20 ward beds
  // Lethal area 1,100 m2 on an 11,000 m2 footprint: a tenth: 0.4 ICU beds -> 0, 2 ward beds.
  const StrikeDamage tenth = hospital_damage(h, 11000, std::sqrt(1100 / std::numbers::pi));
  CHECK(tenth.operating_tables == 1);
  CHECK(tenth.icu_beds == 0);
  CHECK(tenth.ward_beds == 2);
  // A lethal circle larger than the footprint takes every bed, and still one table.
  const StrikeDamage all = hospital_damage(h, 11000, 100);
  CHECK(all.icu_beds == 4);
  CHECK(all.ward_beds == 20);
  CHECK(all.operating_tables == 1);
  CHECK_FALSE(hospital_damage(h, 0, 10).any());
}

TEST_CASE("a round on the ambulance station takes the ambulance and part of the hospital: one far away, nothing",
          "[world][strike]") {
  const CampLayout layout = road_with_hospital();
  const QrfParams qrf{};
  MedicalParams p = fixed_chain();  // one ambulance, at the hospital door (0, 0)
  MedicalChain chain(p, layout, resolve_medical_sites(p, layout), qrf, day_config());
  engine::EventQueue queue;
  chain.start(queue);

  // 500 m down the road, a 20 m radius reaches neither the ambulance nor the hospital.
  CHECK_FALSE(strike_medical_means(chain, layout, p.hospital, {500, 0}, 20, 60, queue).any());
  REQUIRE(chain.vehicles_at(60).at(0).state == VehicleState::AtBase);

  // 15 m from the door, a 20 m radius: the ambulance (at the door) and the hospital.
  const StrikeDamage d = strike_medical_means(chain, layout, p.hospital, {15, 0}, 20, 120, queue);
  CHECK(d.ambulances == 1);
  CHECK(d.operating_tables == 1);
  // pi * 20^2 = 1,257 m2 of 11,000: 0.114 of the beds: 0 of 4 ICU, 2 of 20 ward.
  CHECK(d.icu_beds == 0);
  CHECK(d.ward_beds == 2);
  CHECK(chain.vehicles_at(120).at(0).state == VehicleState::OutOfService);
  // An ambulance already out of service is not lost twice.
  CHECK(strike_medical_means(chain, layout, p.hospital, {0, 200}, 10, 180, queue).ambulances == 0);
}

TEST_CASE("a vehicle bomb's blast reaches the ambulances waiting at the gate when it goes off", "[world][strike]") {
  // Ambulances stationed at the main gate; vehicle bombs every other day with a lethal radius of
  // 564 m (1 km2: a deliberately huge charge), so a bomb stopped short of the gate still reaches them.
  const LoadedScenario loaded = load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/policies/ambulance_at_main_gate.yaml",
                                              {"threats.vehicle_bomb.arrivals.per_day=0.5",
                                               "threats.vehicle_bomb.charge.casualty_area_m2=1000000",
                                               "threats.vehicle_bomb.charge.lethal_area_m2=1000000",
                                               "threats.indirect_fire.arrivals.per_day=0"});
  RunOptions options;
  options.duration = 10 * engine::kDay;
  const RunResult r = run_scenario(loaded.scenario, options);
  std::ostringstream jsonl;
  r.events.write_jsonl(jsonl);
  std::istringstream lines(jsonl.str());
  std::vector<double> detonations;
  std::vector<std::pair<double, long>> hits;  // (t, ambulances)
  for (std::string line; std::getline(lines, line);) {
    const auto record = nlohmann::json::parse(line);
    if (record["type"] == "incident" && record["kind"] == "vehicle_bomb" && record.contains("detonation_after_s"))
      detonations.push_back(record["t"].get<double>() + record["detonation_after_s"].get<double>());
    if (record["type"] == "medical_means_hit") hits.emplace_back(record["t"].get<double>(), record["ambulances"].get<long>());
  }
  REQUIRE_FALSE(detonations.empty());
  REQUIRE_FALSE(hits.empty());
  // The first blast takes both ambulances (they wait together at the gate), at the instant it goes
  // off; every hit is at a detonation's instant.
  CHECK(hits.front().second == 2);
  for (const auto& [t, ambulances] : hits) {
    bool at_a_detonation = false;
    for (double d : detonations) at_a_detonation = at_a_detonation || std::abs(d - t) < 1e-6;
    CHECK(at_a_detonation);
  }
  CHECK(hits.front().first == Approx(detonations.front()));
}
