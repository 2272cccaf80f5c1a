// Where outputs may go (issue 10): a scenario name never becomes a path, --force replaces only
// what campsim wrote, and what a kill -9 leaves behind is cleaned on the next write.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/io/durable.hpp"
#include "sim/io/run_directory.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim::io;
namespace fs = std::filesystem;
using campsim::testing::slurp;
using campsim::testing::scratch_dir;


namespace {

fs::path scratch(const std::string& name) { return scratch_dir("output", name); }

// The pid of a process that has exited and been reaped: nobody has it now.
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("a scenario name becomes one safe path component", "[io][hostile]") {
  CHECK(path_component("gao_baseline-seed7") == "gao_baseline-seed7");
  CHECK(path_component("../../escaped") == "_.._.._escaped");
  CHECK(path_component("/tmp/x") == "_tmp_x");
  CHECK(path_component("..") == "_..");
  CHECK(path_component(".hidden") == "_.hidden");
  CHECK(path_component("") == "_");
  CHECK(path_component("a b\\c\n") == "a_b_c_");
  CHECK(path_component("caf\xc3\xa9") == "caf__");  // bytes, not letters: each non-ASCII byte is replaced
  CHECK(fs::path(path_component("../../x")).has_parent_path() == false);
}

TEST_CASE("with --force, only a directory campsim wrote is replaced", "[io][hostile]") {
  const fs::path dir = scratch("force");
  const auto write_run = [&](const fs::path& target) {
    write_run_directory(target, true, [](const fs::path& tmp) { write_text_file(tmp / "manifest.json", "{}\n"); });
  };
  SECTION("a plain folder of someone's files is refused, and left as it was") {
    fs::create_directories(dir / "mine");
    std::ofstream(dir / "mine" / "thesis.tex") << "precious";
    CHECK_THROWS_WITH(write_run(dir / "mine"), Catch::Contains("was not written by campsim"));
    CHECK(slurp(dir / "mine" / "thesis.tex") == "precious");
    CHECK(not_replaceable(dir / "mine").has_value());
  }
  SECTION("a regular file is refused") {
    std::ofstream(dir / "file") << "data";
    CHECK_THROWS_WITH(write_run(dir / "file"), Catch::Contains("is a regular file"));
    CHECK(slurp(dir / "file") == "data");
  }
  SECTION("a device is refused") {
    CHECK(not_replaceable("/dev/null").value().find("is a device") != std::string::npos);
  }
  SECTION("a symbolic link is refused, even to a run directory") {
    write_run(dir / "run");
    fs::create_directory_symlink(dir / "run", dir / "link");
    CHECK_THROWS_WITH(write_run(dir / "link"), Catch::Contains("is a symbolic link"));
    CHECK(fs::is_symlink(dir / "link"));
  }
  SECTION("a run, batch or report directory is replaced") {
    for (const char* marker : {"manifest.json", "batch.json", "report.md"}) {
      fs::create_directories(dir / "old");
      std::ofstream(dir / "old" / marker) << "x";
      std::ofstream(dir / "old" / "stale") << "x";
      CHECK_FALSE(not_replaceable(dir / "old").has_value());
      write_run(dir / "old");
      CHECK(fs::exists(dir / "old" / "manifest.json"));
      CHECK_FALSE(fs::exists(dir / "old" / "stale"));
      fs::remove_all(dir / "old");
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("temporary siblings of dead processes are cleaned: those of live ones are not", "[io][hostile]") {
  const fs::path dir = scratch("stale");
  const pid_t dead = dead_pid();
  const fs::path target = dir / "run";
  fs::create_directories(dir / ("run.tmp-" + std::to_string(dead)));
  fs::create_directories(dir / ("run.tmp-" + std::to_string(::getppid())));  // alive: our parent
  fs::create_directories(dir / ("other.tmp-" + std::to_string(dead)));       // another output's
  fs::create_directories(dir / "run.tmp-notapid");
  SECTION("by the next write into the same place") {
    write_run_directory(target, false, [](const fs::path& tmp) { write_text_file(tmp / "manifest.json", "{}\n"); });
    CHECK_FALSE(fs::exists(dir / ("run.tmp-" + std::to_string(dead))));
    CHECK(fs::exists(dir / ("run.tmp-" + std::to_string(::getppid()))));
    CHECK(fs::exists(dir / ("other.tmp-" + std::to_string(dead))));
    CHECK(fs::exists(dir / "run.tmp-notapid"));
    CHECK(fs::exists(target / "manifest.json"));
  }
  SECTION("a previous output left only as NAME.old-PID (killed between the renames) is put back") {
    fs::create_directories(dir / ("run.old-" + std::to_string(dead)));
    std::ofstream(dir / ("run.old-" + std::to_string(dead)) / "manifest.json") << "previous";
    CHECK(clean_stale_siblings(target) == 2);
    CHECK(slurp(target / "manifest.json") == "previous");
  }
  fs::remove_all(dir);
}

TEST_CASE("durable writes and appends hold exactly what was written", "[io]") {
  const fs::path dir = scratch("durable");
  write_file_durably(dir / "a.txt", "one\n");
  write_file_durably(dir / "a.txt", "two\n");  // truncates
  CHECK(slurp(dir / "a.txt") == "two\n");
  {
    AppendFile file(dir / "a.txt");
    file.append("three\n");
    file.sync();
    AppendFile moved = std::move(file);
    moved.append("four\n");
    moved.sync();
  }
  CHECK(slurp(dir / "a.txt") == "two\nthree\nfour\n");
  sync_directory(dir);
  CHECK_THROWS(write_file_durably(dir / "missing" / "x", "y"));
  fs::remove_all(dir);
}

TEST_CASE("a run directory's files, written without waiting, are synced as a tree before it appears", "[io]") {
  const fs::path dir = scratch("sync-tree");
  const fs::path outside = scratch("sync-tree-outside");
  write_file_durably(outside / "not_ours.txt", "x");
  // sync_tree reaches every file and directory below the root, and follows no link out of it.
  fs::create_directories(dir / "tree" / "plots" / "deeper");
  write_file_unsynced(dir / "tree" / "a.csv", "a\n");
  write_file_unsynced(dir / "tree" / "plots" / "b.dat", "b\n");
  write_file_unsynced(dir / "tree" / "plots" / "deeper" / "c.gp", "c\n");
  fs::create_directory_symlink(outside, dir / "tree" / "link");
  CHECK(sync_tree(dir / "tree") == 3 + 3);  // three files; tree, plots and deeper
  CHECK(slurp(dir / "tree" / "plots" / "deeper" / "c.gp") == "c\n");
  CHECK_THROWS(write_file_unsynced(dir / "missing" / "x", "y"));
  CHECK_THROWS(sync_tree(dir / "missing"));
  // write_run_file inside write_run_directory: the published directory holds exactly the texts.
  write_run_directory(dir / "run", false, [](const fs::path& tmp) {
    write_run_file(tmp / "manifest.json", "{}\n");
    fs::create_directory(tmp / "sub");
    write_run_file(tmp / "sub" / "events.jsonl", "e\n");
  });
  CHECK(slurp(dir / "run" / "manifest.json") == "{}\n");
  CHECK(slurp(dir / "run" / "sub" / "events.jsonl") == "e\n");
  fs::remove_all(dir);
  fs::remove_all(outside);
}
