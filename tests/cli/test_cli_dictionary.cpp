// docs/data-dictionary.md against the program: the committed file is what `campsim dictionary`
// prints, it lists exactly the columns (in order) of the files a real run and a real batch write,
// and pandas and R (where installed) read every file with the types it states.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "run_cli.hpp"
#include "sim/camp/medical/care_record.hpp"
#include "sim/camp/protest/protest_model.hpp"
#include "sim/camp/core/casualty.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

const std::string kScenario = "scenarios/gao_baseline.yaml";

// Section heading ("Run: `care.csv`") -> its column names, from the dictionary's tables.
std::map<std::string, std::vector<std::string>> dictionary_columns(const std::string& text) {
  std::map<std::string, std::vector<std::string>> sections;
  std::string section;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("## ")) {
      section = line.substr(3, line.find(" (") - 3);
      continue;
    }
    if (!section.empty() && line.starts_with("| `")) {
      const std::size_t end = line.find('`', 3);
      sections[section].push_back(line.substr(3, end - 3));
    }
  }
  return sections;
}

std::vector<std::string> header_of(const fs::path& csv) {
  std::istringstream in(read_file(csv));
  std::string line;
  std::getline(in, line);
  std::vector<std::string> cells;
  std::istringstream cells_in(line);
  for (std::string cell; std::getline(cells_in, cell, ',');) cells.push_back(cell);
  return cells;
}

bool have(const std::string& probe) { return std::system((probe + " >/dev/null 2>&1").c_str()) == 0; }

}  // namespace

TEST_CASE("the committed data dictionary is what the program generates", "[cli][dictionary]") {
  const CliResult r = run_cli("dictionary " + kScenario);
  REQUIRE(r.exit_code == 0);
  const std::string committed = read_file(fs::path(CAMPSIM_SOURCE_DIR) / "docs" / "data-dictionary.md");
  INFO("regenerate: build/release/apps/campsim dictionary " + kScenario + " > docs/data-dictionary.md");
  CHECK(committed == r.output);
}

TEST_CASE("the data dictionary lists exactly the columns the files have, and pandas and R read them typed", "[cli][dictionary]") {
  const fs::path scratch = scratch_dir("dictionary");
  const fs::path run = scratch / "run", batch = scratch / "batch";
  REQUIRE(run_cli("run " + kScenario + " --days 20 --seed 3 -q --out " + run.string()).exit_code == 0);
  REQUIRE(run_cli("batch " + kScenario + " --replications 2 --days 20 --seed 3 -q --out " + batch.string()).exit_code == 0);
  const std::string dictionary = read_file(fs::path(CAMPSIM_SOURCE_DIR) / "docs" / "data-dictionary.md");
  const auto sections = dictionary_columns(dictionary);
  // protests.csv from a run with a protest (the replay of 27 January 2015).
  const fs::path protest = scratch / "protest";
  REQUIRE(run_cli("run scenarios/replay_2015-01-27_gao_protest.yaml -q --out " + protest.string()).exit_code == 0);
  const std::vector<std::pair<std::string, fs::path>> files{
      {"Run: `timeseries.csv`", run / "timeseries.csv"}, {"Run: `casualties.csv`", run / "casualties.csv"},
      {"Run: `care.csv`", run / "care.csv"},             {"Run: `external.csv`", run / "external.csv"},
      {"Run: `protests.csv`", protest / "protests.csv"},
      {"Batch: `results.csv`", batch / "results.csv"},   {"Batch: `care.csv`", batch / "care.csv"}};
  CHECK(sections.size() == files.size());
  std::string pairs;
  for (const auto& [section, file] : files) {
    INFO(section);
    REQUIRE(sections.count(section) == 1);
    CHECK(sections.at(section) == header_of(file));
    pairs += " '" + section + "=" + file.string() + "'";
  }
  // The metric columns flow through generically: no column lacks a type.
  CHECK(dictionary.find("| ? |") == std::string::npos);

  const std::string readers = std::string(CAMPSIM_SOURCE_DIR) + "/tests/cli/readers/";
  const std::string dictionary_path = std::string(CAMPSIM_SOURCE_DIR) + "/docs/data-dictionary.md";
  if (have("/usr/bin/python3 -c 'import pandas'")) {
    const int status = std::system(("/usr/bin/python3 " + readers + "check_types.py " + dictionary_path + pairs).c_str());
    CHECK(status == 0);
  } else {
    WARN("pandas is not installed (Debian: python3-pandas): the pandas check is skipped");
  }
  if (have("Rscript --version")) {
    const int status = std::system(("Rscript " + readers + "check_types.R " + dictionary_path + pairs).c_str());
    CHECK(status == 0);
  } else {
    WARN("R is not installed (Debian: r-base-core): the R check is skipped");
  }
  fs::remove_all(scratch);
}

namespace {

struct DictionaryRow {
  std::string section, name, type, unit, meaning;
};

// Every table row of the dictionary: | `name` | type | unit | meaning |.
std::vector<DictionaryRow> dictionary_rows(const std::string& text) {
  std::vector<DictionaryRow> rows;
  std::string section;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("## ")) section = line.substr(3, line.find(" (") - 3);
    if (!line.starts_with("| `")) continue;
    std::vector<std::string> cells;
    std::size_t at = 1;
    // Cells split on " | " (a | inside a meaning is written \|).
    for (std::size_t bar = line.find(" | ", at); bar != std::string::npos; bar = line.find(" | ", at)) {
      cells.push_back(line.substr(at, bar - at));
      at = bar + 3;
    }
    cells.push_back(line.substr(at, line.size() - at - 2));
    REQUIRE(cells.size() == 4);
    const std::string name = cells[0].substr(cells[0].find('`') + 1, cells[0].rfind('`') - cells[0].find('`') - 1);
    rows.push_back({section, name, cells[1], cells[2], cells[3]});
  }
  return rows;
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

// The words of a meaning that its column's name does not already say, leaving out words that
// say nothing ("metric", "the", "of"): "metric: world > stranded (metrics.json)" has none.
std::vector<std::string> words_beyond_name(const DictionaryRow& row) {
  static const std::set<std::string> empty_words{"metric", "metrics", "json", "the", "a", "an", "of", "in", "on", "at",
                                                 "to", "by", "and", "or", "for", "per", "is", "this", "that", "its",
                                                 "value", "column", "number", "count", "total", "mean", "share"};
  const std::vector<std::string> name_words = words_of(row.name);
  const std::set<std::string> said(name_words.begin(), name_words.end());
  std::vector<std::string> beyond;
  for (const std::string& w : words_of(row.meaning))
    if (!said.count(w) && !empty_words.count(w)) beyond.push_back(w);
  return beyond;
}

// "a (gloss, with commas), b, c (gloss)" -> {"a", "b", "c"}: the values a meaning lists after
// `lead`, up to the closing " (NA" if any.
std::vector<std::string> listed_values(const std::string& meaning, const std::string& lead) {
  std::vector<std::string> values;
  const std::size_t start = meaning.find(lead);
  if (start == std::string::npos) return values;
  std::string current;
  int depth = 0;
  for (std::size_t i = start + lead.size(); i <= meaning.size(); ++i) {
    const char c = i < meaning.size() ? meaning[i] : ',';
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (depth == 0 && c == ',') {
      const std::string value = current.substr(current.find_first_not_of(' '));
      values.push_back(value.substr(0, value.find(' ')));
      current.clear();
    } else if (depth == 0 && c != ')') {
      current += c;
    }
  }
  return values;
}

}  // namespace

TEST_CASE("every column of the data dictionary has a meaning beyond its name and, if numeric, a unit", "[cli][dictionary]") {
  const std::vector<DictionaryRow> rows = dictionary_rows(read_file(fs::path(CAMPSIM_SOURCE_DIR) / "docs" / "data-dictionary.md"));
  REQUIRE(rows.size() > 300);
  for (const DictionaryRow& row : rows) {
    INFO(row.section << ": " << row.name << " | " << row.type << " | " << row.unit << " | " << row.meaning);
    CHECK(words_beyond_name(row).size() >= 2);
    CHECK(row.meaning.find("no description yet") == std::string::npos);
    if (row.type == "integer" || row.type == "number") CHECK(!row.unit.empty());
  }
  // The check itself: a meaning that restates the name is caught.
  CHECK(words_beyond_name({"", "world.stranded", "integer", "count", "metric: world > stranded (metrics.json)"}).empty());
}

TEST_CASE("the data dictionary's value lists are the values the program writes", "[cli][dictionary]") {
  const std::vector<DictionaryRow> rows = dictionary_rows(read_file(fs::path(CAMPSIM_SOURCE_DIR) / "docs" / "data-dictionary.md"));
  const auto meaning_of = [&](const std::string& name) {
    for (const DictionaryRow& row : rows)
      if (row.name == name) return row.meaning;
    FAIL("no row for " << name);
    return std::string();
  };
  using namespace campsim::camp;
  const auto names = [](auto name_of, auto... values) { return std::vector<std::string>{std::string(name_of(values))...}; };
  // Causes: infiltrations and fights hurt by gunfire, protests by stones and fire (not
  // "infiltration" or "complex_attack", which are kinds of attack, not causes of injury).
  CHECK(listed_values(meaning_of("cause"), "what injured them: ") ==
        names(cause_name, Cause::IndirectFire, Cause::VehicleBomb, Cause::Gunfire, Cause::RoadsideBomb, Cause::Stones,
              Cause::Fire));
  CHECK(listed_values(meaning_of("triage"), "triage category: ") ==
        names(triage_name, Triage::Killed, Triage::Immediate, Triage::Delayed, Triage::Minimal));
  CHECK(listed_values(meaning_of("outcome"), "how the casualty left the chain: ") ==
        names(care_outcome_name, CareOutcome::Killed, CareOutcome::DiedOfWounds, CareOutcome::Survived,
              CareOutcome::EvacuatedL3, CareOutcome::InCare));
  CHECK(listed_values(meaning_of("first_aid_by"), "who gave first aid: ") ==
        std::vector<std::string>{"buddy", "responder", "ambulance_crew", "hospital"});
  CHECK(listed_values(meaning_of("died_where"), "died: ") == std::vector<std::string>{"before_pickup", "in_transit", "at_hospital"});
  CHECK(listed_values(meaning_of("end"), "how it ended: ") ==
        names([](protest::ProtestEnd e) { return protest::name(e); }, protest::ProtestEnd::Dispersed,
              protest::ProtestEnd::MeltedAway, protest::ProtestEnd::Dusk, protest::ProtestEnd::Breach,
              protest::ProtestEnd::RunEnded));
  // The contingents that are not nations: the mission's own, the police and the crowd.
  const std::string contingent = meaning_of("contingent");
  for (const char* who : {"UN ", "UNPOL", "civilian"}) CHECK(contingent.find(who) != std::string::npos);
}
