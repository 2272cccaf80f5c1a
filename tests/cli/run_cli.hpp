#pragma once
// Runs the campsim program as a user would and captures what it prints and its exit code.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/support/scratch_files.hpp"

namespace campsim::testing {

struct CliResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// `environment`: extra variables for the program, e.g. "NAME=value" (test hooks).
inline CliResult run_cli(const std::string& arguments, const std::string& environment = "") {
  const std::string command = std::string("cd '") + CAMPSIM_SOURCE_DIR + "' && " + environment + " '" + CAMPSIM_BINARY +
                              "' " + arguments + " 2>&1";
  CliResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) result.output += buffer.data();
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// The name the command-line tests read files by (scratch_files.hpp's slurp).
inline std::string read_file(const std::filesystem::path& file) { return slurp(file); }

}  // namespace campsim::testing
