#include "apps/campsim/register_report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "sim/io/csv.hpp"

namespace campsim::cli {

namespace {

// Keys read by any scenario, in the order first read (the first scenario's order first).
std::vector<std::string> keys_read(const std::vector<ScenarioParameters>& scenarios) {
  std::vector<std::string> keys;
  std::set<std::string> seen;
  for (const ScenarioParameters& s : scenarios)
    for (const ParameterValue& v : s.values)
      if (seen.insert(v.key).second) keys.push_back(v.key);
  return keys;
}

// What one scenario reads under `key`: one value, or each list item's distinct value in order.
struct Shown {
  bool read = false;
  bool set_in_file = false;
  std::string text;
};
Shown shown_value(const ScenarioParameters& s, const std::string& key) {
  Shown out;
  std::vector<std::string> distinct;
  for (const ParameterValue& v : s.values) {
    if (v.key != key) continue;
    out.read = true;
    out.set_in_file |= v.set_in_file;
    const std::string text = value_text(v.value);
    if (std::find(distinct.begin(), distinct.end(), text) == distinct.end()) distinct.push_back(text);
  }
  for (std::size_t i = 0; i < distinct.size(); ++i) out.text += (i > 0 ? "; " : "") + distinct[i];
  return out;
}

// A table cell: no column breaks or line breaks, and long values cut (the CSV has them whole).
std::string register_cell(std::string text, std::size_t max = 0) {
  if (max > 0 && text.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    text = text.substr(0, cut) + " …";
  }
  std::string out;
  for (const char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

// "guards.vigilance.floor" -> "guards.vigilance"; "force.company_size" -> "force".
std::string register_section(const std::string& key) {
  const std::size_t first = key.find('.');
  if (first == std::string::npos) return key;
  const std::size_t second = key.find('.', first + 1);
  return second == std::string::npos ? key.substr(0, first) : key.substr(0, second);
}

std::string origin_cell(const RegisterEntry& e) {
  // A shared origin is written out once, under "Shared origins", and named here.
  std::string text = e.origin.shared.empty()
                         ? fmt::format("**{}**: {}", origin_kind_name(e.origin.kind), e.origin.text)
                         : fmt::format("**{}**: see *{}* under Shared origins", origin_kind_name(e.origin.kind), e.origin.shared);
  if (e.origin.kind == OriginKind::Fitted) text += fmt::format(" (by `{}`, commit {})", e.origin.command, e.origin.commit);
  for (const LaterChange& c : e.changed_after_comparison)
    text += fmt::format(" **Changed after a comparison**: {} (after `{}`, commit {}).", c.what, c.command, c.commit);
  if (!e.oracle_only.empty()) text += " **Changes nothing in a run**: " + e.oracle_only;
  return register_cell(text);
}

// The keys read, in the register's order (which groups them as a reader of the docs wants),
// then any the register lacks, in the order read.
std::vector<std::string> ordered_keys(const ParameterRegister& reg, const std::vector<std::string>& read) {
  std::vector<std::string> out;
  const std::set<std::string> read_set(read.begin(), read.end());
  for (const RegisterEntry& e : reg.entries)
    if (read_set.contains(e.key)) out.push_back(e.key);
  for (const std::string& k : read)
    if (reg.find(k) == nullptr) out.push_back(k);
  return out;
}

}  // namespace

RegisterGaps register_gaps(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios) {
  RegisterGaps gaps;
  std::set<std::string> read;
  for (const ScenarioParameters& s : scenarios)
    for (const ParameterValue& v : s.values)
      if (read.insert(v.key).second && reg.find(v.key) == nullptr) gaps.unlisted.push_back(v.key + " (read by " + s.name + ")");
  for (const RegisterEntry& e : reg.entries)
    if (!read.contains(e.key)) gaps.unread.push_back(e.key);
  return gaps;
}

std::string register_markdown(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios) {
  std::string out = "# " + reg.title + "\n\n";
  if (!reg.introduction.empty()) out += reg.introduction + (reg.introduction.ends_with('\n') ? "" : "\n") + "\n";

  std::map<OriginKind, int> counts;
  int changed = 0, oracle = 0;
  for (const RegisterEntry& e : reg.entries) {
    ++counts[e.origin.kind];
    changed += e.changed_after_comparison.empty() ? 0 : 1;
    oracle += e.oracle_only.empty() ? 0 : 1;
  }
  const RegisterGaps gaps = register_gaps(reg, scenarios);
  std::string names;
  for (std::size_t i = 0; i < scenarios.size(); ++i) names += (i > 0 ? ", " : "") + scenarios[i].name;
  out += fmt::format(
      "**{} parameters**: {} from a source, {} assumed, {} fitted, {} settings; {} changed after a comparison with "
      "the record; {} read only by a test oracle. Read by {} scenarios ({}); not in the register: {}.\n\n",
      reg.entries.size(), counts[OriginKind::Source], counts[OriginKind::Assumed], counts[OriginKind::Fitted],
      counts[OriginKind::Setting], changed, oracle, scenarios.size(), names, gaps.unlisted.size());

  out += "## Sources\n\n";
  for (const Citation& c : reg.sources) out += "- **[" + c.key + "]** " + c.text + "\n";
  if (!reg.shared_origins.empty()) {
    out += "\n## Shared origins\n\nOrigins that many parameters share, named in their rows.\n\n";
    for (const auto& [name, origin] : reg.shared_origins)
      out += fmt::format("- *{}*, **{}**: {}\n", name, origin_kind_name(origin.kind), origin.text);
  }

  const ScenarioParameters* reference = scenarios.empty() ? nullptr : &scenarios.front();
  // Keys grouped by section, sections in the order they first come, so a key the register lacks
  // still joins its section's table.
  std::vector<std::string> sections;
  std::map<std::string, std::vector<std::string>> keys_of;
  const std::vector<std::string> read = keys_read(scenarios);
  const std::set<std::string> read_set(read.begin(), read.end());
  // A list of maps goes with its items ("camp.gates" with "camp.gates[].name").
  const auto section = [&](const std::string& key) {
    for (const auto& k : read_set)
      if (k.starts_with(key + "[].")) return register_section(k);
    return register_section(key);
  };
  for (const std::string& key : ordered_keys(reg, read)) {
    const std::string s = section(key);
    if (!keys_of.contains(s)) sections.push_back(s);
    keys_of[s].push_back(key);
  }
  std::vector<std::string> ordered;
  for (const std::string& s : sections) ordered.insert(ordered.end(), keys_of[s].begin(), keys_of[s].end());
  std::string current;
  for (const std::string& key : ordered) {
    if (section(key) != current) {
      current = section(key);
      out += "\n## `" + current + "`\n\n";
      if (const auto note = reg.section_notes.find(current); note != reg.section_notes.end())
        out += note->second + (note->second.ends_with('\n') ? "" : "\n") + "\n";
      out += fmt::format("| parameter | unit | {} | origin | other scenarios |\n|---|---|---|---|---|\n",
                         reference != nullptr ? reference->name : "value");
    }
    const Shown here = reference != nullptr ? shown_value(*reference, key) : Shown{};
    std::string value = !here.read ? "not read" : register_cell(here.text, 80) + (here.set_in_file ? "" : " (default)");
    std::string elsewhere;
    for (std::size_t i = 1; i < scenarios.size(); ++i) {
      const Shown there = shown_value(scenarios[i], key);
      if (there.read && there.text != here.text)
        elsewhere += (elsewhere.empty() ? "" : "; ") + scenarios[i].name + ": " + register_cell(there.text, 40);
    }
    const RegisterEntry* e = reg.find(key);
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", key, e != nullptr ? register_cell(e->unit) : "",
                       value, e != nullptr ? origin_cell(*e) : "**not in the register**", elsewhere);
  }
  return out;
}

std::string register_key_table(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios,
                               const std::string& section, KeyTableColumns columns) {
  const bool meanings = columns == KeyTableColumns::Meanings;
  std::string out = fmt::format("| key | unit | {} | {} |\n|---|---|---|---|{}\n",
                                scenarios.empty() ? "value" : "default (" + scenarios.front().name + ")",
                                meanings ? "meaning | origin" : "origin", meanings ? "---|" : "");
  const std::string prefix = section + ".";
  for (const std::string& key : ordered_keys(reg, keys_read(scenarios))) {
    // The section may name one key ("medical.enabled"): its row, under its own last name.
    const bool itself = key == section;
    if (!itself && !key.starts_with(prefix)) continue;
    const std::string shown_key = itself ? key.substr(key.rfind('.') + 1) : key.substr(prefix.size());
    const Shown here = scenarios.empty() ? Shown{} : shown_value(scenarios.front(), key);
    const std::string value = !here.read ? "-" : register_cell(here.text, 60) + (here.set_in_file ? "" : " (default)");
    const RegisterEntry* e = reg.find(key);
    const std::string origin = e == nullptr ? "**not in the register**"
                               : meanings   ? std::string(origin_kind_name(e->origin.kind))
                                            : origin_cell(*e);
    out += fmt::format("| `{}` | {} | {} | {}{} |\n", shown_key, e != nullptr ? register_cell(e->unit) : "",
                       value, meanings ? (e != nullptr ? register_cell(e->meaning) : "") + " | " : "", origin);
  }
  return out;
}

std::string register_csv(const ParameterRegister& reg, const std::vector<ScenarioParameters>& scenarios) {
  std::string out = io::csv_line({"scenario", "parameter", "path", "value", "set_in_file", "unit", "origin", "origin_text",
                                  "fitted_command", "fitted_commit", "changed_after_comparison", "oracle_only"});
  for (const ScenarioParameters& s : scenarios)
    for (const ParameterValue& v : s.values) {
      const RegisterEntry* e = reg.find(v.key);
      std::string changed;
      if (e != nullptr)
        for (const LaterChange& c : e->changed_after_comparison)
          changed += (changed.empty() ? "" : "; ") + c.what + " (after " + c.command + ", commit " + c.commit + ")";
      out += io::csv_line({s.name, v.key, v.path, value_text(v.value), v.set_in_file ? "true" : "false",
                           e != nullptr ? e->unit : "", e != nullptr ? origin_kind_name(e->origin.kind) : "unlisted",
                           e != nullptr ? e->origin.text : "", e != nullptr ? e->origin.command : "",
                           e != nullptr ? e->origin.commit : "", changed, e != nullptr ? e->oracle_only : ""});
    }
  return out;
}

}  // namespace campsim::cli
