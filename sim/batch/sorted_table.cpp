#include "sim/batch/sorted_table.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

#include "sim/batch/table_lines.hpp"
#include "sim/io/durable.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;

namespace {

constexpr JobKey kNoKey{-1, -1, -1};
constexpr std::size_t kCopyPiece = 1 << 20;  // bytes gathered before each write of the new file

}  // namespace

std::string TableIndex::text(const IndexedLine& line) const {
  std::ifstream in(file, std::ios::binary);
  std::string out(line.length, '\0');
  in.seekg(static_cast<std::streamoff>(line.offset));
  if (!in.read(out.data(), static_cast<std::streamsize>(out.size()))) throw std::runtime_error("cannot read " + file.string());
  return out;
}

TableIndex index_table(const fs::path& file, const std::vector<std::string>& policies) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  TableIndex index;
  index.file = file;
  std::string line;
  std::uint64_t offset = 0;
  bool first = true;
  while (std::getline(in, line)) {
    if (in.eof()) break;  // no '\n' after it: a torn last line
    const std::uint64_t length = line.size() + 1;
    line += '\n';
    if (first) index.header = line;
    else index.lines.push_back({key_of_line(line, policies).value_or(kNoKey), static_cast<std::uint32_t>(length), offset});
    first = false;
    offset += length;
  }
  if (in.bad()) throw std::runtime_error("cannot read " + file.string());
  return index;
}

void sort_index(TableIndex& index) {
  for (const IndexedLine& line : index.lines)
    if (line.key == kNoKey) throw std::runtime_error("not a row of this batch: " + index.text(line).substr(0, 80));
  std::stable_sort(index.lines.begin(), index.lines.end(), [](const IndexedLine& a, const IndexedLine& b) { return a.key < b.key; });
}

void rewrite_in_index_order(const TableIndex& index) {
  const fs::path tmp = index.file.string() + ".tmp-" + std::to_string(::getpid());
  try {
    std::ifstream in(index.file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + index.file.string());
    std::error_code ignored;
    fs::remove(tmp, ignored);  // a stale copy of an earlier process of this id: start empty
    io::AppendFile out(tmp);
    std::string piece = index.header;
    std::string line;
    for (const IndexedLine& at : index.lines) {
      line.resize(at.length);
      in.seekg(static_cast<std::streamoff>(at.offset));
      if (!in.read(line.data(), static_cast<std::streamsize>(line.size()))) throw std::runtime_error("cannot read " + index.file.string());
      piece += line;
      if (piece.size() >= kCopyPiece) out.append(std::exchange(piece, {}));
    }
    out.append(piece);
    out.sync();
    out.close();
  } catch (...) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw;
  }
  fs::rename(tmp, index.file);
  io::sync_directory(index.file.has_parent_path() ? index.file.parent_path() : fs::path("."));
}

}  // namespace campsim::batch
