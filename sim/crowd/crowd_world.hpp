#pragma once
// A crowd of pedestrians between walls and gates, stepped by the collision-free speed model
// (crowd_kernel.hpp). What the camp drives from its tick:
//
//   CrowdWorld world(min_x, min_y, max_x, max_y);
//   world.set_geometry(perimeter_and_gates);
//   CrowdAgentId id = world.add_agent({position, target, desired_speed, radius, state});
//   world.step(dt, parallelism);             // one time step, in parallel, same bytes on any
//   for (CrowdAgentId a : world.arrivals())   // thread count; who reached their target
//     ...put a in the bunker; world.remove_agent(a);
//   world.position(id); world.set_target(id, p); world.interactions().sources = {...};
//
// Storage is struct-of-arrays floats, double-buffered for what a step changes (position,
// heading, phase). Agents are re-sorted by grid cell every params.resort_interval steps, so
// neighbours are near in memory; ids stay stable and every query or output goes by id.
// Nothing allocates inside step() once reserve() covers the population and the agents stay
// inside the bounds given at construction (outside agents are still handled exactly, in the
// edge cells, just more slowly).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/crowd/agent_grid.hpp"
#include "sim/crowd/aligned_column.hpp"
#include "sim/crowd/crowd_geometry.hpp"
#include "sim/crowd/crowd_kernel.hpp"
#include "sim/crowd/crowd_params.hpp"
#include "sim/crowd/crowd_types.hpp"
#include "sim/crowd/grid_frame.hpp"
#include "sim/crowd/interactions.hpp"
#include "sim/crowd/wall_index.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::crowd {

// Wall-clock seconds spent in each phase of step(), summed over steps (for benchmarks; never
// read by the model).
struct CrowdStepTimings {
  double compact_s = 0.0, grid_s = 0.0, resort_s = 0.0, kernel_s = 0.0, arrivals_s = 0.0;
  std::uint64_t steps = 0;
  std::uint64_t idle_steps = 0;  // steps in which every agent stood (no grid unless a re-sort fell due)
};

class CrowdWorld {
 public:
  CrowdWorld(float min_x, float min_y, float max_x, float max_y, CrowdModelParams params = {});

  // Geometry: replaces every wall and gate (rebuilds the wall index; not for every tick).
  void set_geometry(CrowdGeometry geometry);
  const CrowdGeometry& geometry() const { return geometry_; }
  void set_gate_open(GateId gate, bool open) { geometry_.set_gate_open(gate, open); }

  // The protest model's hook (interactions.hpp); change it between steps.
  Interactions& interactions() { return interactions_; }
  const Interactions& interactions() const { return interactions_; }
  const CrowdModelParams& params() const { return params_; }

  void reserve(std::size_t agents);
  // Throws std::invalid_argument for a non-finite position or target, a negative or
  // non-finite speed, a radius outside [0.1, 1] m (the kernel holds at most 512 neighbours in range), or a state >= kMaxStates.
  CrowdAgentId add_agent(const AgentSpec& spec);
  // Gone at once for every query; its storage is reclaimed at the start of the next step.
  void remove_agent(CrowdAgentId id);
  bool contains(CrowdAgentId id) const;
  std::size_t agent_count() const { return live_; }

  // Each throws std::out_of_range for an id that is not (or no longer) in the world.
  void set_target(CrowdAgentId id, Point2 target);  // also clears "arrived"
  void set_state(CrowdAgentId id, std::uint8_t state);
  void set_desired_speed(CrowdAgentId id, float speed);
  Point2 position(CrowdAgentId id) const;
  // The direction chosen in the last step; an arrived agent keeps the one it arrived with
  // (unless params().recompute_arrived_heading).
  Point2 heading(CrowdAgentId id) const;
  std::uint8_t state(CrowdAgentId id) const;
  bool arrived(CrowdAgentId id) const;
  // Neighbours within the interaction radius whose state is in interactions().counted_states,
  // as seen in the last step (0 before the first).
  std::uint16_t counted_neighbours(CrowdAgentId id) const;

  void step(float dt, engine::Parallelism& parallelism);
  std::uint64_t steps_taken() const { return timings_.steps; }

  // Agents that reached their target during the last step, ascending id. Each is reported once.
  std::span<const CrowdAgentId> arrivals() const { return arrivals_; }

  // Live agents as (id, position, state), ascending id: the order of every output.
  template <class F>
  void for_each_agent(F&& visit) const {
    for (std::uint32_t id = 0; id < index_of_id_.size(); ++id) {
      const std::uint32_t i = index_of_id_[id];
      if (i != kNone) visit(CrowdAgentId{id}, Point2{x_[i], y_[i]}, state_[i]);
    }
  }

  const CrowdStepTimings& timings() const { return timings_; }
  // Bytes held by every column, index and grid (capacity, not size).
  std::size_t memory_bytes() const;

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  std::uint32_t index_checked(CrowdAgentId id) const;
  void compact();
  void resort(engine::Parallelism& parallelism);
  KernelView kernel_view(float dt);

  CrowdModelParams params_;
  GridFrame frame_;
  CrowdGeometry geometry_;
  WallIndex walls_;
  Interactions interactions_;
  AgentGrid grid_;

  // Per agent, storage order. Double-buffered: position, heading, phase.
  Column<float> x_, y_, ex_, ey_, next_x_, next_y_, next_ex_, next_ey_;
  Column<std::uint8_t> phase_, next_phase_;
  Column<float> tx_, ty_, v0_, radius_;
  Column<std::uint8_t> state_, arrived_now_, removed_;
  Column<std::uint16_t> counted_;
  Column<CrowdAgentId> id_;
  // Re-sort scratch, one per element type (swapped with each column in turn).
  Column<float> scratch_f_;
  Column<std::uint8_t> scratch_u8_;
  Column<CrowdAgentId> scratch_id_;

  std::vector<std::uint32_t> index_of_id_;  // per id ever issued: storage index or kNone
  std::vector<CrowdAgentId> arrivals_;
  std::size_t live_ = 0, pending_removals_ = 0;
  // The first removals since the last step, by storage index (removed_ flags them all).
  std::array<std::uint32_t, 32> listed_removals_{};
  std::uint64_t steps_since_resort_ = 0;
  CrowdStepTimings timings_;
};

}  // namespace campsim::crowd
