// The tree a scenario's trial parse hands back from its child process (node_codec.hpp,
// yaml_source.cpp) must be exactly the tree campsim builds when it parses the text itself:
// every kind, scalar, key order and location, for every shipped scenario and for the shapes
// that make the child hand back nothing (errors, which the parse in campsim then reports).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/input_limits.hpp"
#include "sim/scenario/node_codec.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::scenario {

namespace {

bool codec_same_location(const SourceLocation& a, const SourceLocation& b) {
  return a.file == b.file && a.line == b.line && a.column == b.column;
}

bool codec_same_tree(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.scalar != b.scalar || !codec_same_location(a.location, b.location) ||
      !codec_same_location(a.key_location, b.key_location) || a.entries.size() != b.entries.size() ||
      a.items.size() != b.items.size())
    return false;
  for (std::size_t i = 0; i < a.entries.size(); ++i)
    if (a.entries[i].first != b.entries[i].first || !codec_same_tree(a.entries[i].second, b.entries[i].second)) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!codec_same_tree(a.items[i], b.items[i])) return false;
  return true;
}

std::string codec_read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The error text `f` throws, or "" when it throws none.
template <typename F>
std::string codec_error_of(F&& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("every shipped scenario parses to the same tree through the child as in campsim", "[yaml][codec]") {
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string text = codec_read_text(entry.path());
    const std::string origin = entry.path().string();
    INFO(origin);
    CHECK(codec_same_tree(parse_yaml_text(text, origin), parse_yaml_text_in_process(text, origin)));
    ++files;
  }
  CHECK(files > 10);
}

TEST_CASE("small documents of every shape parse to the same tree both ways", "[yaml][codec]") {
  const char* texts[] = {
      "",
      "# only a comment\n",
      "a: 1\n",
      "a:\n  b: [1, 2, {c: d}]\n  e:\n",
      "- x\n- - y\n  - z\n- {}\n- []\n",
      "base: &b {k: 1, l: [2, 3]}\nuse: *b\nagain: *b\n",
      "s: 'quoted: text'\nt: \"with \\u00e9 escape\"\nu: |\n  block\n  text\n",
      "scalar at the root",
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK(codec_same_tree(parse_yaml_text(text, "f.yaml"), parse_yaml_text_in_process(text, "f.yaml")));
    // A --set value: columns on its first line shifted by the assignment's prefix.
    CHECK(codec_same_tree(parse_yaml_text(text, "--set", 17), parse_yaml_text_in_process(text, "--set", 17)));
  }
}

TEST_CASE("documents the child hands back nothing for give the errors campsim gives", "[yaml][codec]") {
  const char* texts[] = {
      "a: 1\na: 2\n",             // a key twice: a conversion error
      "? [x]\n: 1\n",            // a key that is not a plain name
      "a: [1, 2\n",              // a syntax error
      "a: 1\n---\nb: 2\n",       // two documents
  };
  for (const char* text : texts) {
    INFO(text);
    const std::string through_child = codec_error_of([&] { parse_yaml_text(text, "f.yaml"); });
    CHECK_FALSE(through_child.empty());
    CHECK(through_child == codec_error_of([&] { parse_yaml_text_in_process(text, "f.yaml"); }));
  }
}

TEST_CASE("the node codec round-trips a tree and refuses damaged bytes", "[yaml][codec]") {
  const Node tree = parse_yaml_text_in_process("a:\n  b: [1, {c: d}]\n  e: ''\n", "x.yaml");
  const auto bytes = encode_node(tree, "x.yaml");
  REQUIRE(bytes);
  const auto back = decode_node(*bytes, "x.yaml", kMaxNestingDepth);
  REQUIRE(back);
  CHECK(codec_same_tree(*back, tree));
  CHECK_FALSE(encode_node(tree, "other.yaml"));  // names a file that is not the origin
  for (std::size_t cut = 0; cut < bytes->size(); ++cut)
    CHECK_FALSE(decode_node(std::string_view(*bytes).substr(0, cut), "x.yaml", kMaxNestingDepth));
  CHECK_FALSE(decode_node(*bytes + "!", "x.yaml", kMaxNestingDepth));  // trailing bytes
  CHECK_FALSE(decode_node(*bytes, "x.yaml", 1));                       // deeper than allowed
}

}  // namespace campsim::scenario
