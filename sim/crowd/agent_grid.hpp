#pragma once
// The agents' uniform grid, rebuilt every step: slots [first(c), first(c+1)) hold the agents of
// cell c, and the slot columns copy what a neighbour query reads (position, radius, "counted"
// flag) so the kernel scans contiguous memory. Cells are numbered row-major, so the three cells
// of one grid row around an agent are one contiguous slot range.
//
// Three layouts give the same slots (performance only):
//  - dense: a stable counting sort over every cell of the frame (a crowd that fills its frame);
//  - sparse: the agents sorted by (cell, storage index) and only the occupied cells listed, so a
//    step costs O(n log n) whatever the frame's size (2,000 people running to bunkers in a camp
//    of 150 hectares, whose frame has 390,000 cells of 2 m);
//  - window: the dense counting sort over the cells of the agents' bounding box only, widened
//    by one cell on each side so every neighbourhood the kernel asks about lies inside (2,000
//    protesters standing in front of one gate of that camp: a few hundred cells). A lookup is
//    an array read where the sparse one is a binary search (a quarter of a protest's kernel
//    time went into those searches, docs/performance.md).
//
// Determinism: slots within a cell follow storage order in every layout, and storage order
// depends only on the sequence of adds, removals and re-sorts, never on threads.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include "sim/crowd/aligned_column.hpp"
#include "sim/crowd/crowd_params.hpp"
#include "sim/crowd/grid_frame.hpp"
#include "sim/crowd/interactions.hpp"
#include "sim/engine/parallel.hpp"

namespace campsim::crowd {

struct AgentColumnsView {
  std::span<const float> x, y, radius;
  std::span<const std::uint8_t> state;
};

// The slot columns hold this many entries past the last agent (far away, radius 0), so the
// kernel may read whole blocks of four or eight lanes without reading outside the allocation.
inline constexpr std::size_t kSlotPadding = 8;

// Above this many cells per agent the automatic layout is sparse. The dense rebuild touches
// every cell three times; the sparse one sorts the agents and binary-searches six times per
// agent, so it wins once cells outnumber agents by about this factor (measured:
// docs/performance.md, "sparse grid").
inline constexpr std::uint32_t kSparseCellsPerAgent = 8;

// Where a cell's agents begin in slot order, in either layout.
struct SlotLookup {
  const std::uint32_t* cell_start = nullptr;      // dense: per cell, and one past the last
  const std::uint32_t* occupied_cell = nullptr;   // sparse: the occupied cells, ascending
  const std::uint32_t* occupied_start = nullptr;  // sparse: per occupied cell, and one past the last
  std::uint32_t occupied = 0;
  // Sparse, optional: per frame row and one past the last, the first occupied cell (index into
  // occupied_cell) at or after the row's first cell, so a lookup searches one row's occupied
  // cells instead of all of them (the same answer: a third of a shelter run's kernel went into
  // the searches over all, docs/performance.md).
  const std::uint32_t* row_occupied = nullptr;
  // Window: per window cell (row-major over window_columns) and one past the last; the window's
  // first row and column in the frame, and the frame's width.
  const std::uint32_t* window_start = nullptr;
  std::uint32_t window_row = 0, window_column = 0, window_columns = 0, frame_columns = 0;

  // The first slot of the cell at (row, column), or of the next occupied cell after it when it
  // is empty; so [first_slot_at(r, c0), first_slot_at(r, c1 + 1)) are the agents of cells
  // c0..c1 of row r (c1 + 1 may be one past the row's last column). In the window layout the
  // cell must lie within one cell of an agent's.
  std::uint32_t first_slot_at(std::uint32_t row, std::uint32_t column) const {
    if (window_start != nullptr)
      return window_start[(row - window_row) * window_columns + (column - window_column)];
    if (row_occupied != nullptr) {
      // Every cell of the row lies below the next row's first cell, so a cell past the row's
      // last column (column == frame_columns) is found at the row's end: the next occupied cell.
      const std::uint32_t* at = std::lower_bound(occupied_cell + row_occupied[row], occupied_cell + row_occupied[row + 1],
                                                 row * frame_columns + column);
      return occupied_start[at - occupied_cell];
    }
    return first_slot(row * frame_columns + column);
  }
  // The slots of cells c0..c1 of row r: [first_slot_at(r, c0), first_slot_at(r, c1 + 1)). In
  // the sparse layout the end is found by stepping on from the beginning over the few occupied
  // cells between (at most c1 - c0 + 1), not by a second search.
  struct Span {
    std::uint32_t begin, end;
  };
  Span row_span(std::uint32_t row, std::uint32_t c0, std::uint32_t c1) const {
    if (window_start != nullptr) {
      const std::uint32_t* at = window_start + (row - window_row) * window_columns + (c0 - window_column);
      return {at[0], at[c1 - c0 + 1]};
    }
    if (row_occupied != nullptr) {
      std::uint32_t from = row_occupied[row];
      return sparse_row_span(row, c0, c1, from);
    }
    if (cell_start != nullptr) {
      const std::uint32_t* at = cell_start + row * frame_columns + c0;
      return {at[0], at[c1 - c0 + 1]};
    }
    return {first_slot_at(row, c0), first_slot_at(row, c1 + 1)};  // sparse without the row directory
  }
  // row_span in the sparse layout, searching the row's occupied cells from index `from` (into
  // occupied_cell), which must lie in the row and at or before the first occupied cell at or
  // after column c0; on return `from` is that cell's index, a valid start for a later lookup of
  // the same row at a column no smaller. The kernel looks up rows in nearly grid order, so the
  // answer is usually a few cells on: a short walk forward, then a binary search over what is
  // left (the same answer as a search over the whole row).
  Span sparse_row_span(std::uint32_t row, std::uint32_t c0, std::uint32_t c1, std::uint32_t& from) const {
    const std::uint32_t first = row * frame_columns;
    const std::uint32_t* row_end = occupied_cell + row_occupied[row + 1];
    const std::uint32_t* at = occupied_cell + from;
    constexpr int kWalk = 4;  // cells stepped over one by one before searching (assumed: few)
    int walked = 0;
    while (at != row_end && *at < first + c0 && walked < kWalk) {
      ++at;
      ++walked;
    }
    if (walked == kWalk) at = std::lower_bound(at, row_end, first + c0);
    const std::uint32_t* past = at;
    while (past != row_end && *past <= first + c1) ++past;
    from = static_cast<std::uint32_t>(at - occupied_cell);
    return {occupied_start[at - occupied_cell], occupied_start[past - occupied_cell]};
  }
  bool sparse_by_row() const { return window_start == nullptr && row_occupied != nullptr; }
  // The same by cell number (dense and sparse layouts).
  std::uint32_t first_slot(std::uint32_t cell) const {
    if (cell_start != nullptr) return cell_start[cell];
    const std::uint32_t* at = std::lower_bound(occupied_cell, occupied_cell + occupied, cell);
    return occupied_start[at - occupied_cell];
  }
};

// Sorts distinct keys that are mostly in order already (the sparse layout's (cell, index) keys
// between re-sorts): by insertion while that stays cheap, else by std::sort. The same result.
void sort_nearly_sorted(Column<std::uint64_t>& keys);

bool use_sparse_layout(GridLayout layout, std::uint32_t cells, std::size_t agents);
// Where the sparse layout would be used (or the window is asked for), the window replaces it
// when its cells are at most kSparseCellsPerAgent per agent.
bool use_window_layout(GridLayout layout, std::uint32_t frame_cells, std::uint32_t window_cells, std::size_t agents);

class AgentGrid {
 public:
  void reserve(std::size_t agents, const GridFrame& frame, GridLayout layout);

  // Cells of every agent (in parallel chunks of `grain`), then the sort of the chosen layout.
  void rebuild(const GridFrame& frame, const AgentColumnsView& agents, StateMask counted_states, GridLayout layout,
               engine::Parallelism& parallelism, std::size_t grain);

  // After the caller has permuted its columns into slot order (agent k = old slot_agent[k]),
  // the grid describes the new order too: slot s holds agent s.
  void adopt_slot_order();

  // The caller removed the agents flagged in `removed` (by storage index; agents added since the
  // last rebuild may follow) from its columns, keeping the others' order: the sparse layout's
  // last slot order drops them and renumbers the rest, so that the next rebuild's sort starts
  // from it instead of from storage order (agents added meanwhile join at its end). Only the
  // sort's cost depends on it, never the slots.
  void drop_agents(std::span<const std::uint8_t> removed);

  bool sparse() const { return sparse_; }
  bool windowed() const { return windowed_; }
  SlotLookup slots() const;
  std::span<const std::uint32_t> cell_of() const { return {cell_of_.data(), agents_}; }
  std::span<const std::uint32_t> slot_agent() const { return {slot_agent_.data(), agents_}; }
  const float* slot_x() const { return sx_.data(); }
  const float* slot_y() const { return sy_.data(); }
  const float* slot_radius() const { return sr_.data(); }
  const float* slot_counted() const { return sc_.data(); }
  std::size_t memory_bytes() const;

 private:
  void sort_dense(const GridFrame& frame);
  void sort_sparse(const GridFrame& frame, bool from_last_order);
  // The agents' bounding box in cells, widened by one and clamped to the frame.
  void fit_window(const GridFrame& frame);
  void sort_window(const GridFrame& frame);
  void fill_slots(const AgentColumnsView& agents, StateMask counted_states);

  std::size_t agents_ = 0;
  bool sparse_ = false, windowed_ = false;

  std::uint32_t frame_columns_ = 0;
  std::uint32_t window_row_ = 0, window_column_ = 0, window_rows_ = 0, window_columns_ = 0;
  Column<std::uint32_t> cell_of_;     // per agent (storage order)
  Column<std::uint32_t> slot_agent_;  // per slot: storage index
  Column<float> sx_, sy_, sr_, sc_;   // per slot
  // Dense and window layouts.
  Column<std::uint32_t> start_;   // per cell (of the frame, or of the window) + 1
  Column<std::uint32_t> cursor_;  // per cell, scatter scratch
  // Sparse layout.
  Column<std::uint64_t> keys_;              // per agent: cell << 32 | storage index, sorted
  Column<std::uint32_t> occupied_cell_;     // per occupied cell
  Column<std::uint32_t> occupied_start_;    // per occupied cell + 1
  Column<std::uint32_t> row_occupied_;      // per frame row + 1 (SlotLookup::row_occupied)
};

}  // namespace campsim::crowd
