// Hostile command lines and unsafe paths through the real program (issue 10): limits refused
// with exit 2 and a message naming the limit, nothing written outside where it should be, and a
// damaged batch resumed to the bytes of an undamaged one.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "run_cli.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_cli_test_cli_hostile {

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// run_cli, but from `dir` as the working directory (for outputs placed by default).
CliResult run_cli_in(const fs::path& dir, const std::string& arguments) {
  const std::string command = "cd '" + dir.string() + "' && '" + CAMPSIM_BINARY + "' " + arguments + " 2>&1";
  CliResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) result.output += buffer;
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

const std::string kScenario = std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml";
// Short runs with many attacks, so the runs have casualty rows to damage.
const std::string kBatch =
    "batch scenarios/gao_baseline.yaml --policies scenarios/gao_12h_shifts.yaml --replications 3 --days 1 --seed 5 -q "
    "--set threats.indirect_fire.arrivals.per_day=4 ";

}  // namespace

TEST_CASE("thread and day limits are refused with exit 2 and name the limit", "[cli][hostile]") {
  const fs::path scratch = scratch_dir("limits");
  const std::string out = " --out " + (scratch / "out").string();
  struct Bad {
    std::string arguments, fragment;
  };
  const Bad cases[] = {
      {"run scenarios/gao_baseline.yaml --threads 65537", "--threads must be at least 1 and at most 512"},
      {"batch scenarios/gao_baseline.yaml --replications 1 --threads 65537", "at most 512"},
      {"replay scenarios/gao_baseline.yaml --replications 1 --threads 65537", "at most 512"},
      {"run scenarios/gao_baseline.yaml --days inf", "--days must be a number of days or a duration"},
      {"run scenarios/gao_baseline.yaml --days 1e9", "to 4017.75 (11 years)"},
      {"run scenarios/gao_baseline.yaml --days nan", "--days must be"},
      {"run scenarios/gao_baseline.yaml --days 0", "got '0'"},
      {"run scenarios/gao_baseline.yaml --days -1", "got '-1'"},
      {"batch scenarios/gao_baseline.yaml --replications 1 --days inf", "--days must be"},
      {"run scenarios/gao_baseline.yaml --seed -1", "--seed must be a whole number from 0 to 18446744073709551615"},
      {"run scenarios/gao_baseline.yaml --seed 18446744073709551616", "--seed must be at most 18446744073709551615"},
      {"run scenarios/gao_baseline.yaml --seed 1.5", "--seed must be a whole number"},
      {"batch scenarios/gao_baseline.yaml --replications 1 --seed -1", "--seed must be"},
      {"replay scenarios/gao_baseline.yaml --replications 1 --seed -1", "--seed must be"},
      {"run scenarios/gao_baseline.yaml --set scenario.duration=20000d", "scenario.duration"},
      {"run scenarios/gao_baseline.yaml --days 4000 --set threats.indirect_fire.arrivals.annual_growth=100",
       "more than the limit of 100000 per run"},
      {"batch scenarios/gao_baseline.yaml --replications 1 --set threats.indirect_fire.arrivals.per_day=1000 --days 365",
       "more than the limit of 100000 per run"},
  };
  for (const Bad& bad : cases) {
    const bool writes = bad.arguments.rfind("replay", 0) != 0;  // replay prints, it has no --out
    const CliResult r = run_cli(bad.arguments + (writes ? out : ""));
    INFO(bad.arguments);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.output, bad.fragment));
    CHECK_FALSE(fs::exists(scratch / "out"));
  }
  fs::remove_all(scratch);
}

TEST_CASE("the largest seed is a seed, not 'use the scenario's'", "[cli][hostile]") {
  const fs::path scratch = scratch_dir("big-seed");
  const CliResult r = run_cli("run scenarios/gao_baseline.yaml --days 0.01 -q --seed 18446744073709551615 --out " +
                              (scratch / "run").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const auto manifest = nlohmann::json::parse(read_file(scratch / "run" / "manifest.json"));
  CHECK(manifest["seed"].get<std::uint64_t>() == 18446744073709551615ULL);
  fs::remove_all(scratch);
}

TEST_CASE("a scenario name never escapes the runs folder", "[cli][hostile]") {
  const fs::path scratch = scratch_dir("name-escape");
  const fs::path work = scratch / "a" / "b";
  fs::create_directories(work);
  // Something a --force through the name would have deleted.
  fs::create_directories(scratch / "escaped-seed1");
  std::ofstream(scratch / "escaped-seed1" / "keep.txt") << "keep";
  for (const std::string& name : {std::string("../../../escaped"), (scratch / "escaped").string()}) {
    const CliResult r = run_cli_in(work, "run " + kScenario + " --days 0.01 -q --force --set 'scenario.name=" + name + "'");
    INFO(r.output);
    CHECK(r.exit_code == 0);
  }
  CHECK(read_file(scratch / "escaped-seed1" / "keep.txt") == "keep");
  std::size_t outputs = 0;
  for (const auto& entry : fs::directory_iterator(work / "runs")) {
    CHECK(entry.path().filename().string().find('/') == std::string::npos);
    CHECK(fs::exists(entry.path() / "manifest.json"));
    ++outputs;
  }
  CHECK(outputs == 2);
  CHECK(fs::exists(work / "runs" / "_.._.._.._escaped-seed1"));
  fs::remove_all(scratch);
}

TEST_CASE("run --force replaces only a run directory campsim wrote", "[cli][hostile]") {
  const fs::path scratch = scratch_dir("force-safety");
  fs::create_directories(scratch / "mine");
  std::ofstream(scratch / "mine" / "notes.txt") << "mine";
  std::ofstream(scratch / "file") << "a file";
  for (const std::string& target : {(scratch / "mine").string(), (scratch / "file").string()}) {
    const CliResult r = run_cli("run scenarios/gao_baseline.yaml --days 0.01 -q --force --out " + target);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.output, "--force replaces only a run directory campsim wrote"));
  }
  CHECK(read_file(scratch / "mine" / "notes.txt") == "mine");
  CHECK(read_file(scratch / "file") == "a file");
  const CliResult dev = run_cli("run scenarios/gao_baseline.yaml --days 0.01 -q --force --out /dev/null");
  CHECK(dev.exit_code == 2);
  CHECK(contains(dev.output, "is a device"));
  fs::remove_all(scratch);
}

TEST_CASE("a run cleans the temporary directory a kill -9 left", "[cli][hostile]") {
  const fs::path scratch = scratch_dir("stale-tmp");
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);  // `child` is now a pid nobody has
  const fs::path stale = scratch / ("run.tmp-" + std::to_string(child));
  fs::create_directories(stale);
  std::ofstream(stale / "events.jsonl") << "{\"half\":";
  const CliResult r = run_cli("run scenarios/gao_baseline.yaml --days 0.01 -q --out " + (scratch / "run").string());
  INFO(r.output);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(stale));
  fs::remove_all(scratch);
}

TEST_CASE("hostile scenario files exit 2 with file and line, never crash or hang", "[cli][hostile]") {
  const fs::path scratch = scratch_dir("hostile-files");
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(scratch / name, std::ios::binary) << text;
    return (scratch / name).string();
  };
  struct Bad {
    std::string file, fragment;
  };
  const Bad cases[] = {
      {write("self.yaml", "a: &a [*a]\n"), "self.yaml:1:"},
      {write("zero.yaml", "extends: /dev/zero\n"), "zero.yaml:1:10: extends:"},
      {write("root.yaml", "extends: /\n"), "root.yaml:1:10: extends:"},
      {write("passwd.yaml", "extends: /etc/passwd\n"), "passwd.yaml:1:10: extends:"},
      {write("latin1.yaml", "extends: " + kScenario + "\nscenario:\n  description: caf\xe9\n"), "latin1.yaml:3:19:"},
      {write("two.yaml", "extends: " + kScenario + "\n---\nscenario: {name: [\n"), "two.yaml:"},
  };
  for (const Bad& bad : cases) {
    const CliResult r = run_cli("validate " + bad.file);
    INFO(bad.file);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.output, bad.fragment));
  }
  const CliResult via_set = run_cli("validate scenarios/gao_baseline.yaml --set 'x=&a [*a]'");
  CHECK(via_set.exit_code == 2);
  CHECK(contains(via_set.output, "--set:1:"));
  fs::remove_all(scratch);
}

TEST_CASE("resume repairs a torn and garbled batch to the bytes of an undamaged one", "[cli][hostile][batch]") {
  const fs::path scratch = scratch_dir("resume-damage");
  const std::string whole = (scratch / "whole").string();
  REQUIRE(run_cli(kBatch + "--out " + whole).exit_code == 0);
  const std::string dir = (scratch / "cut").string();
  REQUIRE(run_cli(kBatch + "--out " + dir, "CAMPSIM_BATCH_STOP_AFTER_ROWS=3").exit_code == 1);

  SECTION("a torn results row followed by a garbage line") {
    std::ofstream(fs::path(dir) / "results.csv", std::ios::app) << "0,gao_12h_shifts,2,5,0.5";
    std::ofstream(fs::path(dir) / "results.csv", std::ios::app) << "#garbage,,,\n";
    const CliResult r = run_cli(kBatch + "--resume --out " + dir);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.output, "results.csv line 5:"));
  }
  SECTION("a finished run's care row torn (its casualty would be lost)") {
    // Tear the last casualty row of the file; the run it belongs to has a results row.
    std::string text = read_file(fs::path(dir) / "care.csv");
    REQUIRE(std::count(text.begin(), text.end(), '\n') > 1);  // the runs had casualties
    text.resize(text.size() - 5);
    std::ofstream(fs::path(dir) / "care.csv", std::ios::binary | std::ios::trunc) << text;
    const CliResult r = run_cli(kBatch + "--resume --out " + dir);
    INFO(r.output);
    CHECK(r.exit_code == 0);
  }
  for (const char* file : {"results.csv", "care.csv", "summary.md"}) {
    INFO(file);
    CHECK(read_file(fs::path(dir) / file) == read_file(fs::path(whole) / file));
  }
  fs::remove_all(scratch);
}

TEST_CASE("a batch whose results.csv was deleted is refused with exit 2", "[cli][hostile][batch]") {
  const fs::path scratch = scratch_dir("resume-deleted");
  const std::string dir = (scratch / "b").string();
  REQUIRE(run_cli(kBatch + "--out " + dir, "CAMPSIM_BATCH_STOP_AFTER_ROWS=2").exit_code == 1);
  fs::remove(fs::path(dir) / "results.csv");
  const CliResult r = run_cli(kBatch + "--resume --out " + dir);
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.output, "results.csv is missing"));
  fs::remove_all(scratch);
}

TEST_CASE("compare warns on an unfinished batch, and resuming removes the stale report", "[cli][hostile][batch]") {
  const fs::path scratch = scratch_dir("unfinished-compare");
  const std::string dir = (scratch / "b").string();
  REQUIRE(run_cli(kBatch + "--out " + dir, "CAMPSIM_BATCH_STOP_AFTER_ROWS=4").exit_code == 1);
  const CliResult compared = run_cli("compare " + dir + " --no-plots --resamples 100");
  INFO(compared.output);
  CHECK(contains(compared.output, "warning:"));
  CHECK(contains(compared.output, "unfinished batch"));
  CHECK(fs::exists(fs::path(dir) / "report" / "report.md"));
  const CliResult resumed = run_cli(kBatch + "--resume --out " + dir);
  INFO(resumed.output);
  CHECK(resumed.exit_code == 0);
  CHECK_FALSE(fs::exists(fs::path(dir) / "report"));
  const CliResult finished = run_cli("compare " + dir + " --no-plots --resamples 100");
  CHECK_FALSE(contains(finished.output, "warning:"));
  fs::remove_all(scratch);
}

TEST_CASE("merge refuses a shard with a damaged row, naming the line", "[cli][hostile][batch]") {
  const fs::path scratch = scratch_dir("merge-damaged");
  const std::string b0 = (scratch / "b0").string(), b1 = (scratch / "b1").string();
  REQUIRE(run_cli(kBatch + "--shard 0/2 --out " + b0).exit_code == 0);
  REQUIRE(run_cli(kBatch + "--shard 1/2 --out " + b1).exit_code == 0);
  std::ofstream(fs::path(b0) / "results.csv", std::ios::app) << "0,gao_baseline,9,5,0.5garbage\n";
  const CliResult r = run_cli("merge " + (scratch / "all").string() + " " + b0 + " " + b1);
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.output, "results.csv line "));
  CHECK(contains(r.output, "cells where the header has"));
  CHECK_FALSE(fs::exists(scratch / "all"));
  fs::remove_all(scratch);
}

}  // namespace unity_cli_test_cli_hostile
