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

// One CSV line (RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled),
// ending in a newline.
void write_csv_line(std::ostream& out, const std::vector<std::string>& cells);
// The header then every row.
void write_csv(std::ostream& out, const RecordTable& table);

}  // namespace campsim::engine
