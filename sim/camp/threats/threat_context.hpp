#pragma once
// What a threat module needs to resolve an incident: the camp, who is on guard and how alert,
// the QRF, and random streams keyed to the incident. Modules read it and never change the guard
// model, so threats and guards stay in separate files with a one-way dependency.
#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "sim/camp/guard_params.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/core/resolved_layout.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

struct Sentry {
  int post = 0;                 // index into GuardParams::posts
  PostKind kind = PostKind::Tower;
  PostPlace at;                 // the tower or gate it stands at, or its patrol route
  Point position;
  double vigilance = 0;         // 0..1, from the guard model at that moment
};

struct ThreatContext {
  const CampLayout* layout = nullptr;
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  SimTime start_time_of_day = 0;
  std::string guard_contingent = "CHN";
  QrfParams qrf;
  RoadNodeId qrf_base;  // where the QRF waits
  // The gates a vehicle bomb may attack (resolved from the scenario's names at load); empty: every
  // gate of the layout.
  std::vector<GateId> bomb_gates;
  // The shared QRF (busy for everyone); when null, each incident gets a QRF of its own.
  class QrfForce* qrf_force = nullptr;
  // Everyone the attack can reach at time t (in camp, not yet a casualty), sentries included.
  std::function<std::vector<Person>(SimTime)> people_at;
  // The sentries on post at time t (already arrived, not yet left), with their vigilance.
  std::function<std::vector<Sentry>(SimTime)> sentries_at;

  SimTime time_of_day(SimTime t) const { return engine::time_of_day(start_time_of_day, t); }
  // A stream for one purpose within one incident; `entity` tells apart people, rounds, etc.
  // The QRF's response to an incident: the shared force when there is one.
  QrfTimeline call_qrf(Point where, SimTime detected, bool night, engine::RandomStream& rng) const;
  engine::RandomStream stream(std::string_view purpose, int incident, std::uint64_t entity = 0) const {
    return engine::RandomStream(engine::StreamKey{seed, replication, engine::purpose_tag(purpose), entity,
                                                  static_cast<std::uint64_t>(incident)});
  }
};

}  // namespace campsim::camp
