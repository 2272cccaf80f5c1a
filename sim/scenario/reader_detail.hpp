#pragma once
// Shared by the Reader's .cpp files; not part of the scenario API.
#include "sim/scenario/node.hpp"

namespace campsim::scenario::detail {

inline constexpr const char* kMapExpected = "a map of settings (key: value lines)";

// A null value ("guards:" with nothing under it) is read as an empty map.
inline bool is_map_like(const Node* node) {
  return node != nullptr && (node->kind == Node::Kind::Map || node->kind == Node::Kind::Null);
}

}  // namespace campsim::scenario::detail
