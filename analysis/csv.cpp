#include "analysis/csv.hpp"
#include "sim/io/regular_file.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace campsim::analysis {

namespace {

[[noreturn]] void fail(const std::string& source, long line, const std::string& what) {
  throw CsvError(source + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

long CsvTable::column(const std::string& name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<long>(it - header.begin());
}

CsvTable parse_csv(std::istream& in, const std::string& source) {
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  CsvTable table;
  table.source = source;
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
    if (table.header.empty()) {
      table.header = std::move(record);
    } else if (record.size() != table.header.size()) {
      fail(source, record_line, "expected " + std::to_string(table.header.size()) + " fields (as in the header), found " +
                                    std::to_string(record.size()));
    } else {
      table.rows.push_back(std::move(record));
      table.lines.push_back(record_line);
    }
    record.clear();
    record_open = false;
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
          fail(source, line, "a quote inside an unquoted field (quote the whole field and double the quote: \"\")");
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
        fail(source, line, "a carriage return not followed by a line feed");
      case '\n':
        // A blank line carries no record (a file may end with one); inside a record it ends it.
        if (record_open || !field.empty()) end_record();
        ++line;
        break;
      default:
        if (was_quoted) fail(source, line, std::string("unexpected '") + c + "' after a closing quote (expected ',' or a line end)");
        field += c;
        record_open = true;
    }
  }
  if (quoted) fail(source, record_line, "a quoted field is not closed before the end of the file");
  if (record_open || !field.empty()) end_record();
  if (table.header.empty()) fail(source, 1, "empty file: expected a header line");
  return table;
}

CsvTable read_csv(const std::filesystem::path& file) {
  if (const auto why = io::not_a_regular_file(file)) throw CsvError(*why);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CsvError(file.string() + ": cannot open");
  return parse_csv(in, file.string());
}

}  // namespace campsim::analysis
