#pragma once
// What the kernel's two neighbour passes share, in either lane width (crowd_kernel.cpp with
// four lanes, neighbour_passes8.cpp with eight): where the candidates' columns are, and the
// blocks pass 1 leaves for pass 2.
#include <cstdint>
#include <limits>

#include "sim/crowd/agent_grid.hpp"

namespace campsim::crowd {

// Two agents closer than 1e-5 m are treated as the same point: the agent itself, or a
// coincident neighbour whose direction is undefined (neither repels nor blocks).
inline constexpr float kSelf2 = 1e-10f;
inline constexpr float kNoSpacing = std::numeric_limits<float>::max();

// The widest block of lanes a pass reads at once: every source of slots (the grid's slot
// columns, the kernel's buffer of visible neighbours) holds this many entries past its last.
inline constexpr std::uint32_t kWidestBlock = 8;
static_assert(kSlotPadding >= kWidestBlock);

struct SlotSource {
  const float *x, *y, *reach_radius, *counted;  // radius of the neighbour; counted flag (0/1)
};

// What pass 1 leaves for pass 2, block by block: the offset from each neighbour to the agent,
// the centre distance (kFar for lanes that are masked off) and the contact distance r_i + r_j.
inline constexpr std::uint32_t kMaxLanes = 2048;
inline constexpr float kFar = 1e30f;
struct alignas(64) Blocks {
  float dx[kMaxLanes], dy[kMaxLanes], d[kMaxLanes], reach[kMaxLanes];
  std::uint32_t lanes = 0;
  bool overflow = false;  // more candidates than kMaxLanes: pass 2 rescans the slots instead
};

// The repulsion's sums over the neighbours and their count of "counted" ones.
struct Push {
  float x, y, counted;
};

// The slots one agent's passes read: up to three row ranges of one source (the grid's slot
// columns; or, near a wall, the one range of the neighbours in sight).
struct Candidates {
  SlotSource source;
  SlotLookup::Span ranges[3];
  std::uint32_t count = 0;
};

// The agent and the parameters pass 1 reads.
struct PassInputs {
  float xi, yi, ri;
  float range2, strength, inv_range;
};

}  // namespace campsim::crowd
