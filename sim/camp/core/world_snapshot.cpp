#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::camp {

std::string_view person_role_name(PersonRole role) {
  switch (role) {
    case PersonRole::Guard: return "guard";
    case PersonRole::Staff: return "staff";
    case PersonRole::Medical: return "medical";
    case PersonRole::Logistics: return "logistics";
    case PersonRole::Resident: return "resident";
  }
  return "resident";
}

std::string_view person_activity_name(PersonActivity activity) {
  switch (activity) {
    case PersonActivity::Asleep: return "asleep";
    case PersonActivity::AtHome: return "at_home";
    case PersonActivity::AtWork: return "at_work";
    case PersonActivity::OnPost: return "on_post";
    case PersonActivity::OffCamp: return "off_camp";
    case PersonActivity::Moving: return "moving";
    case PersonActivity::Sheltered: return "sheltered";
    case PersonActivity::Casualty: return "casualty";
    case PersonActivity::Killed: return "killed";
  }
  return "at_home";
}

std::string_view vehicle_kind_name(VehicleKind kind) {
  switch (kind) {
    case VehicleKind::Qrf: return "qrf";
    case VehicleKind::Ambulance: return "ambulance";
    case VehicleKind::Escort: return "escort";
  }
  return "qrf";
}

std::string_view vehicle_state_name(VehicleState state) {
  switch (state) {
    case VehicleState::AtBase: return "at_base";
    case VehicleState::Mobilizing: return "mobilizing";
    case VehicleState::EnRoute: return "en_route";
    case VehicleState::OnScene: return "on_scene";
    case VehicleState::Returning: return "returning";
    case VehicleState::OutOfService: return "out_of_service";
  }
  return "at_base";
}

std::string_view combatant_kind_name(CombatantKind kind) {
  switch (kind) {
    case CombatantKind::Intruder: return "intruder";
    case CombatantKind::Qrf: return "qrf";
    case CombatantKind::Sentry: return "sentry";
    case CombatantKind::BombVehicle: return "bomb vehicle";
  }
  return "intruder";
}

std::string_view combatant_state_name(CombatantState state) {
  switch (state) {
    case CombatantState::Moving: return "moving";
    case CombatantState::Breaching: return "breaching";
    case CombatantState::Holding: return "holding";
    case CombatantState::Firing: return "firing";
    case CombatantState::Down: return "down";
    case CombatantState::Killed: return "killed";
  }
  return "moving";
}

}  // namespace campsim::camp
