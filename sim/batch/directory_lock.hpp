#pragma once
// One writer per batch directory. Two campsims writing one directory (two --resume, or two fresh
// batches into one --out) ran the same jobs twice, or lost the race for the final rename with
// "filesystem error: cannot rename". A writer now holds an advisory lock, flock(2) on
// DIR/batch.lock, for as long as it runs; a second one is refused (exit 2) with the first one's
// pid. flock is released by the kernel when the holder exits, however it ends (kill -9
// included), so a dead writer never leaves the directory locked. Advisory: it binds campsim, not
// other programs; on NFS, flock is only as good as the server's lock support.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace campsim::batch {

inline constexpr const char* kLockFile = "batch.lock";

// Another process holds the directory's lock.
struct DirectoryBusy : std::runtime_error {
  DirectoryBusy(const std::filesystem::path& dir, long holder_pid);
  long holder_pid;  // 0 if the holder has not written its pid yet
};

class DirectoryLock {
 public:
  DirectoryLock() = default;
  // Takes the lock of `dir` (creating DIR/batch.lock if need be) and writes this process's pid
  // into it. Throws DirectoryBusy if another process holds it; std::system_error if the file
  // cannot be opened or locked for another reason.
  static DirectoryLock acquire(const std::filesystem::path& dir);
  ~DirectoryLock();
  DirectoryLock(DirectoryLock&& other) noexcept;
  DirectoryLock& operator=(DirectoryLock&& other) noexcept;
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  explicit DirectoryLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace campsim::batch
