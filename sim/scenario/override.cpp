// `--set key.path=value`: edits the Node tree before it is read, so an override is validated
// exactly like a value written in the file, and errors in it point at the command line.
#include <fmt/core.h>

#include <utility>
#include <vector>

#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::scenario {

namespace {

constexpr const char* kOrigin = "--set";

struct Index {
  std::size_t value = 0;
  int column = 0;  // 1-based, of the digits
};

struct Step {
  std::string key;
  int column = 0;  // 1-based, of the key's first character
  std::vector<Index> indices;
};

SourceLocation at(int column) { return {kOrigin, 1, column}; }

[[noreturn]] void fail(int column, std::string path, std::string expected, std::string found) {
  throw ScenarioError({{at(column), std::move(path), std::move(expected), std::move(found), ""}});
}

bool is_key_char(char c) { return c != '.' && c != '[' && c != ']' && c != '=' && c != ' ' && c != '\t'; }

// "a.b[2].c" -> steps; columns are relative to the whole assignment.
std::vector<Step> parse_key_path(std::string_view assignment, std::size_t end) {
  auto malformed = [&]() { fail(1, "", "key.path=value", quote(assignment)); };
  std::vector<Step> steps;
  std::size_t i = 0;
  while (true) {
    Step step;
    step.column = static_cast<int>(i) + 1;
    while (i < end && is_key_char(assignment[i])) step.key += assignment[i++];
    if (step.key.empty()) malformed();
    while (i < end && assignment[i] == '[') {
      Index index{0, static_cast<int>(i) + 2};
      const std::size_t digits_start = ++i;
      while (i < end && assignment[i] >= '0' && assignment[i] <= '9') {
        index.value = index.value * 10 + static_cast<std::size_t>(assignment[i++] - '0');
      }
      if (i == digits_start || i - digits_start > 9 || i >= end || assignment[i] != ']') malformed();
      ++i;
      step.indices.push_back(index);
    }
    steps.push_back(std::move(step));
    if (i == end) return steps;
    if (assignment[i] != '.') malformed();
    ++i;
  }
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

}  // namespace

void apply_override(Node& root, std::string_view assignment) {
  const std::size_t equals = assignment.find('=');
  if (equals == std::string_view::npos || equals == 0) fail(1, "", "key.path=value", quote(assignment));
  const std::vector<Step> steps = parse_key_path(assignment, equals);

  Node* target = &root;
  std::string path;
  for (const Step& step : steps) {
    if (target->kind == Node::Kind::Null) target->kind = Node::Kind::Map;  // "guards:" with nothing under it
    if (target->kind != Node::Kind::Map) {
      fail(step.column, path, fmt::format("a map, to hold '{}'", step.key), describe(target));
    }
    Node* next = target->find(step.key);
    if (next == nullptr) {
      Node created;
      created.location = at(step.column);
      created.key_location = at(step.column);
      target->entries.emplace_back(step.key, std::move(created));
      next = &target->entries.back().second;
    }
    path = join(path, step.key);
    for (const Index& index : step.indices) {
      if (next->kind != Node::Kind::Sequence) {
        fail(index.column, path, fmt::format("a list, to take item [{}] of", index.value), describe(next));
      }
      if (index.value >= next->items.size()) {
        fail(index.column, fmt::format("{}[{}]", path, index.value),
             next->items.empty() ? std::string("an item of a non-empty list (this list is empty)")
                                 : fmt::format("an index from 0 to {}", next->items.size() - 1),
             quote(std::to_string(index.value)));
      }
      next = &next->items[index.value];
      path += fmt::format("[{}]", index.value);
    }
    target = next;
  }

  Node value;
  try {
    value = parse_yaml_text(std::string(assignment.substr(equals + 1)), kOrigin, static_cast<int>(equals) + 1);
  } catch (const ScenarioError& e) {
    std::vector<Diagnostic> located = e.diagnostics();
    for (Diagnostic& d : located) d.path = d.path.empty() ? path : path + "." + d.path;
    throw ScenarioError(std::move(located));
  }
  if (value.kind == Node::Kind::Null) value.location = at(static_cast<int>(equals) + 2);
  value.key_location = target->key_location;  // the key itself did not move
  *target = std::move(value);
}

}  // namespace campsim::scenario
