// MapReader's compound reads: lists of scalars, child maps, lists of maps and named entries.
#include <fmt/core.h>

#include "sim/scenario/duration.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/reader_detail.hpp"

namespace campsim::scenario {

namespace {

using Json = nlohmann::ordered_json;

using detail::is_map_like;
using detail::kMapExpected;

std::string plural(ValueKind kind) {
  switch (kind) {
    case ValueKind::Number: return "numbers";
    case ValueKind::Integer: return "whole numbers";
    case ValueKind::Duration: return "durations";
  }
  return "values";
}

}  // namespace

std::optional<std::vector<double>> MapReader::scalar_list(std::string_view key, Need need, ValueKind kind, Range range,
                                                          std::size_t exact_count) {
  const std::string expected = exact_count > 0 ? fmt::format("a list of {} {}", exact_count, plural(kind))
                                               : fmt::format("a list of {}", plural(kind));
  const Node* value = lookup(key, need, expected);
  if (value == nullptr) return std::nullopt;
  if (value->kind != Node::Kind::Sequence && value->kind != Node::Kind::Null) {
    report(value, key, expected + ", like [1, 2, 3]", describe(value));
    return std::nullopt;
  }
  if (exact_count > 0 && value->items.size() != exact_count) {
    report(value, key, expected, fmt::format("a list of {}", value->items.size()));
    return std::nullopt;
  }
  std::vector<double> out;
  bool ok = true;
  for (std::size_t i = 0; i < value->items.size(); ++i) {
    const auto x = scalar(value->items[i], fmt::format("{}[{}]", key_path(key), i), kind, range);
    ok = ok && x.has_value();
    if (x) out.push_back(*x);
  }
  if (!ok) return std::nullopt;
  return out;
}

void MapReader::numbers(std::string_view key, std::vector<double>& out, Need need, Range range, std::size_t exact_count) {
  if (auto values = scalar_list(key, need, ValueKind::Number, range, exact_count)) out = std::move(*values);
  record(key, Json(out));
}

void MapReader::durations(std::string_view key, std::vector<double>& seconds, Need need, Range range_seconds) {
  if (auto values = scalar_list(key, need, ValueKind::Duration, range_seconds, 0)) seconds = std::move(*values);
  Json record_list = Json::array();
  for (double s : seconds) record_list.push_back(format_duration(s));
  record(key, std::move(record_list));
}

void MapReader::points(std::string_view key, std::vector<std::array<double, 2>>& out, Need need, std::size_t min_count) {
  const std::string expected = min_count > 0 ? fmt::format("a list of at least {} [x, y] points", min_count)
                                             : std::string("a list of [x, y] points");
  if (const Node* value = lookup(key, need, expected)) {
    if (value->kind != Node::Kind::Sequence && value->kind != Node::Kind::Null) {
      report(value, key, expected, describe(value));
    } else if (value->items.size() < min_count) {
      report(value, key, expected, fmt::format("a list of {}", value->items.size()));
    } else {
      std::vector<std::array<double, 2>> read;
      bool ok = true;
      for (std::size_t i = 0; i < value->items.size(); ++i) {
        const Node& item = value->items[i];
        const std::string item_path = fmt::format("{}[{}]", key_path(key), i);
        if (item.kind != Node::Kind::Sequence || item.items.size() != 2) {
          const std::string found = item.kind == Node::Kind::Sequence ? fmt::format("a list of {}", item.items.size())
                                                                      : describe(&item);
          reader_->add({item.location, item_path, "a point [x, y]", found, ""});
          ok = false;
          continue;
        }
        const auto x = scalar(item.items[0], item_path + "[0]", ValueKind::Number, {});
        const auto y = scalar(item.items[1], item_path + "[1]", ValueKind::Number, {});
        if (x && y) read.push_back({*x, *y});
        ok = ok && x && y;
      }
      if (ok) out = std::move(read);
    }
  }
  Json record_value = Json::array();
  for (const auto& xy : out) record_value.push_back(Json::array({xy[0], xy[1]}));
  record(key, std::move(record_value));
}

void MapReader::list_of_text(std::string_view key, std::vector<std::string>& out, Need need) {
  const std::string expected = "a list of names, like [a, b]";
  if (const Node* value = lookup(key, need, expected)) {
    if (value->kind != Node::Kind::Sequence && value->kind != Node::Kind::Null) {
      report(value, key, expected, describe(value));
    } else {
      std::vector<std::string> texts;
      bool ok = true;
      for (std::size_t i = 0; i < value->items.size(); ++i) {
        const Node& item = value->items[i];
        if (item.kind == Node::Kind::Scalar) {
          texts.push_back(item.scalar);
        } else {
          reader_->add({item.location, fmt::format("{}[{}]", key_path(key), i), "text", describe(&item), ""});
          ok = false;
        }
      }
      if (ok) out = std::move(texts);
    }
  }
  record(key, Json(out));
}

MapReader MapReader::map(std::string_view key, Need need) {
  const Node* value = lookup(key, need, kMapExpected);
  if (value != nullptr && !is_map_like(value)) {
    report(value, key, kMapExpected, describe(value));
    value = nullptr;
  }
  const Reader::Scope& scope = reader_->scopes_[scope_];
  return child(value, key_path(key), scope.pointer / std::string(key), scope.record);
}

void MapReader::list(std::string_view key, Need need, const std::function<void(MapReader&, std::size_t)>& each) {
  const std::string expected = "a list of maps (lines starting with '- ')";
  const Node* value = lookup(key, need, expected);
  if (value == nullptr) return;
  if (value->kind != Node::Kind::Sequence && value->kind != Node::Kind::Null) {
    report(value, key, expected, describe(value));
    return;
  }
  const Reader::Scope& scope = reader_->scopes_[scope_];
  const auto pointer = scope.pointer / std::string(key);
  const bool record_values = scope.record;
  if (record_values) reader_->resolved_[pointer] = Json::array();
  const std::string base = key_path(key);
  for (std::size_t i = 0; i < value->items.size(); ++i) {
    const Node& item = value->items[i];
    const std::string item_path = fmt::format("{}[{}]", base, i);
    if (!is_map_like(&item)) {
      reader_->add({item.location, item_path, kMapExpected, describe(&item), ""});
      continue;
    }
    MapReader reader = child(&item, item_path, pointer / i, record_values);
    each(reader, i);
  }
}

void MapReader::entries(std::string_view key, Need need, const std::function<void(std::string_view, MapReader&)>& each) {
  const std::string expected = "a map of named entries, each a map of settings";
  const Node* value = lookup(key, need, expected);
  if (value == nullptr) return;
  if (!is_map_like(value)) {
    report(value, key, expected, describe(value));
    return;
  }
  const Reader::Scope& scope = reader_->scopes_[scope_];
  const auto pointer = scope.pointer / std::string(key);
  const bool record_values = scope.record;
  if (record_values) reader_->resolved_[pointer] = Json::object();
  const std::string base = key_path(key);
  reader_->visit(value, base);
  for (const auto& [name, item] : value->entries) {
    reader_->mark(value, name);  // every name is wanted; only their contents can be unknown
    const std::string item_path = base + "." + name;
    if (!is_map_like(&item)) {
      reader_->add({item.location, item_path, kMapExpected, describe(&item), ""});
      continue;
    }
    MapReader reader = child(&item, item_path, pointer / name, record_values);
    each(name, reader);
  }
}

bool MapReader::has(std::string_view key) const { return node_ != nullptr && node_->find(key) != nullptr; }

void MapReader::fail(std::string_view key, std::string expected, std::string found) {
  if (node_ != nullptr) reader_->mark(node_, key);
  report(node_ != nullptr ? node_->find(key) : nullptr, key, std::move(expected), std::move(found));
}

}  // namespace campsim::scenario
