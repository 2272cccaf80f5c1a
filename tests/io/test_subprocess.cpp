// io::run_program (issue 24): a program gets its arguments as data (no shell), and one that never
// ends is killed at its limit together with everything it started.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/io/sandboxed_spawn.hpp"
#include "sim/io/subprocess.hpp"

using namespace campsim::io;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-subprocess-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string text_of(const fs::path& file) {
  std::ostringstream text;
  text << std::ifstream(file).rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("run_program passes arguments as data, never to a shell", "[io][subprocess]") {
  const fs::path dir = fresh_dir("argv");
  const std::string hostile = "'; touch PWNED1; ' $(touch PWNED2) `touch PWNED3` | touch PWNED4 > x";
  ProgramRun run;
  run.argv = {"echo", hostile};
  run.directory = dir;
  run.stdout_file = "out.txt";
  const ProgramOutcome outcome = run_program(run);
  CHECK(outcome.ok());
  CHECK(text_of(dir / "out.txt") == hostile + "\n");
  for (const char* file : {"PWNED1", "PWNED2", "PWNED3", "PWNED4", "x"}) CHECK_FALSE(fs::exists(dir / file));
  fs::remove_all(dir);
}

TEST_CASE("run_program reports the exit status and a program that cannot start", "[io][subprocess]") {
  ProgramRun failing;
  failing.argv = {"sh", "-c", "exit 3"};
  const ProgramOutcome failed = run_program(failing);
  CHECK(failed.kind == ProgramOutcome::Kind::exited);
  CHECK(failed.code == 3);
  CHECK(describe(failed, failing.limit) == "exited with status 3");

  ProgramRun missing;
  missing.argv = {"/nonexistent/campsim-no-such-program"};
  const ProgramOutcome absent = run_program(missing);
  CHECK(absent.kind == ProgramOutcome::Kind::cannot_start);
  CHECK(describe(absent, missing.limit) == "cannot be started: No such file or directory");
}

TEST_CASE("run_program kills a program at its limit, and what it started", "[io][subprocess]") {
  const fs::path dir = fresh_dir("limit");
  ProgramRun run;
  // The program starts a grandchild, writes its pid, and waits for ever.
  run.argv = {"sh", "-c", "sleep 1000 & echo $! > grandchild.pid; wait"};
  run.directory = dir;
  run.limit = 1s;  // ample for sh to start its grandchild and write the pid
  const ProgramOutcome outcome = run_program(run);
  CHECK(outcome.kind == ProgramOutcome::Kind::timed_out);
  CHECK(describe(outcome, run.limit) == "did not finish within 1 s (killed)");
  const pid_t grandchild = std::stoi(text_of(dir / "grandchild.pid"));
  // Killed and reaped by init, or a zombie waiting for it: either way no longer running.
  bool gone = false;
  for (int i = 0; i < 2000 && !gone; ++i) {
    const std::string state = text_of("/proc/" + std::to_string(grandchild) + "/stat");
    gone = state.empty() || state.find(") Z") != std::string::npos;
    if (!gone) ::usleep(1000);
  }
  CHECK(gone);
  fs::remove_all(dir);
}

TEST_CASE("a program run with no_new_processes cannot start another, and still runs", "[io][subprocess][sandbox]") {
  if (!sandbox_available()) {
    WARN("no seccomp sandbox on this platform");
    return;
  }
  const fs::path dir = fresh_dir("sandbox");
  ProgramRun run;
  // sh must fork to run touch; inside the sandbox the fork fails (dash then gives up) and nothing is made.
  run.argv = {"sh", "-c", "echo done > ran; touch made"};
  run.directory = dir;
  run.no_new_processes = true;
  run_program(run);
  CHECK(text_of(dir / "ran") == "done\n");  // the program itself ran (echo is built in)
  CHECK_FALSE(fs::exists(dir / "made"));
  // The same without the sandbox does make it: the test can tell the two apart.
  run.no_new_processes = false;
  CHECK(run_program(run).ok());
  CHECK(fs::exists(dir / "made"));
  fs::remove_all(dir);
}

TEST_CASE("no_new_processes reports a program that cannot start", "[io][subprocess][sandbox]") {
  ProgramRun run;
  run.argv = {"campsim-no-such-program-on-path"};
  run.no_new_processes = true;
  const ProgramOutcome outcome = run_program(run);
  CHECK(outcome.kind == ProgramOutcome::Kind::cannot_start);
  CHECK(outcome.code == ENOENT);
}
