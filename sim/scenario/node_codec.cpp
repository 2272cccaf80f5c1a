#include "sim/scenario/node_codec.hpp"

#include <cstdint>
#include <cstring>

namespace campsim::scenario {

namespace {

// How a location's file name travels: none, or the origin of the whole tree.
enum class FileName : std::uint8_t { none = 0, origin = 1 };

class TreeWriter {
 public:
  explicit TreeWriter(const std::string& origin) : origin_(origin) {}

  bool node(const Node& n) {
    put_u32(static_cast<std::uint32_t>(n.kind));
    if (!location(n.location) || !location(n.key_location)) return false;
    text(n.scalar);
    put_u32(static_cast<std::uint32_t>(n.entries.size()));
    for (const auto& [key, child] : n.entries) {
      text(key);
      if (!node(child)) return false;
    }
    put_u32(static_cast<std::uint32_t>(n.items.size()));
    for (const Node& item : n.items)
      if (!node(item)) return false;
    return true;
  }

  std::string bytes() && { return std::move(out_); }

 private:
  bool location(const SourceLocation& at) {
    if (!at.file.empty() && at.file != origin_) return false;
    out_.push_back(static_cast<char>(at.file.empty() ? FileName::none : FileName::origin));
    put_u32(static_cast<std::uint32_t>(at.line));
    put_u32(static_cast<std::uint32_t>(at.column));
    return true;
  }
  void text(const std::string& s) {
    put_u32(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  void put_u32(std::uint32_t v) {
    char b[sizeof v];
    std::memcpy(b, &v, sizeof v);  // the same machine reads it back: native byte order
    out_.append(b, sizeof v);
  }

  const std::string& origin_;
  std::string out_;
};

class TreeReader {
 public:
  TreeReader(std::string_view in, const std::string& origin, int max_depth) : in_(in), origin_(origin), max_depth_(max_depth) {}

  bool node(Node& n, int depth) {
    if (depth > max_depth_) return false;
    std::uint32_t kind = 0, entries = 0, items = 0;
    if (!get_u32(kind) || kind > static_cast<std::uint32_t>(Node::Kind::Sequence)) return false;
    n.kind = static_cast<Node::Kind>(kind);
    if (!location(n.location) || !location(n.key_location) || !text(n.scalar)) return false;
    if (!get_u32(entries) || entries > in_.size()) return false;  // each entry takes bytes: a bound
    n.entries.resize(entries);
    for (auto& [key, child] : n.entries)
      if (!text(key) || !node(child, depth + 1)) return false;
    if (!get_u32(items) || items > in_.size()) return false;
    n.items.resize(items);
    for (Node& item : n.items)
      if (!node(item, depth + 1)) return false;
    return true;
  }

  bool at_end() const { return in_.empty(); }

 private:
  bool location(SourceLocation& at) {
    if (in_.empty()) return false;
    const auto name = static_cast<FileName>(in_[0]);
    if (name != FileName::none && name != FileName::origin) return false;
    if (name == FileName::origin) at.file = origin_;
    in_.remove_prefix(1);
    std::uint32_t line = 0, column = 0;
    if (!get_u32(line) || !get_u32(column)) return false;
    at.line = static_cast<int>(line);
    at.column = static_cast<int>(column);
    return true;
  }
  bool text(std::string& s) {
    std::uint32_t size = 0;
    if (!get_u32(size) || size > in_.size()) return false;
    s.assign(in_.substr(0, size));
    in_.remove_prefix(size);
    return true;
  }
  bool get_u32(std::uint32_t& v) {
    if (in_.size() < sizeof v) return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }

  std::string_view in_;
  const std::string& origin_;
  int max_depth_;
};

}  // namespace

std::optional<std::string> encode_node(const Node& root, const std::string& origin) {
  TreeWriter writer(origin);
  if (!writer.node(root)) return std::nullopt;
  return std::move(writer).bytes();
}

std::optional<Node> decode_node(std::string_view bytes, const std::string& origin, int max_depth) {
  TreeReader reader(bytes, origin, max_depth);
  Node root;
  if (!reader.node(root, 0) || !reader.at_end()) return std::nullopt;
  return root;
}

}  // namespace campsim::scenario
