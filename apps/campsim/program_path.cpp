// The program as the user invoked it: set by main() (and by campsim-view's, which campsim starts
// with its own argv[0], so a printed command still names campsim).
#include <string>
#include <utility>

#include "apps/campsim/commands.hpp"

namespace {

std::string& invoked_as() {
  static std::string path = "campsim";
  return path;
}

}  // namespace

const std::string& campsim::cli::program_path() { return invoked_as(); }
void campsim::cli::set_program_path(std::string path) { invoked_as() = std::move(path); }
