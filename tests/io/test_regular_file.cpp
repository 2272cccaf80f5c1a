// io::not_a_regular_file (issue 24): what campsim reads back must be a regular file, known before
// it is opened (opening a FIFO would block for ever).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/io/regular_file.hpp"

using campsim::io::not_a_regular_file;
namespace fs = std::filesystem;

TEST_CASE("not_a_regular_file names FIFOs, devices and directories, and passes files and links to files", "[io][regular]") {
  const fs::path dir = fs::temp_directory_path() / ("campsim-regular-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "file.csv") << "a\n";
  fs::create_symlink(dir / "file.csv", dir / "link.csv");
  REQUIRE(::mkfifo((dir / "pipe.csv").c_str(), 0600) == 0);

  CHECK_FALSE(not_a_regular_file(dir / "file.csv"));
  CHECK_FALSE(not_a_regular_file(dir / "link.csv"));
  CHECK_FALSE(not_a_regular_file(dir / "missing.csv"));  // each reader says "missing" itself
  CHECK(not_a_regular_file(dir / "pipe.csv") ==
        (dir / "pipe.csv").string() + " is a FIFO (named pipe), not a regular file (campsim reads only regular files: nothing was read)");
  CHECK(not_a_regular_file(dir / "sub").value_or("").find(" is a directory, not a regular file") != std::string::npos);
  CHECK(not_a_regular_file("/dev/zero").value_or("").find("/dev/zero is a character device") != std::string::npos);
  fs::remove_all(dir);
}
