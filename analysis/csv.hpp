#pragma once
// An RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold commas,
// newlines and doubled quotes (""), LF or CRLF line ends. The first record is the header and
// every record must have as many fields as the header. Errors name the file and the line.
#include <filesystem>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

namespace campsim::analysis {

// A malformed CSV file: what() reads "FILE:LINE: what was wrong".
struct CsvError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct CsvTable {
  std::string source;                          // file name, for messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // rows[i].size() == header.size()
  std::vector<long> lines;                     // the line each row starts on (1-based; the header is line 1)

  // Index of a column, or -1 if the header has no such column.
  long column(const std::string& name) const;
};

// `source` names the stream in error messages.
CsvTable parse_csv(std::istream& in, const std::string& source);
CsvTable read_csv(const std::filesystem::path& file);

}  // namespace campsim::analysis
