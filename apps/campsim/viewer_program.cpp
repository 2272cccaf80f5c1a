#include "apps/campsim/viewer_program.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <system_error>
#include <vector>

#include "apps/campsim/commands.hpp"
#include "sim/io/visible_text.hpp"

namespace campsim::cli {

std::filesystem::path viewer_program() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (ec ? std::filesystem::path(program_path()) : self).parent_path() / "campsim-view";
}

int exec_viewer(char** argv) {
  const std::filesystem::path viewer = viewer_program();
  ::execv(viewer.c_str(), argv);
  const int error = errno;  // execv returns only on failure
  std::cerr << "campsim view: cannot start the viewer program " << io::visible(viewer.string()) << ": "
            << std::strerror(error)
            << "\n(it is built beside campsim with the viewer, when SFML 2.5 is installed: "
               "cmake --build --preset release --target campsim-view)\n";
  return kFailure;
}

}  // namespace campsim::cli
