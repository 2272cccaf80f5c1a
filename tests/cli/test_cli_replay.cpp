// `campsim replay`: many replications, the same numbers every time for the same seed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

TEST_CASE("replay runs N replications, prints the distribution and writes one CSV row each", "[cli][replay]") {
  const fs::path scratch = scratch_dir("replay");
  const std::string base = "replay scenarios/replay_2016-05-31_gao.yaml --replications 30 --csv ";
  const CliResult a = run_cli(base + (scratch / "a.csv").string());
  INFO(a.output);
  REQUIRE(a.exit_code == 0);
  CHECK(a.output.find("30 replications") != std::string::npos);
  CHECK(a.output.find("killed") != std::string::npos);
  // Every replication of this replay has exactly its one scripted incident.
  CHECK(a.output.find("incidents                    mean   1.00") != std::string::npos);
  const std::string rows = read_file(scratch / "a.csv");
  CHECK(std::count(rows.begin(), rows.end(), '\n') == 31);
  // The total killed is the killed outright plus the died of wounds, run by run (from the CSV).
  {
    std::istringstream lines(rows);
    std::string line;
    std::getline(lines, line);
    REQUIRE(line == "replication,seed,incidents,detected,killed,wounded,wounded_t1,died_of_wounds");
    double total = 0;
    int runs = 0;
    while (std::getline(lines, line)) {
      std::vector<std::string> cells;
      std::istringstream row(line);
      for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
      REQUIRE(cells.size() == 8);
      total += std::stod(cells[4]) + std::stod(cells[7]);
      ++runs;
    }
    char expected[64];
    std::snprintf(expected, sizeof expected, "killed (with died of wounds) mean %6.2f", total / runs);
    CHECK(a.output.find(expected) != std::string::npos);
  }
  const CliResult b = run_cli(base + (scratch / "b.csv").string());
  CHECK(read_file(scratch / "b.csv") == rows);
  CHECK(b.output == a.output);
  const CliResult other_seed = run_cli(base + (scratch / "c.csv").string() + " --seed 2");
  CHECK(read_file(scratch / "c.csv") != rows);
  CHECK(run_cli("replay scenarios/replay_2016-05-31_gao.yaml --replications 0").exit_code == 2);
  fs::remove_all(scratch);
}
