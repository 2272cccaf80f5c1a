#include "sim/batch/resume_check.hpp"

#include <charconv>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "sim/batch/batch_files.hpp"
#include "sim/batch/row_text.hpp"

namespace campsim::batch {

namespace {

std::string_view without_newline(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  return line;
}

bool is_number(const std::string& cell) {
  double value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return !cell.empty() && ec == std::errc() && end == cell.data() + cell.size();
}

bool is_whole(const std::string& cell) {
  unsigned long long value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return !cell.empty() && ec == std::errc() && end == cell.data() + cell.size();
}

std::string describe(const JobKey& key, const std::vector<std::string>& policies) {
  return fmt::format("design point {}, policy {}, replication {}", key.design_point,
                     policies.at(static_cast<std::size_t>(key.policy)), key.replication);
}

std::string shown(std::string_view line) {
  line = without_newline(line);
  return line.size() > 60 ? std::string(line.substr(0, 60)) + "..." : std::string(line);
}

// What is wrong with a results row whose cell count and key are right, or nothing.
std::optional<std::string> results_row_problem(const std::vector<std::string>& cells, const JobKey& key,
                                               const ResumeRules& rules) {
  std::size_t metrics_from = 4;
  if (rules.fixed_cells) {
    const std::vector<std::string> fixed = rules.fixed_cells(key);
    metrics_from = 3 + fixed.size();
    for (std::size_t i = 0; i < fixed.size(); ++i)
      if (3 + i >= cells.size() || cells[3 + i] != fixed[i])
        return fmt::format("cell {} is '{}' where this batch writes '{}'", 4 + i, 3 + i < cells.size() ? cells[3 + i] : "",
                           fixed[i]);
  } else if (!is_whole(cells[3])) {
    return fmt::format("the seed cell is '{}', not a whole number", cells[3]);
  }
  for (std::size_t i = metrics_from; i < cells.size(); ++i)
    if (!cells[i].empty() && !is_number(cells[i]))
      return fmt::format("cell {} is '{}', neither empty nor a number", i + 1,
                         cells[i].size() > 30 ? cells[i].substr(0, 30) + "..." : cells[i]);
  return std::nullopt;
}

// What the checks of a resumed batch's files gather on the way: the runs kept and the runs to do again.
struct ResumeScan {
  ResumeTidy out;
  std::set<JobKey> damaged;
  std::map<JobKey, std::pair<std::string, long>> first_row;  // key -> (row, its line)
  std::vector<JobKey> order;                                 // results rows' keys, in file order
  std::vector<std::pair<JobKey, const std::string*>> casualty_rows;
};

BatchInputError foreign_row(const char* file, long line, const JobKey& key, const ResumeRules& rules) {
  return BatchInputError(fmt::format("{} line {} is a row of another batch ({}, which this batch does not have); "
                                     "nothing was changed. Resume with the command that started the batch, or start "
                                     "again with --force",
                                     file, line, describe(key, rules.policies)));
}

// What is wrong with a results row, or nothing (throws on a row of another batch).
std::optional<std::string> results_line_problem(const std::string& text, long line, const std::optional<JobKey>& key,
                                                const ResumeRules& rules) {
  const std::vector<std::string> cells = row_cells(without_newline(text));
  std::optional<std::string> problem;
  if (cells.size() != rules.results_fields) {
    problem = fmt::format("{} cells where the header has {}", cells.size(), rules.results_fields);
  } else if (!key) {
    problem = "no key of this batch (design point, policy, replication) in '" + shown(text) + "'";
  } else if (!rules.expected.count(*key)) {
    throw foreign_row(kResultsFile, line, *key, rules);
  } else {
    problem = results_row_problem(cells, *key, rules);
  }
  if (!problem && rules.sums) {
    const auto sum = rules.sums->find(*key);
    if (sum == rules.sums->end())
      problem = fmt::format("no checksum was recorded for it in {} (cut short as it was committed, or not written "
                            "by campsim)", kChecksumsFile);
    else if (sum->second.results_crc != crc32_of(text))
      problem = fmt::format("it is not the row that was written (its CRC-32 differs from the one in {})", kChecksumsFile);
  }
  return problem;
}

void scan_results(const TableText& results, const ResumeRules& rules, ResumeScan& scan) {
  for (std::size_t i = 0; i < results.lines.size(); ++i) {
    const long line = static_cast<long>(i) + 2;
    const std::string& text = results.lines[i];
    const auto key = key_of_line(text, rules.policies);
    if (const auto problem = results_line_problem(text, line, key, rules)) {
      if (key) scan.damaged.insert(*key);
      scan.out.notes.push_back(fmt::format("{} line {}: {}; dropped{}", kResultsFile, line, *problem,
                                           key ? ", that run will be done again" : ""));
      continue;
    }
    const auto [at, inserted] = scan.first_row.emplace(*key, std::make_pair(text, line));
    if (inserted) {
      scan.order.push_back(*key);
    } else if (at->second.first != text) {
      scan.damaged.insert(*key);
      scan.out.notes.push_back(fmt::format("{} line {} repeats the run of line {} with other values; both dropped, that "
                                           "run will be done again",
                                           kResultsFile, line, at->second.second));
    }
  }
  if (results.dropped_partial)
    scan.out.notes.push_back(
        fmt::format("{} line {} is a torn row (no line end); dropped", kResultsFile, results.lines.size() + 2));
}

void scan_casualties(const TableText& casualties, const ResumeRules& rules, ResumeScan& scan) {
  std::optional<JobKey> previous;
  bool unattributed = false;  // a damaged line with no key: it belongs to a neighbour
  for (std::size_t i = 0; i < casualties.lines.size(); ++i) {
    const long line = static_cast<long>(i) + 2;
    const std::string& text = casualties.lines[i];
    const std::vector<std::string> cells = row_cells(without_newline(text));
    const auto key = key_of_line(text, rules.policies);
    const bool right_size = cells.size() == rules.casualty_fields;
    if (right_size && key && !rules.expected.count(*key)) throw foreign_row(kCareFile, line, *key, rules);
    if (!right_size || !key) {
      // A torn row glued to the next still starts with its own key; garbage has none, and then
      // the runs on either side of it are the ones that may have lost rows.
      if (key) {
        scan.damaged.insert(*key);
      } else {
        if (previous) scan.damaged.insert(*previous);
        unattributed = true;
      }
      scan.out.notes.push_back(fmt::format("{} line {}: {}; the rows of its run are dropped and the run done again",
                                           kCareFile, line,
                                           right_size ? "no key of this batch"
                                                      : fmt::format("{} cells where the header has {}", cells.size(),
                                                                    rules.casualty_fields)));
      continue;
    }
    if (unattributed) scan.damaged.insert(*key);
    unattributed = false;
    previous = key;
    scan.casualty_rows.emplace_back(*key, &text);
  }
  if (unattributed && previous) scan.damaged.insert(*previous);
  if (casualties.dropped_partial) {
    // A run's casualty rows are on disk before its results row, so a torn casualty row of a run
    // that has a results row means rows were lost: that run is done again.
    const auto key = key_of_line(casualties.partial, rules.policies);
    if (key && scan.first_row.count(*key)) {
      scan.damaged.insert(*key);
      scan.out.notes.push_back(fmt::format("{} line {} is a torn row of a finished run ({}); that run will be done again",
                                           kCareFile, casualties.lines.size() + 2, describe(*key, rules.policies)));
    }
  }
}

// A kept run's casualty rows must be the ones written: as many, and the same text.
void check_casualty_sums(const TableText& casualties, const ResumeRules& rules, ResumeScan& scan) {
  std::map<JobKey, std::pair<std::vector<std::string>, long>> groups;  // key -> (rows, first line)
  for (const auto& [key, text] : scan.casualty_rows) groups.try_emplace(key).first->second.first.push_back(*text);
  for (std::size_t i = 0; i < casualties.lines.size(); ++i)
    if (const auto key = key_of_line(casualties.lines[i], rules.policies); key && groups.count(*key) && groups[*key].second == 0)
      groups[*key].second = static_cast<long>(i) + 2;
  for (const JobKey& key : scan.order) {
    const auto sum = rules.sums->find(key);
    if (scan.damaged.count(key) || sum == rules.sums->end()) continue;
    const auto group = groups.find(key);
    const RunSum got = run_sum({}, group == groups.end() ? std::vector<std::string>{} : group->second.first);
    if (got.care_rows == sum->second.care_rows && got.care_crc == sum->second.care_crc) continue;
    scan.damaged.insert(key);
    scan.out.notes.push_back(fmt::format(
        "{}{}: the casualty rows of {} are not the ones written ({} rows, {} records {}{}); dropped, that run will be "
        "done again",
        kCareFile, group == groups.end() ? std::string() : fmt::format(" line {}", group->second.second),
        describe(key, rules.policies), got.care_rows, kChecksumsFile, sum->second.care_rows,
        got.care_rows == sum->second.care_rows ? ", other text" : ""));
  }
}

}  // namespace

ResumeTidy tidy_for_resume(const TableText& results, const TableText& casualties, const ResumeRules& rules) {
  ResumeScan scan;
  scan_results(results, rules, scan);
  scan_casualties(casualties, rules, scan);
  if (rules.sums) check_casualty_sums(casualties, rules, scan);
  for (const JobKey& key : scan.order)
    if (!scan.damaged.count(key)) {
      scan.out.done.insert(key);
      scan.out.results.push_back(scan.first_row.at(key).first);
    }
  for (const auto& [key, text] : scan.casualty_rows)
    if (scan.out.done.count(key)) scan.out.casualties.push_back(*text);
  return scan.out;
}

}  // namespace campsim::batch
