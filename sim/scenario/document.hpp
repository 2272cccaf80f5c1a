#pragma once
// A scenario as a located Node tree: the file, its `extends` chain merged in, and any --set
// overrides applied. Typed reading happens later, in reader.hpp.
#include <filesystem>
#include <string_view>

#include "sim/scenario/node.hpp"

namespace campsim::scenario {

// Parses a YAML file into a Node tree. `extends: other.yaml` (path relative to the file that says
// it; chains allowed; a cycle is an error naming the chain) is loaded first and the file is
// deep-merged over it: maps merge key by key, the child's scalar or sequence replaces the
// parent's whole. The `extends` key is removed. Locations keep the file each value came from.
// Throws ScenarioError: missing/unreadable file, YAML syntax error (with yaml-cpp's line/column,
// 1-based), cycle, extends not a string.
Node load_scenario_tree(const std::filesystem::path& file);

// Applies one `--set` override "a.b.c=value" (list items as a.b[2].c). The value is parsed as
// YAML (so "4h", "[1, 2]" and "{dist: fixed, value: 3min}" work) and replaces the old value
// whole. Missing map keys along the path are created (so a defaulted key can be set; a misspelt
// one is then reported as unknown by the Reader, with a suggestion). Nodes created get location
// {"--set", 1, column of the text within the assignment}. Throws ScenarioError for malformed
// assignments ("expected key.path=value"), an index out of range, or descending into a scalar.
void apply_override(Node& root, std::string_view assignment);

// Deep merge used by `extends`: maps merge key by key (new keys appended in overlay order),
// anything else in `overlay` replaces `base` whole.
void merge_over(Node& base, Node overlay);

}  // namespace campsim::scenario
