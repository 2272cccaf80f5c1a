#include "sim/engine/agent_store.hpp"

#include <limits>
#include <stdexcept>

namespace campsim::engine {

std::uint32_t AgentStore::add(float x0, float y0, std::uint8_t agent_kind) {
  if (size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("AgentStore: more agents than a uint32 index can address");
  const auto index = static_cast<std::uint32_t>(size());
  x.push_back(x0);
  y.push_back(y0);
  vx.push_back(0.0f);
  vy.push_back(0.0f);
  kind.push_back(agent_kind);
  state.push_back(0);
  return index;
}

void AgentStore::reserve(std::size_t n) {
  x.reserve(n);
  y.reserve(n);
  vx.reserve(n);
  vy.reserve(n);
  kind.reserve(n);
  state.reserve(n);
}

void AgentStore::clear() {
  x.clear();
  y.clear();
  vx.clear();
  vy.clear();
  kind.clear();
  state.clear();
}

}  // namespace campsim::engine
