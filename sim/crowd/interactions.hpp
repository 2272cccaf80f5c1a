#pragma once
// The hook through which a model above the kernel (the protest model) changes how agents walk,
// without the kernel knowing what the states mean:
//  - field sources: points that repel (strength > 0) or attract (strength < 0) the agents whose
//    state is in the source's mask, with exponential decay: strength * exp(-d / range) * u,
//    u the unit vector from the source to the agent. A tear-gas cloud, a police line, a
//    rallying point, a burning vehicle.
//  - per-state speed factors: the desired speed is multiplied by speed_factor[state] (fleeing
//    people run, a sit-in stands still).
//  - counted states: each step the kernel counts, per agent, the neighbours within the
//    interaction radius whose state is in counted_states (Epstein's "local vision": how many
//    active protesters, how many police an agent sees).
#include <array>
#include <cstdint>
#include <vector>

#include "sim/crowd/crowd_types.hpp"

namespace campsim::crowd {

using StateMask = std::uint32_t;  // bit s set = applies to agents in state s

constexpr StateMask state_bit(std::uint8_t state) { return StateMask{1} << state; }
inline constexpr StateMask kAllStates = ~StateMask{0};

struct FieldSource {
  Point2 position;
  float strength = 0.0f;  // > 0 repels, < 0 attracts (dimensionless, like the neighbour term)
  float range = 1.0f;     // m, decay length
  StateMask affects = kAllStates;
};

struct Interactions {
  std::vector<FieldSource> sources;
  std::array<float, kMaxStates> speed_factor = filled(1.0f);
  StateMask counted_states = 0;

  static constexpr std::array<float, kMaxStates> filled(float v) {
    std::array<float, kMaxStates> a{};
    for (float& x : a) x = v;
    return a;
  }
};

}  // namespace campsim::crowd
