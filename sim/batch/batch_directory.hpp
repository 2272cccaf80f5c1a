#pragma once
// The life of a batch directory: what is there already, creating it (all at once: batch.json and
// the two headers appear together or not at all), and finishing it (sorted files, then
// summary.md last, so "summary.md exists" means "finished").
#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/batch/directory_lock.hpp"
#include "sim/batch/job_rows.hpp"
#include "sim/batch/results_file.hpp"

namespace campsim::batch {

enum class DirectoryState {
  Absent,
  Unfinished,  // batch.json but no summary.md: resumable
  Finished,    // summary.md written
  NotABatch,   // exists without batch.json: never replaced, even with --force
};

DirectoryState directory_state(const std::filesystem::path& dir);

// Reads DIR/batch.json; throws BatchInputError if it is missing or not JSON.
nlohmann::ordered_json read_batch_manifest(const std::filesystem::path& dir);

// Writes batch.json and the headers of results.csv and care.csv into a temporary sibling
// and renames it to `dir`, replacing an existing batch only when `replace` is set. The directory
// is locked (directory_lock.hpp) before it appears under its name; the lock is returned. If
// another campsim published `dir` first and still holds it, throws DirectoryBusy naming its pid.
// To replace a batch, the caller must already hold its lock (campsim batch takes it first of all).
DirectoryLock create_batch_directory(const std::filesystem::path& dir, const nlohmann::ordered_json& manifest,
                            const std::string& results_header, const std::string& casualties_header, bool replace);

// Sorts both files (checking every expected row is there once) and writes summary.md; returns
// the summary's text.
std::string finish_batch(const std::filesystem::path& dir, const nlohmann::ordered_json& manifest, ResultsFiles& files,
                         const std::set<JobKey>& expected);

}  // namespace campsim::batch
