#include "sim/crowd/crowd_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "sim/crowd/fast_exp.hpp"
#include "sim/crowd/lanes4.hpp"
#include "sim/crowd/segment_math.hpp"

namespace campsim::crowd {

namespace {

// Two agents closer than 1e-5 m are treated as the same point: the agent itself, or a
// coincident neighbour whose direction is undefined (neither repels nor blocks).
constexpr float kSelf2 = 1e-10f;
constexpr float kNoSpacing = std::numeric_limits<float>::max();

struct Neighbourhood {
  std::uint32_t row_begin, row_end;  // grid rows
  std::uint32_t col_begin, col_end;  // grid columns, inclusive
};

Neighbourhood around(std::uint32_t row, std::uint32_t col, std::uint32_t columns, std::uint32_t rows) {
  return {row > 0 ? row - 1 : 0, std::min(row + 1, rows - 1), col > 0 ? col - 1 : 0, std::min(col + 1, columns - 1)};
}

// Neighbour passes run over four lanes at a time (lanes4.hpp) directly on the grid's slot
// columns: each row range [begin, end) is read in blocks of four from begin, the last block
// masked to the lanes below end (the slot columns carry kSlotPadding extra entries so the
// block never reads past the allocation). Lane l of a block always holds slot begin + 4m + l,
// so partial sums are combined in the same order on every run. Near walls the agent first
// copies the neighbours it can see into a small buffer and runs the same passes over that.
constexpr int kLanes = 4;

struct SlotSource {
  const float *x, *y, *reach_radius, *counted;  // radius of the neighbour; counted flag (0/1)
};

M4 lanes_before(std::uint32_t s, std::uint32_t end) {
  const std::uint32_t left = end - s;  // >= 1
  return first_lanes(left >= 4 ? 4 : static_cast<int>(left));
}

// What pass 1 leaves for pass 2, block by block: the offset from each neighbour to the agent,
// the centre distance (kFar for lanes that are masked off) and the contact distance r_i + r_j.
constexpr std::uint32_t kMaxLanes = 2048;
constexpr float kFar = 1e30f;
struct alignas(64) Blocks {
  float dx[kMaxLanes], dy[kMaxLanes], d[kMaxLanes], reach[kMaxLanes];
  std::uint32_t lanes = 0;
  bool overflow = false;  // more candidates than kMaxLanes: pass 2 rescans the slots instead
};

struct AgentLanes {
  F4 xi, yi, ri, range2, self, strength, inv_range, far;
};

struct Repulsion {
  F4 x = splat4(0.0f), y = splat4(0.0f), counted = splat4(0.0f);
};

// Pass 1 over the slots [begin, end): the exponential repulsion and the count of "counted"
// neighbours, and the blocks for pass 2.
[[gnu::always_inline]] inline void add_repulsion(Repulsion& acc, Blocks& out, const SlotSource& src,
                                                 std::uint32_t begin, std::uint32_t end, const AgentLanes& a) {
  // Checked once per range, not per block: if the blocks would not fit, pass 2 rescans.
  const bool keep = !out.overflow && out.lanes + (end - begin) + kLanes <= kMaxLanes;
  out.overflow = !keep;
  for (std::uint32_t s = begin; s < end; s += kLanes) {
    const F4 dx = a.xi - loadu4(src.x + s), dy = a.yi - loadu4(src.y + s);
    const F4 d2 = dx * dx + dy * dy;
    const M4 in = lanes_before(s, end) & (d2 <= a.range2) & (d2 > a.self);
    if (!any(in)) continue;  // nobody in range in this block: nothing to add, nothing for pass 2
    const F4 d = sqrt4(max4(d2, a.self));
    const F4 reach = a.ri + loadu4(src.reach_radius + s);
    const F4 w = a.strength * exp4((reach - d) * a.inv_range) / d;
    acc.x = acc.x + keep_or_zero(in, w * dx);
    acc.y = acc.y + keep_or_zero(in, w * dy);
    acc.counted = acc.counted + keep_or_zero(in, loadu4(src.counted + s));
    if (keep) {
      store4(out.dx + out.lanes, dx);
      store4(out.dy + out.lanes, dy);
      store4(out.d + out.lanes, keep_or(in, d, a.far));
      store4(out.reach + out.lanes, reach);
      out.lanes += kLanes;
    }
  }
}

// Pass 2: the free spacing ahead along (ex, ey): the nearest neighbour in front (u . e >= 0)
// and within the corridor of the two bodies (|u x e| <= r_i + r_j), minus the contact
// distance. The stored offsets point from the neighbour to the agent, so "in front" is
// offset . e <= 0.
float min_spacing(const Blocks& b, float ex, float ey) {
  const F4 ex4 = splat4(ex), ey4 = splat4(ey), zero = splat4(0.0f), none = splat4(kNoSpacing);
  const F4 far_limit = splat4(kFar * 0.5f);
  F4 best = none;
  for (std::uint32_t k = 0; k < b.lanes; k += kLanes) {
    const F4 dx = loadu4(b.dx + k), dy = loadu4(b.dy + k), d = loadu4(b.d + k), reach = loadu4(b.reach + k);
    const F4 back = ex4 * dx + ey4 * dy;
    const F4 lateral = abs4(ex4 * dy - ey4 * dx);
    const M4 ahead = (d <= far_limit) & (zero >= back) & (lateral <= reach);
    best = min4(best, keep_or(ahead, d - reach, none));
  }
  return min_of4(best);
}

// Pass 2 without blocks (only when they overflowed): the same test from the slots.
F4 min_spacing_slots(F4 best, const SlotSource& src, std::uint32_t begin, std::uint32_t end, const AgentLanes& a,
                     float ex, float ey) {
  const F4 ex4 = splat4(ex), ey4 = splat4(ey), zero = splat4(0.0f), none = splat4(kNoSpacing);
  for (std::uint32_t s = begin; s < end; s += kLanes) {
    const F4 dx = a.xi - loadu4(src.x + s), dy = a.yi - loadu4(src.y + s);
    const F4 d2 = dx * dx + dy * dy;
    const F4 reach = a.ri + loadu4(src.reach_radius + s);
    const F4 back = ex4 * dx + ey4 * dy;
    const F4 lateral = abs4(ex4 * dy - ey4 * dx);
    const M4 ahead = lanes_before(s, end) & (d2 <= a.range2) & (d2 > a.self) & (zero >= back) & (lateral <= reach);
    best = min4(best, keep_or(ahead, sqrt4(max4(d2, a.self)) - reach, none));
  }
  return best;
}

// The neighbours an agent near a wall can see, copied out of the slot columns.
constexpr std::uint32_t kMaxVisible = 1024;
struct alignas(64) Visible {
  float x[kMaxVisible + kLanes], y[kMaxVisible + kLanes], radius[kMaxVisible + kLanes], counted[kMaxVisible + kLanes];
  std::uint32_t count = 0;
  SlotSource source() const { return {x, y, radius, counted}; }
  // The lanes after the last visible neighbour are masked off; give them harmless values.
  void pad() {
    for (std::uint32_t k = count; k < count + kLanes; ++k) {
      x[k] = y[k] = 1e18f;
      radius[k] = counted[k] = 0.0f;
    }
  }
};

// Is the straight line between two points crossed by a blocking barrier near the agent?
bool hidden(const KernelView& v, std::span<const std::uint32_t> near, DPoint a, DPoint b) {
  for (const std::uint32_t w : near) {
    const Barrier& bar = v.barriers[w];
    if (bar.gate && v.gate_open[bar.gate->value] != 0) continue;
    if (segments_intersect(a, b, widen(bar.segment.a), widen(bar.segment.b))) return true;
  }
  return false;
}

bool blocking(const KernelView& v, const Barrier& bar) {
  return !bar.gate || v.gate_open[bar.gate->value] == 0;
}

// Index of the first blocking barrier that forbids the move p -> q, if any. A move is allowed
// when it crosses no barrier and ends at least wall_clearance from it (or, for an agent already
// closer, no closer than it started).
std::optional<std::uint32_t> forbidding(const KernelView& v, std::span<const std::uint32_t> near, DPoint p, DPoint q) {
  const double clearance = v.params->wall_clearance;
  for (const std::uint32_t w : near) {
    const Barrier& bar = v.barriers[w];
    if (!blocking(v, bar)) continue;
    const DPoint a = widen(bar.segment.a), b = widen(bar.segment.b);
    if (segments_intersect(p, q, a, b)) return w;
    const double end2 = point_segment_distance2(q, a, b);
    if (end2 < clearance * clearance && end2 < point_segment_distance2(p, a, b)) return w;
  }
  return std::nullopt;
}

}  // namespace

void update_agents(const KernelView& v, std::size_t begin, std::size_t end) {
  const CrowdModelParams& p = *v.params;
  const Interactions& inter = *v.interactions;
  const float range2 = p.interaction_radius * p.interaction_radius;
  const float inv_neighbour_range = 1.0f / p.neighbour_range;
  const float inv_wall_range = 1.0f / p.wall_range;
  const float* __restrict sx = v.slot_x;
  const float* __restrict sy = v.slot_y;
  const float* __restrict sr = v.slot_radius;
  const float* __restrict sc = v.slot_counted;

  // Per-call scratch on the stack (about 50 kB): no allocation inside a step.
  Visible visible;
  Blocks blocks;
  // Arrived agents stand still; unless their heading or their count of "counted" neighbours
  // is wanted, they are copied forward (CrowdModelParams::recompute_arrived_heading).
  const bool skip_arrived = !p.recompute_arrived_heading && inter.counted_states == 0;
  const bool skip_standing = p.skip_standing && inter.counted_states == 0;
  for (std::size_t i = begin; i < end; ++i) {
    const float xi = v.x[i], yi = v.y[i], ri = v.radius[i];
    const std::uint8_t state = v.state[i];
    const bool was_arrived = v.phase[i] == static_cast<std::uint8_t>(WalkPhase::arrived);
    if ((was_arrived && skip_arrived) || (skip_standing && v.v0[i] == 0.0f)) {
      // What the full step gives an agent at speed 0 (not moved, so it arrives only if it
      // already stands within arrival_distance of its target; no counted states, so 0
      // counted), except that the heading is kept.
      const float rx = v.tx[i] - xi, ry = v.ty[i] - yi;
      const bool arrives = !was_arrived && rx * rx + ry * ry <= p.arrival_distance * p.arrival_distance;
      v.next_x[i] = xi;
      v.next_y[i] = yi;
      v.next_ex[i] = v.ex[i];
      v.next_ey[i] = v.ey[i];
      v.next_phase[i] = static_cast<std::uint8_t>(was_arrived || arrives ? WalkPhase::arrived : WalkPhase::walking);
      v.arrived_now[i] = arrives ? 1 : 0;
      v.counted[i] = 0;
      continue;
    }
    // The same mapping the grid used for this position (cheaper than dividing the cell index).
    const std::uint32_t my_row = v.frame.row_of(yi), my_col = v.frame.column_of(xi);
    const std::uint32_t cell = my_row * v.columns + my_col;
    const Neighbourhood hood = around(my_row, my_col, v.columns, v.rows);
    const std::span<const std::uint32_t> near = v.walls->near(cell);
    const DPoint here{xi, yi};

    // Desired direction.
    const float gx = v.tx[i] - xi, gy = v.ty[i] - yi;
    const float to_target = std::sqrt(gx * gx + gy * gy);
    float dir_x = to_target > 0.0f ? gx / to_target : 0.0f;
    float dir_y = to_target > 0.0f ? gy / to_target : 0.0f;

    // Neighbours, one contiguous slot range per grid row; near walls only those in sight
    // (the line-of-sight test runs only in cells within reach of a barrier).
    const SlotSource slots{sx, sy, sr, sc};
    const AgentLanes lanes{splat4(xi),     splat4(yi), splat4(ri), splat4(range2), splat4(kSelf2), splat4(p.neighbour_strength),
                           splat4(inv_neighbour_range), splat4(kFar)};
    Repulsion acc;
    blocks.lanes = 0;
    blocks.overflow = false;
    if (near.empty()) {
      for (std::uint32_t row = hood.row_begin; row <= hood.row_end; ++row) {
        const std::uint32_t s0 = v.slots.first_slot_at(row, hood.col_begin);
        const std::uint32_t s1 = v.slots.first_slot_at(row, hood.col_end + 1);
        add_repulsion(acc, blocks, slots, s0, s1, lanes);
      }
    } else {
      visible.count = 0;
      for (std::uint32_t row = hood.row_begin; row <= hood.row_end; ++row) {
        const std::uint32_t s0 = v.slots.first_slot_at(row, hood.col_begin);
        const std::uint32_t s1 = v.slots.first_slot_at(row, hood.col_end + 1);
        for (std::uint32_t s = s0; s < s1 && visible.count < kMaxVisible; ++s) {
          const float dx = xi - sx[s], dy = yi - sy[s];
          const float d2 = dx * dx + dy * dy;
          if (!(d2 <= range2 && d2 > kSelf2) || hidden(v, near, here, DPoint{sx[s], sy[s]})) continue;
          visible.x[visible.count] = sx[s];
          visible.y[visible.count] = sy[s];
          visible.radius[visible.count] = sr[s];
          visible.counted[visible.count] = sc[s];
          ++visible.count;
        }
      }
      visible.pad();
      add_repulsion(acc, blocks, visible.source(), 0, visible.count, lanes);
    }
    const struct {
      float x, y, counted;
    } rep{sum4(acc.x), sum4(acc.y), sum4(acc.counted)};
    dir_x += rep.x;
    dir_y += rep.y;

    // Walls and closed gates.
    for (const std::uint32_t w : near) {
      const Barrier& bar = v.barriers[w];
      if (!blocking(v, bar)) continue;
      const float ax = bar.segment.a.x, ay = bar.segment.a.y;
      const float wx = bar.segment.b.x - ax, wy = bar.segment.b.y - ay;
      const float len2 = wx * wx + wy * wy;
      const float t = len2 > 0.0f ? std::clamp(((xi - ax) * wx + (yi - ay) * wy) / len2, 0.0f, 1.0f) : 0.0f;
      const float dx = xi - (ax + t * wx), dy = yi - (ay + t * wy);
      const float d2 = dx * dx + dy * dy;
      if (!(d2 > kSelf2) || d2 > range2) continue;
      const float d = std::sqrt(d2);
      const float f = p.wall_strength * fast_exp((ri - d) * inv_wall_range) / d;
      dir_x += f * dx;
      dir_y += f * dy;
    }

    // The protest model's fields.
    const StateMask bit = state_bit(state);
    for (const FieldSource& src : inter.sources) {
      if ((src.affects & bit) == 0) continue;
      const float dx = xi - src.position.x, dy = yi - src.position.y;
      const float d2 = dx * dx + dy * dy;
      if (!(d2 > kSelf2)) continue;
      const float d = std::sqrt(d2);
      const float f = src.strength * fast_exp(-d / src.range) / d;
      dir_x += f * dx;
      dir_y += f * dy;
    }

    const float norm = std::sqrt(dir_x * dir_x + dir_y * dir_y);
    if (norm > 1e-6f) {
      dir_x /= norm;
      dir_y /= norm;
    } else {  // forces cancel: keep the previous heading
      dir_x = v.ex[i];
      dir_y = v.ey[i];
    }

    // Speed from the free spacing ahead.
    float spacing = kNoSpacing;
    if (!blocks.overflow) {
      spacing = min_spacing(blocks, dir_x, dir_y);
    } else if (near.empty()) {
      F4 best = splat4(kNoSpacing);
      for (std::uint32_t row = hood.row_begin; row <= hood.row_end; ++row) {
        const std::uint32_t s0 = v.slots.first_slot_at(row, hood.col_begin);
        const std::uint32_t s1 = v.slots.first_slot_at(row, hood.col_end + 1);
        best = min_spacing_slots(best, slots, s0, s1, lanes, dir_x, dir_y);
      }
      spacing = min_of4(best);
    } else {
      spacing = min_of4(min_spacing_slots(splat4(kNoSpacing), visible.source(), 0, visible.count, lanes, dir_x, dir_y));
    }
    const float max_speed = v.v0[i] * inter.speed_factor[state];
    float speed = std::min(max_speed, std::max(0.0f, spacing / p.time_gap));
    if (was_arrived) speed = 0.0f;
    const float step = std::min({speed * v.dt, to_target, p.interaction_radius});

    float nx = xi + dir_x * step, ny = yi + dir_y * step;
    if (!near.empty() && step > 0.0f) {
      if (const std::optional<std::uint32_t> wall = forbidding(v, near, here, DPoint{nx, ny})) {
        // Slide along the barrier that stopped the move; if that is forbidden too, stay.
        const Segment& s = v.barriers[*wall].segment;
        const double wx = static_cast<double>(s.b.x) - s.a.x, wy = static_cast<double>(s.b.y) - s.a.y;
        const double len2 = wx * wx + wy * wy;
        const double along = len2 > 0.0 ? ((nx - here.x) * wx + (ny - here.y) * wy) / len2 : 0.0;
        const float sxn = static_cast<float>(here.x + along * wx), syn = static_cast<float>(here.y + along * wy);
        if (len2 > 0.0 && !forbidding(v, near, here, DPoint{sxn, syn})) {
          nx = sxn;
          ny = syn;
        } else {
          nx = xi;
          ny = yi;
        }
      }
    }

    const float rx = v.tx[i] - nx, ry = v.ty[i] - ny;
    const bool arrives = !was_arrived && rx * rx + ry * ry <= p.arrival_distance * p.arrival_distance;
    v.next_x[i] = nx;
    v.next_y[i] = ny;
    v.next_ex[i] = dir_x;
    v.next_ey[i] = dir_y;
    v.next_phase[i] = static_cast<std::uint8_t>(was_arrived || arrives ? WalkPhase::arrived : WalkPhase::walking);
    v.arrived_now[i] = arrives ? 1 : 0;
    v.counted[i] = static_cast<std::uint16_t>(std::min(rep.counted, 65535.0f));
  }
}

}  // namespace campsim::crowd
