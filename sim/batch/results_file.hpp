#pragma once
// The two growing files of a batch, results.csv and casualties.csv, written so that a kill at any
// instant loses at most the rows being written:
//  - a job's casualty rows are appended (and flushed) BEFORE its results row, so a results row
//    always means "this job's rows are all there";
//  - on resume, a torn last line is dropped, casualty rows of jobs without a results row are
//    dropped, and the finished keys are skipped;
//  - when the batch is complete both files are rewritten sorted by key, atomically.
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "sim/batch/job_rows.hpp"

namespace campsim::batch {

inline constexpr const char* kResultsFile = "results.csv";
inline constexpr const char* kCareFile = "care.csv";

class ResultsFiles {
 public:
  ResultsFiles(std::filesystem::path dir, std::vector<std::string> policy_names);

  // A batch directory made by create_batch_directory (headers only) or an interrupted batch: checks the headers, tidies both files (torn lines, orphan casualty rows,
  // repeated rows) and returns the keys already done. Throws BatchInputError, before changing
  // anything, if a header differs or a row is not one of `expected`.
  std::set<JobKey> resume(const std::string& results_header, const std::string& casualties_header,
                          const std::set<JobKey>& expected);

  // Appends one job's rows (casualties first, then the results row), flushing each file.
  // Throws std::runtime_error on a write error. Not thread-safe: one writer.
  void append(const JobRows& rows);

  // Closes the append streams and rewrites both files sorted by key. Throws std::runtime_error
  // unless results.csv holds each of `expected` exactly once.
  void finish_sorted(const std::set<JobKey>& expected);

 private:
  void open_for_append();

  std::filesystem::path dir_;
  std::vector<std::string> policies_;
  std::ofstream results_, casualties_;
};

}  // namespace campsim::batch
