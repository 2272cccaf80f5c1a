#pragma once
// Struct-of-arrays storage for mobile point agents. Columns rather than an array of structs so
// that a phase touching positions streams only positions, and so that the per-agent memory is
// exactly the sum of the column widths (bytes_per_agent), which the 1,000,000-agent budget uses.
// Invariant: every column has size() elements.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace campsim::engine {

struct AgentStore {
  std::vector<float> x, y, vx, vy;
  std::vector<std::uint8_t> kind, state;

  std::size_t size() const { return x.size(); }

  // Appends an agent at rest with state 0; returns its index.
  std::uint32_t add(float x0, float y0, std::uint8_t agent_kind);
  void reserve(std::size_t n);
  void clear();

  static constexpr std::size_t bytes_per_agent() {
    return sizeof(decltype(x)::value_type) + sizeof(decltype(y)::value_type) +
           sizeof(decltype(vx)::value_type) + sizeof(decltype(vy)::value_type) +
           sizeof(decltype(kind)::value_type) + sizeof(decltype(state)::value_type);
  }
};

}  // namespace campsim::engine
