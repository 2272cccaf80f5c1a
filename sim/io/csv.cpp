#include "sim/io/csv.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>

#include "sim/io/regular_file.hpp"

namespace campsim::io {

std::string csv_cell(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ',';
    line += csv_cell(cells[i]);
  }
  line += '\n';
  return line;
}

namespace {

// Where a malformed text went wrong: the line and what was expected.
struct ScanError {
  long line;
  std::string what;
};

// Reads a record: returns an error to stop the scan there, or nothing to go on.
using RecordSink = std::function<std::optional<ScanError>(std::vector<std::string>&&, long first_line)>;

// The one CSV reading rule. Hands every record of `text` to on_record; returns the first error,
// the sink's or the text's (nothing after it is read).
std::optional<ScanError> scan_records(std::string_view text, const RecordSink& on_record) {
  std::vector<std::string> record;
  std::string field;
  long line = 1, record_line = 1;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field was quoted (only a separator may follow the closing quote)
  bool record_open = false;  // something of the current record has been read

  const auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    was_quoted = false;
    auto refused = on_record(std::move(record), record_line);
    record.clear();
    record_open = false;
    return refused;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (!record_open) record_line = line;
    switch (c) {
      case '"':
        if (!field.empty() || was_quoted)
          return ScanError{line, "a quote inside an unquoted field (quote the whole field and double the quote: \"\")"};
        quoted = was_quoted = record_open = true;
        break;
      case ',':
        record.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        record_open = true;
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: the LF ends the record
        return ScanError{line, "a carriage return not followed by a line feed"};
      case '\n':
        // A blank line carries no record (a file may end with one); inside a record it ends it.
        if (record_open || !field.empty())
          if (auto refused = end_record()) return refused;
        ++line;
        break;
      default:
        if (was_quoted) return ScanError{line, std::string("unexpected '") + c + "' after a closing quote (expected ',' or a line end)"};
        field += c;
        record_open = true;
    }
  }
  if (quoted) return ScanError{record_line, "a quoted field is not closed before the end of the file"};
  if (record_open || !field.empty()) return end_record();
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> CsvTable::find_column(const std::string& name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

std::size_t CsvTable::column(const std::string& name) const {
  if (const std::optional<std::size_t> c = find_column(name)) return *c;
  throw CsvError(source + ":1: the header has no '" + name + "' column");
}

CsvTable parse_csv(std::istream& in, const std::string& source) {
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  CsvTable table;
  table.source = source;
  const auto error = scan_records(text, [&](std::vector<std::string>&& record, long line) -> std::optional<ScanError> {
    if (table.header.empty()) {
      table.header = std::move(record);
    } else if (record.size() != table.header.size()) {
      return ScanError{line, "expected " + std::to_string(table.header.size()) + " fields (as in the header), found " +
                                 std::to_string(record.size())};
    } else {
      table.rows.push_back(std::move(record));
      table.lines.push_back(line);
    }
    return std::nullopt;
  });
  if (error) throw CsvError(source + ":" + std::to_string(error->line) + ": " + error->what);
  if (table.header.empty()) throw CsvError(source + ":1: empty file: expected a header line");
  return table;
}

CsvTable read_csv(const std::filesystem::path& file) {
  if (const auto why = not_a_regular_file(file)) throw CsvError(*why);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CsvError(file.string() + ": cannot open");
  return parse_csv(in, file.string());
}

std::optional<std::vector<std::string>> split_csv_line(std::string_view line) {
  std::vector<std::vector<std::string>> records;
  if (line.find('\n') != std::string_view::npos) return std::nullopt;
  const auto error = scan_records(line, [&](std::vector<std::string>&& r, long) -> std::optional<ScanError> {
    records.push_back(std::move(r));
    return std::nullopt;
  });
  if (error) return std::nullopt;
  if (records.empty()) return std::vector<std::string>{std::string()};  // an empty line is one empty field
  return std::move(records.front());
}

}  // namespace campsim::io
