#pragma once
// YAML text -> Node tree. The only file that talks to yaml-cpp (with bounded_parse.cpp, its
// trial parse in a child process).
#include <filesystem>
#include <optional>
#include <string>

#include "sim/scenario/node.hpp"

namespace campsim::scenario {

// Parses `text`, labelling every location with `origin`. `first_line_column_offset` is added to
// columns on the first line, so a value cut out of a longer text (a --set assignment) is located
// within that text. Throws ScenarioError for a syntax error, a key that is not a plain scalar,
// a key repeated in one map (yaml-cpp keeps both copies silently), text that is not UTF-8 (with
// the line and column of the first bad byte), a second YAML document, anything past the
// limits of input_limits.hpp (size, nesting depth, values after alias expansion), or text the
// YAML parser does not finish within kYamlParseSeconds (bounded_parse.hpp; located at line 1).
Node parse_yaml_text(const std::string& text, const std::string& origin, int first_line_column_offset = 0);

// The second half of parse_yaml_text, all in this process: yaml-cpp's parse of `text` (which must
// have passed parse_yaml_text's checks and its trial parse) and the conversion to a Node tree.
// parse_yaml_text takes the tree its trial parse's child built instead when there is one; this
// is what it falls back on, and what the tests hold that tree against.
Node parse_yaml_text_in_process(const std::string& text, const std::string& origin, int first_line_column_offset = 0);

// What is wrong with reading `file` as a scenario: nothing for a regular file (symbolic links
// followed), else "no such file", "a directory", "a named pipe (FIFO)", "a device", ...
std::optional<std::string> not_a_regular_file(const std::filesystem::path& file);

// Reads and parses a file, labelled with `file.string()`. Throws ScenarioError if the file is not
// a regular file (a FIFO or device would block or never end), cannot be read, is larger than
// kMaxDocumentBytes (located at the file, no line) or does not parse.
Node parse_yaml_file(const std::filesystem::path& file);

}  // namespace campsim::scenario
