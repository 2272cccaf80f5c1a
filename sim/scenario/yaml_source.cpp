#include "sim/scenario/yaml_source.hpp"

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <string_view>
#include <vector>

#include "sim/scenario/bounded_parse.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/input_limits.hpp"
#include "sim/scenario/node_codec.hpp"
#include "sim/scenario/utf8.hpp"

namespace campsim::scenario {

namespace {

struct Converter {
  std::string origin;
  int column_offset = 0;
  std::vector<Diagnostic> errors;
  std::size_t values = 0;  // converted so far, aliases counted at every use

  SourceLocation at(const YAML::Mark& mark) const {
    if (mark.line < 0) return {origin, 1, 1 + column_offset};  // an empty document has no mark
    return {origin, mark.line + 1, mark.column + 1 + (mark.line == 0 ? column_offset : 0)};
  }

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  // yaml-cpp shares an aliased node instead of copying it, so a file can describe a tree far
  // larger than itself, or a cycle; both limits are checked before descending.
  void check_budget(const YAML::Node& yaml, const std::string& full_path, int depth) {
    // A path 64 levels deep would swamp the message; its start says where it is.
    const std::string path = full_path.size() > 60 ? full_path.substr(0, 60) + "..." : full_path;
    if (depth > kMaxNestingDepth)
      throw ScenarioError({{at(yaml.Mark()), path, fmt::format("maps and lists nested at most {} deep", kMaxNestingDepth),
                            "deeper nesting", "an alias (*name) that refers to a value containing itself?"}});
    if (++values > kMaxExpandedValues)
      throw ScenarioError({{at(yaml.Mark()), path,
                            fmt::format("at most {} values in one file, aliases expanded", kMaxExpandedValues),
                            "more", "aliases (*name) that repeat large values, like an alias bomb?"}});
  }

  Node convert(const YAML::Node& yaml, const std::string& path, int depth) {
    check_budget(yaml, path, depth);
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
          node.items.push_back(convert(item, fmt::format("{}[{}]", path, index++), depth + 1));
        }
        break;
      }
      case YAML::NodeType::Map: {
        node.kind = Node::Kind::Map;
        for (auto it = yaml.begin(); it != yaml.end(); ++it) add_entry(node, it->first, it->second, path, depth);
        break;
      }
    }
    return node;
  }

  void add_entry(Node& map, const YAML::Node& key, const YAML::Node& value, const std::string& path, int depth) {
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
    Node child = convert(value, child_path, depth + 1);
    child.key_location = key_location;
    // yaml-cpp marks an empty value ("key:" then a newline) at the next token, often a line
    // later; the key is where the user will look.
    if (child.kind == Node::Kind::Null && child.location.line != key_location.line) child.location = key_location;
    map.entries.emplace_back(name, std::move(child));
  }
};

// yaml-cpp 0.7 never returns (it allocates nodes until memory runs out) on a document whose
// first token is a flow entry ',': ",a: b", "  ,x", "!,", or "," after a directive line or "---".
// Fuzzing found it (docs/reliability.md). The bounded parse below would refuse it too, after
// kYamlParseSeconds; this check refuses the commonest shape at once, at its place.
std::optional<LineColumn> leading_flow_entry(const std::string& text) {
  bool document_start = true;
  int line = 1;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t end = text.find('\n', i);
    if (end == std::string::npos) end = text.size();
    std::string_view l(text.data() + i, end - i);
    std::size_t from = 0;
    if (!l.empty() && l[0] == '%') {
      document_start = true;  // a directive: a document begins after it
      from = l.size();
    } else if (l.starts_with("---") || l.starts_with("...")) {
      document_start = true;
      from = 3;
    }
    if (document_start && from < l.size()) {
      std::size_t c = l.find_first_not_of(" \t\r", from);
      // Node properties (a tag "!x" or an anchor "&a") come before the first token: skip them.
      while (c != std::string_view::npos && (l[c] == '!' || l[c] == '&')) {
        c = l.find_first_of(" \t\r,", c);
        if (c != std::string_view::npos && l[c] != ',') c = l.find_first_not_of(" \t\r", c);
      }
      if (c != std::string_view::npos && l[c] != '#') {
        if (l[c] == ',') return LineColumn{line, static_cast<int>(c) + 1};
        document_start = false;
      }
    }
    if (end == text.size()) break;
    i = end + 1;
    ++line;
  }
  return std::nullopt;
}

// yaml-cpp may never return on other malformed documents (fuzzing found several shapes), so it
// first parses the text in a child process with a time and memory limit (bounded_parse.hpp);
// text it does not finish there is refused, located at its start (the parser gives no place).
//
// The child also converts what it parsed into a Node tree and hands it back (node_codec.hpp), so
// that a good scenario is parsed once, not twice (issue 25). Returned when the child parsed the
// text into one document that converts without a single error; otherwise nothing, and the
// caller parses the text itself, which gives the same tree or the error with its place.
std::optional<Node> tree_unless_parser_hangs(const std::string& text, const std::string& origin, int column_offset) {
  const TrialEncoder encode = [&](const std::vector<YAML::Node>& documents) -> std::optional<std::string> {
    if (documents.size() > 1) return std::nullopt;  // an error, reported by the parse in campsim
    Converter converter{origin, column_offset, {}};
    const Node root = converter.convert(documents.empty() ? YAML::Node() : documents.front(), "", 0);
    if (!converter.errors.empty()) return std::nullopt;
    return encode_node(root, origin);
  };
  const SourceLocation start{origin, 1, 1 + column_offset};
  TrialParseResult trial = trial_parse_yaml(text, std::chrono::seconds(kYamlParseSeconds), kYamlParseMemoryBytes, encode);
  constexpr std::size_t kMiB = kYamlParseMemoryBytes >> 20;
  std::string found;
  switch (trial.outcome) {
    case TrialParse::parsed:
      if (!trial.payload.empty()) return decode_node(trial.payload, origin, kMaxNestingDepth + 1);
      return std::nullopt;
    case TrialParse::yaml_error: return std::nullopt;  // it finishes: the parse below gives the error
    case TrialParse::too_slow:
      found = fmt::format("a document the YAML parser did not finish within {} s", kYamlParseSeconds);
      break;
    case TrialParse::too_much_memory:  // a hang, on a machine fast enough to reach the memory limit first
      found = fmt::format("a document the YAML parser did not finish within {} MiB of memory", kMiB);
      break;
    case TrialParse::failed:  // a crash; or, under a sanitizer, its report of running out of memory
      found = fmt::format("a document the YAML parser did not finish (it ended with {})", trial.detail);
      break;
  }
  throw ScenarioError({{start, "", fmt::format("YAML the parser finishes within {} s and {} MiB", kYamlParseSeconds, kMiB),
                        found,
                        "the document is refused: yaml-cpp 0.7 never returns on some malformed documents, "
                        "such as a ',' outside [ ] or { } after a value; docs/reliability.md"}});
}

}  // namespace

Node parse_yaml_text(const std::string& text, const std::string& origin, int first_line_column_offset) {
  if (text.size() > kMaxDocumentBytes)
    throw ScenarioError({{{origin, 0, 0}, "", fmt::format("at most {} bytes of YAML", kMaxDocumentBytes),
                          fmt::format("{} bytes", text.size()), ""}});
  if (const auto bad = first_invalid_utf8(text)) {
    const LineColumn where = line_column_of(text, *bad);
    throw ScenarioError({{{origin, where.line, where.column + (where.line == 1 ? first_line_column_offset : 0)},
                          "",
                          "UTF-8 text",
                          fmt::format("the byte 0x{:02X}, which is not UTF-8", static_cast<unsigned char>(text[*bad])),
                          "save the file as UTF-8"}});
  }
  if (const auto at = leading_flow_entry(text))
    throw ScenarioError({{{origin, at->line, at->column + (at->line == 1 ? first_line_column_offset : 0)},
                          "",
                          "a key, a value or '-' at the start of the document",
                          "',' (a flow entry outside any [ ] or { })",
                          "remove the ','"}});
  if (std::optional<Node> tree = tree_unless_parser_hangs(text, origin, first_line_column_offset)) return std::move(*tree);
  return parse_yaml_text_in_process(text, origin, first_line_column_offset);
}

Node parse_yaml_text_in_process(const std::string& text, const std::string& origin, int first_line_column_offset) {
  Converter converter{origin, first_line_column_offset, {}};
  std::vector<YAML::Node> documents;
  try {
    // Every document is parsed, so a malformed second one is an error rather than ignored.
    documents = YAML::LoadAll(text);
  } catch (const YAML::Exception& e) {
    throw ScenarioError({{converter.at(e.mark), "", "valid YAML", e.msg, ""}});
  }
  if (documents.size() > 1)
    throw ScenarioError({{converter.at(documents[1].Mark()), "", "one YAML document",
                          "a second document (after ---)", "a scenario is one document; put policies in files of their own"}});
  const YAML::Node yaml = documents.empty() ? YAML::Node() : documents.front();
  Node root = converter.convert(yaml, "", 0);
  if (!converter.errors.empty()) throw ScenarioError(std::move(converter.errors));
  return root;
}

std::optional<std::string> not_a_regular_file(const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);  // follows symbolic links: what would be read
  switch (status.type()) {
    case fs::file_type::regular: return std::nullopt;
    case fs::file_type::not_found: return "no such file";
    case fs::file_type::directory: return "a directory";
    case fs::file_type::fifo: return "a named pipe (FIFO)";
    case fs::file_type::character:
    case fs::file_type::block: return "a device";
    case fs::file_type::socket: return "a socket";
    default: return ec ? "a file that cannot be examined (" + ec.message() + ")" : "not a regular file";
  }
}

Node parse_yaml_file(const std::filesystem::path& file) {
  // Only a regular file is opened: a FIFO or a device would block or never end.
  if (const auto problem = not_a_regular_file(file))
    throw ScenarioError({{{file.string(), 0, 0}, "", "a readable scenario file", *problem,
                          *problem == "no such file" ? "" : "only regular files are read"}});
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError({{{file.string(), 0, 0}, "", "a readable scenario file", "a file that cannot be read", ""}});
  // Read one byte more than allowed, so a file past the limit is told from one at it.
  std::string text(kMaxDocumentBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxDocumentBytes)
    throw ScenarioError({{{file.string(), 0, 0}, "", fmt::format("a scenario file of at most {} bytes", kMaxDocumentBytes),
                          "a larger file", ""}});
  return parse_yaml_text(text, file.string());
}

}  // namespace campsim::scenario
