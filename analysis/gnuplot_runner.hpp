#pragma once
// Runs gnuplot on one script, in the script's directory, by argv (io::run_program: no shell, so
// paths with spaces or quotes are safe) and with a time limit, and says in words why it did not
// work if it did not.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace campsim::analysis {

// The gnuplot to use: `option` if given (--gnuplot), else $CAMPSIM_GNUPLOT, else "gnuplot" on PATH.
std::string gnuplot_program(const std::string& option);

// How long one script may take: 60 s (the slowest figure, a 24-row timeline, takes well under a
// second), or $CAMPSIM_GNUPLOT_TIMEOUT seconds (a positive number) when set.
std::chrono::milliseconds gnuplot_time_limit();

struct GnuplotFailure {
  enum class Kind {
    failed,         // this script failed; the next may work
    cannot_start,   // no gnuplot: the next script would fail the same way
    timed_out,      // killed at the time limit: drawing more would cost the limit again each time
  } kind = Kind::failed;
  std::string message;  // "gnuplot exited with status 1: <its stderr> (on NAME.gp)"
  bool give_up() const { return kind != Kind::failed; }
};

// Runs `program script.filename()` with the working directory set to script's directory.
// Returns nothing on success, otherwise why it failed (cannot start, exit status, time limit,
// and the first lines gnuplot wrote to stderr).
std::optional<GnuplotFailure> run_gnuplot(const std::string& program, const std::filesystem::path& script);

// The note a report gives when drawing stopped at `failure` (cannot start or timed out).
std::string plots_absent_note(const GnuplotFailure& failure);

}  // namespace campsim::analysis
