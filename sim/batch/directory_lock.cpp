#include "sim/batch/directory_lock.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "sim/io/visible_text.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;

namespace {

std::string busy_message(const fs::path& dir, long pid) {
  return io::visible(dir.string()) + " is being written by another campsim (" +
         (pid > 0 ? "pid " + std::to_string(pid) : std::string("its pid is not written yet")) + ", holding " + kLockFile +
         "); one writer per batch directory: wait for it to end or stop it, then run this again; nothing was changed";
}

// The pid the holder wrote, or 0. Read through our own descriptor: the holder may be writing it.
long holder_of(int fd) {
  char text[32] = {};
  const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  if (n <= 0) return 0;
  char* end = nullptr;
  const long pid = std::strtol(text, &end, 10);
  return pid > 0 ? pid : 0;
}

}  // namespace

DirectoryBusy::DirectoryBusy(const fs::path& dir, long pid) : std::runtime_error(busy_message(dir, pid)), holder_pid(pid) {}

DirectoryLock DirectoryLock::acquire(const fs::path& dir) {
  const fs::path file = dir / kLockFile;
  // O_NOFOLLOW: a symbolic link planted as batch.lock is refused, never followed to truncate its target.
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open " + file.string());
  DirectoryLock lock(fd);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno == EWOULDBLOCK) throw DirectoryBusy(dir, holder_of(fd));
    throw std::system_error(errno, std::generic_category(), "cannot lock " + file.string());
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  // Best effort: the lock is what matters; the pid only makes the refusal's message helpful.
  if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
  }
  return lock;
}

DirectoryLock::~DirectoryLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

DirectoryLock::DirectoryLock(DirectoryLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DirectoryLock& DirectoryLock::operator=(DirectoryLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

}  // namespace campsim::batch
