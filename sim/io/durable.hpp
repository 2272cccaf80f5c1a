#pragma once
// Writes that survive a power cut at the points the output guarantees need them. A rename is
// atomic, but without fsync the renamed file's bytes (or the rename itself) may not be on disk
// yet: a crash could leave an empty results file, or lose a row already reported as written.
//  - a file's bytes are fsync'ed before the file is renamed into place;
//  - a directory is fsync'ed after an entry is created, renamed or removed in it;
//  - appended rows are fsync'ed before the next step counts them as done.
#include <filesystem>
#include <string>
#include <string_view>

namespace campsim::io {

// Writes `text` to `file` (created or truncated) and fsyncs it. Throws std::runtime_error naming
// the file on any error.
void write_file_durably(const std::filesystem::path& file, std::string_view text);

// fsyncs a directory, so the names created, renamed or removed in it are on disk. Throws
// std::runtime_error on error.
void sync_directory(const std::filesystem::path& dir);

// Writes `text` to `file` (created or truncated) and starts its write-back without waiting for
// it (sync_file_range): for a file inside a directory that sync_tree syncs before anything may
// count on it (write_run_directory does). The disk then writes all of a run's files together,
// and the syncs that follow find them written: one wait instead of one per file. Throws
// std::runtime_error naming the file on any error.
void write_file_unsynced(const std::filesystem::path& file, std::string_view text);

// fsyncs every regular file and directory under `root` and `root` itself (symbolic links are
// not followed): first starts the write-back of every file, then waits for each file, then
// syncs the directories, deepest first, `root` last. Returns how many it synced. Throws
// std::runtime_error naming the file on any error.
int sync_tree(const std::filesystem::path& root);

// A file opened for appending (created if absent), written with write(2) and fsync'ed on demand.
class AppendFile {
 public:
  AppendFile() = default;
  explicit AppendFile(const std::filesystem::path& file);
  ~AppendFile();
  AppendFile(AppendFile&& other) noexcept;
  AppendFile& operator=(AppendFile&& other) noexcept;
  AppendFile(const AppendFile&) = delete;
  AppendFile& operator=(const AppendFile&) = delete;

  void append(std::string_view text);  // all of it, or throws std::runtime_error
  void sync();                          // fsync; throws std::runtime_error
  void close();
  bool is_open() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
  std::filesystem::path file_;
};

}  // namespace campsim::io
