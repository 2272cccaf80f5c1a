#pragma once
// Runs one subcommand and turns what it throws into the documented exit codes and one message:
// shared by campsim and campsim-view, so `campsim view` fails the same way it did when the viewer
// was linked into campsim.
#include <functional>
#include <string>

namespace campsim::cli {

// body's exit code; a filesystem_error about a path the user gave or campsim must make (ENOENT,
// EACCES, EROFS, ...) is exit 2 naming the path, any other exception exit 1, each printed as
// "campsim COMMAND: what()".
int run_guarded(const std::string& command, const std::function<int()>& body);

}  // namespace campsim::cli
