#pragma once
// The kernel's two neighbour passes eight lanes at a time (AVX2), for CPUs that have it
// (kernel_lanes.hpp chooses). The same results to the bit as the four-lane passes in
// crowd_kernel.cpp: lanes8.hpp says why. Call only when wide_lanes_supported().
#include "sim/crowd/kernel_lanes.hpp"
#include "sim/crowd/neighbour_blocks.hpp"

#ifdef CAMPSIM_WIDE_LANES
namespace campsim::crowd::avx2 {

// Pass 1 over the candidates' ranges in order: the exponential repulsion and the count of
// "counted" neighbours, and the blocks (of eight) for pass 2.
[[gnu::target("avx2")]] Push repulsion(const Candidates& candidates, const PassInputs& in, Blocks& blocks);

// Pass 2 over the blocks pass 1 above left: the free spacing ahead along (ex, ey).
[[gnu::target("avx2")]] float min_spacing(const Blocks& blocks, float ex, float ey);

}  // namespace campsim::crowd::avx2
#endif
