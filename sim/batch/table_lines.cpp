#include "sim/batch/table_lines.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include "sim/batch/batch_plan.hpp"
#include "sim/batch/row_text.hpp"
#include "sim/io/durable.hpp"
#include "sim/io/regular_file.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;

namespace {

std::optional<int> whole(const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

TableText read_table(const fs::path& file) {
  if (const auto why = io::not_a_regular_file(file)) throw BatchInputError(*why);
  std::error_code ec;
  if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) throw BatchInputError(file.string() + " is missing");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return split_table_text(buffer.str());
}

LineScan for_each_line(const fs::path& file, const std::function<void(std::string_view header)>& on_header,
                       const std::function<void(std::string_view line, std::size_t index)>& on_line,
                       const std::function<void(std::string_view bytes)>& on_bytes) {
  if (const auto why = io::not_a_regular_file(file)) throw BatchInputError(*why);
  std::error_code ec;
  if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) throw BatchInputError(file.string() + " is missing");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  LineScan scan;
  bool header = true;
  std::string line;  // the line being read (its start may lie in an earlier piece)
  std::string piece(1 << 16, '\0');
  while (in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    const std::string_view bytes(piece.data(), static_cast<std::size_t>(in.gcount()));
    if (on_bytes) on_bytes(bytes);
    std::size_t start = 0;
    for (std::size_t end = bytes.find('\n'); end != std::string_view::npos; end = bytes.find('\n', start)) {
      line.append(bytes.substr(start, end + 1 - start));
      if (header) on_header(line);
      else on_line(line, scan.lines++);
      header = false;
      line.clear();
      start = end + 1;
    }
    line.append(bytes.substr(start));
  }
  if (in.bad()) throw std::runtime_error("cannot read " + file.string());
  if (!line.empty()) {
    scan.dropped_partial = true;
    scan.partial = std::move(line);
  }
  return scan;
}

TableText split_table_text(const std::string& text) {
  TableText table;
  std::size_t start = 0;
  bool first = true;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      table.dropped_partial = true;
      table.partial = text.substr(start);
      break;
    }
    std::string line = text.substr(start, end + 1 - start);
    if (first) table.header = std::move(line);
    else table.lines.push_back(std::move(line));
    first = false;
    start = end + 1;
  }
  return table;
}

std::optional<JobKey> key_of_line(std::string_view line, const std::vector<std::string>& policies) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  const std::vector<std::string> cells = row_cells(line);
  if (cells.size() < 3) return std::nullopt;
  const auto point = whole(cells[0]), replication = whole(cells[2]);
  const auto policy = std::find(policies.begin(), policies.end(), cells[1]);
  if (!point || !replication || policy == policies.end()) return std::nullopt;
  return JobKey{*point, static_cast<int>(policy - policies.begin()), *replication};
}

void sort_by_key(std::vector<std::string>& lines, const std::vector<std::string>& policies) {
  std::vector<std::pair<JobKey, std::string>> keyed;
  keyed.reserve(lines.size());
  for (std::string& line : lines) {
    const auto key = key_of_line(line, policies);
    if (!key) throw std::runtime_error("not a row of this batch: " + line.substr(0, 80));
    keyed.emplace_back(*key, std::move(line));
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size(); ++i) lines[i] = std::move(keyed[i].second);
}

void write_atomically(const fs::path& file, const std::string& header, const std::vector<std::string>& lines) {
  const fs::path tmp = file.string() + ".tmp-" + std::to_string(::getpid());
  std::string text = header;
  for (const std::string& line : lines) text += line;
  try {
    io::write_file_durably(tmp, text);
  } catch (...) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw;
  }
  fs::rename(tmp, file);
  io::sync_directory(file.has_parent_path() ? file.parent_path() : fs::path("."));
}

}  // namespace campsim::batch
