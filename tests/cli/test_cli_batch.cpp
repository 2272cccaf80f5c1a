// campsim batch and campsim merge through the real program: the files of the contract
// (docs/batch.md), the same bytes whatever the threads, interruptions (a test stop, a real
// kill -9, a torn last line) and shards, and bad input refused with nothing written.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

// Short runs of the real baseline and one real policy: enough rows to interrupt, seconds in all.
std::string batch_of(const std::string& replications, const std::string& days, const std::string& seed) {
  return "batch scenarios/gao_baseline.yaml --policies scenarios/gao_12h_shifts.yaml --replications " + replications +
         " --days " + days + " --seed " + seed + " ";
}
const std::string kBatch = batch_of("5", "1", "3");
constexpr int kRows = 10;
const char* const kFiles[] = {"batch.json", "results.csv", "care.csv", "summary.md"};

std::size_t data_rows(const fs::path& csv) {
  const std::string text = read_file(csv);
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return lines > 0 ? lines - 1 : 0;
}

void check_same_batch(const fs::path& a, const fs::path& b) {
  for (const char* file : kFiles) {
    INFO(file);
    CHECK(read_file(a / file) == read_file(b / file));
  }
}

// Starts campsim in the background with extra environment, so a test can kill it.
pid_t spawn_cli(const std::string& environment, const std::string& arguments) {
  const std::string command = std::string("cd '") + CAMPSIM_SOURCE_DIR + "' && exec env " + environment + " '" +
                              CAMPSIM_BINARY + "' " + arguments + " >/dev/null 2>&1";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("batch writes the contract's files: manifest, sorted tidy rows, casualties, summary", "[cli][batch]") {
  const fs::path scratch = scratch_dir("batch-files");
  const CliResult r = run_cli(kBatch + "--out " + (scratch / "b").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("10 runs") != std::string::npos);
  CHECK(r.output.find((scratch / "b" / "summary.md").string()) != std::string::npos);
  for (const char* file : kFiles) CHECK(fs::exists(scratch / "b" / file));

  const auto manifest = nlohmann::ordered_json::parse(read_file(scratch / "b" / "batch.json"));
  CHECK(manifest["scenario"] == "scenarios/gao_baseline.yaml");
  CHECK(manifest["replications"] == 5);
  CHECK(manifest["seed"] == 3);
  CHECK(manifest["days"] == 1.0);
  CHECK(manifest["policies"][0]["name"] == "gao_baseline");
  CHECK(manifest["policies"][1]["name"] == "gao_12h_shifts");
  CHECK(manifest["policies"][1]["hash"].get<std::string>().rfind("fnv1a64:", 0) == 0);
  CHECK(manifest["design"].is_null());
  CHECK(manifest["shard"].is_null());

  const std::string results = read_file(scratch / "b" / "results.csv");
  CHECK(results.rfind("design_point,policy,replication,seed,", 0) == 0);
  CHECK(results.find(",guards.coverage.overall,") != std::string::npos);
  CHECK(results.find(",threats.casualties.killed,") != std::string::npos);
  CHECK(results.find("\n0,gao_baseline,0,3,") != std::string::npos);
  CHECK(results.find("\n0,gao_12h_shifts,4,3,") != std::string::npos);
  CHECK(results.find("\n0,gao_baseline,4,3,") < results.find("\n0,gao_12h_shifts,0,3,"));  // sorted by policy, then replication
  CHECK(data_rows(scratch / "b" / "results.csv") == kRows);
  // The batch's care records are care.csv, as in a run directory, with the four key columns.
  CHECK(read_file(scratch / "b" / "care.csv").rfind("design_point,policy,replication,seed,casualty,", 0) == 0);
  CHECK_FALSE(fs::exists(scratch / "b" / "casualties.csv"));

  // Finished: not replaced without --force; a --resume has nothing to do.
  const CliResult again = run_cli(kBatch + "--out " + (scratch / "b").string());
  CHECK(again.exit_code == 2);
  CHECK(again.output.find("finished batch") != std::string::npos);
  CHECK(run_cli(kBatch + "--resume --out " + (scratch / "b").string()).exit_code == 0);
  CHECK(run_cli(kBatch + "--force -q --out " + (scratch / "b").string()).exit_code == 0);
  fs::remove_all(scratch);
}

TEST_CASE("batch results are byte-identical on 1 and 3 threads", "[cli][batch]") {
  const fs::path scratch = scratch_dir("batch-threads");
  REQUIRE(run_cli(kBatch + "-q --threads 1 --out " + (scratch / "t1").string()).exit_code == 0);
  REQUIRE(run_cli(kBatch + "-q --threads 3 --out " + (scratch / "t3").string()).exit_code == 0);
  check_same_batch(scratch / "t1", scratch / "t3");
  fs::remove_all(scratch);
}

TEST_CASE("an interrupted batch resumes to the bytes of an uninterrupted one", "[cli][batch]") {
  const fs::path scratch = scratch_dir("batch-resume");
  const std::string whole = (scratch / "whole").string();
  REQUIRE(run_cli(kBatch + "-q --threads 2 --out " + whole).exit_code == 0);

  SECTION("stopped after 3 rows (as by Ctrl-C), then resumed") {
    const std::string dir = (scratch / "stopped").string();
    const CliResult stopped = run_cli(kBatch + "--threads 1 --out " + dir, "CAMPSIM_BATCH_STOP_AFTER_ROWS=3");
    INFO(stopped.output);
    CHECK(stopped.exit_code == 1);
    CHECK(stopped.output.find("stopped after 3 of 10 runs") != std::string::npos);
    CHECK(stopped.output.find("--resume") != std::string::npos);
    CHECK(data_rows(fs::path(dir) / "results.csv") == 3);
    CHECK_FALSE(fs::exists(fs::path(dir) / "summary.md"));
    // Without --resume an unfinished batch is neither replaced nor continued.
    const CliResult refused = run_cli(kBatch + "--out " + dir);
    CHECK(refused.exit_code == 2);
    CHECK(refused.output.find("--resume") != std::string::npos);
    const CliResult resumed = run_cli(kBatch + "--threads 2 --resume --out " + dir);
    INFO(resumed.output);
    CHECK(resumed.exit_code == 0);
    CHECK(resumed.output.find("3 of 10 runs already done") != std::string::npos);
    check_same_batch(whole, dir);
  }

  SECTION("killed with SIGKILL mid-batch, a torn line appended, then resumed") {
    const fs::path dir = scratch / "killed";
    const pid_t pid = spawn_cli("CAMPSIM_BATCH_ROW_DELAY_MS=150", kBatch + "--threads 1 --out " + dir.string());
    REQUIRE(pid > 0);
    for (int i = 0; i < 400 && !(fs::exists(dir / "results.csv") && data_rows(dir / "results.csv") >= 3); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    const std::size_t rows_at_kill = data_rows(dir / "results.csv");
    CHECK(rows_at_kill >= 3);
    CHECK(rows_at_kill < static_cast<std::size_t>(kRows));
    // What a kill during a write leaves: half a row, and the casualty row of a run with no results row.
    std::ofstream(dir / "care.csv", std::ios::app) << "0,gao_12h_shifts,4,3,99,orphan\n";
    std::ofstream(dir / "results.csv", std::ios::app) << "0,gao_12h_shifts,4,3,0.99";
    const CliResult resumed = run_cli(kBatch + "--resume --out " + dir.string());
    INFO(resumed.output);
    CHECK(resumed.exit_code == 0);
    check_same_batch(whole, dir);
  }
  fs::remove_all(scratch);
}

TEST_CASE("the printed resume command works exactly as printed", "[cli][batch]") {
  const fs::path scratch = scratch_dir("batch-resume-hint");
  const std::string whole = (scratch / "whole").string();
  REQUIRE(run_cli(kBatch + "-q --out " + whole).exit_code == 0);
  // Started with --force (allowed on a new directory); the hint must drop it, since --resume and
  // --force exclude each other, and must name the program as it was invoked.
  const std::string dir = (scratch / "stopped").string();
  const CliResult stopped = run_cli(kBatch + "--force --out " + dir, "CAMPSIM_BATCH_STOP_AFTER_ROWS=4");
  INFO(stopped.output);
  REQUIRE(stopped.exit_code == 1);
  const std::size_t hint = stopped.output.find("To continue:\n  ");
  REQUIRE(hint != std::string::npos);
  const std::size_t start = hint + std::string("To continue:\n  ").size();
  const std::string command = stopped.output.substr(start, stopped.output.find('\n', start) - start);
  CHECK(command.starts_with(std::string(CAMPSIM_BINARY) + " batch "));
  CHECK(command.find("--force") == std::string::npos);
  CHECK(command.ends_with(" --resume"));
  // Run it through the shell, as a user pasting it would, from the same directory.
  const std::string shell = std::string("cd '") + CAMPSIM_SOURCE_DIR + "' && " + command + " >/dev/null 2>&1";
  CHECK(std::system(shell.c_str()) == 0);
  check_same_batch(whole, dir);
  fs::remove_all(scratch);
}

TEST_CASE("two shards merged are byte-identical to the unsharded batch", "[cli][batch]") {
  const fs::path scratch = scratch_dir("batch-shards");
  const std::string s = scratch.string();
  REQUIRE(run_cli(kBatch + "-q --out " + s + "/whole").exit_code == 0);
  REQUIRE(run_cli(kBatch + "-q --shard 0/2 --out " + s + "/s0").exit_code == 0);
  REQUIRE(run_cli(kBatch + "-q --shard 1/2 --threads 2 --out " + s + "/s1").exit_code == 0);
  CHECK(data_rows(scratch / "s0" / "results.csv") + data_rows(scratch / "s1" / "results.csv") == kRows);
  CHECK(nlohmann::json::parse(read_file(scratch / "s1" / "batch.json"))["shard"]["index"] == 1);

  const CliResult merged = run_cli("merge " + s + "/merged " + s + "/s1 " + s + "/s0");
  INFO(merged.output);
  REQUIRE(merged.exit_code == 0);
  check_same_batch(scratch / "whole", scratch / "merged");

  // Merging something that is not the whole batch is refused, and nothing is written.
  const CliResult one = run_cli("merge " + s + "/bad " + s + "/s0");
  CHECK(one.exit_code == 2);
  CHECK(one.output.find("shard 0 of 2") != std::string::npos);
  const CliResult twice = run_cli("merge " + s + "/bad " + s + "/s0 " + s + "/s0");
  CHECK(twice.exit_code == 2);
  CHECK(twice.output.find("again") != std::string::npos);
  REQUIRE(run_cli(batch_of("6", "1", "3") + "-q --shard 1/2 --out " + s + "/other").exit_code == 0);
  const CliResult mixed = run_cli("merge " + s + "/bad " + s + "/s0 " + s + "/other");
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.output.find("replications") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "bad"));
  CHECK(run_cli("merge " + s + "/merged " + s + "/s0 " + s + "/s1").exit_code == 2);  // exists, no --force
  fs::remove_all(scratch);
}

TEST_CASE("a design runs every point with every policy, its values as columns", "[cli][batch]") {
  const fs::path scratch = scratch_dir("batch-design");
  std::ofstream(scratch / "design.yaml") << "design:\n  kind: full_factorial\n  factors:\n"
                                            "    - {key: guards.shifts.handover_overlap, values: [0min, 20min]}\n"
                                            "    - {key: force.daily_unavailability, values: [0.01, 0.1]}\n";
  const CliResult r = run_cli("batch scenarios/gao_baseline.yaml --replications 2 --days 1 -q --design " +
                              (scratch / "design.yaml").string() + " --out " + (scratch / "b").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string results = read_file(scratch / "b" / "results.csv");
  CHECK(results.rfind("design_point,policy,replication,seed,guards.shifts.handover_overlap,force.daily_unavailability,", 0) == 0);
  CHECK(data_rows(scratch / "b" / "results.csv") == 8);
  CHECK(results.find("\n3,gao_baseline,1,1,20min,0.1,") != std::string::npos);
  const auto manifest = nlohmann::json::parse(read_file(scratch / "b" / "batch.json"));
  CHECK(manifest["design"]["kind"] == "full_factorial");
  CHECK(manifest["design"]["points"].size() == 4);
  CHECK(manifest["design"]["points"][2]["settings"]["guards.shifts.handover_overlap"] == "20min");
  fs::remove_all(scratch);
}

TEST_CASE("bad batch input exits 2 with a clear message and writes nothing", "[cli][batch][errors]") {
  const fs::path scratch = scratch_dir("batch-errors");
  const std::string out = (scratch / "out").string();
  std::ofstream(scratch / "design.yaml") << "design:\n  kind: lhs\n  points: 5\n  factors:\n"
                                            "    - {key: guards.shifts.length, low: 8, high: 4, unit: h}\n";
  std::ofstream(scratch / "gao_baseline.yaml") << "extends: " << CAMPSIM_SOURCE_DIR << "/scenarios/gao_baseline.yaml\n";
  // Labels: one too long for a table (31 bytes, located), and two policies that would be shown alike.
  std::ofstream(scratch / "long_label.yaml") << "extends: " << CAMPSIM_SOURCE_DIR
                                             << "/scenarios/gao_baseline.yaml\nscenario:\n  label: twenty-nine bytes, one too many\n";
  std::ofstream(scratch / "shown_as_baseline.yaml") << "extends: " << CAMPSIM_SOURCE_DIR
                                                    << "/scenarios/gao_baseline.yaml\nscenario:\n  label: gao_baseline\n";
  struct Bad {
    std::string arguments, fragment;
  };
  const Bad cases[] = {
      {"--policies scenarios/no_such_policy.yaml", "no_such_policy.yaml"},
      {"--design " + (scratch / "design.yaml").string(), (scratch / "design.yaml").string() + ":5:49: design.factors[0].high"},
      {"--design " + (scratch / "missing.yaml").string(), "missing.yaml"},
      {"--shard 2/2", "--shard expects i/N"},
      {"--shard half", "--shard expects i/N"},
      {"--policies " + (scratch / "gao_baseline.yaml").string(), "both named 'gao_baseline'"},
      {"--policies " + (scratch / "long_label.yaml").string(), "long_label.yaml:3:10: scenario.label"},
      {"--policies " + (scratch / "shown_as_baseline.yaml").string(), "two policies would be shown as 'gao_baseline'"},
      {"--set guards.shifts.lenght=6h", "did you mean 'length'"},
      {"--resume --force", "give one of them"},
      {"--threads 0", "at least 1"},
  };
  for (const Bad& bad : cases) {
    const CliResult r = run_cli("batch scenarios/gao_baseline.yaml --replications 2 --days 1 " + bad.arguments + " --out " + out);
    INFO(bad.arguments);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find(bad.fragment) != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  CHECK(run_cli("batch scenarios/gao_baseline.yaml --days 1 --out " + out).exit_code == 2);  // no --replications
  CHECK_FALSE(fs::exists(out));

  // Resuming with another command is refused and leaves the batch as it was.
  const CliResult stopped = run_cli(kBatch + "--out " + out, "CAMPSIM_BATCH_STOP_AFTER_ROWS=2");
  REQUIRE(stopped.exit_code == 1);
  const std::string before = read_file(fs::path(out) / "results.csv");
  for (const std::string& other : std::vector<std::string>{batch_of("6", "1", "3"), batch_of("5", "1", "4"), batch_of("5", "2", "3"),
                                   kBatch + "--set guards.shifts.handover_overlap=20min", kBatch + "--shard 0/2",
                                   std::string("batch scenarios/gao_baseline.yaml --replications 5 --days 1 --seed 3 ")}) {
    const CliResult r = run_cli(other + " --resume --out " + out);
    INFO(other);
    INFO(r.output);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("cannot resume") != std::string::npos);
    CHECK(read_file(fs::path(out) / "results.csv") == before);
  }
  // Never replace a directory that is not a batch, even with --force.
  fs::create_directories(scratch / "precious");
  std::ofstream(scratch / "precious" / "notes.txt") << "keep me\n";
  const CliResult precious = run_cli(kBatch + "--force --out " + (scratch / "precious").string());
  CHECK(precious.exit_code == 2);
  CHECK(fs::exists(scratch / "precious" / "notes.txt"));
  fs::remove_all(scratch);
}

TEST_CASE("batch and merge help teach with examples", "[cli][batch]") {
  const CliResult batch = run_cli("batch --help");
  CHECK(batch.exit_code == 0);
  for (const char* word : {"--policies", "--replications", "--resume", "--shard", "--design", "mpirun", "Examples"})
    CHECK(batch.output.find(word) != std::string::npos);
  const CliResult merge = run_cli("merge --help");
  CHECK(merge.exit_code == 0);
  CHECK(merge.output.find("--shard 1/2") != std::string::npos);
  const CliResult top = run_cli("--help");
  CHECK(top.output.find("batch SCENARIO") != std::string::npos);
  CHECK(top.output.find("merge OUT") != std::string::npos);
}

TEST_CASE("one writer per batch directory: a second campsim is refused with the first one's pid", "[cli][batch][hostile]") {
  const fs::path scratch = scratch_dir("batch-lock");
  const std::string dir = (scratch / "b").string();
  // The first writer, slowed after its first row so it is still writing while the others try.
  const pid_t first = spawn_cli("CAMPSIM_BATCH_ROW_DELAY_MS=600000", kBatch + "--out " + dir);
  const std::string pid_line = std::to_string(first) + "\n";
  bool holding = false;  // it holds the directory once batch.lock names it
  for (int i = 0; i < 1200 && !holding; ++i) {
    holding = read_file(fs::path(dir) / "batch.lock") == pid_line;
    if (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(holding);
  const std::string refusal = "is being written by another campsim (pid " + std::to_string(first) + ", holding batch.lock)";
  for (const std::string how : {"--resume", "", "--force"}) {
    const CliResult second = run_cli(kBatch + how + " --out " + dir);
    INFO("second batch " << how << "\n" << second.output);
    CHECK(second.exit_code == 2);
    CHECK(second.output.find(refusal) != std::string::npos);
  }
  // The kernel releases the lock of a writer killed with SIGKILL: the batch resumes to its end.
  ::kill(first, SIGKILL);
  ::waitpid(first, nullptr, 0);
  const CliResult resumed = run_cli(kBatch + "--resume --out " + dir);
  INFO(resumed.output);
  CHECK(resumed.exit_code == 0);
  CHECK(fs::exists(fs::path(dir) / "summary.md"));
  fs::remove_all(scratch);
}
