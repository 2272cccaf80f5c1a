#pragma once
// The little CSV the batch files need (RFC 4180): quote a cell only when it must be quoted, and
// split a line back into cells. Batch rows never span lines: a newline inside a cell is written
// as a space, so "one row = one line" holds and a resume can drop a torn last line safely.
#include <string>
#include <string_view>
#include <vector>

namespace campsim::batch {

// The cell as written: as is, or in double quotes (inner quotes doubled) when it holds a comma,
// a quote or leading/trailing space. Newlines become spaces.
std::string csv_cell(std::string_view text);

// Cells of one line (without its '\n'), quotes removed. Tolerant: an unterminated quote runs to
// the end of the line.
std::vector<std::string> split_csv_line(std::string_view line);

// Joins cells with ',' (each through csv_cell) and ends the line with '\n'.
std::string csv_line(const std::vector<std::string>& cells);

}  // namespace campsim::batch
