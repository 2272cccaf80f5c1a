#pragma once
// What a resume may keep of an interrupted batch. Every kept row is checked completely, because
// a kept row is never computed again: a torn row glued to the next one, a garbage line, or a row
// of another batch must not pass into the finished files (and on into merge and compare).
//  - results.csv: as many cells as the header; a key of this batch; the cells before the
//    metrics exactly what this batch writes for that key (seed, design values); every metric
//    cell empty (a missing value) or a number.
//  - care.csv: as many cells as the header and a key of this batch.
// Runs are deterministic, so whatever is damaged is simply run again: its results row and all
// its casualty rows are dropped (a note names each damaged line). Only a well-formed row of
// another batch (a key this batch does not have) stops the resume, with its line number.
#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim/batch/batch_plan.hpp"
#include "sim/batch/row_checksums.hpp"
#include "sim/batch/table_lines.hpp"

namespace campsim::batch {

// The cells a results row holds between its key (3 cells) and its metrics, for a key: the seed,
// then the design values. Empty function: only the seed, as a whole number.
using FixedCells = std::function<std::vector<std::string>(const JobKey&)>;

struct ResumeRules {
  std::vector<std::string> policies;
  std::set<JobKey> expected;
  std::size_t results_fields = 0;    // cells in the results header
  std::size_t casualty_fields = 0;   // cells in the casualties header
  FixedCells fixed_cells;
  // What checksums.csv recorded as each run was committed (row_checksums.hpp); when given, a row
  // that differs from its sum, or has none, is damaged, and so are a run's casualty rows that
  // differ from theirs. Null: not checked (a caller without the file).
  const std::map<JobKey, RunSum>* sums = nullptr;
};

struct ResumeTidy {
  std::set<JobKey> done;                // keys whose rows are kept
  std::vector<std::string> results;     // kept lines, in file order, with '\n'
  std::vector<std::string> casualties;  // kept lines, in file order, with '\n'
  std::vector<std::string> notes;       // one per damaged line: "results.csv line 7: ...; run again"
};

// Decides what to keep. Line numbers in notes and errors are 1-based file lines (the header is
// line 1). Throws BatchInputError naming the file and line of a row that belongs to another batch.
ResumeTidy tidy_for_resume(const TableText& results, const TableText& casualties, const ResumeRules& rules);

}  // namespace campsim::batch
