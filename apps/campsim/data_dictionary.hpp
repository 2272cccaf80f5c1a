#pragma once
// docs/data-dictionary.md, generated from the code's own column definitions so it cannot drift:
// the columns are those the code writes for a scenario (a one-hour probe run for the run files,
// the batch's own header probe for the batch files), and each gets a type, a unit and a meaning
// from the table in data_dictionary.cpp, or from rules on its name for the metric columns, so new
// metrics flow through without edits (they read "no description yet" until one is added).
#include <string>
#include <vector>

namespace campsim::cli {

struct FileColumns {
  std::string file;                  // "run/care.csv", "batch/results.csv", ...
  std::vector<std::string> columns;  // in file order
};

// The columns of every CSV file a run and a batch of `scenario_file` write. Metric columns
// carry the JSON type of the probe run's value ("integer", "number", "0/1").
struct DictionaryInput {
  std::string scenario_file;
  std::vector<FileColumns> files;
  std::vector<std::pair<std::string, std::string>> metric_types;  // results.csv metric column -> type
};

DictionaryInput collect_columns(const std::string& scenario_file);

std::string render_data_dictionary(const DictionaryInput& input);

// The unit a column name's suffix declares: "min", "h", "s", "m", "ha", "share 0-1" or "".
std::string unit_of_column(const std::string& name);

// True for names that spell a unit out as a word ("gap_mean_minutes") instead of a suffix.
bool spells_unit_out(const std::string& name);

}  // namespace campsim::cli
