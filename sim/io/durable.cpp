#include "sim/io/durable.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace campsim::io {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file) {
  throw std::runtime_error("cannot " + what + " " + file.string() + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view text, const std::filesystem::path& file) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write", file);
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

void sync_fd(int fd, const std::filesystem::path& file) {
  while (::fsync(fd) != 0) {
    if (errno == EINTR) continue;
    // Some file systems cannot sync a directory (EINVAL); there is nothing more to do there.
    if (errno == EINVAL) return;
    fail("sync", file);
  }
}

}  // namespace

void write_file_durably(const std::filesystem::path& file, std::string_view text) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("write", file);
  try {
    write_all(fd, text, file);
    sync_fd(fd, file);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail("write", file);
}

void sync_directory(const std::filesystem::path& dir) {
  const std::filesystem::path name = dir.empty() ? std::filesystem::path(".") : dir;
  const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("open directory", name);
  try {
    sync_fd(fd, name);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

AppendFile::AppendFile(const std::filesystem::path& file) : file_(file) {
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) fail("open", file);
}

AppendFile::~AppendFile() { close(); }

AppendFile::AppendFile(AppendFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)), file_(std::move(other.file_)) {}

AppendFile& AppendFile::operator=(AppendFile&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = std::exchange(other.fd_, -1);
    file_ = std::move(other.file_);
  }
  return *this;
}

void AppendFile::append(std::string_view text) {
  if (fd_ < 0) throw std::runtime_error("cannot write " + file_.string() + ": not open");
  write_all(fd_, text, file_);
}

void AppendFile::sync() {
  if (fd_ >= 0) sync_fd(fd_, file_);
}

void AppendFile::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace campsim::io
