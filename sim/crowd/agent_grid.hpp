#pragma once
// The agents' uniform grid, rebuilt every step by a stable counting sort (no per-cell vectors):
// slots [start(c), start(c+1)) hold the agents of cell c, and the slot columns copy what a
// neighbour query reads (position, radius, "counted" flag) so the kernel scans contiguous
// memory. Cells are numbered row-major, so the three cells of one grid row around an agent are
// one contiguous slot range.
//
// Determinism: slots within a cell follow storage order (the sort is stable), and storage order
// depends only on the sequence of adds, removals and re-sorts, never on threads.
#include <cstddef>
#include <cstdint>
#include <span>

#include "sim/crowd/aligned_column.hpp"
#include "sim/crowd/grid_frame.hpp"
#include "sim/crowd/interactions.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::crowd {

struct AgentColumnsView {
  std::span<const float> x, y, radius;
  std::span<const std::uint8_t> state;
};

// The slot columns hold this many entries past the last agent (far away, radius 0), so the
// kernel may read whole blocks of four without reading outside the allocation.
inline constexpr std::size_t kSlotPadding = 4;

class AgentGrid {
 public:
  void reserve(std::size_t agents, const GridFrame& frame);

  // Cells of every agent (in parallel chunks of `grain`), then the counting sort.
  void rebuild(const GridFrame& frame, const AgentColumnsView& agents, StateMask counted_states,
               engine::Parallelism& parallelism, std::size_t grain);

  // After the caller has permuted its columns into slot order (agent k = old slot_agent[k]),
  // the grid describes the new order too: slot s holds agent s.
  void adopt_slot_order();

  std::span<const std::uint32_t> cell_of() const { return {cell_of_.data(), agents_}; }
  std::span<const std::uint32_t> slot_agent() const { return {slot_agent_.data(), agents_}; }
  const std::uint32_t* cell_start() const { return start_.data(); }
  const float* slot_x() const { return sx_.data(); }
  const float* slot_y() const { return sy_.data(); }
  const float* slot_radius() const { return sr_.data(); }
  const float* slot_counted() const { return sc_.data(); }
  std::size_t memory_bytes() const;

 private:
  std::size_t agents_ = 0;
  Column<std::uint32_t> cell_of_;     // per agent (storage order)
  Column<std::uint32_t> start_;       // per cell + 1
  Column<std::uint32_t> cursor_;      // per cell, scatter scratch
  Column<std::uint32_t> slot_agent_;  // per slot: storage index
  Column<float> sx_, sy_, sr_, sc_;   // per slot
};

}  // namespace campsim::crowd
