#pragma once
// Typed reading of a Node tree into plain structs. A parameter reader asks for each key it knows,
// with its type, range and default; the Reader collects every problem (never throws until
// finish()), remembers which keys were asked for so leftovers can be reported as unknown, and
// records every value used, defaults included, as the run's "resolved parameters".
#include <array>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/engine/distribution.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/node.hpp"
#include "sim/scenario/values.hpp"  // Range, ValueKind

namespace campsim::scenario {

enum class Need { Required, Optional };

enum class ValueUnit { Number, Duration };

class Reader;

// A view of one map in the tree: a pointer to the Reader, a pointer to the map's Node (nullptr
// when the map is absent or wrong, in which case every read keeps its default and reports
// nothing), and the index of its scope (path and place in resolved()). Cheap to copy.
class MapReader {
 public:
  // Each reads `key`; when the key is absent and Optional, `out` keeps its current value (the
  // default). On any error `out` is left unchanged too.
  void number(std::string_view key, double& out, Need need = Need::Optional, Range range = {});
  void integer(std::string_view key, int& out, Need need = Need::Optional, Range range = {});
  void boolean(std::string_view key, bool& out, Need need = Need::Optional);  // true/false only
  void text(std::string_view key, std::string& out, Need need = Need::Optional);
  // Text that names something (a scenario, a post, a gate): not empty and without control
  // characters (a newline, a tab, a terminal escape), which would break reports, tables and the
  // terminal. The error shows them written out (\x1b).
  void name(std::string_view key, std::string& out, Need need = Need::Optional);
  void duration(std::string_view key, double& seconds, Need need = Need::Optional, Range range_seconds = {});
  // Forms: a scalar ("5min" or "3") = fixed; or a map {dist: fixed, value: X} |
  // {dist: uniform, min, max} | {dist: exponential, mean} | {dist: lognormal, median, p90 (p90 > median)} |
  // {dist: triangular, min, mode, max (min<=mode<=max, min<max)} |
  // {dist: empirical, values: [...], weights: [...] (optional, non-negative, same length, positive sum)}.
  // With ValueUnit::Duration every value needs a unit and is stored in seconds. `range` bounds
  // every parameter (e.g. non-negative).
  void distribution(std::string_view key, engine::Distribution& out, Need need = Need::Optional,
                    ValueUnit unit = ValueUnit::Number, Range range = {});
  // The error lists the options and suggests the nearest.
  template <class E>
  void choice(std::string_view key, E& out, Need need, std::initializer_list<std::pair<std::string_view, E>> options);
  // A list of durations, each with its unit, stored in seconds.
  void durations(std::string_view key, std::vector<double>& seconds, Need need = Need::Optional, Range range_seconds = {});
  void numbers(std::string_view key, std::vector<double>& out, Need need = Need::Optional, Range range = {},
               std::size_t exact_count = 0);
  // A list of [x, y] pairs, e.g. a polygon, with at least `min_count` points.
  void points(std::string_view key, std::vector<std::array<double, 2>>& out, Need need = Need::Optional,
              std::size_t min_count = 0);
  // A list of text items, e.g. the names of the road nodes on a patrol route.
  void list_of_text(std::string_view key, std::vector<std::string>& out, Need need = Need::Optional);
  MapReader map(std::string_view key, Need need = Need::Optional);  // absent+Optional: reads all keep defaults
  // A sequence of maps. An absent optional list calls nothing and records nothing (the caller's
  // default list stands, and re-reading the record gives it again).
  void list(std::string_view key, Need need, const std::function<void(MapReader& item, std::size_t index)>& each);
  // A map of name -> map, in file order. Absent: as for list().
  void entries(std::string_view key, Need need, const std::function<void(std::string_view name, MapReader& item)>& each);
  bool has(std::string_view key) const;  // does not count as reading the key
  // When the map has `key`, a warning at its value that it changes nothing in a run (`text` says
  // why and what does instead). Does not count as reading the key: read it as usual too.
  void warn_if_present(std::string_view key, std::string text);
  // A custom validation error located at that key's value (or at this map if absent). Marks the
  // key as read, so it is not also reported as unknown.
  void fail(std::string_view key, std::string expected, std::string found);
  std::string path() const;

 private:
  friend class Reader;
  MapReader(Reader* reader, const Node* node, std::size_t scope) : reader_(reader), node_(node), scope_(scope) {}

  std::string key_path(std::string_view key) const;
  // Marks `key` as read in this map and returns its value, or nullptr if absent (reporting it
  // when required and this map exists).
  const Node* lookup(std::string_view key, Need need, std::string_view expected);
  std::optional<double> scalar(const Node& value, const std::string& value_path, ValueKind kind, Range range);
  // Reads a list of scalars; nullopt when absent or on any error.
  std::optional<std::vector<double>> scalar_list(std::string_view key, Need need, ValueKind kind, Range range,
                                                 std::size_t exact_count);
  std::optional<std::size_t> choose(std::string_view key, Need need, const std::vector<std::string_view>& names,
                                    std::optional<std::size_t> current);
  std::optional<engine::Distribution> distribution_map(std::string_view key, const Node& value, ValueUnit unit,
                                                       Range range);
  // A reader for a child map; `value` may be nullptr (absent) and is otherwise a Map or Null.
  MapReader child(const Node* value, std::string child_path, nlohmann::ordered_json::json_pointer pointer,
                  bool record);
  void record(std::string_view key, nlohmann::ordered_json value);
  void report(const Node* at, std::string_view key, std::string expected, std::string found, std::string hint = {});

  Reader* reader_;
  const Node* node_;
  std::size_t scope_;
};

class Reader {
 public:
  explicit Reader(const Node& root);  // the root must be a map (or empty), else a diagnostic
  explicit Reader(Node&& root) = delete;  // the tree must outlive the Reader: no temporaries
  Reader(const Reader&) = delete;     // MapReaders point at it
  Reader& operator=(const Reader&) = delete;

  MapReader root();
  // Reports every map key in the tree that no reader looked up, as "unknown key", with a hint
  // naming the nearest key that WAS looked up in that same map, then throws ScenarioError if
  // there is any diagnostic at all.
  void finish();
  const std::vector<Diagnostic>& diagnostics() const;
  const std::vector<Warning>& warnings() const { return warnings_; }
  // Every value read, defaults included, in read order, as JSON: numbers as numbers, durations as
  // canonical strings ("8h"), distributions as maps ({"dist":"lognormal","median":"10min","p90":"30min"}),
  // lists as arrays. Loadable again as a scenario (JSON is YAML).
  const nlohmann::ordered_json& resolved() const;

 private:
  friend class MapReader;
  struct Scope {
    std::string path;
    nlohmann::ordered_json::json_pointer pointer;  // where this map's values go in resolved_
    bool record = true;                            // false for internal reads (distribution maps)
  };
  struct Visit {
    std::string path;
    std::vector<std::string> keys;  // looked up here, present or not: the candidates for hints
  };

  void add(Diagnostic diagnostic);
  void visit(const Node* map, const std::string& path);
  void mark(const Node* map, std::string_view key);
  void report_unknown(const Node& node);

  const Node* root_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<Scope> scopes_;
  std::unordered_map<const Node*, Visit> visits_;
  nlohmann::ordered_json resolved_ = nlohmann::ordered_json::object();
  std::vector<Warning> warnings_;
};

template <class E>
void MapReader::choice(std::string_view key, E& out, Need need,
                       std::initializer_list<std::pair<std::string_view, E>> options) {
  std::vector<std::string_view> names;
  std::optional<std::size_t> current;
  for (const auto& [name, value] : options) {
    if (!current && value == out) current = names.size();
    names.push_back(name);
  }
  if (const auto chosen = choose(key, need, names, current)) out = options.begin()[*chosen].second;
}

}  // namespace campsim::scenario
