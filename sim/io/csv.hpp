#pragma once
// CSV as every campsim file writes and reads it (RFC 4180): comma-separated fields; a field that
// holds a comma, a double quote, a line break, or space at either end is written in double quotes
// with inner quotes doubled. One writing rule and one reading rule for every table campsim
// writes (runs, batches, reports) and reads back (compare, calibrate, resume).
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace campsim::io {

// ---- writing ----

// The cell as written: as is, or quoted (inner quotes doubled) when it must be.
std::string csv_cell(std::string_view text);
// The cells joined by ',' (each through csv_cell), ending in '\n'.
std::string csv_line(const std::vector<std::string>& cells);

// ---- reading ----

// A malformed CSV file: what() reads "FILE:LINE: what was wrong".
struct CsvError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CsvTable {
  std::string source;                          // file name, for messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // rows[i].size() == header.size()
  std::vector<long> lines;                     // the line each row starts on (1-based; the header is line 1)

  // Index of a column, if the header has it.
  std::optional<std::size_t> find_column(const std::string& name) const;
  // Index of a column the reader needs: a CsvError "FILE:1: the header has no 'NAME' column"
  // when the header lacks it, so a hostile or truncated file never indexes past a row.
  std::size_t column(const std::string& name) const;
};

// The whole table: the first record is the header, every record must have as many fields as
// the header, LF or CRLF line ends, blank lines carry no record. `source` names the stream in
// error messages.
CsvTable parse_csv(std::istream& in, const std::string& source);
CsvTable read_csv(const std::filesystem::path& file);
// The same reading, a record at a time: on_header once, then on_row for every row with the line
// it starts on, the file read in pieces, so a table of any length is read in bounded memory.
// Throws CsvError as read_csv does (after the rows before the fault have been handed on), and
// lets the callbacks' exceptions through.
void stream_csv(const std::filesystem::path& file, const std::function<void(std::vector<std::string>&& header)>& on_header,
                const std::function<void(std::vector<std::string>&& row, long line)>& on_row);

// The fields of one record written on one line (without its line end), by the same rules; no
// value when the line is not one well-formed record (a stray or unclosed quote, a line break).
std::optional<std::vector<std::string>> split_csv_line(std::string_view line);

}  // namespace campsim::io
