#include "sim/scenario/yaml_source.hpp"

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "sim/scenario/diagnostic.hpp"

namespace campsim::scenario {

namespace {

struct Converter {
  std::string origin;
  int column_offset = 0;
  std::vector<Diagnostic> errors;

  SourceLocation at(const YAML::Mark& mark) const {
    if (mark.line < 0) return {origin, 1, 1 + column_offset};  // an empty document has no mark
    return {origin, mark.line + 1, mark.column + 1 + (mark.line == 0 ? column_offset : 0)};
  }

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  Node convert(const YAML::Node& yaml, const std::string& path) {
    Node node;
    node.location = at(yaml.Mark());
    switch (yaml.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null: node.kind = Node::Kind::Null; break;
      case YAML::NodeType::Scalar:
        node.kind = Node::Kind::Scalar;
        node.scalar = yaml.Scalar();
        break;
      case YAML::NodeType::Sequence: {
        node.kind = Node::Kind::Sequence;
        std::size_t index = 0;
        for (const YAML::Node& item : yaml) {
          node.items.push_back(convert(item, fmt::format("{}[{}]", path, index++)));
        }
        break;
      }
      case YAML::NodeType::Map: {
        node.kind = Node::Kind::Map;
        for (auto it = yaml.begin(); it != yaml.end(); ++it) add_entry(node, it->first, it->second, path);
        break;
      }
    }
    return node;
  }

  void add_entry(Node& map, const YAML::Node& key, const YAML::Node& value, const std::string& path) {
    const SourceLocation key_location = at(key.Mark());
    if (!key.IsScalar()) {
      errors.push_back({key_location, path, "a plain name as a key", key.IsMap() ? "a map" : "a list", ""});
      return;
    }
    const std::string name = key.Scalar();
    const std::string child_path = join(path, name);
    if (const Node* first = map.find(name)) {
      errors.push_back({key_location, child_path, "each key at most once in a map", quote(name) + " again",
                        fmt::format("first given at line {}", first->key_location.line)});
      return;
    }
    Node child = convert(value, child_path);
    child.key_location = key_location;
    // yaml-cpp marks an empty value ("key:" then a newline) at the next token, often a line
    // later; the key is where the user will look.
    if (child.kind == Node::Kind::Null && child.location.line != key_location.line) child.location = key_location;
    map.entries.emplace_back(name, std::move(child));
  }
};

}  // namespace

Node parse_yaml_text(const std::string& text, const std::string& origin, int first_line_column_offset) {
  Converter converter{origin, first_line_column_offset, {}};
  YAML::Node yaml;
  try {
    yaml = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ScenarioError({{converter.at(e.mark), "", "valid YAML", e.msg, ""}});
  }
  Node root = converter.convert(yaml, "");
  if (!converter.errors.empty()) throw ScenarioError(std::move(converter.errors));
  return root;
}

Node parse_yaml_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::error_code ec;
  if (!in || std::filesystem::is_directory(file, ec)) {
    const bool exists = std::filesystem::exists(file, ec);
    throw ScenarioError({{{file.string(), 0, 0}, "", "a readable scenario file",
                          exists ? "a file that cannot be read" : "no such file", ""}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_yaml_text(text.str(), file.string());
}

}  // namespace campsim::scenario
