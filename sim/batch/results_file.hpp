#pragma once
// The growing files of a batch, results.csv and care.csv (and checksums.csv, their sums:
// row_checksums.hpp), written so that a kill at any instant loses at most the rows being written:
//  - a job's casualty rows are appended (and flushed) BEFORE its sums, and those before its
//    results row, so a results row always means "this job's rows are all there, and their sums";
//  - both appends are fsync'ed (casualties first), so the order holds after a power cut too;
//  - on resume, every row is checked completely (resume_check.hpp): torn and damaged rows are
//    dropped and their runs done again, casualty rows of jobs without a results row are
//    dropped, and the finished keys are skipped;
//  - when the batch is complete both files are rewritten sorted by key, atomically.
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
  ResultsFiles(std::filesystem::path dir, std::vector<std::string> policy_names);

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

  // Appends one job's rows (casualties first, then its sums, then the results row), fsyncing each file.
  // Throws std::runtime_error on a write error. Not thread-safe: one writer.
  void append(const JobRows& rows);

  // Closes the append streams and rewrites both files sorted by key. Throws std::runtime_error
  // unless results.csv holds each of `expected` exactly once.
  void finish_sorted(const std::set<JobKey>& expected);

 private:
  void open_for_append();

  std::filesystem::path dir_;
  std::vector<std::string> policies_;
  io::AppendFile results_, casualties_, checksums_;
  std::vector<std::string> notes_;
};

}  // namespace campsim::batch
