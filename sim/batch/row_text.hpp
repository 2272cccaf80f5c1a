#pragma once
// Batch tables hold one row per line, so that a resume can drop a torn last line safely and a
// checksum covers whole rows: a line break inside a cell is written as a space. Everything else
// is campsim's one CSV rule (sim/io/csv.hpp).
#include <string>
#include <string_view>
#include <vector>

namespace campsim::batch {

// The cells as one CSV line ending in '\n' (line breaks in a cell become spaces).
std::string row_line(const std::vector<std::string>& cells);

// The cells of one line (without its '\n'); empty when the line is not one well-formed CSV
// record, so a damaged line never has the width of a good one.
std::vector<std::string> row_cells(std::string_view line);

}  // namespace campsim::batch
