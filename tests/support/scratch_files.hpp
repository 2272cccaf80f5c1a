#pragma once
// Files for tests that write and read back: a fresh scratch directory per test (named by the
// suite and the process, so parallel ctest runs never share one) and a file's whole contents.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace campsim::testing {

// An empty directory under the system's temporary directory: "campsim-<suite>-<name>-<pid>".
// Whatever a previous run of the same test left there is removed first.
inline std::filesystem::path scratch_dir(const std::string& suite, const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("campsim-" + suite + "-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// The same for tests that need no suite name: "campsim-test-<name>-<pid>".
inline std::filesystem::path scratch_dir(const std::string& name) { return scratch_dir("test", name); }

// A file's bytes as a string (empty when it cannot be opened).
inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace campsim::testing
