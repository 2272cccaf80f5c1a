#pragma once
// A Node tree as bytes and back: how the trial parse's child process (bounded_parse.hpp) hands
// the tree it built to its parent, so that a scenario's YAML is parsed once, in the child, and
// not a second time in campsim itself (issue 25: yaml-cpp's parse of the Gao baseline costs
// about 22 million instructions, a third of `campsim validate`).
//
// Every location in a tree from parse_yaml_text names the same file (the text's origin) or none
// (a key location that is not a map entry's), so a file name travels as one byte: 0 none, 1 the
// origin. A tree that names any other file is not encoded (encode_node returns nothing), and the
// caller parses the text itself, as before.
#include <optional>
#include <string>
#include <string_view>

#include "sim/scenario/node.hpp"

namespace campsim::scenario {

// The bytes of `root`, every file name in it being `origin` or empty; nothing otherwise.
std::optional<std::string> encode_node(const Node& root, const std::string& origin);

// The tree back, its file names set to `origin`; nothing if `bytes` is not exactly one whole
// encoded tree (cut short, trailing bytes, a kind out of range, nested deeper than `max_depth`).
std::optional<Node> decode_node(std::string_view bytes, const std::string& origin, int max_depth);

}  // namespace campsim::scenario
