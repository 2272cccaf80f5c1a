// The command line as a new user meets it (issue 22, item 7): a duration with units wherever
// --days is taken, "did you mean" for a slip of the keyboard in a command or an option, no
// guessing of abbreviated options, messages that name the way out, and clean numbers in --help.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <sstream>
#include <vector>

#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

TEST_CASE("a duration with units for --days is the same length as the number of days", "[cli][usage]") {
  const fs::path scratch = scratch_dir("usage-days");
  const std::string common = "run scenarios/gao_baseline.yaml --seed 4 --quiet --out ";
  REQUIRE(run_cli(common + (scratch / "number").string() + " --days 0.5").exit_code == 0);
  const CliResult units = run_cli(common + (scratch / "units").string() + " --days 12h");
  INFO(units.output);
  REQUIRE(units.exit_code == 0);
  const std::string a = read_file(scratch / "number" / "metrics.json"), b = read_file(scratch / "units" / "metrics.json");
  REQUIRE(!a.empty());
  CHECK(a == b);
  // A mixed duration reads as its sum: 1d12h is a day and a half.
  REQUIRE(run_cli(common + (scratch / "mixed").string() + " --days 1d12h").exit_code == 0);
  REQUIRE(run_cli(common + (scratch / "plain").string() + " --days 1.5").exit_code == 0);
  CHECK(read_file(scratch / "mixed" / "metrics.json") == read_file(scratch / "plain" / "metrics.json"));
  // A unit campsim does not know is refused, naming the forms it takes.
  const CliResult bad = run_cli(common + (scratch / "bad").string() + " --days 30x");
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("30d") != std::string::npos);
  CHECK(!fs::exists(scratch / "bad"));
  // sensitivity and calibrate read --days the same way (refused before anything is run).
  for (const std::string command : {"sensitivity scenarios/gao_baseline.yaml --parameters nowhere.yaml --days 30x",
                                    "calibrate scenarios/gao_baseline.yaml --targets t.yaml --parameters p.yaml --days 30x"}) {
    const CliResult r = run_cli(command);
    INFO(command << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("--days must be a number of days or a duration") != std::string::npos);
  }
  fs::remove_all(scratch);
}

TEST_CASE("an abbreviated or mistyped option is refused with the option it was near", "[cli][usage]") {
  const fs::path scratch = scratch_dir("usage-options");
  // --day is not silently --days: nothing runs, and the message names --days.
  const CliResult day = run_cli("run scenarios/gao_baseline.yaml --day 1 --out " + (scratch / "r").string());
  INFO(day.output);
  CHECK(day.exit_code == 2);
  CHECK(day.output.find("did you mean --days?") != std::string::npos);
  CHECK(!fs::exists(scratch / "r"));
  const CliResult replications = run_cli("batch scenarios/gao_baseline.yaml --replicatoins 2 --out " + (scratch / "b").string());
  CHECK(replications.exit_code == 2);
  CHECK(replications.output.find("did you mean --replications?") != std::string::npos);
  const CliResult metrics = run_cli("compare " + (scratch / "b").string() + " --metric 'medical.*'");
  CHECK(metrics.exit_code == 2);
  CHECK(metrics.output.find("did you mean --metrics?") != std::string::npos);
  // Nothing near: no suggestion.
  const CliResult far = run_cli("run scenarios/gao_baseline.yaml --cavalry 3");
  CHECK(far.exit_code == 2);
  CHECK(far.output.find("did you mean") == std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("a mistyped command gets the command it was near, in a few lines", "[cli][usage]") {
  const CliResult r = run_cli("comapre batches/x");
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("did you mean 'compare'?") != std::string::npos);
  CHECK(std::count(r.output.begin(), r.output.end(), '\n') <= 4);
  const CliResult far = run_cli("simulate");
  CHECK(far.exit_code == 2);
  CHECK(far.output.find("did you mean") == std::string::npos);
  CHECK(far.output.find("compare") != std::string::npos);  // the commands are listed
}

TEST_CASE("a finished batch directory names --resume and --force", "[cli][usage]") {
  const fs::path scratch = scratch_dir("usage-batch");
  const std::string command =
      "batch scenarios/gao_baseline.yaml --replications 1 --days 1h --seed 2 -q --out " + (scratch / "b").string();
  REQUIRE(run_cli(command).exit_code == 0);
  const CliResult again = run_cli(command);
  INFO(again.output);
  CHECK(again.exit_code == 2);
  CHECK(again.output.find("--resume") != std::string::npos);
  CHECK(again.output.find("--force") != std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("every --help prints its defaults as written, never a binary fraction's digits", "[cli][usage]") {
  const std::regex long_fraction("[0-9]\\.[0-9]{7,}");
  for (const std::string command :
       {"run", "validate", "replay", "batch", "compare", "merge", "dictionary", "sensitivity", "calibrate"}) {
    const CliResult r = run_cli(command + " --help");
    INFO(command << " --help\n" << r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("Usage") != std::string::npos);
    CHECK(!std::regex_search(r.output, long_fraction));
  }
}

TEST_CASE("a batch or shard directory that is not there is named as one", "[cli][usage]") {
  const fs::path scratch = scratch_dir("usage-missing");
  const CliResult compare = run_cli("compare " + (scratch / "gone").string());
  CHECK(compare.exit_code == 2);
  CHECK(compare.output.find("gone does not exist; expected a batch directory") != std::string::npos);
  const CliResult merge = run_cli("merge " + (scratch / "out").string() + " " + (scratch / "s0").string());
  INFO(merge.output);
  CHECK(merge.exit_code == 2);
  CHECK(merge.output.find("s0 does not exist; expected a shard's batch directory") != std::string::npos);
  CHECK(!fs::exists(scratch / "out"));
  fs::remove_all(scratch);
}

TEST_CASE("every --help fits in 100 columns, the commands taken from campsim --help", "[cli][usage]") {
  // The commands as the top-level help lists them ("  run SCENARIO   ..."), so a new command's
  // help is checked without editing this test.
  const CliResult top = run_cli("--help");
  REQUIRE(top.exit_code == 0);
  std::vector<std::string> commands;
  const std::regex listed("^  ([a-z]+) [A-Z]");
  std::istringstream lines(top.output);
  for (std::string line; std::getline(lines, line);)
    if (std::smatch m; std::regex_search(line, m, listed)) commands.push_back(m[1].str());
  REQUIRE(commands.size() >= 10);
  CHECK(std::find(commands.begin(), commands.end(), "calibrate") != commands.end());
  const auto too_wide = [](const std::string& text) {
    std::vector<std::string> wide;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
      if (line.size() > 100) wide.push_back(std::to_string(line.size()) + ": " + line);
    return wide;
  };
  CHECK(too_wide(top.output).empty());
  for (const std::string& command : commands) {
    const CliResult r = run_cli(command + " --help");
    INFO(command << " --help");
    CHECK(r.exit_code == 0);
    for (const std::string& line : too_wide(r.output)) FAIL_CHECK(command << " --help, a line of " << line);
  }
}
