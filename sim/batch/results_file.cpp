#include "sim/batch/results_file.hpp"

#include <stdexcept>

#include "sim/batch/table_lines.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;

ResultsFiles::ResultsFiles(fs::path dir, std::vector<std::string> policy_names)
    : dir_(std::move(dir)), policies_(std::move(policy_names)) {}

std::set<JobKey> ResultsFiles::resume(const std::string& results_header, const std::string& casualties_header,
                                      const std::set<JobKey>& expected) {
  const TableText results = read_table(dir_ / kResultsFile);
  const TableText casualties = read_table(dir_ / kCareFile);
  const auto mismatch = [&](const char* file) {
    return BatchInputError((dir_ / file).string() +
                           " has other columns than this batch writes (was it written by another campsim "
                           "version?); nothing was changed. Start again with --force.");
  };
  if (results.header != results_header) throw mismatch(kResultsFile);
  if (casualties.header != casualties_header) throw mismatch(kCareFile);

  std::set<JobKey> done;
  std::vector<std::string> kept_results;
  for (const std::string& line : results.lines) {
    const auto key = key_of_line(line, policies_);
    if (!key || !expected.count(*key))
      throw BatchInputError((dir_ / kResultsFile).string() + " holds a row that is not part of this batch: " +
                            line.substr(0, 60) + "; nothing was changed");
    if (done.insert(*key).second) kept_results.push_back(line);
  }
  std::vector<std::string> kept_casualties;
  for (const std::string& line : casualties.lines) {
    const auto key = key_of_line(line, policies_);
    if (key && done.count(*key)) kept_casualties.push_back(line);
  }
  // Casualties first: if we die between the two rewrites, the results still name what is done
  // and the next resume tidies again.
  write_atomically(dir_ / kCareFile, casualties.header, kept_casualties);
  write_atomically(dir_ / kResultsFile, results.header, kept_results);
  open_for_append();
  return done;
}

void ResultsFiles::open_for_append() {
  results_.open(dir_ / kResultsFile, std::ios::binary | std::ios::app);
  casualties_.open(dir_ / kCareFile, std::ios::binary | std::ios::app);
  if (!results_ || !casualties_) throw std::runtime_error("cannot open the results files in " + dir_.string());
}

void ResultsFiles::append(const JobRows& rows) {
  for (const std::string& line : rows.casualty_lines) casualties_ << line;
  casualties_.flush();
  results_ << rows.result_line;
  results_.flush();
  if (!results_ || !casualties_) throw std::runtime_error("cannot write the results files in " + dir_.string());
}

void ResultsFiles::finish_sorted(const std::set<JobKey>& expected) {
  results_.close();
  casualties_.close();
  TableText results = read_table(dir_ / kResultsFile);
  TableText casualties = read_table(dir_ / kCareFile);
  std::set<JobKey> seen;
  for (const std::string& line : results.lines) {
    const auto key = key_of_line(line, policies_);
    if (!key || !expected.count(*key) || !seen.insert(*key).second)
      throw std::runtime_error("results.csv holds an unexpected or repeated row: " + line.substr(0, 60));
  }
  if (seen.size() != expected.size())
    throw std::runtime_error("results.csv lacks " + std::to_string(expected.size() - seen.size()) + " rows");
  sort_by_key(results.lines, policies_);
  sort_by_key(casualties.lines, policies_);
  write_atomically(dir_ / kCareFile, casualties.header, casualties.lines);
  write_atomically(dir_ / kResultsFile, results.header, results.lines);
}

}  // namespace campsim::batch
