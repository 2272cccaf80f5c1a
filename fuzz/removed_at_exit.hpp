#pragma once
// A fuzz target's scratch file or directory, one per process (named by the pid). Held in a
// function-local static, it is removed when libFuzzer exits normally; after a crash (abort) it is
// kept, beside the crashing input, for a look.
#include <filesystem>
#include <system_error>
#include <utility>

namespace campsim::fuzzing {

struct RemovedAtExit {
  explicit RemovedAtExit(std::filesystem::path p) : path(std::move(p)) {}
  RemovedAtExit(const RemovedAtExit&) = delete;
  RemovedAtExit& operator=(const RemovedAtExit&) = delete;
  ~RemovedAtExit() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  std::filesystem::path path;
};

}  // namespace campsim::fuzzing
