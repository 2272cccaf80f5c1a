#pragma once
// A run directory appears complete or not at all: files are written into a temporary sibling
// directory that is renamed into place only once everything is written, so a crash, a full disk
// or a failed validation never leaves a half-written run behind. Every file and directory in the
// temporary directory is fsync'ed before the rename (all of them after all are written: one wait
// for the disk rather than one per file), and the rename after it, so "complete" survives a power
// cut too.
//
// Only what campsim wrote is ever replaced: a directory (not a symbolic link) holding one of
// campsim's marker files (a run's manifest.json, a batch's batch.json, a report's report.md).
// A user's folder, a regular file or a device given as the output is refused, even with --force.
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace campsim::io {

// The output directory exists and overwriting it was not allowed, or it is not campsim's.
struct OutputExists : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Calls `write(tmp_dir)` and then moves tmp_dir to `target`. If `target` exists it is replaced only
// when `overwrite` is true and it is campsim's (otherwise OutputExists is thrown before anything
// is written). Temporary siblings left by dead processes (kill -9 during a write) are cleaned
// first. On any exception the temporary directory is removed and the exception propagates.
void write_run_directory(const std::filesystem::path& target, bool overwrite,
                         const std::function<void(const std::filesystem::path& tmp_dir)>& write);

// Writes `text` to `file` durably (fsync'ed), throwing std::runtime_error naming the file if it cannot.
void write_text_file(const std::filesystem::path& file, const std::string& text);

// Writes `text` to `file` inside the temporary directory a write_run_directory callback is given,
// without waiting for the disk: write_run_directory syncs every file there before it publishes
// the directory. Anywhere else, write_text_file. Throws std::runtime_error naming the file.
void write_run_file(const std::filesystem::path& file, const std::string& text);

// Why a command cannot make `path` as an output (a directory or a file it creates), checked
// before any work: nothing if it can, else "PATH: REASON" (issue 24, item 7): a name ending in
// '/', "." or "..", a name longer than the file system allows, a parent that is a file, a parent
// this user cannot write (a read-only directory or mount), a place inside /proc or /sys. An
// existing `path` is the caller's to judge (--force). Exit 2, not a bare system message.
std::optional<std::string> output_path_problem(const std::filesystem::path& path);

// Why `path` may not be replaced by --force: nothing if it is a directory campsim wrote (see
// above), else "PATH is a regular file", "... is a symbolic link", "... has no manifest.json,
// batch.json or report.md: it was not written by campsim", ...
std::optional<std::string> not_replaceable(const std::filesystem::path& path);

// `name` as one safe path component: every character but letters, digits, '-', '_' and '.'
// becomes '_', a leading '.' becomes '_' (no "..", no hidden files), and an empty name "_".
// A scenario's name is text the user wrote; it must not choose a folder ("../../x", "/tmp/x").
std::string path_component(const std::string& name);

// Removes the temporary siblings of `target` (NAME.tmp-PID, and NAME.old-PID, which is put back
// when NAME itself is missing) whose process PID no longer exists: what a kill -9 during a write
// leaves behind, and `.recording-NAME-PID.bin`, the recording `run --record` writes beside NAME
// while the run goes (a run ended by a signal leaves it). Siblings of live processes are left
// alone. Returns how many were cleaned.
int clean_stale_siblings(const std::filesystem::path& target);

}  // namespace campsim::io
