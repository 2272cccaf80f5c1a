#include "apps/campsim/parameter_register.hpp"

#include <regex>
#include <set>

#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::cli {

namespace {

using scenario::MapReader;
using scenario::Need;

// Exactly one of source / assumed / fitted / setting, or `origin: NAME` naming a shared one.
Origin read_origin(MapReader& in, const std::map<std::string, Origin>& shared) {
  Origin origin;
  int given = 0;
  if (in.has("source")) {
    origin.kind = OriginKind::Source;
    in.text("source", origin.text);
    ++given;
  }
  if (in.has("assumed")) {
    origin.kind = OriginKind::Assumed;
    in.text("assumed", origin.text);
    ++given;
  }
  if (in.has("setting")) {
    origin.kind = OriginKind::Setting;
    in.text("setting", origin.text);
    ++given;
  }
  if (in.has("fitted")) {
    // What a fitted value was fitted to is not enough: by which command, adopted at which commit.
    origin.kind = OriginKind::Fitted;
    MapReader fitted = in.map("fitted");
    fitted.text("target", origin.text, Need::Required);
    fitted.text("command", origin.command, Need::Required);
    fitted.text("commit", origin.commit, Need::Required);
    ++given;
  }
  if (in.has("origin")) {
    std::string name;
    in.name("origin", name);
    if (const auto it = shared.find(name); it != shared.end()) {
      origin = it->second;
      origin.shared = name;
    } else in.fail("origin", "the name of an entry under origins:", "'" + name + "'");
    ++given;
  }
  if (given != 1)
    in.fail("source", "exactly one origin: source, assumed, fitted, setting, or origin (a shared one)",
            given == 0 ? "none" : std::to_string(given));
  return origin;
}

// A bracketed reference ending in a year, like [Clingendael 2015], must be one of the sources.
void check_citations(MapReader& in, const std::string& text, const std::set<std::string>& known) {
  static const std::regex cited(R"(\[([A-Z][^\[\]]*? [0-9]{4}[a-z]?)\])");
  for (std::sregex_iterator it(text.begin(), text.end(), cited), end; it != end; ++it)
    if (!known.contains((*it)[1].str())) in.fail("source", "a citation listed under sources:", "[" + (*it)[1].str() + "]");
}

}  // namespace

const char* origin_kind_name(OriginKind kind) {
  switch (kind) {
    case OriginKind::Source: return "source";
    case OriginKind::Assumed: return "assumed";
    case OriginKind::Fitted: return "fitted";
    case OriginKind::Setting: return "setting";
  }
  return "?";
}

const RegisterEntry* ParameterRegister::find(const std::string& key) const {
  for (const RegisterEntry& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

ParameterRegister load_register(const std::filesystem::path& file) {
  const scenario::Node tree = scenario::parse_yaml_file(file);
  scenario::Reader reader(tree);
  MapReader root = reader.root();
  ParameterRegister reg;
  root.text("title", reg.title, Need::Required);
  root.text("introduction", reg.introduction);
  std::set<std::string> known;
  root.list("sources", Need::Required, [&](MapReader& item, std::size_t) {
    Citation c;
    item.name("key", c.key, Need::Required);
    item.text("text", c.text, Need::Required);
    known.insert(c.key);
    reg.sources.push_back(std::move(c));
  });
  std::map<std::string, Origin> shared;
  root.entries("origins", Need::Optional, [&](std::string_view name, MapReader& item) {
    Origin origin = read_origin(item, shared);
    check_citations(item, origin.text, known);
    reg.shared_origins.emplace_back(std::string(name), origin);
    shared[std::string(name)] = std::move(origin);
  });
  root.list("sections", Need::Optional, [&](MapReader& item, std::size_t) {
    std::string key, note;
    item.name("key", key, Need::Required);
    item.text("note", note, Need::Required);
    reg.section_notes[key] = note;
  });
  root.entries("parameters", Need::Required, [&](std::string_view key, MapReader& item) {
    RegisterEntry e;
    e.key = std::string(key);
    item.text("unit", e.unit, Need::Required);
    item.text("meaning", e.meaning);
    e.origin = read_origin(item, shared);
    check_citations(item, e.origin.text, known);
    item.list("changed_after_comparison", Need::Optional, [&](MapReader& change, std::size_t) {
      LaterChange c;
      change.text("what", c.what, Need::Required);
      change.text("command", c.command, Need::Required);
      change.text("commit", c.commit, Need::Required);
      e.changed_after_comparison.push_back(std::move(c));
    });
    item.text("oracle_only", e.oracle_only);
    reg.entries.push_back(std::move(e));
  });
  reader.finish();  // unknown keys (a misspelt `assumed`) are errors too
  return reg;
}

}  // namespace campsim::cli
