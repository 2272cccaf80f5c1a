// docs/data-dictionary.md against the program: the committed file is what `campsim dictionary`
// prints, it lists exactly the columns (in order) of the files a real run and a real batch write,
// and pandas and R (where installed) read every file with the types it states.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <sstream>

#include "run_cli.hpp"

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
  const std::vector<std::pair<std::string, fs::path>> files{
      {"Run: `timeseries.csv`", run / "timeseries.csv"}, {"Run: `casualties.csv`", run / "casualties.csv"},
      {"Run: `care.csv`", run / "care.csv"},             {"Batch: `results.csv`", batch / "results.csv"},
      {"Batch: `care.csv`", batch / "care.csv"}};
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
