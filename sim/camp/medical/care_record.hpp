#pragma once
// What happened to one casualty in the medical chain, step by step: the per-casualty output the
// issue asks for (care.csv) and what every per-run figure is computed from. Times are scenario
// times in seconds; kNever marks a step never reached.
#include <optional>
#include <string>
#include <string_view>

#include "sim/camp/medical/ambulance.hpp"
#include "sim/camp/medical/approval_chain.hpp"
#include "sim/camp/medical/survival.hpp"
#include "sim/camp/core/casualty.hpp"

namespace campsim::camp {

// Where a died-of-wounds casualty died.
enum class DeathPlace { None, BeforePickup, InTransit, AtHospital };
// Who gave first aid first.
enum class FirstAidBy { None, Buddy, Responder, AmbulanceCrew, Hospital };

struct CareRecord {
  int casualty = 0;
  int incident = 0;
  Cause cause = Cause::IndirectFire;
  Triage triage = Triage::Minimal;
  std::string contingent;
  bool inside_camp = true;
  bool same_nation = false;  // the CASEVAC request went up the same-nation chain
  // From outside the camp (medical.external): `casualty` and `incident` are then the inflow's own
  // numbers, not the camp's; no request, approval or ambulance.
  bool external = false;
  bool by_helicopter = false;  // external: flown to the hospital (else by road)

  SimTime injury = 0;
  SimTime first_aid = kNever;
  FirstAidBy first_aid_by = FirstAidBy::None;
  SimTime requested = kNever;   // the 9-liner reaches the first approval level
  SimTime approved = kNever;    // the last level asked decided: the ambulance may roll
  ApprovalTimeline approval;    // every level, with its own delay
  SimTime assigned = kNever;    // a vehicle and crew were tasked with this casualty
  SimTime dispatched = kNever;  // the vehicle left (after mobilization and any escort wait)
  SimTime escort_wait = 0;      // part of assigned -> dispatched spent waiting for the attack to end
  SimTime on_scene = kNever;
  SimTime left_scene = kNever;
  SimTime at_hospital = kNever;
  std::optional<AmbulanceId> ambulance = std::nullopt;  // the vehicle that carried this casualty, if one did
  SimTime resuscitation = kNever;  // start of advanced resuscitation (T3: of minor treatment)
  bool needs_surgery = false;
  SimTime surgery = kNever;        // start of damage-control surgery
  SimTime bed = kNever;            // admitted to an ICU or ward bed
  bool icu_bed = false;            // the bed asked for was in the ICU (medical.care_needs.<triage>.icu)
  SimTime left_hospital = kNever;  // discharged or flown out
  SimTime died = kNever;
  CareOutcome outcome = CareOutcome::Survived;
  DeathPlace died_where = DeathPlace::None;
};

std::string_view death_place_name(DeathPlace place);
std::string_view first_aid_by_name(FirstAidBy by);

}  // namespace campsim::camp
