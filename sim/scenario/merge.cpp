#include <utility>

#include "sim/scenario/document.hpp"

namespace campsim::scenario {

void merge_over(Node& base, Node overlay) {
  if (base.kind != Node::Kind::Map || overlay.kind != Node::Kind::Map) {
    base = std::move(overlay);
    return;
  }
  for (auto& [key, value] : overlay.entries) {
    if (Node* existing = base.find(key)) {
      const SourceLocation key_location = value.key_location;
      merge_over(*existing, std::move(value));
      existing->key_location = key_location;  // the child file is where the key was last written
    } else {
      base.entries.emplace_back(key, std::move(value));
    }
  }
  base.location = overlay.location;
}

}  // namespace campsim::scenario
