// `campsim run` end to end: what a user sees and what lands on disk.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/stress_threats.hpp"
#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

TEST_CASE("run writes a complete run directory and a summary", "[cli]") {
  const fs::path scratch = scratch_dir("run");
  const fs::path out = scratch / "baseline";
  const CliResult r = run_cli("run scenarios/gao_baseline.yaml --days 2 --seed 3 --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("coverage") != std::string::npos);
  CHECK(r.output.find("vigilance") != std::string::npos);
  // The baseline's shelter, summed by hand from scenarios/gao_baseline.yaml: nine bunkers of 60,
  // two of 40 and one of 30; 395 + 900 + 900 + 20 + 40 + 10 + 5 people in the zones at night.
  CHECK(r.output.find("of the fence; 12 bunkers, 650 places for 2270 sleeping in the camp\n") != std::string::npos);
  for (const char* file : {"manifest.json", "events.jsonl", "metrics.json", "timeseries.csv", "casualties.csv"})
    CHECK(fs::exists(out / file));
  CHECK(read_file(out / "casualties.csv").rfind("id,incident,t_s,x_m,y_m,cause,triage,contingent,inside_camp,person\n", 0) == 0);
  const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  CHECK(manifest["seed"] == 3);
  CHECK(manifest["days"] == 2);
  CHECK(manifest["scenario_hash"].get<std::string>().rfind("fnv1a64:", 0) == 0);
  CHECK(manifest["parameters"]["force"]["company_size"] == 170);
  // Every event line is JSON with a time and a type; the series has one row per 15 min.
  std::istringstream events(read_file(out / "events.jsonl"));
  std::string line;
  long lines = 0;
  while (std::getline(events, line)) {
    const auto record = nlohmann::json::parse(line);
    CHECK(record.contains("t"));
    CHECK(record.contains("type"));
    ++lines;
  }
  CHECK(lines > 100);
  std::istringstream series(read_file(out / "timeseries.csv"));
  long rows = 0;
  while (std::getline(series, line)) ++rows;
  CHECK(rows == 1 + 2 * 96);
  // Nothing temporary is left beside it.
  long entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(scratch)) ++entries;
  CHECK(entries == 1);
  fs::remove_all(scratch);
}

TEST_CASE("run refuses to overwrite without --force and replaces with it", "[cli]") {
  const fs::path scratch = scratch_dir("force");
  const fs::path out = scratch / "run";
  REQUIRE(run_cli("run scenarios/gao_baseline.yaml --days 1 --quiet --out " + out.string()).exit_code == 0);
  const std::string first = read_file(out / "events.jsonl");
  const CliResult again = run_cli("run scenarios/gao_baseline.yaml --days 1 --seed 9 --out " + out.string());
  CHECK(again.exit_code == 2);
  CHECK(again.output.find("already exists") != std::string::npos);
  CHECK(read_file(out / "events.jsonl") == first);  // untouched
  const CliResult forced = run_cli("run scenarios/gao_baseline.yaml --days 1 --seed 9 --quiet --force --out " + out.string());
  CHECK(forced.exit_code == 0);
  CHECK(read_file(out / "events.jsonl") != first);
  fs::remove_all(scratch);
}

TEST_CASE("a run that fails validation writes nothing and exits 2", "[cli]") {
  const fs::path scratch = scratch_dir("invalid");
  const fs::path out = scratch / "never";
  const CliResult r = run_cli("run scenarios/gao_baseline.yaml --set guards.shifts.lenght=6h --out " + out.string());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("--set") != std::string::npos);
  CHECK(r.output.find("did you mean 'length'") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(scratch);
}

TEST_CASE("run directories are byte-identical across thread counts", "[cli][parallel]") {
  const fs::path scratch = scratch_dir("threads");
  for (int threads : {1, 2, 4}) {
    const CliResult r = run_cli("run scenarios/gao_baseline.yaml --days 2 --seed 4 --quiet --threads " +
                                std::to_string(threads) + " --out " + (scratch / std::to_string(threads)).string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
  }
  for (const char* file : {"manifest.json", "events.jsonl", "metrics.json", "timeseries.csv", "casualties.csv"}) {
    INFO(file);
    const std::string one = read_file(scratch / "1" / file);
    CHECK(!one.empty());
    CHECK(read_file(scratch / "2" / file) == one);
    CHECK(read_file(scratch / "4" / file) == one);
  }
  fs::remove_all(scratch);
}

TEST_CASE("run reports the medical chain: care.csv has one row per casualty, the summary shows 10-1-2", "[cli][medical]") {
  const fs::path scratch = scratch_dir("run-medical");
  const fs::path out = scratch / "baseline";
  // Seed 1 over 30 days at the stress threat level: one salvo of indirect fire with a dozen wounded.
  // The external inflow at 120 incidents a year (never zero in 30 days but with probability e^-9.9).
  const CliResult r = run_cli("run scenarios/gao_baseline.yaml --days 30 --seed 1" + campsim::testing::stress_threat_args() +
                              " --set medical.external.incidents_per_year=120 --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("10-1-2") != std::string::npos);
  CHECK(r.output.find("approval") != std::string::npos);
  const std::string care = read_file(out / "care.csv");
  CHECK(care.rfind("casualty,incident,cause,triage,contingent,same_nation,injury_h,first_aid_min,", 0) == 0);
  auto lines = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
  const auto casualties = lines(read_file(out / "casualties.csv"));
  REQUIRE(casualties > 1);
  CHECK(lines(care) == casualties);
  const auto metrics = nlohmann::json::parse(read_file(out / "metrics.json"));
  const auto& medical = metrics["medical"];
  CHECK(medical["enabled"] == true);
  CHECK(medical["casualties"]["wounded"].get<long>() + medical["casualties"]["killed_outright"].get<long>() ==
        casualties - 1);
  CHECK(medical["dispatch"]["requests"].get<long>() >= 1);
  CHECK(medical["compliance"].contains("surgery_2h"));
  // The baseline has the external inflow on: external.csv has one row per casualty from outside
  // the camp (its count is medical.external.casualties), each with an IED or gunfire cause, and
  // the manifest lists the file.
  const std::string external = read_file(out / "external.csv");
  CHECK(external.rfind("external_casualty,external_incident,external_scripted,cause,triage,transport,", 0) == 0);
  CHECK(lines(external) > 1);
  CHECK(lines(external) - 1 == medical["external"]["casualties"].get<long>());
  std::istringstream rows(external);
  std::string row;
  std::getline(rows, row);
  while (std::getline(rows, row)) {
    const bool ied = row.find(",roadside_bomb,") != std::string::npos, gunfire = row.find(",gunfire,") != std::string::npos;
    CHECK(ied != gunfire);
  }
  const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  CHECK(manifest["files"]["external"] == "external.csv");
  fs::remove_all(scratch);
}

TEST_CASE("run: a scenario without the external inflow writes no external.csv", "[cli][medical]") {
  const fs::path scratch = scratch_dir("run-no-external");
  const fs::path out = scratch / "replay";
  const CliResult r = run_cli("run scenarios/replay_2016-05-31_gao.yaml -q --out " + out.string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(out / "care.csv"));
  CHECK_FALSE(fs::exists(out / "external.csv"));
  const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  CHECK_FALSE(manifest["files"].contains("external"));
  fs::remove_all(scratch);
}
