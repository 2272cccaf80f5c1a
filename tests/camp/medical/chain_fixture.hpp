#pragma once
// A straight road and a medical chain with every delay fixed, so timelines can be worked out by
// hand: hospital door at x = 0, main gate at x = 2000, a junction at x = 1000, all on y = 0.
#include <variant>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"

namespace campsim::camp::test {

// Hears the chain's care exits (CareExit), as the camp's router would hand them to the world.
struct CareExitsHeard final : CampEvents {
  std::vector<CareExit> exits;
  void post(const CampEvent& event, engine::EventQueue&) override {
    if (const auto* exit = std::get_if<CareExit>(&event)) exits.push_back(*exit);
  }
};

inline CampLayout straight_road() {
  CampLayout layout;
  layout.perimeter = {{-100, -100}, {2100, -100}, {2100, 100}, {-100, 100}};
  layout.road_nodes = {{"hospital_door", {0, 0}}, {"junction", {1000, 0}}, {"main_gate_inner", {2000, 0}}};
  layout.road_edges = {{0, 1, 1000}, {1, 2, 1000}};
  return layout;
}

// Every delay fixed, nobody dies (survival scales of centuries), no routine patients, no flights.
inline MedicalParams fixed_chain() {
  using engine::Distribution;
  using engine::kHour;
  using engine::kMinute;
  MedicalParams p;
  p.survival.immediate = {1e6 * kHour, 1.0, 1, 1, 1};
  p.survival.delayed = p.survival.immediate;
  p.survival.minimal = p.survival.immediate;
  p.first_aid.buddy_aid_share = 1.0;
  p.first_aid.buddy_aid_delay = Distribution::fixed(60);
  p.casevac.request_delay = Distribution::fixed(120);
  p.casevac.night_unavailability_factor = 1;
  p.casevac.approval.other_nation.levels = {{"ops", Distribution::fixed(300), 0, 0},
                                            {"joc", Distribution::fixed(600), 0, 0},
                                            {"command", Distribution::fixed(900), 0, 0}};
  p.casevac.approval.same_nation.levels = {{"ops", Distribution::fixed(300), 0, 0},
                                           {"command", Distribution::fixed(200), 0, 0}};
  p.ambulances.vehicles = 1;
  p.ambulances.hospital_node = "hospital_door";
  p.ambulances.gate_node = "main_gate_inner";
  p.ambulances.capacity = 2;
  p.ambulances.standby_crews = 1;
  p.ambulances.called_in_crews = 0;
  p.ambulances.mobilization_day = 180;
  p.ambulances.mobilization_night = 180;
  p.ambulances.call_in_delay = Distribution::fixed(1200);
  p.ambulances.drive_speed_mps = 10;
  p.ambulances.loading_per_casualty = Distribution::fixed(60);
  p.ambulances.handover_at_hospital = 120;
  p.ambulances.outside_drive = Distribution::fixed(1500);
  p.hospital.triage_time = 120;
  p.hospital.resuscitation_time_immediate = Distribution::fixed(1800);
  p.hospital.resuscitation_time_delayed = Distribution::fixed(1200);
  p.hospital.minor_treatment_time = Distribution::fixed(900);
  p.care_needs.immediate.surgery = 1;
  p.care_needs.delayed.surgery = 0;
  p.hospital.surgery_time_immediate = Distribution::fixed(3600);
  p.hospital.icu_stay = Distribution::fixed(2 * engine::kDay);
  p.hospital.ward_stay = Distribution::fixed(3 * engine::kDay);
  p.routine_admissions.per_day = 0;
  p.care_needs.immediate.evacuation = 0;
  p.care_needs.delayed.evacuation = 0;
  p.air_evacuation.sandstorm_day_share = 0;
  return p;
}

inline Casualty casualty_at(int id, Point where, SimTime when, Triage triage, const char* contingent = "UN",
                            int incident = 0) {
  Casualty c;
  c.id = id;
  c.incident = incident;
  c.time = when;
  c.position = where;
  c.triage = triage;
  c.contingent = contingent;
  return c;
}

inline MedicalRunConfig day_config(SimTime end = 10 * engine::kDay) {
  return MedicalRunConfig{1, 0, 0, end};  // midnight start; casualties placed by day (06-22 h)
}

}  // namespace campsim::camp::test
