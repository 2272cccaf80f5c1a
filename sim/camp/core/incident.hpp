#pragma once
// One attack, resolved: when and where, whether and when it was detected, the QRF's timeline,
// and how many it hurt. Module-specific facts ride along as named numbers.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

// The quick reaction force's part in one incident (sim/camp/core/qrf.hpp draws it; the medical
// chain's escorts read it).
struct QrfTimeline {
  int unit = 0;          // which QRF team went
  int mission = 0;       // its index among that team's missions (stand_down finds it by this)
  SimTime waited = 0;    // how long the incident waited for a team that was busy elsewhere
  SimTime detected = 0;
  SimTime alerted = 0;
  SimTime launched = 0;
  SimTime on_scene = 0;
  SimTime contained = 0;
  SimTime home = 0;   // back at base, free for the next incident
  double road_m = 0;  // driven
  double foot_m = 0;  // walked from the road
};


// Protest: a demonstration at a gate (sim/camp/protest); not an attack, so the threats' metrics
// leave it out and the protest model reports it.
enum class ThreatKind { IndirectFire, VehicleBomb, Infiltration, ComplexAttack, RoadsideBomb, Protest };

std::string_view threat_kind_name(ThreatKind kind);

// How a fight in the world went (an infiltration fought out by agents: sim/camp/fight).
struct FightSummary {
  int attackers = 0;
  int attackers_killed = 0, attackers_wounded = 0, attackers_captured = 0, attackers_gone = 0;
  long shots = 0, hits = 0;
  long shots_by_camp = 0, hits_by_camp = 0, hits_by_attackers = 0;
  long stray_hits = 0;     // misses that flew on and struck someone else
  long friendly_hits = 0;  // hits (aimed or stray) on the shooter's own side
  long detections = 0;
  std::optional<SimTime> first_shot;   // scenario time of the first shot
  std::optional<SimTime> qrf_contact;  // the QRF's first sighting or shot
  std::optional<SimTime> ended;        // every attacker neutralized or gone
  bool stopped_outside = false;        // no attacker got through the wire
  int neutralized() const { return attackers_killed + attackers_wounded + attackers_captured; }
};

struct Incident {
  int id = 0;
  ThreatKind kind = ThreatKind::IndirectFire;
  SimTime time = 0;          // when it began (launch, approach start, first movement)
  Point location;            // where it struck (impact centre, detonation point, breach point)
  std::string target;        // gate, zone or route name, when there is one
  bool detected = false;     // by sentries, towers or the sense-and-warn radar
  SimTime detected_at = 0;   // scenario time of detection, when detected
  std::optional<QrfTimeline> qrf;  // when the QRF was called out
  int killed = 0;
  int wounded = 0;
  // Fought out in the world: its end is not known when it starts, and is announced by a
  // QrfContained event when the last attacker is down or gone.
  std::optional<FightSummary> fight;
  std::vector<std::pair<std::string, double>> facts;  // e.g. {"rounds", 3}, {"stopped_at_m", 40}
  void fact(std::string name, double value) { facts.emplace_back(std::move(name), value); }
};

}  // namespace campsim::camp
