#pragma once
// One step of the collision-free speed model (Tordeux, Chraibi & Seyfried 2016) for a range of
// agents. Reads only the previous state and the grid built from it; writes only the agents'
// own slots of the next state, so any split of the agents over threads gives the same bytes.
//
// For agent i with position x_i, radius r_i, target t_i, desired speed v0_i:
//   e0   = (t_i - x_i) / |t_i - x_i|
//   e_i  = normalise(e0 + sum_j a exp((r_i + r_j - s_ij) / D) u_ji          neighbours in range
//                       + sum_w a_w exp((r_i - s_iw) / D_w) u_wi           walls, closed gates
//                       + sum_k F_k exp(-s_ik / L_k) u_ki)                 field sources (hook)
//   s_i  = min over neighbours j ahead (u_ij . e_i >= 0) and within the corridor
//          (|u_ij x e_i| <= r_i + r_j) of s_ij - r_i - r_j
//   v_i  = min(v0_i * speed_factor[state_i], max(0, s_i / T))
//   x_i' = x_i + v_i e_i dt, never beyond the target, never within wall_clearance of a wall
// (u_ji is the unit vector from j to i, s the centre distance). Neighbours hidden behind a wall
// or closed gate do not count (as in JuPedSim). An arrived agent stands (v_i = 0); by default it
// is not computed at all and keeps its heading (CrowdModelParams::recompute_arrived_heading).
#include <cstddef>
#include <cstdint>
#include <span>

#include "sim/crowd/agent_grid.hpp"
#include "sim/crowd/crowd_geometry.hpp"
#include "sim/crowd/crowd_params.hpp"
#include "sim/crowd/grid_frame.hpp"
#include "sim/crowd/interactions.hpp"
#include "sim/crowd/wall_index.hpp"

namespace campsim::crowd {

enum class WalkPhase : std::uint8_t { walking = 0, arrived = 1 };

struct KernelView {
  // Previous state, storage order (read-only during the step).
  const float *x, *y, *ex, *ey, *tx, *ty, *v0, *radius;
  const std::uint8_t *state, *phase;
  // The grid built from the previous state.
  GridFrame frame;
  SlotLookup slots;
  const float *slot_x, *slot_y, *slot_radius, *slot_counted;
  std::uint32_t columns, rows;
  // Geometry and the model.
  const WallIndex* walls;
  std::span<const Barrier> barriers;
  std::span<const std::uint8_t> gate_open;
  const Interactions* interactions;
  const CrowdModelParams* params;
  float dt;
  // Next state: agent i writes index i only.
  float *next_x, *next_y, *next_ex, *next_ey;
  std::uint8_t *next_phase, *arrived_now;
  std::uint16_t* counted;
};

void update_agents(const KernelView& view, std::size_t begin, std::size_t end);

// Which agents update_agents does not compute (CrowdModelParams::recompute_arrived_heading,
// skip_standing): it only copies them forward and checks whether they stand at their target.
// Such an agent reads nothing of the grid.
struct StandingRule {
  bool arrived = false;   // an arrived agent stands
  bool standing = false;  // an agent at desired speed 0 stands
  bool stands(bool was_arrived, float desired_speed) const {
    return (was_arrived && arrived) || (standing && desired_speed == 0.0f);
  }
};
StandingRule standing_rule(const CrowdModelParams& params, const Interactions& interactions);

}  // namespace campsim::crowd
