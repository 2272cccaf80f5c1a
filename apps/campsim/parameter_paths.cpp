#include "apps/campsim/parameter_paths.hpp"

#include <fmt/format.h>

namespace campsim::cli {

namespace {

using Json = nlohmann::ordered_json;

bool is_list_of_maps(const Json& value) {
  return value.is_array() && !value.empty() && value.front().is_object();
}

// The node at `parts` below `node` (names and list indices), or nullptr when the file does not
// have it (the reader's default was used).
const scenario::Node* child_node(const scenario::Node* node, const std::string& name) {
  return node == nullptr ? nullptr : node->find(name);
}
const scenario::Node* item_node(const scenario::Node* node, std::size_t index) {
  if (node == nullptr || node->kind != scenario::Node::Kind::Sequence || index >= node->items.size()) return nullptr;
  return &node->items[index];
}

void walk_resolved(const Json& value, const std::string& key, const std::string& path, const scenario::Node* node,
          std::vector<ParameterValue>& out) {
  const bool leaf = !value.is_object() || value.contains("dist");
  if (leaf || is_list_of_maps(value)) out.push_back({key, path, value, node != nullptr});
  if (value.is_object() && !leaf) {
    for (const auto& [name, child] : value.items())
      walk_resolved(child, key.empty() ? name : key + "." + name, path.empty() ? name : path + "." + name, child_node(node, name), out);
  } else if (is_list_of_maps(value)) {
    for (std::size_t i = 0; i < value.size(); ++i)
      walk_resolved(value[i], key + "[]", fmt::format("{}[{}]", path, i), item_node(node, i), out);
  }
}

}  // namespace

std::vector<ParameterValue> parameter_values(const nlohmann::ordered_json& resolved, const scenario::Node& tree) {
  std::vector<ParameterValue> out;
  walk_resolved(resolved, "", "", &tree, out);
  return out;
}

std::string value_text(const nlohmann::ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (is_list_of_maps(value)) return fmt::format("{} items", value.size());
  if (value.is_array()) {
    std::string text = "[";
    for (std::size_t i = 0; i < value.size(); ++i) text += (i > 0 ? ", " : "") + value_text(value[i]);
    return text + "]";
  }
  if (value.is_object()) {
    std::string text = "{";
    bool first = true;
    for (const auto& [name, child] : value.items()) {
      text += (first ? "" : ", ") + name + ": " + value_text(child);
      first = false;
    }
    return text + "}";
  }
  return value.dump();  // numbers (shortest form that reads back), booleans
}

}  // namespace campsim::cli
