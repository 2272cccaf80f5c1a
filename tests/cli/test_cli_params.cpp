// The parameter register (issue 23, item 1): `campsim params` against what the readers read.
// Every parameter any shipped scenario reads is in docs/provenance.yaml and every entry there is
// read; the check names what is missing on either side; the CSV holds every value a run records,
// from the file or the default; the register's own mistakes are refused at their line; the keys
// flagged as read only by a test oracle are exactly those that warn when changed; and
// docs/provenance.md is what the command prints.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_cli.hpp"
#include "sim/io/csv.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_cli_test_cli_params {

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = CAMPSIM_SOURCE_DIR;

// The register's text with the entry `key` (its line and the indented lines under it) left out.
std::string register_without(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string out;
  bool skipping = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "  " + key + ":") {
      skipping = true;
      continue;
    }
    if (skipping && line.starts_with("    ")) continue;
    skipping = false;
    out += line + "\n";
  }
  return out;
}

void write_text(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }

// Leaves of a run's recorded parameters, as campsim params counts them (parameter_paths.hpp): a
// distribution or a list of scalars is one value; a list of maps is one and its items' leaves more.
std::size_t leaves(const nlohmann::ordered_json& j) {
  if (j.is_object() && !j.contains("dist")) {
    std::size_t n = 0;
    for (const auto& [name, child] : j.items()) n += leaves(child);
    return n;
  }
  if (j.is_array() && !j.empty() && j.front().is_object()) {
    std::size_t n = 1;
    for (const auto& item : j) n += leaves(item);
    return n;
  }
  return 1;
}

campsim::io::CsvTable csv_of(const std::string& text) {
  std::istringstream in(text);
  return campsim::io::parse_csv(in, "campsim params --format csv");
}

// The row of `path` for `scenario`: column name -> cell.
std::map<std::string, std::string> row_of(const campsim::io::CsvTable& t, const std::string& scenario, const std::string& path) {
  for (const auto& row : t.rows)
    if (row[static_cast<std::size_t>(t.column("scenario"))] == scenario && row[static_cast<std::size_t>(t.column("path"))] == path) {
      std::map<std::string, std::string> cells;
      for (std::size_t i = 0; i < t.header.size(); ++i) cells[t.header[i]] = row[i];
      return cells;
    }
  return {};
}

}  // namespace

TEST_CASE("every parameter a shipped scenario reads is in the register, and every entry is read", "[cli][params]") {
  const CliResult r = run_cli("params scenarios --check");
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find(" 0 not in it, 0 not read") != std::string::npos);
  // Every shipped scenario was looked at, policies and studies included.
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(kSource / "scenarios")) files += e.path().extension() == ".yaml";
  CHECK(r.output.find("campsim params: " + std::to_string(files) + " scenario(s)") != std::string::npos);
}

TEST_CASE("the check names a parameter the register lacks and an entry nobody reads", "[cli][params]") {
  const fs::path scratch = scratch_dir("params-gaps");
  std::string text = register_without(read_file(kSource / "docs" / "provenance.yaml"), "force.guard_pool");
  REQUIRE(text.find("force.guard_pool:") == std::string::npos);
  text += "  force.no_such_key:\n    unit: count\n    assumed: \"a key no reader reads\"\n";
  write_text(scratch / "register.yaml", text);
  const CliResult r = run_cli("params scenarios --check --register " + (scratch / "register.yaml").string());
  INFO(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("not in the register: force.guard_pool (read by ") != std::string::npos);
  CHECK(r.output.find("in the register but read by none of these scenarios: force.no_such_key") != std::string::npos);
  CHECK(r.output.find(" 1 not in it, 1 not read") != std::string::npos);
  // The Markdown still shows the parameter, marked, so a reader sees the gap too.
  const CliResult md = run_cli("params scenarios/gao_baseline.yaml --register " + (scratch / "register.yaml").string());
  CHECK(md.exit_code == 0);
  CHECK(md.output.find("| `force.guard_pool` |  | 120 | **not in the register** |") != std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("the CSV holds every value a run records, from the file or the reader's default", "[cli][params]") {
  const fs::path scratch = scratch_dir("params-csv");
  REQUIRE(run_cli("run scenarios/gao_baseline.yaml --days 1 -q --out " + (scratch / "run").string()).exit_code == 0);
  const auto manifest = nlohmann::ordered_json::parse(read_file(scratch / "run" / "manifest.json"));
  const CliResult r = run_cli("params scenarios/gao_baseline.yaml --format csv");
  REQUIRE(r.exit_code == 0);
  const auto table = csv_of(r.output);
  CHECK(table.rows.size() == leaves(manifest["parameters"]));

  auto floor = row_of(table, "gao_baseline", "guards.vigilance.floor");
  CHECK(floor["value"] == "0.74");
  CHECK(floor["set_in_file"] == "true");
  CHECK(floor["origin"] == "fitted");
  CHECK(floor["fitted_commit"] == "e229e96");
  // Not written in the baseline: the reader's default, 20.
  auto boost = row_of(table, "gao_baseline", "threats.fight.sight.firing_boost");
  CHECK(boost["value"] == "20.0");
  CHECK(boost["set_in_file"] == "false");
  // A list item, by its index; its register key has [].
  auto tower = row_of(table, "gao_baseline", "camp.towers[3].range_m");
  CHECK(tower["parameter"] == "camp.towers[].range_m");
  CHECK(tower["value"] == "400.0");
  CHECK(tower["origin"] == "assumed");
  // The protest replay's assessment interval says it was changed after a comparison.
  const auto replay = csv_of(run_cli("params scenarios/replay_2015-01-27_gao_protest.yaml --format csv").output);
  CHECK(row_of(replay, "replay_2015-01-27_gao_protest", "protests.crowd.evaluate_every")["changed_after_comparison"].find("b74a397") !=
        std::string::npos);
  // --set reaches every scenario's values.
  const auto set = csv_of(run_cli("params scenarios/gao_baseline.yaml --format csv --set guards.vigilance.floor=0.5").output);
  CHECK(row_of(set, "gao_baseline", "guards.vigilance.floor")["value"] == "0.5");
  fs::remove_all(scratch);
}

TEST_CASE("a register entry without one origin, or citing an unlisted source, is refused at its line", "[cli][params]") {
  const fs::path scratch = scratch_dir("params-bad");
  write_text(scratch / "register.yaml",
        "title: t\n"
        "sources:\n"
        "  - {key: Known 2001, text: a book}\n"
        "parameters:\n"
        "  force.company_size: {unit: soldiers}\n"
        "  force.guard_pool: {unit: soldiers, assumed: x, source: \"[Known 2001]\"}\n"
        "  force.contingent: {unit: code, source: \"[Unknown 1999] says so\"}\n"
        "  force.daily_unavailability: {unit: share, fitted: {target: t, command: c}}\n"
        "  force.other: {unit: share, assumd: typo}\n");
  const CliResult r = run_cli("params scenarios/gao_baseline.yaml --check --register " + (scratch / "register.yaml").string());
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("register.yaml:5:") != std::string::npos);  // no origin
  CHECK(r.output.find("register.yaml:6:") != std::string::npos);  // two
  CHECK(r.output.find("exactly one origin") != std::string::npos);
  CHECK(r.output.find("found [Unknown 1999]") != std::string::npos);
  CHECK(r.output.find("parameters.force.daily_unavailability.fitted.commit") != std::string::npos);
  CHECK(r.output.find("unknown key 'assumd'") != std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("the entries marked oracle-only are exactly the threat keys that warn when changed", "[cli][params]") {
  const auto table = csv_of(run_cli("params scenarios/gao_baseline.yaml --format csv").output);
  int oracle = 0;
  for (const auto& row : table.rows) {
    const std::string key = row[static_cast<std::size_t>(table.column("parameter"))];
    const std::string value = row[static_cast<std::size_t>(table.column("value"))];
    // The scalar keys of the attack sections whose closed forms are kept as oracles.
    if (!key.starts_with("threats.infiltration.") && !key.starts_with("threats.vehicle_bomb.") &&
        !key.starts_with("threats.complex_attack."))
      continue;
    if (key.find("arrivals") != std::string::npos || key.find('[') != std::string::npos || value.starts_with("[") ||
        value.starts_with("{") || key.ends_with("gunmen") || key.ends_with("intruders"))
      continue;
    // A different value in range: durations one minute longer, numbers halved.
    std::string changed;
    if (value.ends_with("min") || value.ends_with("s")) changed = "7min";
    else changed = value == "0.0" ? "0.1" : std::to_string(std::stod(value) / 2);
    const CliResult r = run_cli("validate scenarios/gao_baseline.yaml --set " + key + "=" + changed);
    REQUIRE(r.exit_code == 0);
    const bool warned = r.output.find("warning") != std::string::npos && r.output.find(key) != std::string::npos;
    const bool flagged = !row[static_cast<std::size_t>(table.column("oracle_only"))].empty();
    INFO(key << " = " << changed << "\n" << r.output);
    CHECK(warned == flagged);
    oracle += flagged ? 1 : 0;
  }
  CHECK(oracle == 11);
}

TEST_CASE("docs/provenance.md is what campsim params prints", "[cli][params][docs]") {
  const std::string committed = read_file(kSource / "docs" / "provenance.md");
  const std::size_t first_line = committed.find('\n');
  REQUIRE(committed.substr(0, first_line) == "<!-- generated: params scenarios/gao_baseline.yaml scenarios -->");
  const CliResult r = run_cli("params scenarios/gao_baseline.yaml scenarios");
  REQUIRE(r.exit_code == 0);
  INFO("regenerate: scripts/docs.sh");
  CHECK(committed.substr(first_line + 1) == r.output);
}

TEST_CASE("the scenario reference's key tables list every key the readers read under a section", "[cli][params]") {
  const auto table = csv_of(run_cli("params scenarios/gao_baseline.yaml --format csv").output);
  std::size_t world = 0;
  for (const auto& row : table.rows) world += row[static_cast<std::size_t>(table.column("parameter"))].starts_with("world.");
  REQUIRE(world > 10);
  const CliResult keys = run_cli("params scenarios/gao_baseline.yaml --format keys --section world");
  REQUIRE(keys.exit_code == 0);
  std::size_t rows = 0;
  std::istringstream in(keys.output);
  for (std::string line; std::getline(in, line);) rows += line.starts_with("| `");
  CHECK(rows == world);
  CHECK(keys.output.find("| `walk_speed_mps` | m/s | 1.34 (default) | walking speed on the way back from a bunker | source |") !=
        std::string::npos);
  // A key only another scenario reads (a scripted protest) still has its row, without a value.
  const CliResult protests = run_cli("params scenarios/gao_baseline.yaml scenarios --format keys --section protests");
  CHECK(protests.output.find("| `scripted[].size` | people | - |") != std::string::npos);
  // The reference's sections made from the register say what every key is (an empty cell: no meaning).
  CHECK(keys.output.find("|  |") == std::string::npos);
  CHECK(protests.output.find("|  |") == std::string::npos);
  CHECK(run_cli("params scenarios/gao_baseline.yaml --section world").exit_code == 2);
}

TEST_CASE("the origins tables of the medical and threat docs write out each key's origin, one key or a section", "[cli][params]") {
  const CliResult keys = run_cli("params scenarios/gao_baseline.yaml --format keys --section medical.hospital");
  const CliResult origins = run_cli("params scenarios/gao_baseline.yaml --format origins --section medical.hospital");
  REQUIRE(keys.exit_code == 0);
  REQUIRE(origins.exit_code == 0);
  const auto rows = [](const std::string& text) {
    std::size_t n = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) n += line.starts_with("| `");
    return n;
  };
  CHECK(rows(origins.output) == rows(keys.output));
  CHECK(rows(origins.output) > 10);
  CHECK(origins.output.starts_with("| key | unit | default (gao_baseline) | origin |\n|---|---|---|---|\n"));
  // The register's reason, whole, after its kind.
  CHECK(origins.output.find("| `triage_time` | duration, 0-1d | 2min (default) | **assumed**: triage at the door, before any bay. |") !=
        std::string::npos);
  // A section that names one key gives that key's row alone.
  const CliResult one = run_cli("params scenarios/gao_baseline.yaml --format origins --section medical.enabled");
  REQUIRE(one.exit_code == 0);
  CHECK(rows(one.output) == 1);
  CHECK(one.output.find("| `enabled` |") != std::string::npos);
  CHECK(run_cli("params scenarios/gao_baseline.yaml --format origins").exit_code == 2);
}

TEST_CASE("every parameter the calibration and sensitivity files vary is registered, and changes a run", "[cli][params]") {
  const auto table = csv_of(run_cli("params scenarios/gao_baseline.yaml --format csv").output);
  std::map<std::string, std::string> oracle_only;  // parameter -> its oracle_only text
  for (const auto& row : table.rows)
    oracle_only[row[static_cast<std::size_t>(table.column("parameter"))]] = row[static_cast<std::size_t>(table.column("oracle_only"))];
  int varied = 0;
  for (const auto& e : fs::directory_iterator(kSource / "analysis" / "calibration")) {
    if (!e.path().filename().string().starts_with("parameters") || e.path().extension() != ".yaml") continue;
    std::istringstream in(read_file(e.path()));
    for (std::string line; std::getline(in, line);) {
      const std::size_t at = line.find("{key: ");
      if (at == std::string::npos) continue;
      const std::string key = line.substr(at + 6, line.find(',', at) - at - 6);
      INFO(e.path().filename().string() << ": " << key);
      REQUIRE(oracle_only.contains(key));
      // Varying a key only a test oracle reads would fit or rank something that changes nothing.
      CHECK(oracle_only.at(key).empty());
      ++varied;
    }
  }
  CHECK(varied > 20);
}

}  // namespace unity_cli_test_cli_params
