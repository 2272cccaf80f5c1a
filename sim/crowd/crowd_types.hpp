#pragma once
// Plain value types shared by the pedestrian kernel. The kernel knows nothing about camps:
// agents are discs that walk to target points between wall segments and gates.
#include <cstdint>

#include "sim/engine/typed_id.hpp"

namespace campsim::crowd {

struct CrowdAgentTag {};
struct WallTag {};
struct GateTag {};

// Stable for the agent's whole life and never reused, whatever the storage order (agents are
// re-sorted by grid cell for memory locality; outputs are keyed by this id).
using CrowdAgentId = engine::Id<CrowdAgentTag>;
using WallId = engine::Id<WallTag>;
using GateId = engine::Id<GateTag>;

struct Point2 {
  float x = 0.0f, y = 0.0f;
};

struct Segment {
  Point2 a, b;
};

// What the caller gives for a new agent. State is a free byte the protest model interprets
// (quiet, active, fleeing ...); the kernel only uses it to look up per-state responses.
struct AgentSpec {
  Point2 position;
  Point2 target;
  float desired_speed = 1.3f;  // m/s
  float radius = 0.2f;         // m; JuPedSim default (docs/crowd.md)
  std::uint8_t state = 0;      // 0 .. kMaxStates-1
};

inline constexpr int kMaxStates = 32;

}  // namespace campsim::crowd
