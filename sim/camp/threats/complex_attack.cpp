// Complex attack: vehicle bomb, then gunmen through the breach until the QRF contains them.
// Every step is described in docs/threats/vehicle-bomb-infiltration-complex.md.
#include "sim/camp/threats/complex_attack.hpp"

#include <algorithm>
#include <utility>

#include "sim/camp/threats/infiltration.hpp"  // gunfire

namespace campsim::camp {

Incident resolve_complex_attack(const ComplexAttackParams& p, const VehicleBombParams& bomb, const ThreatContext& ctx,
                                int incident_id, SimTime start, std::vector<Casualty>& casualties) {
  // 1. The bomb run, with its own streams so it never mirrors a lone vehicle bomb of the same id.
  BombRun run = run_vehicle_bomb(bomb, ctx, incident_id, start, "complex.vbied", casualties);
  Incident incident = std::move(run.incident);
  incident.kind = ThreatKind::ComplexAttack;

  // 2. Gunmen follow only if the bomb went off at or inside the gate: a bomb stopped on the
  // approach leaves the wall and the gate standing, and the assault is called off.
  double inside_s = 0;
  int hits = 0;
  if (!run.stopped_before_gate) {
    // The QRF was called at the bomb's alarm (detection or explosion); the gunmen fight from the
    // detonation until it contains them, hitting the people nearest the detonation point first.
    const SimTime contained = incident.qrf->contained;
    inside_s = std::max(0.0, contained - run.detonation);
    hits = gunfire({p.gunmen, p.shots_per_minute, p.hit_lethality, p.wounds}, run.people, run.hurt, incident.location,
                   run.detonation, contained, ctx, incident_id, "complex.gunfire", incident, casualties);
  }
  incident.fact("gunmen", run.stopped_before_gate ? 0 : p.gunmen);
  incident.fact("gunmen_inside_s", inside_s);
  incident.fact("gunfire_hits", hits);
  return incident;
}

}  // namespace campsim::camp
