#pragma once
// Shared set-ups for the crowd kernel's tests.
#include <cstdint>
#include <vector>

#include "sim/crowd/crowd_world.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::crowd::testing {

// The corridor of a bottleneck experiment: a room [0, 10] x [0, 10] closed on three sides, its
// east wall (x = 10) open over `width` m around y = 5, with a passage `length` m long behind it.
inline CrowdGeometry bottleneck(float width, float length) {
  CrowdGeometry g;
  const float lo = 5.0f - width / 2.0f, hi = 5.0f + width / 2.0f;
  g.add_wall({0, 0}, {10, 0});
  g.add_wall({10, 0}, {10, lo});
  g.add_wall({10, hi}, {10, 10});
  g.add_wall({10, 10}, {0, 10});
  g.add_wall({0, 10}, {0, 0});
  g.add_wall({10, lo}, {10 + length, lo});
  g.add_wall({10, hi}, {10 + length, hi});
  return g;
}

// Every live agent's position and state as raw bytes in id order: equal vectors mean equal runs.
inline std::vector<std::uint8_t> fingerprint(const CrowdWorld& world) {
  std::vector<std::uint8_t> bytes;
  world.for_each_agent([&](CrowdAgentId id, Point2 p, std::uint8_t state) {
    const auto* raw = reinterpret_cast<const std::uint8_t*>(&p);
    bytes.insert(bytes.end(), raw, raw + sizeof p);
    for (int k = 0; k < 4; ++k) bytes.push_back(static_cast<std::uint8_t>(id.value >> (8 * k)));
    bytes.push_back(state);
  });
  return bytes;
}

}  // namespace campsim::crowd::testing
