#include "sim/camp/fight/fighter.hpp"

namespace campsim::fight {

bool is_active(FighterState s) {
  switch (s) {
    case FighterState::Approaching:
    case FighterState::Breaching:
    case FighterState::Advancing:
    case FighterState::Holding:
    case FighterState::Engaging: return true;
    case FighterState::Waiting:
    case FighterState::Incapacitated:
    case FighterState::Killed:
    case FighterState::Captured:
    case FighterState::Gone: return false;
  }
  return false;
}

bool is_neutralized(FighterState s) {
  return s == FighterState::Incapacitated || s == FighterState::Killed || s == FighterState::Captured;
}

std::string_view side_name(Side s) { return s == Side::Camp ? "camp" : "attacker"; }

std::string_view role_name(Role r) {
  switch (r) {
    case Role::Intruder: return "intruder";
    case Role::Sentry: return "sentry";
    case Role::Qrf: return "qrf";
    case Role::Bystander: return "bystander";
    case Role::Vehicle: return "vehicle";
  }
  return "?";
}

std::string_view fighter_state_name(FighterState s) {
  switch (s) {
    case FighterState::Waiting: return "waiting";
    case FighterState::Approaching: return "approaching";
    case FighterState::Breaching: return "breaching";
    case FighterState::Advancing: return "advancing";
    case FighterState::Holding: return "holding";
    case FighterState::Engaging: return "engaging";
    case FighterState::Incapacitated: return "incapacitated";
    case FighterState::Killed: return "killed";
    case FighterState::Captured: return "captured";
    case FighterState::Gone: return "gone";
  }
  return "?";
}

}  // namespace campsim::fight
