#pragma once
// Starting another program (gnuplot, ffmpeg) safely: by argv, never through a shell, so no path,
// name or option text is ever parsed as a command line; in its own process group, with stdin
// from /dev/null; and with a time limit, after which the whole group is killed. A program that
// never returns (a hung gnuplot, a `pause -1` in a script) costs the limit, not a hang.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace campsim::io {

struct ProgramRun {
  std::vector<std::string> argv;       // argv[0] is looked up on PATH unless it holds a '/'
  std::filesystem::path directory;     // working directory of the program (empty: ours)
  std::filesystem::path stdout_file;   // where its stdout goes (empty: /dev/null)
  std::filesystem::path stderr_file;   // where its stderr goes (empty: /dev/null)
  std::chrono::milliseconds limit{60'000};
  // The program may not start programs of its own (sandboxed_spawn.hpp): for gnuplot, which
  // has shell commands in its language.
  bool no_new_processes = false;
};

struct ProgramOutcome {
  enum class Kind { exited, killed_by_signal, timed_out, cannot_start } kind = Kind::cannot_start;
  int code = 0;        // exit status, signal number, or errno (cannot_start)
  bool ok() const { return kind == Kind::exited && code == 0; }
};

// Runs the program to its end or its limit. Relative stdout/stderr files are relative to
// `directory`. Whatever is left of its process group when it ends or is killed is killed too.
ProgramOutcome run_program(const ProgramRun& run);

// "exited with status 3", "was killed by signal 9", "did not finish within 60 s", "cannot be
// started: No such file or directory".
std::string describe(const ProgramOutcome& outcome, std::chrono::milliseconds limit);

}  // namespace campsim::io
