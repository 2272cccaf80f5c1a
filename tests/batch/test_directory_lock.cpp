// One writer per batch directory (issue 24): the lock is exclusive, names its holder, is released
// with its holder, and is taken before a new batch directory appears under its name.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/batch/batch_directory.hpp"
#include "sim/batch/directory_lock.hpp"

using namespace campsim::batch;
namespace fs = std::filesystem;

namespace {

fs::path lock_scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-lock-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("a directory lock is exclusive, names its holder and is released with it", "[batch][lock]") {
  const fs::path dir = lock_scratch("exclusive");
  {
    const DirectoryLock held = DirectoryLock::acquire(dir);
    CHECK(held.held());
    std::ostringstream text;
    text << std::ifstream(dir / kLockFile).rdbuf();
    CHECK(text.str() == std::to_string(::getpid()) + "\n");
    // flock locks belong to open files, so a second acquire conflicts even in this process.
    try {
      DirectoryLock::acquire(dir);
      FAIL("a second lock was granted");
    } catch (const DirectoryBusy& busy) {
      CHECK(busy.holder_pid == ::getpid());
      CHECK(std::string(busy.what()).find("pid " + std::to_string(::getpid())) != std::string::npos);
    }
  }
  CHECK(DirectoryLock::acquire(dir).held());  // released when the holder went
  fs::remove_all(dir);
}

TEST_CASE("a lock file planted as a symbolic link is not followed", "[batch][lock]") {
  const fs::path dir = lock_scratch("symlink");
  std::ofstream(dir / "precious") << "keep";
  fs::create_symlink(dir / "precious", dir / kLockFile);
  CHECK_THROWS_AS(DirectoryLock::acquire(dir), std::system_error);
  std::ostringstream text;
  text << std::ifstream(dir / "precious").rdbuf();
  CHECK(text.str() == "keep");
  fs::remove_all(dir);
}

TEST_CASE("a new batch directory is locked as it appears, and a second one into it is refused as busy", "[batch][lock]") {
  const fs::path scratch = lock_scratch("create");
  const fs::path dir = scratch / "b";
  const nlohmann::ordered_json manifest = {{"policies", nlohmann::ordered_json::array()}};
  const DirectoryLock first = create_batch_directory(dir, manifest, "h\n", "h\n", false);
  CHECK(first.held());
  CHECK_THROWS_AS(DirectoryLock::acquire(dir), DirectoryBusy);
  // What a fresh batch that lost the race to create `dir` meets: told who holds it.
  CHECK_THROWS_AS(create_batch_directory(dir, manifest, "h\n", "h\n", false), DirectoryBusy);
  CHECK(fs::exists(dir / "batch.json"));  // the holder's directory is untouched
  fs::remove_all(scratch);
}
