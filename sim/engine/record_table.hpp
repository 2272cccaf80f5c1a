#pragma once
// A table of records whose cells are already formatted text (numbers via format_number, names,
// empty for "not applicable"): one row per casualty, say. Written as tidy CSV by whoever owns the
// output file, so a batch can prefix its key columns.
#include <ostream>
#include <string>
#include <vector>

namespace campsim::engine {

struct RecordTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each rows[i].size() == columns.size()
};

// The header then every row, by campsim's one CSV rule (sim/io/csv.hpp).
void write_csv(std::ostream& out, const RecordTable& table);

}  // namespace campsim::engine
