#pragma once
// The parameter register's origins (docs/provenance.yaml): for every parameter path the readers
// read (parameter_paths.hpp), its unit and where its value comes from, as a checked-in file that
// `campsim params` joins with what the readers actually read (issue 23, item 1).
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace campsim::cli {

// Where a value comes from. `source`: a publication says it (the text cites it). `assumed`: no
// source; the text gives the reason. `fitted`: chosen to match a target (the text names it, with
// the command and commit). `setting`: not a property of the world (a label, a seed, the run's
// length, a numerical step).
enum class OriginKind { Source, Assumed, Fitted, Setting };

const char* origin_kind_name(OriginKind kind);

struct Origin {
  OriginKind kind = OriginKind::Assumed;
  std::string text;     // the citation, the reason, the target, or what the setting is for
  std::string command;  // fitted: the command that fitted it
  std::string commit;   // fitted: the commit that adopted the fitted value
  std::string shared;   // the name of the shared origin (under `origins:`) it is, if one
};

// A parameter changed after a comparison with the record was seen (issue 23: the register says so).
struct LaterChange {
  std::string what;     // what changed, and from what to what
  std::string command;  // the comparison that was looked at
  std::string commit;
};

struct RegisterEntry {
  std::string key;   // "guards.vigilance.floor", list items as [] (parameter_paths.hpp)
  std::string unit;
  std::string meaning;  // optional: what it is, for the scenario reference's key tables
  Origin origin;
  std::vector<LaterChange> changed_after_comparison;
  std::string oracle_only;  // not empty: changes nothing in a run (read only by a closed form kept as a test oracle)
};

struct Citation {
  std::string key;   // "Clingendael 2015", cited in origins as [Clingendael 2015]
  std::string text;  // the full reference
};

struct ParameterRegister {
  std::string title;
  std::string introduction;  // Markdown, printed before the sources
  std::vector<Citation> sources;
  std::vector<std::pair<std::string, Origin>> shared_origins;  // `origins:`, in file order
  std::vector<RegisterEntry> entries;  // in file order
  std::map<std::string, std::string> section_notes;  // section key ("threats.fight") -> Markdown shown under its heading
  const RegisterEntry* find(const std::string& key) const;
};

// Reads and checks the register: every entry has a unit and exactly one origin (or names a shared
// one under `origins:`), a fitted origin names its command and commit, and every [Citation] in a
// `source` text is listed under `sources:`. Throws scenario::ScenarioError listing every problem
// (file:line:column, like a scenario's errors).
ParameterRegister load_register(const std::filesystem::path& file);

}  // namespace campsim::cli
