#include "sim/engine/record_table.hpp"

namespace campsim::engine {

void write_csv_line(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    const std::string& cell = cells[i];
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out << cell;
      continue;
    }
    out << '"';
    for (char c : cell) {
      if (c == '"') out << '"';
      out << c;
    }
    out << '"';
  }
  out << '\n';
}

void write_csv(std::ostream& out, const RecordTable& table) {
  write_csv_line(out, table.columns);
  for (const auto& row : table.rows) write_csv_line(out, row);
}

}  // namespace campsim::engine
