#pragma once
// The located value tree every scenario is turned into. It is deliberately dumber than YAML:
// scalars stay text (the Reader decides what they mean), maps keep file order, and every value
// remembers where it was written so errors can point back at it.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario/location.hpp"

namespace campsim::scenario {

struct Node {
  enum class Kind { Null, Scalar, Map, Sequence };
  Kind kind = Kind::Null;
  std::string scalar;
  std::vector<std::pair<std::string, Node>> entries;  // Map, in file order; keys are unique
  std::vector<Node> items;                             // Sequence
  SourceLocation location;                             // where the value starts
  SourceLocation key_location;                         // where its key is, when it is a map entry
  const Node* find(std::string_view key) const;        // nullptr unless a Map holding `key`
  Node* find(std::string_view key);
};

// What a value is, for the "found" half of a diagnostic: "'text'", "a map", "a list", or
// "nothing" (a null value or, for nullptr, an absent key).
std::string describe(const Node* node);

}  // namespace campsim::scenario
