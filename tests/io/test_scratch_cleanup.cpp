// The tests' scratch directories go with the process that made them (tests/support/scratch_files.hpp):
// ctest runs hundreds of test processes, and each used to leave its directory in /tmp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/support/scratch_files.hpp"

namespace fs = std::filesystem;
using campsim::testing::ScratchCleanup;
using campsim::testing::scratch_dir;

namespace unity_io_test_scratch_cleanup {

// A directory with a file and a subdirectory, as a test leaves one.
fs::path filled_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-cleanup-" + name + "-" + std::to_string(::getpid()));
  fs::create_directories(dir / "inner");
  std::ofstream(dir / "inner" / "rows.csv") << "a,b\n1,2\n";
  return dir;
}

TEST_CASE("a scratch cleanup removes every directory it holds, contents and all, when it goes", "[io][scratch]") {
  ::unsetenv("CAMPSIM_KEEP_SCRATCH");
  const fs::path first = filled_dir("first");
  const fs::path second = filled_dir("second");
  const fs::path other = filled_dir("other");
  {
    ScratchCleanup cleanup;
    cleanup.add(first);
    cleanup.add(fs::temp_directory_path() / "campsim-cleanup-never-made");  // a missing one stops nothing
    cleanup.add(second);
    CHECK(fs::exists(first / "inner" / "rows.csv"));  // held, not yet removed
  }
  CHECK_FALSE(fs::exists(first));
  CHECK_FALSE(fs::exists(second));
  CHECK(fs::exists(other / "inner" / "rows.csv"));  // what it was not given stays
  fs::remove_all(other);
}

TEST_CASE("CAMPSIM_KEEP_SCRATCH keeps the scratch directories for a look after a failure", "[io][scratch]") {
  const fs::path kept = filled_dir("kept");
  ::setenv("CAMPSIM_KEEP_SCRATCH", "1", 1);
  {
    ScratchCleanup cleanup;
    cleanup.add(kept);
  }
  ::unsetenv("CAMPSIM_KEEP_SCRATCH");
  CHECK(fs::exists(kept / "inner" / "rows.csv"));
  fs::remove_all(kept);
}

TEST_CASE("scratch_dir gives an empty directory and registers it with the process's cleanup", "[io][scratch]") {
  const fs::path dir = scratch_dir("cleanup-registered");
  std::ofstream(dir / "left.txt") << "from an earlier run";
  const fs::path again = scratch_dir("cleanup-registered");  // the same test run again in this process
  CHECK(again == dir);
  CHECK(fs::is_empty(again));
  const auto& held = campsim::testing::scratch_cleanup().dirs();
  CHECK(std::count(held.begin(), held.end(), dir) == 2);  // removed at exit (twice is harmless)
}

}  // namespace unity_io_test_scratch_cleanup
