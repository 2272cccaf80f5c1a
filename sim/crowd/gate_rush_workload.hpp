#pragma once
// The fixed crowd benchmark workload (../shared/reference/crowd-benchmark.md, issue 11), as a
// function so the benchmark and the determinism tests build exactly the same crowd:
// N pedestrians uniformly at random at 0.5 per m^2 in a walled square of side sqrt(N / 0.5) m,
// all walking to one open gate in the middle of the east wall; radius 0.25 m, desired speed
// 1.3 m/s, neighbours within 2 m (dt 0.1 s is the caller's), with the protest model's
// interactions switched on: a tenth of the crowd "active" (state 1), counted by every agent
// (local vision), drawn to a rallying point and faster; everybody pushed away from a tear-gas
// cloud near the gate.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "sim/crowd/crowd_world.hpp"

namespace campsim::crowd {

struct GateRushWorkload {
  std::unique_ptr<CrowdWorld> world;
  float side = 0.0f;   // m
  Point2 gate_target;  // just outside the gate
  GateId gate;
};

inline constexpr float kGateRushDensity = 0.5f;      // persons / m^2
inline constexpr float kGateRushRadius = 0.25f;      // m
inline constexpr float kGateRushSpeed = 1.3f;        // m/s
inline constexpr float kGateRushRange = 2.0f;        // m
inline constexpr float kGateRushDt = 0.1f;           // s
inline constexpr float kGateRushGateWidth = 4.0f;    // m; assumed (a vehicle gate)
inline constexpr std::uint8_t kGateRushActive = 1;   // state of the active tenth

GateRushWorkload make_gate_rush(std::size_t agents, std::uint64_t seed, CrowdModelParams params = {});

}  // namespace campsim::crowd
