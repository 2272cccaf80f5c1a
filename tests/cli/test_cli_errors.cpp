// Malformed scenarios through the real program: each must exit 2, point at the right file, line
// and column, name the key, and say what was expected and found. Nothing may be written.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

struct BadInput {
  const char* what;
  const char* yaml;      // appended after an `extends:` line that pulls in the baseline
  const char* location;  // ":line:column: key.path" expected in the message
  const char* fragment;  // expected elsewhere in the message
};

// Line 1 of every file is the extends line, so the YAML below starts on line 2.
const BadInput kCases[] = {
    {"YAML syntax error (unclosed list, reported where the file ends)", "guards:\n  shifts: [8h\n", ":4:1:", "valid YAML"},
    {"misspelt key", "guards:\n  shifts:\n    lenght: 6h\n", ":4:5: guards.shifts.lenght", "did you mean 'length'"},
    {"unknown key, nothing close", "guards:\n  cavalry: true\n", ":3:3: guards.cavalry", "unknown key"},
    {"duration without unit", "guards:\n  shifts:\n    length: 8\n", ":4:13: guards.shifts.length", "unit"},
    {"bad duration unit", "guards:\n  shifts:\n    length: 8hours\n", ":4:13: guards.shifts.length", "'8hours'"},
    {"text for a number", "force:\n  company_size: many\n", ":3:17: force.company_size", "'many'"},
    {"number out of range", "force:\n  daily_unavailability: 1.5\n", ":3:25: force.daily_unavailability", "'1.5'"},
    {"choice not offered", "guards:\n  shifts:\n    relief: never\n", ":4:13: guards.shifts.relief", "at_shift_end"},
    {"distribution name misspelt", "guards:\n  shifts:\n    relief_lateness: {dist: exponentail, mean: 5min}\n",
     "guards.shifts.relief_lateness", "exponential"},
    {"lognormal with p90 below median", "guards:\n  shifts:\n    relief_lateness: {dist: lognormal, median: 5min, p90: 2min}\n",
     "guards.shifts.relief_lateness", "p90"},
    {"shift not dividing the day", "guards:\n  shifts:\n    length: 7h\n", ":4:13: guards.shifts.length", "divides 24h"},
    {"gate off the fence", "camp:\n  gates:\n    - {name: g, position: [700, 500]}\n", "camp.gates[0].position", "perimeter"},
    {"post at a missing tower",
     "guards:\n  posts:\n    - {name: p, kind: tower, at: T99, manning: [{from: 0h, to: 24h, guards: 1}]}\n",
     "guards.posts[0].at", "'T99'"},
    {"required key missing", "guards:\n  posts:\n    - {name: p, kind: tower, at: T01_southwest}\n",
     "guards.posts[0].manning", "nothing"},
};

}  // namespace

TEST_CASE("malformed scenarios exit 2 with located, specific messages and write nothing", "[cli][errors]") {
  const fs::path scratch = scratch_dir("errors");
  const std::string baseline = (fs::path(CAMPSIM_SOURCE_DIR) / "scenarios" / "gao_baseline.yaml").string();
  int index = 0;
  for (const BadInput& bad : kCases) {
    INFO(bad.what);
    const fs::path file = scratch / ("bad" + std::to_string(index++) + ".yaml");
    std::ofstream(file) << "extends: " << baseline << "\n" << bad.yaml;
    const fs::path out = scratch / "out";
    const CliResult r = run_cli("run " + file.string() + " --out " + out.string());
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find(file.string() + (bad.location[0] == ':' ? "" : ":")) != std::string::npos);
    CHECK(r.output.find(bad.location) != std::string::npos);
    CHECK(r.output.find(bad.fragment) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  fs::remove_all(scratch);
}

TEST_CASE("a manifest's parameters re-run to the same bytes and the same hash", "[cli]") {
  const fs::path scratch = scratch_dir("rerun");
  REQUIRE(run_cli("run scenarios/gao_baseline.yaml --days 2 --seed 5 --quiet --out " + (scratch / "a").string()).exit_code == 0);
  const auto manifest = nlohmann::json::parse(read_file(scratch / "a" / "manifest.json"));
  std::ofstream(scratch / "resolved.json") << manifest["parameters"].dump();
  REQUIRE(run_cli("run " + (scratch / "resolved.json").string() + " --days 2 --seed 5 --quiet --out " +
                  (scratch / "b").string()).exit_code == 0);
  const auto again = nlohmann::json::parse(read_file(scratch / "b" / "manifest.json"));
  CHECK(again["scenario_hash"] == manifest["scenario_hash"]);
  CHECK(read_file(scratch / "a" / "events.jsonl") == read_file(scratch / "b" / "events.jsonl"));
  CHECK(read_file(scratch / "a" / "metrics.json") == read_file(scratch / "b" / "metrics.json"));
  fs::remove_all(scratch);
}

TEST_CASE("a key only the test oracles read loads with a located warning, and only when set away from its default",
          "[cli][errors][warnings]") {
  const CliResult quiet = run_cli("validate scenarios/gao_baseline.yaml");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.output.find("warning") == std::string::npos);
  // Set on the command line: located at --set, says what decides it instead, and still exits 0.
  const CliResult set = run_cli("validate scenarios/gao_baseline.yaml --set threats.infiltration.exposure=20min"
                                " --set threats.vehicle_bomb.stop_rate_per_s=0.2");
  INFO(set.output);
  CHECK(set.exit_code == 0);
  CHECK(set.output.find("--set:1:31: warning: threats.infiltration.exposure: changes nothing in a run") != std::string::npos);
  CHECK(set.output.find("threats.fight.sight") != std::string::npos);
  CHECK(set.output.find("warning: threats.vehicle_bomb.stop_rate_per_s: changes nothing") != std::string::npos);
  // The default value, written out (as a manifest's parameters are), is harmless: no warning.
  const CliResult same = run_cli("validate scenarios/gao_baseline.yaml --set threats.complex_attack.shots_per_minute=0.2");
  CHECK(same.exit_code == 0);
  CHECK(same.output.find("warning") == std::string::npos);
  // In a file: the warning names the file, line and column of the value.
  const fs::path scratch = scratch_dir("warnings");
  const fs::path file = scratch / "old.yaml";
  std::ofstream(file) << "extends: " << (fs::path(CAMPSIM_SOURCE_DIR) / "scenarios" / "gao_baseline.yaml").string()
                      << "\nthreats:\n  complex_attack:\n    hit_lethality: 0.9\n";
  const CliResult in_file = run_cli("run " + file.string() + " --days 1 --quiet --out " + (scratch / "out").string());
  INFO(in_file.output);
  CHECK(in_file.exit_code == 0);
  CHECK(in_file.output.find(file.string() + ":4:20: warning: threats.complex_attack.hit_lethality") != std::string::npos);
  fs::remove_all(scratch);
}
