#pragma once
// Every parameter of the medical chain, from injury to surgery and onward evacuation, as plain
// structs. The YAML section `medical:` mirrors these names one for one (medical_reader.cpp);
// docs/medical/parameters.md gives each default's source or marks it ASSUMED with the reason.
#include <string>
#include <vector>

#include "sim/camp/medical/approval_chain.hpp"
#include "sim/camp/medical/survival.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

// medical.first_aid: who stops the bleeding first.
struct FirstAidParams {
  // Share of casualties with a trained comrade close enough to give buddy aid (tourniquet,
  // pressure). Soldiers on the Gao camp are trained; the multinational civilians less so.
  double buddy_aid_share = 0.6;
  engine::Distribution buddy_aid_delay = engine::Distribution::lognormal(2 * engine::kMinute, 5 * engine::kMinute);
  // Otherwise a first responder (medic) comes on foot from the nearest of these road nodes.
  std::vector<std::string> responder_posts;  // empty: the hospital's node
  SimTime responder_mobilization = 2 * engine::kMinute;
  double responder_speed_mps = 2.0;  // a medic hurrying with a bag
  // Responders (not buddies, who are already there) wait until an attack is contained.
  bool responders_wait_for_containment = true;
};

// medical.casevac: from injury to a CASEVAC request, and its approval.
struct CasevacParams {
  // From the first casualty of an incident to the 9-liner reaching the first approval level.
  engine::Distribution request_delay = engine::Distribution::lognormal(3 * engine::kMinute, 10 * engine::kMinute);
  ApprovalPolicy approval = default_approval_policy();
  // At night (22:00-06:00) each level's chance of being unavailable is multiplied by this
  // (officers asleep, interpreters off duty), capped at 1.
  double night_unavailability_factor = 2.0;
  std::string hospital_nation = "CHN";  // requests from this contingent use the same-nation chain
};

// medical.care_needs.<category>: what one triage category needs at the Level 2, each an
// independent chance per casualty (docs/medical/parameters.md gives each default's source).
// Whoever survives and is not evacuated returns to duty: a T3 who needs none of the three from
// the minor-treatment area; every other casualty from a ward or ICU bed at the end of the stay.
struct CareNeeds {
  double surgery = 0;     // damage-control (or other emergency) surgery on an operating table
  double icu = 0;         // an ICU bed after resuscitation or surgery; otherwise a ward bed
  double evacuation = 0;  // onward to Level 3 by air once stable (strategic evacuation)
};

// medical.care_needs: severity (triage category) -> care, one mapping per category. Killed
// outright never reaches care; there is no expectant category (a casualty beyond help dies by
// the survival model, before or after arrival).
struct CareNeedsParams {
  CareNeeds immediate{1.0, 1.0, 1.0};  // T1 (evacuation was 0.8 before the mapping was sourced)
  CareNeeds delayed{0.5, 0.0, 0.2};    // T2
  CareNeeds minimal{0.0, 0.0, 0.0};    // T3: minor treatment, back to duty
};

constexpr const CareNeeds& care_needs_for(const CareNeedsParams& p, Triage triage) {
  return triage == Triage::Immediate ? p.immediate : triage == Triage::Delayed ? p.delayed : p.minimal;
}
// Whether a casualty with these drawn needs is treated in the minor area and sent back to duty.
constexpr bool minor_care_only(bool surgery, bool icu, bool evacuation) { return !surgery && !icu && !evacuation; }

enum class AmbulanceStation { Hospital, MainGate, Roving };

// medical.ambulances: vehicles, crews, where they wait and how they drive.
struct AmbulanceParams {
  int vehicles = 2;
  int armoured = 0;            // the first `armoured` vehicles are armoured
  AmbulanceStation station = AmbulanceStation::Hospital;
  std::string hospital_node;   // road node at the hospital's door (required when medical is on)
  std::string gate_node;       // road node at the main gate (for station main_gate and outside trips)
  int capacity = 2;            // litters per vehicle
  // Crews ready at the vehicles; further crews are called in from their quarters.
  int standby_crews = 1;
  int called_in_crews = 1;
  SimTime mobilization_day = 3 * engine::kMinute;     // standby crew, 06:00-22:00
  SimTime mobilization_night = 6 * engine::kMinute;   // standby crew, 22:00-06:00
  engine::Distribution call_in_delay = engine::Distribution::lognormal(20 * engine::kMinute, 40 * engine::kMinute);
  double drive_speed_mps = 8.3;  // 30 km/h on camp roads
  engine::Distribution loading_per_casualty = engine::Distribution::lognormal(2 * engine::kMinute, 5 * engine::kMinute);
  SimTime handover_at_hospital = 2 * engine::kMinute;
  // Unarmoured ambulances may not drive into an attack: they wait until it is contained.
  bool escort_required_during_attack = true;
  // Casualties outside the camp (roadside bombs): the drive beyond the main gate, each way, and
  // the escort every outside trip needs (ready after the QRF's notice to move).
  engine::Distribution outside_drive = engine::Distribution::lognormal(20 * engine::kMinute, 45 * engine::kMinute);
};

struct StaffShift {
  SimTime day_start = 6 * engine::kHour;   // time of day the day shift starts
  SimTime night_start = 22 * engine::kHour;
};

// medical.hospital: the Chinese Level 2 hospital.
struct HospitalParams {
  SimTime triage_time = 2 * engine::kMinute;  // triage on arrival, before any bay
  int resuscitation_bays = 2;
  engine::Distribution resuscitation_time_immediate = engine::Distribution::lognormal(45 * engine::kMinute, 90 * engine::kMinute);
  engine::Distribution resuscitation_time_delayed = engine::Distribution::lognormal(30 * engine::kMinute, 60 * engine::kMinute);
  engine::Distribution minor_treatment_time = engine::Distribution::lognormal(30 * engine::kMinute, 60 * engine::kMinute);
  int operating_tables = 2;
  int surgical_teams_day = 2;    // on duty by day
  int surgical_teams_night = 1;  // on duty at night; the others are on call
  SimTime team_call_in = 30 * engine::kMinute;  // an on-call team reaching the theatre
  StaffShift shifts;
  engine::Distribution surgery_time_immediate = engine::Distribution::lognormal(90 * engine::kMinute, 180 * engine::kMinute);
  engine::Distribution surgery_time_delayed = engine::Distribution::lognormal(60 * engine::kMinute, 120 * engine::kMinute);
  int icu_beds = 4;
  int ward_beds = 20;
  engine::Distribution icu_stay = engine::Distribution::lognormal(2 * engine::kDay, 5 * engine::kDay);
  engine::Distribution ward_stay = engine::Distribution::lognormal(3 * engine::kDay, 8 * engine::kDay);
  // Mass-casualty plan: when this many patients wait at once for a bay or a table, every
  // off-duty surgical team is called in and `surge_bays` extra bays open (after team_call_in).
  int mass_casualty_threshold = 4;
  int surge_bays = 2;
};

// medical.routine_admissions: non-combat patients (illness, accidents) admitted to the ward.
struct RoutineAdmissionParams {
  double per_day = 0.85;  // 1,235 inpatients in 4 years (seed 004 l.234)
  double surgery_share = 0.1;
  engine::Distribution surgery_time = engine::Distribution::lognormal(60 * engine::kMinute, 120 * engine::kMinute);
  engine::Distribution stay = engine::Distribution::lognormal(3 * engine::kDay, 8 * engine::kDay);
};

// medical.air_evacuation: onward to a Level 3 hospital (who needs it: medical.care_needs).
struct AirEvacuationParams {
  SimTime stabilization = 12 * engine::kHour;  // after surgery, before the patient may fly
  int helicopters = 1;
  engine::Distribution mission_time = engine::Distribution::lognormal(4 * engine::kHour, 6 * engine::kHour);
  bool night_flying = false;           // no medevac flights 22:00-06:00 when false
  double sandstorm_day_share = 0.05;   // share of days grounded by dust
};

// One scripted external incident (replays, hand-worked tests): its casualties by triage, how
// they come and how long after the injury they reach the hospital door.
struct ExternalIncidentScript {
  SimTime at = 0;  // injury time, scenario time
  int immediate = 0;
  int delayed = 0;
  int minimal = 0;
  bool by_helicopter = false;
  SimTime arrival_delay = 0;
};

// medical.external: casualties from outside the camp (convoys and other bases of the sector,
// mostly IEDs) brought to the Level 2, which is the only one in Sector East (seed 004 l.234).
// They arrive at the hospital door by road or helicopter under their own units' arrangements:
// they share its bays, tables, teams and beds with the camp's casualties, never its ambulances
// or its approval chain. Off by default so that every scenario keeps its behaviour unless it
// turns the inflow on; docs/medical/parameters.md gives each default's source or reasoning.
struct ExternalInflowParams {
  bool enabled = false;
  double incidents_per_year = 6.0;  // Poisson incidents whose wounded come to Gao
  // Wounded brought to the Level 2 per incident (rounded, at least 1): MINUSMA's reported incidents.
  engine::Distribution casualties_per_incident = engine::Distribution::empirical({2, 4, 5, 5, 8, 15}, {1, 1, 1, 1, 1, 1});
  double share_immediate = 0.2;  // triage mix of those wounded; the three shares sum to 1
  double share_delayed = 0.2;
  double share_minimal = 0.6;
  double ied_share = 0.6;        // incidents caused by IEDs and mines; the rest by gunfire
  double helicopter_share = 0.5; // T1 and T2 flown in; the others (and every T3) come by road
  engine::Distribution helicopter_delay = engine::Distribution::lognormal(2 * engine::kHour, 4 * engine::kHour);
  engine::Distribution road_delay = engine::Distribution::lognormal(390 * engine::kMinute, 800 * engine::kMinute);
  std::vector<ExternalIncidentScript> scripted;  // on top of the Poisson incidents (rate 0: these only)
};

struct MedicalParams {
  bool enabled = true;
  SurvivalParams survival;
  FirstAidParams first_aid;
  CasevacParams casevac;
  AmbulanceParams ambulances;
  HospitalParams hospital;
  CareNeedsParams care_needs;
  RoutineAdmissionParams routine_admissions;
  AirEvacuationParams air_evacuation;
  ExternalInflowParams external;
};

}  // namespace campsim::camp
