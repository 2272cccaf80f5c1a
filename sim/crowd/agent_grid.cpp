#include "sim/crowd/agent_grid.hpp"

#include <algorithm>

namespace campsim::crowd {

void AgentGrid::reserve(std::size_t agents, const GridFrame& frame) {
  for (auto* c : {&cell_of_, &slot_agent_}) c->reserve(agents);
  for (auto* c : {&sx_, &sy_, &sr_, &sc_}) c->reserve(agents + kSlotPadding);
  start_.reserve(static_cast<std::size_t>(frame.cell_count()) + 1);
  cursor_.reserve(frame.cell_count());
}

void AgentGrid::rebuild(const GridFrame& frame, const AgentColumnsView& agents, StateMask counted_states,
                        engine::Parallelism& parallelism, std::size_t grain) {
  const std::size_t n = agents.x.size();
  agents_ = n;
  // resize() allocates only when the population grew past the reserve (outside the steady state).
  cell_of_.resize(n);
  slot_agent_.resize(n);
  sx_.resize(n + kSlotPadding, 1e18f);
  sy_.resize(n + kSlotPadding, 1e18f);
  sr_.resize(n + kSlotPadding, 0.0f);
  sc_.resize(n + kSlotPadding, 0.0f);
  for (std::size_t s = n; s < n + kSlotPadding; ++s) {
    sx_[s] = sy_[s] = 1e18f;
    sr_[s] = sc_[s] = 0.0f;
  }
  start_.resize(static_cast<std::size_t>(frame.cell_count()) + 1);
  cursor_.resize(frame.cell_count());

  const std::size_t chunks = (n + grain - 1) / grain;
  parallelism.for_each_index(chunks, [&](std::size_t chunk) {
    const std::size_t end = std::min(n, (chunk + 1) * grain);
    for (std::size_t i = chunk * grain; i < end; ++i) cell_of_[i] = frame.cell_of(agents.x[i], agents.y[i]);
  });

  std::fill(start_.begin(), start_.end(), 0u);
  for (std::size_t i = 0; i < n; ++i) ++start_[cell_of_[i] + 1];
  for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
  std::copy(start_.begin(), start_.end() - 1, cursor_.begin());
  // Stable scatter in storage order; agents are nearly sorted by cell, so the writes are
  // nearly sequential.
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t slot = cursor_[cell_of_[i]]++;
    slot_agent_[slot] = static_cast<std::uint32_t>(i);
    sx_[slot] = agents.x[i];
    sy_[slot] = agents.y[i];
    sr_[slot] = agents.radius[i];
    sc_[slot] = ((counted_states >> agents.state[i]) & 1u) != 0 ? 1.0f : 0.0f;
  }
}

void AgentGrid::adopt_slot_order() {
  // cell_of in slot order is the sorted cell sequence, which start_ already encodes.
  const std::size_t cells = start_.size() - 1;
  for (std::size_t c = 0; c < cells; ++c)
    std::fill(cell_of_.begin() + start_[c], cell_of_.begin() + start_[c + 1], static_cast<std::uint32_t>(c));
  for (std::size_t s = 0; s < agents_; ++s) slot_agent_[s] = static_cast<std::uint32_t>(s);
}

std::size_t AgentGrid::memory_bytes() const {
  return (cell_of_.capacity() + start_.capacity() + cursor_.capacity() + slot_agent_.capacity()) *
             sizeof(std::uint32_t) +
         (sx_.capacity() + sy_.capacity() + sr_.capacity() + sc_.capacity()) * sizeof(float);
}

}  // namespace campsim::crowd
