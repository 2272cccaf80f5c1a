#include "sim/crowd/neighbour_passes8.hpp"

#ifdef CAMPSIM_WIDE_LANES
#include <algorithm>

#include "sim/crowd/lanes8.hpp"

namespace campsim::crowd::avx2 {

namespace {

constexpr std::uint32_t kLanes = 8;

struct AgentLanes {
  F8 xi, yi, ri, range2, self, strength, inv_range, far;
};

struct Sums {
  F4 x = splat4(0.0f), y = splat4(0.0f), counted = splat4(0.0f);
};

// crowd_kernel.cpp's add_repulsion on blocks of eight slots from begin. Where the four-lane
// pass skips a block of four with nobody in range, this one may add its four zeros: the partial
// sums start at +0 and so are never -0, and x + (+0) == x for every other x, so the sums keep
// their bits.
CAMPSIM_AVX2_INLINE void add_range(Sums& acc, Blocks& out, const SlotSource& src, std::uint32_t begin,
                                   std::uint32_t end, const AgentLanes& a) {
  // Checked once per range, not per block: if the blocks would not fit, pass 2 rescans.
  const bool keep = out.lanes + (end - begin) + kLanes <= kMaxLanes;
  out.overflow = out.overflow || !keep;
  for (std::uint32_t s = begin; s < end; s += kLanes) {
    const F8 dx = a.xi - loadu8(src.x + s), dy = a.yi - loadu8(src.y + s);
    const F8 d2 = dx * dx + dy * dy;
    const M8 in = first_lanes8(static_cast<int>(std::min(end - s, kLanes))) & (d2 <= a.range2) & (d2 > a.self);
    if (!any(in)) continue;
    const F8 d = sqrt8(max8(d2, a.self));
    const F8 reach = a.ri + loadu8(src.reach_radius + s);
    const F8 w = a.strength * exp8((reach - d) * a.inv_range) / d;
    acc.x = add_in_slot_order(acc.x, keep_or_zero(in, w * dx));
    acc.y = add_in_slot_order(acc.y, keep_or_zero(in, w * dy));
    acc.counted = add_in_slot_order(acc.counted, keep_or_zero(in, loadu8(src.counted + s)));
    if (keep) {
      store8(out.dx + out.lanes, dx);
      store8(out.dy + out.lanes, dy);
      store8(out.d + out.lanes, keep_or(in, d, a.far));
      store8(out.reach + out.lanes, reach);
      out.lanes += kLanes;
    }
  }
}

}  // namespace

Push repulsion(const Candidates& candidates, const PassInputs& in, Blocks& blocks) {
  const AgentLanes lanes{splat8(in.xi),     splat8(in.yi),        splat8(in.ri),        splat8(in.range2),
                         splat8(kSelf2),    splat8(in.strength),  splat8(in.inv_range), splat8(kFar)};
  Sums acc;
  blocks.lanes = 0;
  blocks.overflow = false;
  for (std::uint32_t r = 0; r < candidates.count; ++r)
    add_range(acc, blocks, candidates.source, candidates.ranges[r].begin, candidates.ranges[r].end, lanes);
  return {sum4(acc.x), sum4(acc.y), sum4(acc.counted)};
}

// The minimum does not round, so blocks of eight give the four-lane passes' value whatever the
// grouping (the stored spacings are never NaN and never -0: d >= 1e-5 m).
float min_spacing(const Blocks& b, float ex, float ey) {
  const F8 ex8 = splat8(ex), ey8 = splat8(ey), zero = splat8(0.0f), none = splat8(kNoSpacing);
  const F8 far_limit = splat8(kFar * 0.5f);
  F8 best = none;
  for (std::uint32_t k = 0; k < b.lanes; k += kLanes) {  // pass 1 above stored whole blocks of eight
    const F8 dx = loadu8(b.dx + k), dy = loadu8(b.dy + k), d = loadu8(b.d + k), reach = loadu8(b.reach + k);
    const F8 back = ex8 * dx + ey8 * dy;
    const F8 lateral = abs8(ex8 * dy - ey8 * dx);
    const M8 ahead = (d <= far_limit) & (zero >= back) & (lateral <= reach);
    best = min8(best, keep_or(ahead, d - reach, none));
  }
  return min_of4(min4(low_half(best), high_half(best)));
}

}  // namespace campsim::crowd::avx2
#endif
