#pragma once
// Parameters of the collision-free speed model (Tordeux, Chraibi & Seyfried 2016) and of the
// kernel that runs it. Defaults and their sources: docs/crowd.md.
#include <cstddef>
#include <cstdint>

namespace campsim::crowd {

// How the agents' grid indexes its cells (performance only: both give the same bytes).
enum class GridLayout : std::uint8_t {
  automatic,  // sparse when the frame has more than kSparseCellsPerAgent cells per agent, and
              // then window when the agents' bounding box has at most that many
  dense,      // an array over every cell of the frame: best for crowds that fill it
  sparse,     // only the occupied cells, sorted: best for a few thousand people in a camp-sized frame
  window,     // dense over the agents' bounding box: best for a crowd gathered in one corner of it
};

struct CrowdModelParams {
  // Direction model: e_i = normalise(e0 + sum_j a exp((l_ij - s_ij) / D) u_ji + walls + fields).
  float neighbour_strength = 8.0f;   // a (dimensionless); JuPedSim default
  float neighbour_range = 0.1f;      // D (m); JuPedSim default
  float wall_strength = 5.0f;        // a_w (dimensionless); JuPedSim default
  float wall_range = 0.02f;          // D_w (m); JuPedSim default
  // Speed model: v_i = min(v0_i, max(0, s_i / T)), s_i the free spacing ahead along e_i.
  // T (s): calibrated here to measured bottleneck flows (docs/crowd.md; JuPedSim's default 1 s
  // gives about 1.0 person/m/s, the bottom of the measured range).
  float time_gap = 0.5f;
  // Neighbours and walls are considered within this distance; also the grid cell size.
  float interaction_radius = 2.0f;   // m; the benchmark's neighbour range
  // An agent this close to its target has arrived (reported once, then stands still).
  float arrival_distance = 0.3f;     // m; assumed (about one body width)
  // No move may end within this distance of a wall or closed gate (the hard guarantee that
  // nobody passes through; the repulsion alone does not promise it at finite dt).
  float wall_clearance = 0.001f;     // m; assumed (numerical margin, far below body size)
  // Performance only: agents are physically re-sorted by grid cell every this many steps.
  // Part of the configuration because it fixes the order of floating-point sums.
  int resort_interval = 8;
  // Agents per parallel chunk (measured: docs/performance.md).
  std::size_t grain = 512;
  // Performance only: results are the same bytes with any layout (tested).
  GridLayout grid_layout = GridLayout::automatic;
  // An arrived agent stands still (speed 0), so a step computes for it only a new heading, and
  // that heading is read only by the agent itself, as the fallback when its forces cancel
  // exactly (norm below 1e-6) after it is sent walking again. false: an arrived agent is skipped
  // and keeps the heading it arrived with (a standing crowd costs almost nothing per step);
  // true: the plain definition, its heading recomputed every step (the reference in tests).
  // Positions, phases and arrivals are the same bytes either way unless that exact cancellation
  // happens at the step an agent is sent walking again (tested; docs/performance.md).
  bool recompute_arrived_heading = false;
  // An agent whose desired speed is 0 (waiting out a reaction time, or standing in a queue) also
  // stands still whatever its neighbours do, so a step likewise computes for it only a heading
  // (and whether it stands within arrival_distance of its target, which is kept). true: it is
  // skipped like an arrived agent and keeps its heading, with the same proviso; false: the plain
  // definition (the reference in tests, and the default: only the shelter runs turn it on).
  bool skip_standing = false;
};

// Throws std::invalid_argument naming the parameter, its value and the allowed range.
void validate(const CrowdModelParams& params);

}  // namespace campsim::crowd
