#include "sim/camp/core/crowd_levels.hpp"

namespace campsim::camp::protest {

std::string_view name(CrowdLevel level) {
  switch (level) {
    case CrowdLevel::dispersed: return "dispersed";
    case CrowdLevel::gathering: return "gathering";
    case CrowdLevel::chanting: return "chanting";
    case CrowdLevel::stone_throwing: return "stone_throwing";
    case CrowdLevel::molotov: return "molotov";
    case CrowdLevel::breach_attempt: return "breach_attempt";
  }
  return "?";
}

std::string_view name(ForceAction action) {
  switch (action) {
    case ForceAction::none: return "none";
    case ForceAction::negotiate: return "negotiate";
    case ForceAction::warn: return "warn";
    case ForceAction::barrier: return "barrier";
    case ForceAction::tear_gas: return "tear_gas";
    case ForceAction::warning_shots: return "warning_shots";
    case ForceAction::lethal_force: return "lethal_force";
  }
  return "?";
}

}  // namespace campsim::camp::protest
