#pragma once
// The growing files of a batch, results.csv and care.csv (and checksums.csv, their sums:
// row_checksums.hpp), written so that a kill at any instant loses at most the rows not yet
// committed, which a resume runs again:
//  - finished jobs' rows are held in memory and committed in groups (at most kCommitAfter of
//    wall time since the first held row, or kCommitRows rows): three fsyncs a group instead of
//    three a row, which at 30 simulated days (about 10 ms of CPU a run) were most of the wall time;
//  - a group's casualty rows are appended and fsync'ed BEFORE their sums, and those before the
//    results rows, so a results row on disk always means "this job's rows are all there, and
//    their sums", after a power cut too;
//  - on resume, every row is checked completely (resume_check.hpp): torn and damaged rows are
//    dropped and their runs done again, casualty rows of jobs without a results row are
//    dropped, and the finished keys are skipped;
//  - when the batch is complete both files are rewritten sorted by key, atomically.
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "sim/batch/batch_files.hpp"
#include "sim/batch/job_rows.hpp"
#include "sim/batch/resume_check.hpp"
#include "sim/io/durable.hpp"

namespace campsim::batch {

class ResultsFiles {
 public:
  // A group is committed once its first row has waited this long, or when it has this many rows
  // (a kill loses at most that much work; a year-long run commits every row).
  static constexpr std::chrono::milliseconds kCommitAfter{250};
  static constexpr std::size_t kCommitRows = 256;

  ResultsFiles(std::filesystem::path dir, std::vector<std::string> policy_names);
  // Commits the rows still held (errors are not reported from here: call commit() to see them;
  // rows lost are run again by a resume).
  ~ResultsFiles();
  ResultsFiles(const ResultsFiles&) = delete;
  ResultsFiles& operator=(const ResultsFiles&) = delete;

  // A batch directory made by create_batch_directory (headers only) or an interrupted batch:
  // checks the headers, checks every row and tidies both files (resume_check.hpp: torn and
  // damaged rows, orphan casualty rows, repeated rows) and returns the keys already done.
  // `fixed_cells` gives the seed and design cells of a key (see FixedCells). Throws
  // BatchInputError, before changing anything, if a file is missing, a header differs or a
  // well-formed row is not one of `expected` (naming its line).
  std::set<JobKey> resume(const std::string& results_header, const std::string& casualties_header,
                          const std::set<JobKey>& expected, const FixedCells& fixed_cells = {});

  // What the last resume dropped and why, one line each (for the user).
  const std::vector<std::string>& resume_notes() const { return notes_; }

  // Takes one job's rows, committed with its group (see kCommitAfter). Throws
  // std::runtime_error on a write error. Not thread-safe: one writer.
  void append(const JobRows& rows);
  // Writes the rows held: all casualty rows, fsync; their sums, fsync; the results rows, fsync.
  // Call before counting the held jobs as done on disk (a stop, the end). Throws
  // std::runtime_error on a write error.
  void commit();
  std::size_t held_rows() const { return held_; }
  // Other bounds for a group (tests: a wait no test can reach, so only the count decides).
  void set_commit_bounds(std::chrono::milliseconds after, std::size_t rows) {
    commit_after_ = after;
    commit_rows_ = rows;
  }

  // Closes the append streams and rewrites both files sorted by key. Throws std::runtime_error
  // unless results.csv holds each of `expected` exactly once.
  void finish_sorted(const std::set<JobKey>& expected);

 private:
  void open_for_append();

  std::filesystem::path dir_;
  std::vector<std::string> policies_;
  io::AppendFile results_, casualties_, checksums_;
  std::vector<std::string> notes_;
  // The held group, as the text each file gets.
  std::string held_results_, held_casualties_, held_checksums_;
  std::size_t held_ = 0;
  std::chrono::steady_clock::time_point first_held_;
  std::chrono::milliseconds commit_after_ = kCommitAfter;
  std::size_t commit_rows_ = kCommitRows;
};

}  // namespace campsim::batch
