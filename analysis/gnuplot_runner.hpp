#pragma once
// Runs gnuplot on one script, in the script's directory, without a shell (paths with spaces or
// quotes are safe), and says in words why it did not work if it did not.
#include <filesystem>
#include <optional>
#include <string>

namespace campsim::analysis {

// The gnuplot to use: `option` if given (--gnuplot), else $CAMPSIM_GNUPLOT, else "gnuplot" on PATH.
std::string gnuplot_program(const std::string& option);

// Runs `program script.filename()` with the working directory set to script's directory.
// Returns nothing on success, otherwise why it failed (cannot start, exit status, and the first
// lines gnuplot wrote to stderr).
std::optional<std::string> run_gnuplot(const std::string& program, const std::filesystem::path& script);

}  // namespace campsim::analysis
