// `campsim view` runs the viewer's own program, campsim-view, so that no other command loads
// the viewer's libraries (issue 25 goal 1: the dynamic loader's share of a quiet run).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/cli/run_cli.hpp"

namespace fs = std::filesystem;
using campsim::testing::run_cli;

namespace {

// What `command` prints on stdout.
std::string output_of_command(const std::string& command) {
  std::string text;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return text;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe)) text += buffer;
  ::pclose(pipe);
  return text;
}

bool viewer_is_built() { return fs::exists(fs::path(CAMPSIM_BINARY).parent_path() / "campsim-view"); }

}  // namespace

TEST_CASE("campsim itself needs none of the viewer's libraries", "[cli][view]") {
  const std::string needed = output_of_command(std::string("readelf -d '") + CAMPSIM_BINARY + "'");
  REQUIRE(needed.find("(NEEDED)") != std::string::npos);  // readelf ran and listed campsim's libraries
  CHECK(needed.find("libstdc++") != std::string::npos);
  CHECK(needed.find("libsfml") == std::string::npos);
  CHECK(needed.find("libGL") == std::string::npos);
  CHECK(needed.find("libX11") == std::string::npos);
  if (viewer_is_built()) {  // and the viewer's program does need them
    const fs::path viewer = fs::path(CAMPSIM_BINARY).parent_path() / "campsim-view";
    CHECK(output_of_command("readelf -d '" + viewer.string() + "'").find("libsfml-graphics") != std::string::npos);
  }
}

TEST_CASE("campsim view runs the viewer beside campsim, and says how to build it when it is missing", "[cli][view]") {
  if (!viewer_is_built()) {
    const auto result = run_cli("view --help");
    CHECK(result.exit_code == 2);
    CHECK(result.output.find("built without the viewer") != std::string::npos);
    return;
  }
  const auto help = run_cli("view --help");
  CHECK(help.exit_code == 0);
  CHECK(help.output.find("--screenshot") != std::string::npos);  // the view command's own options
  // A campsim copied away from its campsim-view: exit 1, naming the program and the target.
  const fs::path alone = campsim::testing::scratch_dir("viewer-alone");
  fs::copy_file(CAMPSIM_BINARY, alone / "campsim");
  const std::string command = "'" + (alone / "campsim").string() + "' view --help 2>&1; echo \"exit $?\"";
  const std::string output = output_of_command(command);
  CHECK(output.find("cannot start the viewer program " + (alone / "campsim-view").string()) != std::string::npos);
  CHECK(output.find("--target campsim-view") != std::string::npos);
  CHECK(output.find("exit 1") != std::string::npos);
  fs::remove_all(alone);
}
