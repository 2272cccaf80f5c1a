#include "sim/scenario/node.hpp"

#include "sim/scenario/diagnostic.hpp"

namespace campsim::scenario {

const Node* Node::find(std::string_view key) const {
  if (kind != Kind::Map) return nullptr;
  for (const auto& [name, value] : entries) {
    if (name == key) return &value;
  }
  return nullptr;
}

Node* Node::find(std::string_view key) {
  return const_cast<Node*>(static_cast<const Node*>(this)->find(key));
}

std::string describe(const Node* node) {
  if (node == nullptr) return "nothing";
  switch (node->kind) {
    case Node::Kind::Null: return "nothing";
    case Node::Kind::Scalar: return quote(node->scalar);
    case Node::Kind::Map: return "a map";
    case Node::Kind::Sequence: return "a list";
  }
  return "nothing";
}

}  // namespace campsim::scenario
