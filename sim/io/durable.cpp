#include "sim/io/durable.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

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

// Starts writing a file's dirty pages to disk and returns at once. Only a head start for the
// fsync that follows (which alone guarantees anything), so a file system without it is no error.
void start_write_back(int fd) { ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE); }

// Writes `text` to a new or truncated `file`; then `finish(fd)` (sync it, or start its write-back).
template <typename Finish>
void write_file(const std::filesystem::path& file, std::string_view text, Finish finish) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("write", file);
  try {
    write_all(fd, text, file);
    finish(fd);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail("write", file);
}

// Open descriptors, closed however the scope ends.
struct OpenFiles {
  std::vector<int> fds;
  OpenFiles() = default;
  OpenFiles(const OpenFiles&) = delete;
  OpenFiles& operator=(const OpenFiles&) = delete;
  ~OpenFiles() {
    for (int fd : fds) ::close(fd);
  }
};

}  // namespace

void write_file_durably(const std::filesystem::path& file, std::string_view text) {
  write_file(file, text, [&](int fd) { sync_fd(fd, file); });
}

void write_file_unsynced(const std::filesystem::path& file, std::string_view text) { write_file(file, text, start_write_back); }

int sync_tree(const std::filesystem::path& root) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::vector<fs::path> dirs{root};
  for (fs::recursive_directory_iterator it(root), end; it != end; ++it) {  // symbolic links not followed
    const fs::file_type type = it->symlink_status().type();
    if (type == fs::file_type::regular) files.push_back(it->path());
    if (type == fs::file_type::directory) dirs.push_back(it->path());
  }
  // In groups, so a tree of many files never holds more descriptors open than this.
  constexpr std::size_t kGroup = 256;
  for (std::size_t first = 0; first < files.size(); first += kGroup) {
    const std::size_t last = std::min(files.size(), first + kGroup);
    OpenFiles open;
    for (std::size_t i = first; i < last; ++i) {
      const int fd = ::open(files[i].c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) fail("open", files[i]);
      open.fds.push_back(fd);
      start_write_back(fd);
    }
    for (std::size_t i = first; i < last; ++i) sync_fd(open.fds[i - first], files[i]);
  }
  // The directories after their files, deepest first: recursive_directory_iterator lists a
  // directory before what it holds, so the reverse order has every child before its parent.
  for (auto dir = dirs.rbegin(); dir != dirs.rend(); ++dir) sync_directory(*dir);
  return static_cast<int>(files.size() + dirs.size());
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
