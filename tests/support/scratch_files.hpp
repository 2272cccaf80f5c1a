#pragma once
// Files for tests that write and read back: a fresh scratch directory per test (named by the
// suite and the process, so parallel ctest runs never share one) and a file's whole contents.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace campsim::testing {

// Directories to remove when their owner goes. Every test is a process of its own under ctest, so
// the process's registry (below) removes a test's scratch when the test ends, passed or failed,
// including the directories a test forgot or did not reach (a REQUIRE that stopped it). Set
// CAMPSIM_KEEP_SCRATCH=1 to keep them and look at what a failing test wrote.
class ScratchCleanup {
 public:
  ScratchCleanup() = default;
  ScratchCleanup(const ScratchCleanup&) = delete;
  ScratchCleanup& operator=(const ScratchCleanup&) = delete;
  ~ScratchCleanup() {
    if (std::getenv("CAMPSIM_KEEP_SCRATCH") != nullptr) return;
    for (const std::filesystem::path& dir : dirs_) {
      std::error_code ignored;  // one that cannot be removed must not stop the others
      std::filesystem::remove_all(dir, ignored);
    }
  }
  void add(const std::filesystem::path& dir) { dirs_.push_back(dir); }
  const std::vector<std::filesystem::path>& dirs() const { return dirs_; }

 private:
  std::vector<std::filesystem::path> dirs_;
};

// The process's registry: a function-local static, destroyed (and so emptied) at exit.
inline ScratchCleanup& scratch_cleanup() {
  static ScratchCleanup cleanup;
  return cleanup;
}

// `path` (a file or a directory), registered with the process's cleanup: removed at exit. The
// fuzz targets name their one scratch file per process with it (kept after a crash: abort runs no
// destructor).
inline std::filesystem::path removed_at_exit(std::filesystem::path path) {
  scratch_cleanup().add(path);
  return path;
}

// An empty directory under the system's temporary directory: "campsim-<suite>-<name>-<pid>",
// removed when the process exits. Whatever a previous run of the same test left there is removed
// first.
inline std::filesystem::path scratch_dir(const std::string& suite, const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("campsim-" + suite + "-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return removed_at_exit(dir);
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
