// campsim-view: the viewer's own program, started by `campsim view` (apps/campsim/viewer_program.hpp)
// as `campsim-view view ARGS...`, so that only this command loads SFML, OpenGL and X11.
#include <iostream>
#include <string>
#include <vector>

#include "apps/campsim/command_guard.hpp"
#include "apps/campsim/commands.hpp"

int main(int argc, char** argv) {
  if (argc > 0 && argv[0] != nullptr && *argv[0] != '\0') campsim::cli::set_program_path(argv[0]);
  if (argc < 2 || std::string(argv[1]) != "view") {
    std::cerr << "campsim-view is started by `campsim view ...`; run that instead\n";
    return campsim::cli::kBadInput;
  }
  const std::vector<std::string> args(argv + 2, argv + argc);
  return campsim::cli::run_guarded("view", [&] { return campsim::cli::view_command(args); });
}
