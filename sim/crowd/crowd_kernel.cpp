#include "sim/crowd/crowd_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "sim/crowd/fast_exp.hpp"
#include "sim/crowd/kernel_lanes.hpp"
#include "sim/crowd/lanes4.hpp"
#include "sim/crowd/neighbour_blocks.hpp"
#include "sim/crowd/neighbour_passes8.hpp"
#include "sim/crowd/segment_math.hpp"

namespace campsim::crowd {

namespace {

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
// Where the CPU has AVX2 the passes may run eight lanes at a time instead
// (neighbour_passes8.cpp), to the same bits.
constexpr int kLanes = 4;

M4 lanes_before(std::uint32_t s, std::uint32_t end) {
  const std::uint32_t left = end - s;  // >= 1
  return first_lanes(left >= 4 ? 4 : static_cast<int>(left));
}

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
  // (Blocks kept after an overflow are never read.)
  const bool keep = out.lanes + (end - begin) + kLanes <= kMaxLanes;
  out.overflow = out.overflow || !keep;
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
  float x[kMaxVisible + kWidestBlock], y[kMaxVisible + kWidestBlock], radius[kMaxVisible + kWidestBlock],
      counted[kMaxVisible + kWidestBlock];
  std::uint32_t count = 0;
  SlotSource source() const { return {x, y, radius, counted}; }
  // The lanes after the last visible neighbour are masked off; give them harmless values.
  void pad() {
    for (std::uint32_t k = count; k < count + kWidestBlock; ++k) {
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

// The named steps of one agent's update. Each reads the previous state only; the floating-point
// operations are those of the model's formulas (crowd_kernel.hpp) in the same order, so the
// split into functions changes no bit.

// Every agent's next state starts as its current one, column by column: what a standing agent
// (StandingRule) keeps. It is not moved, keeps its heading, has no counted states (0 counted)
// and has not just arrived; walkers then overwrite all of it. (Cheaper than writing each
// standing agent field by field: in a year's shelter runs about six agents stand, in a door's
// queue or waiting to set off, for every one who walks.)
void carry_forward(const KernelView& v, std::size_t begin, std::size_t end) {
  std::copy(v.x + begin, v.x + end, v.next_x + begin);
  std::copy(v.y + begin, v.y + end, v.next_y + begin);
  std::copy(v.ex + begin, v.ex + end, v.next_ex + begin);
  std::copy(v.ey + begin, v.ey + end, v.next_ey + begin);
  std::copy(v.phase + begin, v.phase + end, v.next_phase + begin);
  std::fill(v.arrived_now + begin, v.arrived_now + end, std::uint8_t{0});
  std::fill(v.counted + begin, v.counted + end, std::uint16_t{0});
}

// A standing agent not yet arrived arrives if it already stands within arrival_distance of its
// target (the rest of its next state was carried forward).
void stand(const KernelView& v, std::size_t i) {
  const float xi = v.x[i], yi = v.y[i];
  const float rx = v.tx[i] - xi, ry = v.ty[i] - yi;
  const float reach = v.params->arrival_distance;
  if (rx * rx + ry * ry <= reach * reach) {
    v.next_phase[i] = static_cast<std::uint8_t>(WalkPhase::arrived);
    v.arrived_now[i] = 1;
  }
}

// Where the agent stands in the grid: the grid rows and columns around its cell (the same
// mapping the grid used for this position, cheaper than dividing the cell index), the slots of
// the neighbourhood's cells in each of those rows (one contiguous range per row), and the
// barriers within reach of that cell.
struct Place {
  std::uint32_t row = 0, column = 0;
  Neighbourhood hood{};
  SlotLookup::Span rows[3]{};  // rows hood.row_begin .. hood.row_end, in order
  std::uint32_t row_count = 0;
  std::span<const std::uint32_t> near;
  // Sparse layout: where each row's search ended (SlotLookup::sparse_row_span), a start for
  // the next agent's search when it stands further along the same row.
  std::uint32_t searched_from[3]{};
};

// Agents are stored nearly in grid order, so the next agent often stands in the cell the last
// one stood in (about one walker in six in a year's shelter runs). In the sparse layout each
// row's range costs a binary search over the row's occupied cells, so the last cell's place is
// kept and reused: the grid does not change during a step, so the ranges are the same.
struct LastPlace {
  Place place;
  bool known = false;
};

[[gnu::always_inline]] inline const Place& locate(const KernelView& v, float xi, float yi, LastPlace& last) {
  const std::uint32_t my_row = v.frame.row_of(yi), my_col = v.frame.column_of(xi);
  Place& p = last.place;
  if (last.known && p.row == my_row && p.column == my_col) return p;
  const bool further_along = last.known && p.row == my_row && p.column < my_col;
  p.row = my_row;
  p.column = my_col;
  p.hood = around(my_row, my_col, v.columns, v.rows);
  p.row_count = 0;
  if (v.slots.sparse_by_row()) {
    // The same rows as the last agent's, from a column no smaller: each row's search starts
    // where the last one ended.
    for (std::uint32_t row = p.hood.row_begin; row <= p.hood.row_end; ++row, ++p.row_count) {
      std::uint32_t& from = p.searched_from[p.row_count];
      if (!further_along) from = v.slots.row_occupied[row];
      p.rows[p.row_count] = v.slots.sparse_row_span(row, p.hood.col_begin, p.hood.col_end, from);
    }
  } else {
    for (std::uint32_t row = p.hood.row_begin; row <= p.hood.row_end; ++row)
      p.rows[p.row_count++] = v.slots.row_span(row, p.hood.col_begin, p.hood.col_end);
  }
  p.near = v.walls->near(my_row * v.columns + my_col);
  last.known = true;
  return p;
}

// The neighbours an agent near a wall can see, copied out of the slot columns.
[[gnu::noinline]] void gather_visible(const KernelView& v, const Place& place, float xi, float yi, float range2, Visible& visible) {
  const DPoint here{xi, yi};
  visible.count = 0;
  for (std::uint32_t r = 0; r < place.row_count; ++r) {
    const SlotLookup::Span in_row = place.rows[r];
    for (std::uint32_t s = in_row.begin; s < in_row.end && visible.count < kMaxVisible; ++s) {
      const float dx = xi - v.slot_x[s], dy = yi - v.slot_y[s];
      const float d2 = dx * dx + dy * dy;
      if (!(d2 <= range2 && d2 > kSelf2) || hidden(v, place.near, here, DPoint{v.slot_x[s], v.slot_y[s]})) continue;
      visible.x[visible.count] = v.slot_x[s];
      visible.y[visible.count] = v.slot_y[s];
      visible.radius[visible.count] = v.slot_radius[s];
      visible.counted[visible.count] = v.slot_counted[s];
      ++visible.count;
    }
  }
  visible.pad();
}

// What every agent's step reads of the parameters, worked out once per call.
struct StepConstants {
  float range2, inv_neighbour_range, inv_wall_range, neighbour_strength;
  F4 range2_4, self4, strength4, inv_range4, far4;  // the same, and others, in four lanes
};

// The agent in four lanes, for the four-lane passes: built only where they run (the eight-lane
// passes build their own), so the wide path does not fill eight vectors per agent for nothing.
AgentLanes agent_lanes(const StepConstants& c, const PassInputs& in) {
  return {splat4(in.xi), splat4(in.yi), splat4(in.ri), c.range2_4, c.self4, c.strength4, c.inv_range4, c.far4};
}

// The slots the agent's passes read: the grid rows around it, or near a wall the neighbours in
// sight (copied into `visible`).
[[gnu::always_inline]] inline Candidates candidates(const KernelView& v, const Place& place, float xi, float yi, float range2, Visible& visible) {
  Candidates c;
  if (place.near.empty()) {
    c.source = {v.slot_x, v.slot_y, v.slot_radius, v.slot_counted};
    // All three copied (a fixed size, so a few moves), only the first row_count read: a loop to
    // row_count became a call to memcpy per agent.
    std::copy_n(place.rows, 3, c.ranges);
    c.count = place.row_count;
  } else {
    gather_visible(v, place, xi, yi, range2, visible);
    c.source = visible.source();
    c.ranges[c.count++] = {0, visible.count};
  }
  return c;
}

// Pass 1 over the candidates: their repulsion and count, and the blocks pass 2 reads.
template <KernelLanes L>
Push repulsion(const Candidates& candidates, const StepConstants& c, const PassInputs& in, Blocks& blocks) {
#ifdef CAMPSIM_WIDE_LANES
  if constexpr (L == KernelLanes::eight) return avx2::repulsion(candidates, in, blocks);
#endif
  const AgentLanes lanes = agent_lanes(c, in);
  Repulsion acc;
  blocks.lanes = 0;
  blocks.overflow = false;
  for (std::uint32_t r = 0; r < candidates.count; ++r)
    add_repulsion(acc, blocks, candidates.source, candidates.ranges[r].begin, candidates.ranges[r].end, lanes);
  return {sum4(acc.x), sum4(acc.y), sum4(acc.counted)};
}

// The walls' and closed gates' repulsion, added to the direction.
[[gnu::always_inline]] inline void push_from_walls(const KernelView& v, const StepConstants& c, std::span<const std::uint32_t> near, float xi,
                     float yi, float ri, float& dir_x, float& dir_y) {
  const float strength = v.params->wall_strength;
  for (const std::uint32_t w : near) {
    const Barrier& bar = v.barriers[w];
    if (!blocking(v, bar)) continue;
    const float ax = bar.segment.a.x, ay = bar.segment.a.y;
    const float wx = bar.segment.b.x - ax, wy = bar.segment.b.y - ay;
    const float len2 = wx * wx + wy * wy;
    const float t = len2 > 0.0f ? std::clamp(((xi - ax) * wx + (yi - ay) * wy) / len2, 0.0f, 1.0f) : 0.0f;
    const float dx = xi - (ax + t * wx), dy = yi - (ay + t * wy);
    const float d2 = dx * dx + dy * dy;
    if (!(d2 > kSelf2) || d2 > c.range2) continue;
    const float d = std::sqrt(d2);
    const float f = strength * fast_exp((ri - d) * c.inv_wall_range) / d;
    dir_x += f * dx;
    dir_y += f * dy;
  }
}

// The protest model's fields, added to the direction.
[[gnu::always_inline]] inline void push_from_fields(const Interactions& inter, std::uint8_t state, float xi, float yi, float& dir_x, float& dir_y) {
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
}

// Pass 2: the free spacing ahead along the chosen direction, from the blocks pass 1 left (in
// its lane width), or rescanning the candidates if they overflowed.
template <KernelLanes L>
float free_spacing(const Candidates& candidates, const Blocks& blocks, const StepConstants& c, const PassInputs& in,
                   float dir_x, float dir_y) {
  if (!blocks.overflow) {
#ifdef CAMPSIM_WIDE_LANES
    if constexpr (L == KernelLanes::eight) return avx2::min_spacing(blocks, dir_x, dir_y);
#endif
    return min_spacing(blocks, dir_x, dir_y);
  }
  const AgentLanes lanes = agent_lanes(c, in);
  F4 best = splat4(kNoSpacing);
  for (std::uint32_t r = 0; r < candidates.count; ++r)
    best = min_spacing_slots(best, candidates.source, candidates.ranges[r].begin, candidates.ranges[r].end, lanes,
                             dir_x, dir_y);
  return min_of4(best);
}

// The move's end: (nx, ny), or slid along the barrier that forbids it, or the start if that is
// forbidden too.
void keep_off_walls(const KernelView& v, std::span<const std::uint32_t> near, DPoint here, float& nx, float& ny) {
  const std::optional<std::uint32_t> wall = forbidding(v, near, here, DPoint{nx, ny});
  if (!wall) return;
  const Segment& s = v.barriers[*wall].segment;
  const double wx = static_cast<double>(s.b.x) - s.a.x, wy = static_cast<double>(s.b.y) - s.a.y;
  const double len2 = wx * wx + wy * wy;
  const double along = len2 > 0.0 ? ((nx - here.x) * wx + (ny - here.y) * wy) / len2 : 0.0;
  const float sxn = static_cast<float>(here.x + along * wx), syn = static_cast<float>(here.y + along * wy);
  if (len2 > 0.0 && !forbidding(v, near, here, DPoint{sxn, syn})) {
    nx = sxn;
    ny = syn;
  } else {
    nx = static_cast<float>(here.x);
    ny = static_cast<float>(here.y);
  }
}

// One walking (or, with recompute_arrived_heading, arrived) agent's step.
template <KernelLanes L>
void walk(const KernelView& v, const StepConstants& c, std::size_t i, bool was_arrived, Blocks& blocks,
          Visible& visible, LastPlace& last) {
  const CrowdModelParams& p = *v.params;
  const float range2 = c.range2;
  const float xi = v.x[i], yi = v.y[i], ri = v.radius[i];
  const std::uint8_t state = v.state[i];
  const Place& place = locate(v, xi, yi, last);

  // Preferred direction: to the target.
  const float gx = v.tx[i] - xi, gy = v.ty[i] - yi;
  const float to_target = std::sqrt(gx * gx + gy * gy);
  float dir_x = to_target > 0.0f ? gx / to_target : 0.0f;
  float dir_y = to_target > 0.0f ? gy / to_target : 0.0f;

  // Avoidance: neighbours, walls and closed gates, the protest model's fields.
  const Candidates around_me = candidates(v, place, xi, yi, range2, visible);
  const PassInputs in{xi, yi, ri, range2, c.neighbour_strength, c.inv_neighbour_range};
  const Push rep = repulsion<L>(around_me, c, in, blocks);
  dir_x += rep.x;
  dir_y += rep.y;
  push_from_walls(v, c, place.near, xi, yi, ri, dir_x, dir_y);
  push_from_fields(*v.interactions, state, xi, yi, dir_x, dir_y);
  const float norm = std::sqrt(dir_x * dir_x + dir_y * dir_y);
  if (norm > 1e-6f) {
    dir_x /= norm;
    dir_y /= norm;
  } else {  // forces cancel: keep the previous heading
    dir_x = v.ex[i];
    dir_y = v.ey[i];
  }

  // Speed from the free spacing ahead, then the move (never beyond the target, never through
  // or up to a wall).
  const float spacing = free_spacing<L>(around_me, blocks, c, in, dir_x, dir_y);
  const float max_speed = v.v0[i] * v.interactions->speed_factor[state];
  float speed = std::min(max_speed, std::max(0.0f, spacing / p.time_gap));
  if (was_arrived) speed = 0.0f;
  const float step = std::min({speed * v.dt, to_target, p.interaction_radius});
  float nx = xi + dir_x * step, ny = yi + dir_y * step;
  if (!place.near.empty() && step > 0.0f) keep_off_walls(v, place.near, DPoint{xi, yi}, nx, ny);

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

}  // namespace

StandingRule standing_rule(const CrowdModelParams& p, const Interactions& inter) {
  // Arrived agents stand still; unless their heading or their count of "counted" neighbours
  // is wanted, they are copied forward (CrowdModelParams::recompute_arrived_heading).
  return {!p.recompute_arrived_heading && inter.counted_states == 0, p.skip_standing && inter.counted_states == 0};
}

namespace {

template <KernelLanes L>
void update_agents_in(const KernelView& v, std::size_t begin, std::size_t end) {
  // Per-call scratch on the stack (about 50 kB): no allocation inside a step.
  Visible visible;
  Blocks blocks;
  LastPlace last;
  const StandingRule rule = standing_rule(*v.params, *v.interactions);
  const CrowdModelParams& p = *v.params;
  const float range2 = p.interaction_radius * p.interaction_radius, inv_neighbour_range = 1.0f / p.neighbour_range;
  const StepConstants c{range2,
                        inv_neighbour_range,
                        1.0f / p.wall_range,
                        p.neighbour_strength,
                        splat4(range2),
                        splat4(kSelf2),
                        splat4(p.neighbour_strength),
                        splat4(inv_neighbour_range),
                        splat4(kFar)};
  carry_forward(v, begin, end);
  for (std::size_t i = begin; i < end; ++i) {
    const bool was_arrived = v.phase[i] == static_cast<std::uint8_t>(WalkPhase::arrived);
    if (rule.stands(was_arrived, v.v0[i])) {
      if (!was_arrived) stand(v, i);
    } else
      walk<L>(v, c, i, was_arrived, blocks, visible, last);
  }
}

}  // namespace

void update_agents(const KernelView& v, std::size_t begin, std::size_t end) {
  // The same bits in either lane width (kernel_lanes.hpp): the choice is one of speed.
  if (kernel_lanes() == KernelLanes::eight)
    update_agents_in<KernelLanes::eight>(v, begin, end);
  else
    update_agents_in<KernelLanes::four>(v, begin, end);
}

}  // namespace campsim::crowd
