#pragma once
// Builds the world's snapshot from the modules, reading only (no random numbers, no changes).
#include "sim/camp/guard_model.hpp"
#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/protest/protest_model.hpp"
#include "sim/camp/threats/threat_model.hpp"
#include "sim/camp/world/world.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::camp {

struct WorldSources {
  const GuardModel& guards;
  const GuardParams& guard_params;
  const std::vector<Point>& post_positions;
  const World& world;
  const ThreatModel& threats;
  const QrfForce& qrf;
  const MedicalChain* medical = nullptr;  // ambulances and the hospital, when the chain runs
  const protest::ProtestModel* protests = nullptr;  // the crowd at the gate, when protests are on
  SimTime start_time_of_day = 0;
};

// How long an impact stays in snapshots after it lands (for a viewer's fade).
inline constexpr SimTime kImpactFade = 30;

WorldSnapshot take_world_snapshot(const WorldSources& sources, SimTime t);

}  // namespace campsim::camp
