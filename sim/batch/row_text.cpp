#include "sim/batch/row_text.hpp"

#include "sim/io/csv.hpp"

namespace campsim::batch {

std::string row_line(const std::vector<std::string>& cells) {
  std::vector<std::string> one_line = cells;
  for (std::string& cell : one_line)
    for (char& c : cell)
      if (c == '\n' || c == '\r') c = ' ';
  return io::csv_line(one_line);
}

std::vector<std::string> row_cells(std::string_view line) {
  auto cells = io::split_csv_line(line);
  return cells ? std::move(*cells) : std::vector<std::string>{};
}

}  // namespace campsim::batch
