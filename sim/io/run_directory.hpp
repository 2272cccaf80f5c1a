#pragma once
// A run directory appears complete or not at all: files are written into a temporary sibling
// directory that is renamed into place only once everything is written, so a crash, a full disk
// or a failed validation never leaves a half-written run behind.
#include <filesystem>
#include <functional>
#include <stdexcept>

namespace campsim::io {

// The output directory exists and overwriting it was not allowed.
struct OutputExists : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Calls `write(tmp_dir)` and then moves tmp_dir to `target`. If `target` exists it is replaced only
// when `overwrite` is true (otherwise OutputExists is thrown before anything is written). On any
// exception the temporary directory is removed and the exception propagates.
void write_run_directory(const std::filesystem::path& target, bool overwrite,
                         const std::function<void(const std::filesystem::path& tmp_dir)>& write);

// Writes `text` to `file`, throwing std::runtime_error naming the file if it cannot.
void write_text_file(const std::filesystem::path& file, const std::string& text);

}  // namespace campsim::io
