#include "sim/camp/core/casualty.hpp"

namespace campsim::camp {

std::string_view cause_name(Cause cause) {
  switch (cause) {
    case Cause::IndirectFire: return "indirect_fire";
    case Cause::VehicleBomb: return "vehicle_bomb";
    case Cause::Gunfire: return "gunfire";
    case Cause::RoadsideBomb: return "roadside_bomb";
    case Cause::Stones: return "stones";
    case Cause::Fire: return "fire";
  }
  return "unknown";
}

std::string_view triage_name(Triage triage) {
  switch (triage) {
    case Triage::Killed: return "killed";
    case Triage::Immediate: return "T1_immediate";
    case Triage::Delayed: return "T2_delayed";
    case Triage::Minimal: return "T3_minimal";
  }
  return "unknown";
}

std::string_view protection_name(Protection protection) {
  switch (protection) {
    case Protection::Open: return "open";
    case Protection::Container: return "container";
    case Protection::Hardened: return "hardened";
    case Protection::Vehicle: return "vehicle";
  }
  return "unknown";
}

std::string_view care_outcome_name(CareOutcome outcome) {
  switch (outcome) {
    case CareOutcome::Killed: return "killed";
    case CareOutcome::DiedOfWounds: return "died_of_wounds";
    case CareOutcome::Survived: return "survived";
    case CareOutcome::EvacuatedL3: return "evacuated_l3";
    case CareOutcome::InCare: return "in_care";
  }
  return "survived";
}

std::int64_t logged_person(const std::optional<PersonId>& person) {
  constexpr std::int64_t kNobodyLogged = -1;  // what readers of events.jsonl expect for nobody
  return person ? std::int64_t{person->value} : kNobodyLogged;
}

}  // namespace campsim::camp
