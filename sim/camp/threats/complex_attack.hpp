#pragma once
// Complex attack: a vehicle bomb opens the way, then gunmen go in through the breach. Model and
// defaults: docs/threats/vehicle-bomb-infiltration-complex.md.
#include <vector>

#include "sim/camp/threats/arrival_process.hpp"
#include "sim/camp/threats/blast.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/camp/threats/vehicle_bomb.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

struct ComplexAttackParams {
  ArrivalProfile arrivals = flat_arrivals(0.001);  // about one in three years (assumed)
  int gunmen = 4;                     // enter through the breach after the vehicle bomb (if it detonated at or inside the gate)
  double shots_per_minute = 0.2;      // hits per gunman per minute while inside and not contained (assumed)
  double hit_lethality = 0.35;        // each hit kills with this probability, else wounds
  WoundMix wounds;
};

ComplexAttackParams read_complex_attack(scenario::MapReader in);

// The bomb run uses `bomb` with streams "complex.vbied.*"; the gunfire "complex.gunfire.*".
Incident resolve_complex_attack(const ComplexAttackParams& p, const VehicleBombParams& bomb, const ThreatContext& ctx,
                                int incident_id, SimTime start, std::vector<Casualty>& casualties);

}  // namespace campsim::camp
