// Help, version, validation and exit codes.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>

#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

TEST_CASE("help teaches the commands and exits 0", "[cli]") {
  const CliResult top = run_cli("--help");
  CHECK(top.exit_code == 0);
  CHECK(top.output.find("run SCENARIO") != std::string::npos);
  CHECK(top.output.find("validate SCENARIO") != std::string::npos);
  const CliResult run = run_cli("run --help");
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("--seed") != std::string::npos);
  CHECK(run.output.find("--force") != std::string::npos);
  CHECK(run.output.find("Examples") != std::string::npos);
  CHECK(run_cli("validate --help").exit_code == 0);
}

TEST_CASE("version names the program and its revision", "[cli]") {
  const CliResult r = run_cli("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.output.rfind("campsim 0.", 0) == 0);
  CHECK(r.output.find("git ") != std::string::npos);
}

TEST_CASE("the revision campsim names is the commit its sources are at, not the one CMake was configured at",
          "[cli]") {
  // The build writes the revision at every build (cmake/git_revision.cmake); it used to be written
  // once at configure time, so a program built after `git pull` named the old commit in every
  // manifest. HEAD is read here as the build read it; "-dirty" (edited tracked files) may follow.
  std::string revision;
  const std::string ask_git = std::string("git -C '") + CAMPSIM_SOURCE_DIR + "' rev-parse --short=12 HEAD 2>/dev/null";
  if (FILE* git = ::popen(ask_git.c_str(), "r")) {
    std::array<char, 64> line{};
    if (std::fgets(line.data(), line.size(), git)) revision = line.data();
    ::pclose(git);
  }
  revision = revision.substr(0, revision.find('\n'));
  if (revision.size() != 12) revision = "unknown";  // not a git checkout: nor was the build's
  const CliResult r = run_cli("--version");
  INFO(r.output);
  CHECK((r.output.find("(git " + revision + ")") != std::string::npos ||
         r.output.find("(git " + revision + "-dirty)") != std::string::npos));
}

TEST_CASE("bad command lines exit 2 with a hint", "[cli]") {
  CHECK(run_cli("").exit_code == 2);
  const CliResult unknown = run_cli("fly");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.output.find("unknown command 'fly'") != std::string::npos);
  CHECK(unknown.output.find("did you mean") == std::string::npos);  // nothing is near "fly"
  // Two letters swapped is one slip: the command it was near, not the list alone.
  const CliResult swapped = run_cli("rnu scenarios/gao_baseline.yaml");
  CHECK(swapped.exit_code == 2);
  CHECK(swapped.output.find("unknown command 'rnu'; did you mean 'run'?") != std::string::npos);
  CHECK(run_cli("comapre batches/x").output.find("did you mean 'compare'?") != std::string::npos);
  CHECK(run_cli("run scenarios/gao_baseline.yaml --sede 3").output.find("did you mean --seed?") != std::string::npos);
  CHECK(run_cli("run").exit_code == 2);  // no scenario
  CHECK(run_cli("run scenarios/gao_baseline.yaml --bogus").exit_code == 2);
  CHECK(run_cli("run scenarios/gao_baseline.yaml --threads 0").exit_code == 2);
  CHECK(run_cli("run scenarios/gao_baseline.yaml --days -1").exit_code == 2);
}

TEST_CASE("every --days help says it takes a duration with units", "[cli]") {
  // --days 30d works everywhere (the reader is one); the help must say so, or a user never tries.
  for (const char* command : {"run", "batch", "view", "sensitivity", "calibrate"}) {
    const CliResult help = run_cli(std::string(command) + " --help");
    INFO(command << ": " << help.output);
    std::string flat;  // the help's columns wrap: one space for every run of blanks and newlines
    for (char c : help.output)
      if (!(c == ' ' || c == '\n') || (!flat.empty() && flat.back() != ' ')) flat += (c == '\n' ? ' ' : c);
    const auto days = flat.find("--days arg ");
    REQUIRE(days != std::string::npos);
    CHECK(flat.substr(days, 80).find("d or 12h") != std::string::npos);
  }
}

TEST_CASE("validate accepts every shipped scenario", "[cli]") {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(CAMPSIM_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    const CliResult r = run_cli("validate " + entry.path().string());
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find(": ok") != std::string::npos);
    ++checked;
  }
  CHECK(checked >= 9);  // four scenarios and five policy variants
}

TEST_CASE("every shipped design of experiments runs as the user guide shows", "[cli]") {
  const fs::path scratch = scratch_dir("designs");
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(CAMPSIM_SOURCE_DIR) / "analysis" / "designs")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string out = (scratch / entry.path().stem()).string();
    const CliResult r = run_cli("batch scenarios/gao_baseline.yaml --policies scenarios/policies/pre_authorized_dispatch.yaml --design " +
                                entry.path().string() + " --replications 1 --days 1 -q --out " + out);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(fs::path(out) / "summary.md"));
    ++checked;
  }
  CHECK(checked >= 1);
  fs::remove_all(scratch);
}

TEST_CASE("validate reports every error with file, line and column, and exits 2", "[cli]") {
  const fs::path scratch = scratch_dir("validate");
  const fs::path bad = scratch / "bad.yaml";
  std::ofstream(bad) << "extends: " << (fs::path(CAMPSIM_SOURCE_DIR) / "scenarios" / "gao_baseline.yaml").string() << "\n"
                     << "guards:\n"
                     << "  shifts:\n"
                     << "    length: eight hours\n"
                     << "    handover_overlapp: 10min\n";
  const CliResult r = run_cli("validate " + bad.string());
  INFO(r.output);
  CHECK(r.exit_code == 2);
  CHECK(r.output.find(bad.string() + ":4:13: guards.shifts.length") != std::string::npos);
  CHECK(r.output.find(bad.string() + ":5:5: guards.shifts.handover_overlapp") != std::string::npos);
  CHECK(r.output.find("did you mean 'handover_overlap'") != std::string::npos);
  CHECK(r.output.find("2 error(s)") != std::string::npos);
  const CliResult missing = run_cli("validate no/such/file.yaml");
  CHECK(missing.exit_code == 2);
  CHECK(missing.output.find("no/such/file.yaml") != std::string::npos);
  fs::remove_all(scratch);
}
