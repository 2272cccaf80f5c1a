#pragma once
// Every random number that belongs to one patient, drawn up front from streams keyed by the
// patient (its casualty id, or its routine admission number), never by the order in which the
// chain happens to need them. Two policies that dispatch differently (a shorter approval chain,
// another station, a second crew) therefore give the same casualty the same death threshold,
// first aid, surgery, stay, flight and drives: common random numbers, patient by patient.
#include <cstdint>

#include "sim/camp/medical/medical_params.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

struct PatientDraws {
  // "medical.patient", in this order (the order is part of the stream's meaning: keep it).
  double death_u = 0.5;
  bool buddy = false;
  SimTime buddy_delay = 0;
  SimTime resuscitation_time = 0;
  bool needs_surgery = false;  // medical.care_needs.<triage>.surgery (routine: routine_admissions.surgery_share)
  SimTime surgery_time = 0;
  bool flies = false;          // medical.care_needs.<triage>.evacuation
  SimTime stay = 0;
  SimTime loading = 0;
  SimTime minor_treatment = 0;
  // One stream each, so adding a draw to one never shifts another.
  SimTime flight_mission = 0;  // "medical.flight": the helicopter's round trip if this patient flies
  SimTime crew_call_in = 0;    // "medical.crew_call_in": a crew called in for a trip this patient leads
  SimTime outside_out = 0;     // "medical.outside_drive" (first): beyond the gate to this patient's scene
  SimTime outside_back = 0;    // "medical.outside_drive" (second): and back
  // "medical.care_needs": added with the explicit severity -> care mapping, on a stream of its
  // own so that the draws above kept their places (and their values under the old defaults).
  bool needs_icu = false;      // medical.care_needs.<triage>.icu; decides which stay is drawn above
};

// Routine (non-combat) patients are keyed past every casualty id.
constexpr std::uint64_t kRoutineEntityBase = std::uint64_t{1} << 40;
constexpr std::uint64_t casualty_entity(int casualty_id) { return static_cast<std::uint64_t>(casualty_id); }
constexpr std::uint64_t routine_entity(long admission) { return kRoutineEntityBase + static_cast<std::uint64_t>(admission); }

// Casualties from outside the camp (medical.external) are keyed past every routine admission:
// incident n owns the block [base + n * kMaxExternalPerIncident, base + (n + 1) * kMax...), its
// own draws (count, cause, each casualty's triage, mode and delay) at the block's first key and
// its k-th casualty's PatientDraws at first key + 1 + k. Routine keys stay below 2^41 for any
// admission count a run can reach, casualty ids below 2^31: the keys cannot collide, so turning
// the inflow on changes no camp casualty's or routine patient's draws.
constexpr std::uint64_t kExternalEntityBase = std::uint64_t{1} << 41;
constexpr int kMaxExternalPerIncident = 1024;
// Scripted incidents are numbered from here, Poisson ones from 0 (neither reaches the other).
constexpr std::uint64_t kScriptedExternalBase = std::uint64_t{1} << 24;
constexpr std::uint64_t external_incident_entity(std::uint64_t incident) {
  return kExternalEntityBase + incident * static_cast<std::uint64_t>(kMaxExternalPerIncident);
}
constexpr std::uint64_t external_patient_entity(std::uint64_t incident, int k) {
  return external_incident_entity(incident) + 1 + static_cast<std::uint64_t>(k);
}

PatientDraws draw_patient(const MedicalParams& params, std::uint64_t seed, std::uint64_t replication,
                          std::uint64_t entity, Triage triage, bool routine);

}  // namespace campsim::camp
