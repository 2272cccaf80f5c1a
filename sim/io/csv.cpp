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

// The one CSV reading rule, fed a text in pieces of any size (a file read in chunks, or the
// whole text at once: the same records and the same errors). The two characters that need the
// next one to be understood (a quote inside a quoted field, a carriage return) wait in `pending_`
// for the next piece.
class RecordScanner {
 public:
  explicit RecordScanner(const RecordSink& on_record) : on_record_(on_record) {}

  // Scans one more piece; returns the first error, the sink's or the text's (stop there).
  std::optional<ScanError> feed(std::string_view text) {
    for (const char c : text)
      if (auto error = take(c)) return error;
    return std::nullopt;
  }

  // The end of the text: an open quote is an error, an unfinished record is handed on.
  std::optional<ScanError> finish() {
    if (pending_ == Pending::quote) quoted_ = false;  // the closing quote of the text's last field
    if (pending_ == Pending::carriage_return) return ScanError{line_, "a carriage return not followed by a line feed"};
    pending_ = Pending::none;
    if (quoted_) return ScanError{record_line_, "a quoted field is not closed before the end of the file"};
    if (record_open_ || !field_.empty()) return end_record();
    return std::nullopt;
  }

 private:
  enum class Pending { none, quote, carriage_return };

  std::optional<ScanError> end_record() {
    record_.push_back(std::move(field_));
    field_.clear();
    was_quoted_ = false;
    auto refused = on_record_(std::move(record_), record_line_);
    record_.clear();
    record_open_ = false;
    return refused;
  }

  std::optional<ScanError> take(char c) {
    if (pending_ == Pending::quote) {
      pending_ = Pending::none;
      if (c == '"') {  // a doubled quote inside a quoted field
        field_ += '"';
        return std::nullopt;
      }
      quoted_ = false;  // the quote closed the field: c is read outside it
    } else if (pending_ == Pending::carriage_return) {
      pending_ = Pending::none;
      if (c != '\n') return ScanError{line_, "a carriage return not followed by a line feed"};
    }
    if (quoted_) {
      if (c == '"') {
        pending_ = Pending::quote;
      } else {
        if (c == '\n') ++line_;
        field_ += c;
      }
      return std::nullopt;
    }
    if (!record_open_) record_line_ = line_;
    switch (c) {
      case '"':
        if (!field_.empty() || was_quoted_)
          return ScanError{line_, "a quote inside an unquoted field (quote the whole field and double the quote: \"\")"};
        quoted_ = was_quoted_ = record_open_ = true;
        break;
      case ',':
        record_.push_back(std::move(field_));
        field_.clear();
        was_quoted_ = false;
        record_open_ = true;
        break;
      case '\r':
        pending_ = Pending::carriage_return;  // CRLF: the LF ends the record
        break;
      case '\n':
        // A blank line carries no record (a file may end with one); inside a record it ends it.
        if (record_open_ || !field_.empty())
          if (auto refused = end_record()) return refused;
        ++line_;
        break;
      default:
        if (was_quoted_) return ScanError{line_, std::string("unexpected '") + c + "' after a closing quote (expected ',' or a line end)"};
        field_ += c;
        record_open_ = true;
    }
    return std::nullopt;
  }

  const RecordSink& on_record_;
  std::vector<std::string> record_;
  std::string field_;
  long line_ = 1, record_line_ = 1;
  bool quoted_ = false;       // inside a quoted field
  bool was_quoted_ = false;   // the current field was quoted (only a separator may follow the closing quote)
  bool record_open_ = false;  // something of the current record has been read
  Pending pending_ = Pending::none;
};

std::optional<ScanError> scan_records(std::string_view text, const RecordSink& on_record) {
  RecordScanner scanner(on_record);
  if (auto error = scanner.feed(text)) return error;
  return scanner.finish();
}

// The header and each row of a stream, rows checked against the header's field count.
std::optional<ScanError> scan_table(std::istream& in, bool& have_header, const RecordSink& on_header,
                                    const RecordSink& on_row) {
  std::size_t fields = 0;
  const RecordSink sink = [&](std::vector<std::string>&& record, long line) -> std::optional<ScanError> {
    if (!have_header) {
      have_header = true;
      fields = record.size();
      return on_header(std::move(record), line);
    }
    if (record.size() != fields)
      return ScanError{line, "expected " + std::to_string(fields) + " fields (as in the header), found " +
                                 std::to_string(record.size())};
    return on_row(std::move(record), line);
  };
  RecordScanner scanner(sink);
  std::string chunk(1 << 16, '\0');  // read in pieces: a table of any length in bounded memory
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    if (auto error = scanner.feed(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())))) return error;
  }
  return scanner.finish();
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
  CsvTable table;
  table.source = source;
  bool have_header = false;
  const auto error = scan_table(
      in, have_header,
      [&](std::vector<std::string>&& header, long) -> std::optional<ScanError> {
        table.header = std::move(header);
        return std::nullopt;
      },
      [&](std::vector<std::string>&& row, long line) -> std::optional<ScanError> {
        table.rows.push_back(std::move(row));
        table.lines.push_back(line);
        return std::nullopt;
      });
  if (error) throw CsvError(source + ":" + std::to_string(error->line) + ": " + error->what);
  if (!have_header) throw CsvError(source + ":1: empty file: expected a header line");
  return table;
}

void stream_csv(const std::filesystem::path& file, const std::function<void(std::vector<std::string>&& header)>& on_header,
                const std::function<void(std::vector<std::string>&& row, long line)>& on_row) {
  if (const auto why = not_a_regular_file(file)) throw CsvError(*why);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw CsvError(file.string() + ": cannot open");
  bool have_header = false;
  const auto error = scan_table(
      in, have_header,
      [&](std::vector<std::string>&& header, long) -> std::optional<ScanError> {
        on_header(std::move(header));
        return std::nullopt;
      },
      [&](std::vector<std::string>&& row, long line) -> std::optional<ScanError> {
        on_row(std::move(row), line);
        return std::nullopt;
      });
  if (error) throw CsvError(file.string() + ":" + std::to_string(error->line) + ": " + error->what);
  if (!have_header) throw CsvError(file.string() + ":1: empty file: expected a header line");
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
