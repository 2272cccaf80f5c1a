#include "sim/crowd/agent_grid.hpp"

#include <algorithm>

namespace campsim::crowd {

void sort_nearly_sorted(Column<std::uint64_t>& keys) {
  // Insertion sort costs one move per pair out of order. The storage order is re-sorted into
  // slot order every few steps (CrowdWorld::resort), and between re-sorts only the agents who
  // changed cell are out of place, each by the few agents it passed: a shelter run's keys
  // need a few moves per agent, where std::sort spent about 100 instructions per agent. When
  // the keys are far from sorted (a crowd just added) the moves run past the budget and
  // std::sort takes over; both give the one sorted order of these distinct keys.
  const std::size_t n = keys.size();
  const std::size_t budget = 8 * n + 64;
  std::size_t moves = 0;
  for (std::size_t i = 1; i < n; ++i) {
    const std::uint64_t key = keys[i];
    std::size_t j = i;
    while (j > 0 && keys[j - 1] > key) {
      keys[j] = keys[j - 1];
      --j;
      ++moves;
    }
    keys[j] = key;
    if (moves > budget) {
      std::sort(keys.begin(), keys.end());
      return;
    }
  }
}

bool use_sparse_layout(GridLayout layout, std::uint32_t cells, std::size_t agents) {
  switch (layout) {
    case GridLayout::dense:
    case GridLayout::window: return false;  // the window is sized by the agents, decided apart
    case GridLayout::sparse: return true;
    case GridLayout::automatic: break;
  }
  return static_cast<std::size_t>(cells) > static_cast<std::size_t>(kSparseCellsPerAgent) * std::max<std::size_t>(agents, 1);
}

bool use_window_layout(GridLayout layout, std::uint32_t frame_cells, std::uint32_t window_cells, std::size_t agents) {
  switch (layout) {
    case GridLayout::window: return true;
    case GridLayout::dense:
    case GridLayout::sparse: return false;
    case GridLayout::automatic: break;
  }
  // Only in place of the sparse layout: where the frame is dense enough the dense layout costs
  // about the same and needs no bounding box.
  return use_sparse_layout(layout, frame_cells, agents) &&
         static_cast<std::size_t>(window_cells) <= static_cast<std::size_t>(kSparseCellsPerAgent) * std::max<std::size_t>(agents, 1);
}

void AgentGrid::reserve(std::size_t agents, const GridFrame& frame, GridLayout layout) {
  for (auto* c : {&cell_of_, &slot_agent_}) c->reserve(agents);
  for (auto* c : {&sx_, &sy_, &sr_, &sc_}) c->reserve(agents + kSlotPadding);
  // The sparse and window layouts' columns (16 bytes an agent) only when this population would
  // use them: a dense crowd that shrinks into the sparse layout allocates them once, at the
  // switch, for fewer agents (issue 25 goal 4: at most 110 bytes an agent at 1,000,000).
  std::size_t cells = frame.cell_count();
  if (use_sparse_layout(layout, frame.cell_count(), agents) || layout == GridLayout::window) {
    keys_.reserve(agents);
    occupied_cell_.reserve(agents);
    occupied_start_.reserve(agents + 1);
    row_occupied_.reserve(static_cast<std::size_t>(frame.rows) + 1);
    // The window never holds more than kSparseCellsPerAgent cells per agent when chosen by itself.
    if (layout != GridLayout::window)
      cells = std::min(cells, static_cast<std::size_t>(kSparseCellsPerAgent) * std::max<std::size_t>(agents, 1));
  }
  start_.reserve(cells + 1);
  cursor_.reserve(cells);
}

void AgentGrid::rebuild(const GridFrame& frame, const AgentColumnsView& agents, StateMask counted_states,
                        GridLayout layout, engine::Parallelism& parallelism, std::size_t grain) {
  const std::size_t n = agents.x.size();
  // Every rebuild, re-sort and drop_agents leaves slot_agent_ a permutation of [0, agents_); with
  // the agents added since, [agents_, n), at its end it is one of [0, n).
  const bool from_last_order = n >= agents_;
  // resize() allocates only when the population grew past the reserve (outside the steady state).
  cell_of_.resize(n);
  slot_agent_.resize(n);
  for (std::size_t i = agents_; i < n; ++i) slot_agent_[i] = static_cast<std::uint32_t>(i);
  agents_ = n;
  const std::size_t chunks = (n + grain - 1) / grain;
  parallelism.for_each_index(chunks, [&](std::size_t chunk) {
    const std::size_t end = std::min(n, (chunk + 1) * grain);
    for (std::size_t i = chunk * grain; i < end; ++i) cell_of_[i] = frame.cell_of(agents.x[i], agents.y[i]);
  });
  frame_columns_ = frame.columns;
  sparse_ = use_sparse_layout(layout, frame.cell_count(), n);
  windowed_ = false;
  if (sparse_ || layout == GridLayout::window) {
    fit_window(frame);
    windowed_ = use_window_layout(layout, frame.cell_count(), window_rows_ * window_columns_, n);
  }
  if (windowed_) {
    sparse_ = false;
    sort_window(frame);
  } else if (sparse_) {
    sort_sparse(frame, from_last_order);
  } else {
    sort_dense(frame);
  }
  fill_slots(agents, counted_states);
}

void AgentGrid::sort_dense(const GridFrame& frame) {
  start_.resize(static_cast<std::size_t>(frame.cell_count()) + 1);
  cursor_.resize(frame.cell_count());
  std::fill(start_.begin(), start_.end(), 0u);
  for (std::size_t i = 0; i < agents_; ++i) ++start_[cell_of_[i] + 1];
  for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
  std::copy(start_.begin(), start_.end() - 1, cursor_.begin());
  // Stable scatter in storage order; agents are nearly sorted by cell, so the writes are
  // nearly sequential.
  for (std::size_t i = 0; i < agents_; ++i) slot_agent_[cursor_[cell_of_[i]]++] = static_cast<std::uint32_t>(i);
}

void AgentGrid::sort_sparse(const GridFrame& frame, bool from_last_order) {
  keys_.resize(agents_);
  // The index in the low half makes every key distinct, so the order is (cell, storage index):
  // the dense layout's stable order, whatever the sort's algorithm and the keys' first order.
  // So any first order of the keys of [0, agents_) gives the same result, and the cheapest is
  // the last rebuild's slot order (carried through removals by drop_agents, new agents at its
  // end): it is out only where agents changed cell since, a step's worth of moves, where storage
  // order is out also where they did since the last re-sort (issue 25: the year's shelter runs
  // spent 43 M instructions in this sort). Had the storage changed under the grid unannounced,
  // the last order would be merely scrambled: still the same result, past the budget by std::sort.
  if (from_last_order) {
    for (std::size_t s = 0; s < agents_; ++s) {
      const std::uint32_t i = slot_agent_[s];
      keys_[s] = (std::uint64_t{cell_of_[i]} << 32) | i;
    }
  } else {
    for (std::size_t i = 0; i < agents_; ++i) keys_[i] = (std::uint64_t{cell_of_[i]} << 32) | i;
  }
  sort_nearly_sorted(keys_);
  occupied_cell_.clear();
  occupied_start_.clear();
  for (std::size_t s = 0; s < agents_; ++s) {
    const auto cell = static_cast<std::uint32_t>(keys_[s] >> 32);
    slot_agent_[s] = static_cast<std::uint32_t>(keys_[s]);
    if (occupied_cell_.empty() || occupied_cell_.back() != cell) {
      occupied_cell_.push_back(cell);
      occupied_start_.push_back(static_cast<std::uint32_t>(s));
    }
  }
  occupied_start_.push_back(static_cast<std::uint32_t>(agents_));
  // Each row's first occupied cell (SlotLookup::row_occupied).
  row_occupied_.resize(static_cast<std::size_t>(frame.rows) + 1);
  std::size_t k = 0;
  for (std::uint32_t row = 0; row <= frame.rows; ++row) {
    const std::uint64_t first_cell = std::uint64_t{row} * frame.columns;
    while (k < occupied_cell_.size() && occupied_cell_[k] < first_cell) ++k;
    row_occupied_[row] = static_cast<std::uint32_t>(k);
  }
}

void AgentGrid::fit_window(const GridFrame& frame) {
  std::uint32_t row_lo = frame.rows, row_hi = 0, col_lo = frame.columns, col_hi = 0;
  for (std::size_t i = 0; i < agents_; ++i) {
    const std::uint32_t row = cell_of_[i] / frame.columns, col = cell_of_[i] - row * frame.columns;
    row_lo = std::min(row_lo, row), row_hi = std::max(row_hi, row);
    col_lo = std::min(col_lo, col), col_hi = std::max(col_hi, col);
  }
  if (agents_ == 0) row_lo = row_hi = col_lo = col_hi = 0;
  // One cell of margin: the kernel reads the rows above and below an agent's and the columns
  // beside it (and one past the right-hand one, as the end of a range).
  window_row_ = row_lo > 0 ? row_lo - 1 : 0;
  window_column_ = col_lo > 0 ? col_lo - 1 : 0;
  window_rows_ = std::min(row_hi + 1, frame.rows - 1) - window_row_ + 1;
  window_columns_ = std::min(col_hi + 1, frame.columns - 1) - window_column_ + 1;
}

void AgentGrid::sort_window(const GridFrame& frame) {
  // The dense counting sort with window cells for frame cells (keys_ holds each agent's).
  const std::size_t cells = static_cast<std::size_t>(window_rows_) * window_columns_;
  start_.resize(cells + 1);
  cursor_.resize(cells);
  keys_.resize(agents_);
  std::fill(start_.begin(), start_.end(), 0u);
  for (std::size_t i = 0; i < agents_; ++i) {
    const std::uint32_t row = cell_of_[i] / frame.columns, col = cell_of_[i] - row * frame.columns;
    keys_[i] = std::uint64_t{row - window_row_} * window_columns_ + (col - window_column_);
    ++start_[keys_[i] + 1];
  }
  for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
  std::copy(start_.begin(), start_.end() - 1, cursor_.begin());
  for (std::size_t i = 0; i < agents_; ++i) slot_agent_[cursor_[keys_[i]]++] = static_cast<std::uint32_t>(i);
}

void AgentGrid::fill_slots(const AgentColumnsView& agents, StateMask counted_states) {
  const std::size_t n = agents_;
  sx_.resize(n + kSlotPadding, 1e18f);
  sy_.resize(n + kSlotPadding, 1e18f);
  sr_.resize(n + kSlotPadding, 0.0f);
  sc_.resize(n + kSlotPadding, 0.0f);
  for (std::size_t s = n; s < n + kSlotPadding; ++s) {
    sx_[s] = sy_[s] = 1e18f;
    sr_[s] = sc_[s] = 0.0f;
  }
  for (std::size_t s = 0; s < n; ++s) {
    const std::uint32_t i = slot_agent_[s];
    sx_[s] = agents.x[i];
    sy_[s] = agents.y[i];
    sr_[s] = agents.radius[i];
    sc_[s] = ((counted_states >> agents.state[i]) & 1u) != 0 ? 1.0f : 0.0f;
  }
}

SlotLookup AgentGrid::slots() const {
  SlotLookup lookup;
  lookup.frame_columns = frame_columns_;
  if (windowed_) {
    lookup.window_start = start_.data();
    lookup.window_row = window_row_;
    lookup.window_column = window_column_;
    lookup.window_columns = window_columns_;
  } else if (sparse_) {
    lookup.occupied_cell = occupied_cell_.data();
    lookup.occupied_start = occupied_start_.data();
    lookup.occupied = static_cast<std::uint32_t>(occupied_cell_.size());
    lookup.row_occupied = row_occupied_.data();
  } else {
    lookup.cell_start = start_.data();
  }
  return lookup;
}

void AgentGrid::adopt_slot_order() {
  // cell_of in slot order is the sorted cell sequence, which the layout already encodes.
  if (windowed_) {
    std::size_t w = 0;
    for (std::uint32_t r = 0; r < window_rows_; ++r)
      for (std::uint32_t c = 0; c < window_columns_; ++c, ++w)
        std::fill(cell_of_.begin() + start_[w], cell_of_.begin() + start_[w + 1],
                  (window_row_ + r) * frame_columns_ + window_column_ + c);
  } else if (sparse_) {
    for (std::size_t k = 0; k < occupied_cell_.size(); ++k)
      std::fill(cell_of_.begin() + occupied_start_[k], cell_of_.begin() + occupied_start_[k + 1], occupied_cell_[k]);
  } else {
    const std::size_t cells = start_.size() - 1;
    for (std::size_t c = 0; c < cells; ++c)
      std::fill(cell_of_.begin() + start_[c], cell_of_.begin() + start_[c + 1], static_cast<std::uint32_t>(c));
  }
  for (std::size_t s = 0; s < agents_; ++s) slot_agent_[s] = static_cast<std::uint32_t>(s);
}

void AgentGrid::drop_agents(std::span<const std::uint8_t> removed) {
  if (!sparse_ || removed.size() < agents_) return;  // only the sparse sort starts from the last order
  // Each remaining agent's new storage index: how many kept agents precede it (keys_, the sort's
  // scratch, holds one per agent of the last rebuild).
  std::uint32_t kept = 0;
  for (std::size_t i = 0; i < agents_; ++i) {
    keys_[i] = kept;
    kept += removed[i] == 0 ? 1u : 0u;
  }
  std::size_t w = 0;
  for (std::size_t s = 0; s < agents_; ++s) {
    const std::uint32_t i = slot_agent_[s];
    if (removed[i] == 0) slot_agent_[w++] = static_cast<std::uint32_t>(keys_[i]);
  }
  agents_ = w;
}

std::size_t AgentGrid::memory_bytes() const {
  return (cell_of_.capacity() + start_.capacity() + cursor_.capacity() + slot_agent_.capacity() +
          occupied_cell_.capacity() + occupied_start_.capacity() + row_occupied_.capacity()) *
             sizeof(std::uint32_t) +
         keys_.capacity() * sizeof(std::uint64_t) +
         (sx_.capacity() + sy_.capacity() + sr_.capacity() + sc_.capacity()) * sizeof(float);
}

}  // namespace campsim::crowd
