#pragma once
// Every kind of event in the world, in one list. The list's order is the order of events that
// fall at the same instant (lower first); nothing else gives events a priority, so the rule
// "who sees whom at equal times" is read here and nowhere else. Full ties (same kind, same time)
// go in the order they were scheduled.
#include <cstdint>
#include <string_view>

#include "sim/engine/event_queue.hpp"

namespace campsim::camp {

enum class EventKind : std::uint32_t {
  // Guards: a rotation and a new day decide who is available before anyone is rostered; the
  // roster runs before sentries leave (so one who must wait for a late relief can still be held).
  UnitRotation,
  NewDay,
  Roster,
  DutyEnd,
  DutyStart,
  // Threats, after every guard event at the same instant, so attacks meet the sentries on post.
  ThreatArrival,     // subject: threat kind; an attack begins
  Alarm,             // subject: incident; the alarm sounds, people take cover
  Impact,            // subject: incident << 16 | round (threat_model.cpp, kRoundBits); a round lands
  Detonation,        // subject: index of the blast among the threats' landed blasts; a charge goes off
  AllClear,          // subject: incident; people leave the bunkers
  CasualtyOccurs,    // subject: casualty; a wound drawn earlier (gunfire over time) takes effect
  QrfLaunched,       // subject: incident
  QrfOnScene,        // subject: incident
  QrfContained,      // subject: incident
  QrfHome,           // subject: incident
  // Protests, after the attacks at the same instant (a protest meets the camp as the attacks left it).
  TownDecides,       // the town's daily decision whether to march (and a day of community engagement)
  UnexplainedDecision,  // a mission decision nobody explained to the town: legitimacy falls
  ProtestMarch,      // subject: scripted protest index, or kTownMarch; residents set off for the gate
  ProtestAssess,     // subject: protest; the crowd's state, the force's action, their effects
  // Medical chain: injuries reach it in the same instant they happen.
  MedInjured,        // patient: joins an already approved request
  MedFirstAid,       // patient
  MedRequested,      // request group: the 9-liner reaches the first approval level
  MedApproved,       // request group
  MedDeath,          // patient
  MedDeparts,        // trip: the ambulance leaves (mobilized, escort ready)
  MedOnScene,        // trip
  MedLeftScene,      // trip: loaded, driving to the hospital
  MedAtHospital,     // trip
  MedVehicleFree,    // trip: handed over at the hospital
  MedVehicleHome,    // vehicle
  MedTriaged,        // patient
  MedResuscitationEnd,
  MedSurgeryEnd,
  MedFitToFly,
  MedBedEnd,         // patient: discharged
  MedHelicopterBack,
  MedShiftChange,    // 0: day shift starts, 1: night shift starts
  MedTeamArrives,    // on-call surgical team
  MedSurgeReady,     // mass-casualty plan in force
  MedRoutineArrival,
  MedMinorTreatmentEnd,
  MedExternalIncident,  // subject: external incident number; casualties outside the camp set off for the hospital
  MedExternalArrival,   // patient: an external casualty reaches the hospital door (road or helicopter)
  // Samples see the state after everything else at that instant.
  Sample,
  Count_,            // not a kind: the number of kinds
};

// The medical chain's kinds form one block: the chain handles exactly these.
constexpr bool is_medical(EventKind kind) {
  return kind >= EventKind::MedInjured && kind <= EventKind::MedExternalArrival;
}

// The module that handles each kind.
enum class Module : std::uint8_t { Guards, Threats, Protests, Medical };
constexpr Module module_of(EventKind kind) {
  if (kind == EventKind::Sample || kind <= EventKind::DutyStart) return Module::Guards;
  if (is_medical(kind)) return Module::Medical;
  if (kind >= EventKind::TownDecides && kind <= EventKind::ProtestAssess) return Module::Protests;
  return Module::Threats;
}

constexpr std::int32_t priority_of(EventKind kind) { return static_cast<std::int32_t>(kind); }
constexpr std::uint32_t kind_code(EventKind kind) { return static_cast<std::uint32_t>(kind); }
constexpr EventKind kind_of(const engine::Event& event) { return static_cast<EventKind>(event.kind); }

// Schedules `kind` for `subject` at `time` with the kind's priority; returns the handle for cancel().
inline std::uint64_t schedule(engine::EventQueue& queue, engine::SimTime time, EventKind kind, std::uint64_t subject = 0) {
  return queue.schedule(time, priority_of(kind), kind_code(kind), subject);
}

std::string_view event_kind_name(EventKind kind);

}  // namespace campsim::camp
