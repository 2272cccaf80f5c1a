#pragma once
// `campsim view` runs the viewer program, campsim-view, built beside campsim (apps/CMakeLists.txt).
// The viewer needs SFML, OpenGL and X11: about twenty shared libraries that the dynamic loader
// would otherwise map and relocate at the start of every command (run, validate, each process of
// a batch), for the one command that draws (docs/performance.md, issue 25 goal 1).
#include <filesystem>

namespace campsim::cli {

// Where campsim-view is: the directory of the running campsim (/proc/self/exe), whatever the
// PATH or the current directory.
std::filesystem::path viewer_program();

// Replaces this process with `campsim-view view ARGS...` (argv as main received it: argv[0]
// is kept, so the viewer names itself as the user typed it). Returns only if that program cannot
// be started: prints why and how to build it, and returns kFailure.
int exec_viewer(char** argv);

}  // namespace campsim::cli
