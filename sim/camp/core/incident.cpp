#include "sim/camp/core/incident.hpp"

namespace campsim::camp {

std::string_view threat_kind_name(ThreatKind kind) {
  switch (kind) {
    case ThreatKind::IndirectFire: return "indirect_fire";
    case ThreatKind::VehicleBomb: return "vehicle_bomb";
    case ThreatKind::Infiltration: return "infiltration";
    case ThreatKind::ComplexAttack: return "complex_attack";
    case ThreatKind::RoadsideBomb: return "roadside_bomb";
    case ThreatKind::Protest: return "protest";
  }
  return "unknown";
}

}  // namespace campsim::camp
