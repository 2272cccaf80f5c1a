#pragma once
// YAML text -> Node tree. The only file that talks to yaml-cpp.
#include <filesystem>
#include <string>

#include "sim/scenario/node.hpp"

namespace campsim::scenario {

// Parses `text`, labelling every location with `origin`. `first_line_column_offset` is added to
// columns on the first line, so a value cut out of a longer text (a --set assignment) is located
// within that text. Throws ScenarioError for a syntax error, a key that is not a plain scalar,
// or a key repeated in one map (yaml-cpp keeps both copies silently).
Node parse_yaml_text(const std::string& text, const std::string& origin, int first_line_column_offset = 0);

// Reads and parses a file, labelled with `file.string()`. Throws ScenarioError if the file cannot
// be read (located at the file, no line) or does not parse.
Node parse_yaml_file(const std::filesystem::path& file);

}  // namespace campsim::scenario
