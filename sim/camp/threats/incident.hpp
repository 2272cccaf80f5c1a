#pragma once
// One attack, resolved: when and where, whether and when it was detected, the QRF's timeline,
// and how many it hurt. Module-specific facts ride along as named numbers.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/camp/threats/qrf.hpp"

namespace campsim::camp {

// Protest: a demonstration at a gate (sim/camp/protest); not an attack, so the threats' metrics
// leave it out and the protest model reports it.
enum class ThreatKind { IndirectFire, VehicleBomb, Infiltration, ComplexAttack, RoadsideBomb, Protest };

std::string_view threat_kind_name(ThreatKind kind);

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
  std::vector<std::pair<std::string, double>> facts;  // e.g. {"rounds", 3}, {"stopped_at_m", 40}
  void fact(std::string name, double value) { facts.emplace_back(std::move(name), value); }
};

}  // namespace campsim::camp
