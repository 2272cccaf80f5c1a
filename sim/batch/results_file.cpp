#include "sim/batch/results_file.hpp"

#include <stdexcept>
#include <utility>

#include "sim/batch/row_text.hpp"
#include "sim/batch/row_checksums.hpp"
#include "sim/batch/sorted_table.hpp"
#include "sim/batch/table_lines.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/io/regular_file.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;

ResultsFiles::ResultsFiles(fs::path dir, std::vector<std::string> policy_names)
    : dir_(std::move(dir)), policies_(std::move(policy_names)) {}

ResultsFiles::~ResultsFiles() {
  try {
    commit();
  } catch (const std::exception&) {  // the held runs are done again by a resume
  }
}

std::set<JobKey> ResultsFiles::resume(const std::string& results_header, const std::string& casualties_header,
                                      const std::set<JobKey>& expected, const FixedCells& fixed_cells) {
  for (const char* file : {kResultsFile, kCareFile}) {
    std::error_code ec;
    if (fs::status(dir_ / file, ec).type() != fs::file_type::regular) {
      const auto what = io::not_a_regular_file(dir_ / file);  // a FIFO, a device, a directory: say which
      throw BatchInputError((what ? *what : (dir_ / file).string() + " is missing") +
                            ": this batch directory is damaged; nothing was changed. Start again with --force");
    }
  }
  // Temporary copies of a rewrite cut short by a kill (results.csv.tmp-PID).
  io::clean_stale_siblings(dir_ / kResultsFile);
  io::clean_stale_siblings(dir_ / kCareFile);
  io::clean_stale_siblings(dir_ / kChecksumsFile);
  const TableText results = read_table(dir_ / kResultsFile);
  const TableText casualties = read_table(dir_ / kCareFile);
  const ChecksumTable sums = read_checksums(dir_, policies_);
  const auto mismatch = [&](const char* file) {
    return BatchInputError((dir_ / file).string() +
                           " has other columns than this batch writes (was it written by another campsim "
                           "version?); nothing was changed. Start again with --force.");
  };
  if (results.header != results_header) throw mismatch(kResultsFile);
  if (casualties.header != casualties_header) throw mismatch(kCareFile);

  ResumeRules rules;
  rules.policies = policies_;
  rules.expected = expected;
  rules.results_fields = row_cells(std::string_view(results_header).substr(0, results_header.size() - 1)).size();
  rules.casualty_fields = row_cells(std::string_view(casualties_header).substr(0, casualties_header.size() - 1)).size();
  rules.fixed_cells = fixed_cells;
  rules.sums = &sums.sums;
  ResumeTidy tidy = tidy_for_resume(results, casualties, rules);
  notes_.clear();
  if (!sums.present && !results.lines.empty())
    notes_.push_back(std::string(kChecksumsFile) + " is missing: no row can be verified, so every run is done again");
  for (const std::string& note : sums.notes) notes_.push_back(note + "; the runs it described are done again");
  for (std::string& note : tidy.notes) notes_.push_back(std::move(note));
  std::vector<std::string> kept_sums;
  for (const std::string& line : sums.lines)
    if (const auto key = key_of_line(line, policies_); key && tidy.done.count(*key)) kept_sums.push_back(line);
  // Casualties first, then the sums: if we die between the rewrites, the results still name what
  // is done and the next resume tidies again (a results row without its sum is run again).
  write_atomically(dir_ / kCareFile, casualties.header, tidy.casualties);
  write_atomically(dir_ / kChecksumsFile, kChecksumsHeader, kept_sums);
  write_atomically(dir_ / kResultsFile, results.header, tidy.results);
  open_for_append();
  return tidy.done;
}

void ResultsFiles::open_for_append() {
  casualties_ = io::AppendFile(dir_ / kCareFile);
  checksums_ = io::AppendFile(dir_ / kChecksumsFile);
  results_ = io::AppendFile(dir_ / kResultsFile);
}

void ResultsFiles::append(const JobRows& rows) {
  if (held_ == 0) first_held_ = std::chrono::steady_clock::now();
  for (const std::string& line : rows.casualty_lines) held_casualties_ += line;
  held_checksums_ += checksum_line(rows.key, policies_.at(static_cast<std::size_t>(rows.key.policy)),
                                   run_sum(rows.result_line, rows.casualty_lines));
  held_results_ += rows.result_line;
  ++held_;
  // The clock decides only when rows reach the disk, never what they say.
  if (held_ >= commit_rows_ || std::chrono::steady_clock::now() - first_held_ >= commit_after_) commit();
}

void ResultsFiles::commit() {
  if (held_ == 0) return;
  // Taken out first: after a failed write nothing is written twice (the runs are done again by a
  // resume, which drops casualty rows without their results row).
  const std::string casualties = std::exchange(held_casualties_, {});
  const std::string checksums = std::exchange(held_checksums_, {});
  const std::string results = std::exchange(held_results_, {});
  held_ = 0;
  // Each file is fsync'ed before the next step: the casualty rows are on disk before the sums,
  // and those before the results rows that say "these runs are done".
  if (!casualties.empty()) {
    casualties_.append(casualties);
    casualties_.sync();
  }
  checksums_.append(checksums);
  checksums_.sync();
  results_.append(results);
  results_.sync();
}

void ResultsFiles::finish_sorted(const std::set<JobKey>& expected) {
  commit();
  results_.close();
  casualties_.close();
  checksums_.close();
  // Sorted through an index of the lines, not their text: the memory is about 24 bytes a line.
  TableIndex results = index_table(dir_ / kResultsFile, policies_);
  const auto refuse = [&](const IndexedLine& line) {
    throw std::runtime_error("results.csv holds an unexpected or repeated row: " + results.text(line).substr(0, 60));
  };
  for (const IndexedLine& line : results.lines)
    if (!expected.count(line.key)) refuse(line);
  sort_index(results);
  for (std::size_t i = 1; i < results.lines.size(); ++i)
    if (results.lines[i].key == results.lines[i - 1].key) refuse(results.lines[i]);
  if (results.lines.size() != expected.size())
    throw std::runtime_error("results.csv lacks " + std::to_string(expected.size() - results.lines.size()) + " rows");
  TableIndex casualties = index_table(dir_ / kCareFile, policies_);
  TableIndex sums = index_table(dir_ / kChecksumsFile, policies_);
  sort_index(casualties);
  sort_index(sums);
  rewrite_in_index_order(casualties);
  rewrite_in_index_order(sums);
  rewrite_in_index_order(results);
}

}  // namespace campsim::batch
