#include "sim/scenario/reader.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "sim/scenario/duration.hpp"
#include "sim/scenario/reader_detail.hpp"
#include "sim/scenario/suggest.hpp"

namespace campsim::scenario {

namespace {

using Json = nlohmann::ordered_json;

using detail::is_map_like;
using detail::kMapExpected;

std::string options_text(const std::vector<std::string_view>& names) {
  std::string out = "one of ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += quote(names[i]);
  }
  return out;
}

}  // namespace

// ---- Reader ----------------------------------------------------------------------------------

Reader::Reader(const Node& root) : root_(&root) {
  scopes_.push_back({"", nlohmann::ordered_json::json_pointer(), true});
  if (!is_map_like(root_)) add({root.location, "", kMapExpected, describe(root_), ""});
}

MapReader Reader::root() {
  const Node* node = is_map_like(root_) ? root_ : nullptr;
  if (node != nullptr) visit(node, "");
  return MapReader(this, node, 0);
}

void Reader::finish() {
  report_unknown(*root_);
  if (!diagnostics_.empty()) throw ScenarioError(diagnostics_);
}

const std::vector<Diagnostic>& Reader::diagnostics() const { return diagnostics_; }

const nlohmann::ordered_json& Reader::resolved() const { return resolved_; }

void Reader::add(Diagnostic diagnostic) {
  // A key read twice (or a shared default map) must not report the same problem twice.
  const std::string text = diagnostic.message();
  for (const Diagnostic& d : diagnostics_) {
    if (d.message() == text) return;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

void Reader::visit(const Node* map, const std::string& path) { visits_.try_emplace(map, Visit{path, {}}); }

void Reader::mark(const Node* map, std::string_view key) {
  auto& keys = visits_[map].keys;
  if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
}

void Reader::report_unknown(const Node& node) {
  if (node.kind == Node::Kind::Sequence) {
    for (const Node& item : node.items) report_unknown(item);
    return;
  }
  if (node.kind != Node::Kind::Map) return;
  // A map no reader opened sits under a key that was itself unknown or rejected as the wrong
  // type; that one report is enough.
  const auto it = visits_.find(&node);
  if (it == visits_.end()) return;
  const Visit& visit = it->second;
  for (const auto& [name, value] : node.entries) {
    if (std::find(visit.keys.begin(), visit.keys.end(), name) != visit.keys.end()) {
      report_unknown(value);
      continue;
    }
    const std::vector<std::string_view> candidates(visit.keys.begin(), visit.keys.end());
    const auto suggestion = nearest(name, candidates);
    add({value.key_location, visit.path.empty() ? name : visit.path + "." + name, "a known key",
         "unknown key " + quote(name), suggestion ? fmt::format("did you mean '{}'?", *suggestion) : ""});
  }
}

// ---- MapReader: plumbing ---------------------------------------------------------------------

std::string MapReader::path() const { return reader_->scopes_[scope_].path; }

std::string MapReader::key_path(std::string_view key) const {
  const std::string& base = reader_->scopes_[scope_].path;
  return base.empty() ? std::string(key) : base + "." + std::string(key);
}

const Node* MapReader::lookup(std::string_view key, Need need, std::string_view expected) {
  if (node_ == nullptr) return nullptr;
  reader_->mark(node_, key);
  const Node* value = node_->find(key);
  if (value == nullptr && need == Need::Required) report(nullptr, key, std::string(expected), "nothing");
  return value;
}

void MapReader::warn_if_present(std::string_view key, std::string text) {
  if (node_ == nullptr) return;
  const Node* value = node_->find(key);
  if (value == nullptr) return;
  reader_->warnings_.push_back({value->location, key_path(key), std::move(text)});
}

void MapReader::report(const Node* at, std::string_view key, std::string expected, std::string found, std::string hint) {
  SourceLocation where = at != nullptr ? at->location : node_ != nullptr ? node_->location : SourceLocation{};
  reader_->add({std::move(where), key_path(key), std::move(expected), std::move(found), std::move(hint)});
}

void MapReader::record(std::string_view key, nlohmann::ordered_json value) {
  const Reader::Scope& scope = reader_->scopes_[scope_];
  if (scope.record) reader_->resolved_[scope.pointer / std::string(key)] = std::move(value);
}

MapReader MapReader::child(const Node* value, std::string child_path, nlohmann::ordered_json::json_pointer pointer,
                           bool record_values) {
  if (record_values) {
    // Created up front so an all-default map still appears, and so a numeric-looking name
    // becomes an object key rather than an array index.
    Json& slot = reader_->resolved_[pointer];
    if (!slot.is_object()) slot = Json::object();
  }
  if (value != nullptr) reader_->visit(value, child_path);
  reader_->scopes_.push_back({std::move(child_path), std::move(pointer), record_values});
  return MapReader(reader_, value, reader_->scopes_.size() - 1);
}

std::optional<double> MapReader::scalar(const Node& value, const std::string& value_path, ValueKind kind, Range range) {
  if (value.kind != Node::Kind::Scalar) {
    reader_->add({value.location, value_path, kind == ValueKind::Duration ? noun(kind) : expected_in(kind, range),
                  describe(&value), ""});
    return std::nullopt;
  }
  const auto parsed = parse_value(value.scalar, kind);
  if (!parsed) {
    // A duration's form is the usual mistake, so its message shows the form; for numbers the
    // range is more useful.
    const std::string expected = kind == ValueKind::Duration ? noun(kind) : expected_in(kind, range);
    reader_->add({value.location, value_path, expected, quote(value.scalar), hint_for(value.scalar, kind)});
    return std::nullopt;
  }
  if (!range.contains(*parsed)) {
    reader_->add({value.location, value_path, expected_in(kind, range), quote(value.scalar), ""});
    return std::nullopt;
  }
  return parsed;
}

// ---- MapReader: scalars ----------------------------------------------------------------------

void MapReader::number(std::string_view key, double& out, Need need, Range range) {
  if (const Node* value = lookup(key, need, expected_in(ValueKind::Number, range))) {
    if (const auto x = scalar(*value, key_path(key), ValueKind::Number, range)) out = *x;
  }
  record(key, out);
}

void MapReader::integer(std::string_view key, int& out, Need need, Range range) {
  if (const Node* value = lookup(key, need, expected_in(ValueKind::Integer, range))) {
    if (const auto x = scalar(*value, key_path(key), ValueKind::Integer, range)) out = static_cast<int>(*x);
  }
  record(key, out);
}

void MapReader::boolean(std::string_view key, bool& out, Need need) {
  if (const Node* value = lookup(key, need, "true or false")) {
    if (value->kind == Node::Kind::Scalar && (value->scalar == "true" || value->scalar == "false")) {
      out = value->scalar == "true";
    } else {
      report(value, key, "true or false", describe(value));
    }
  }
  record(key, out);
}

void MapReader::text(std::string_view key, std::string& out, Need need) {
  if (const Node* value = lookup(key, need, "text")) {
    if (value->kind == Node::Kind::Scalar) {
      out = value->scalar;
    } else {
      report(value, key, "text", describe(value));
    }
  }
  record(key, out);
}

void MapReader::name(std::string_view key, std::string& out, Need need) {
  std::string value = out;
  text(key, value, need);
  std::string shown;
  bool control = false;
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto byte = static_cast<unsigned char>(value[i]);
    const auto next = i + 1 < value.size() ? static_cast<unsigned char>(value[i + 1]) : 0;
    if (byte < 0x20 || byte == 0x7f) {  // C0 and DEL
      control = true;
      shown += std::string("\\x") + kHex[byte >> 4] + kHex[byte & 15];
    } else if (byte == 0xc2 && next >= 0x80 && next <= 0x9f) {  // C1 (U+0080-U+009F) in UTF-8
      control = true;
      shown += std::string("\\u00") + kHex[next >> 4] + kHex[next & 15];
      ++i;
    } else {
      shown += value[i];
    }
  }
  if (control) {
    fail(key, "a name without control characters (newlines, tabs, terminal escapes)", "'" + shown + "'");
    return;
  }
  out = value;
}

void MapReader::duration(std::string_view key, double& seconds, Need need, Range range_seconds) {
  if (const Node* value = lookup(key, need, noun(ValueKind::Duration))) {
    if (const auto x = scalar(*value, key_path(key), ValueKind::Duration, range_seconds)) seconds = *x;
  }
  record(key, format_duration(seconds));
}

std::optional<std::size_t> MapReader::choose(std::string_view key, Need need, const std::vector<std::string_view>& names,
                                             std::optional<std::size_t> current) {
  const std::string expected = options_text(names);
  std::optional<std::size_t> chosen;
  if (const Node* value = lookup(key, need, expected)) {
    if (value->kind == Node::Kind::Scalar) {
      const auto it = std::find(names.begin(), names.end(), value->scalar);
      if (it != names.end()) {
        chosen = static_cast<std::size_t>(it - names.begin());
      } else {
        const auto suggestion = nearest(value->scalar, names);
        report(value, key, expected, quote(value->scalar), suggestion ? fmt::format("did you mean '{}'?", *suggestion) : "");
      }
    } else {
      report(value, key, expected, describe(value));
    }
  }
  if (const auto shown = chosen ? chosen : current) record(key, std::string(names[*shown]));
  return chosen;
}

}  // namespace campsim::scenario
