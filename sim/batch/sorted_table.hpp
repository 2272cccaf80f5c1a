#pragma once
// A finished batch table rewritten sorted by key without holding its text: the file is read once
// into an index of its lines (a key, an offset and a length, 24 bytes a line), the index is
// sorted, and the lines are copied from the old file into the new one in that order, a piece at a
// time. A million runs' results.csv (about 1.7 GB) is sorted in about 24 MB.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/batch_plan.hpp"

namespace campsim::batch {

struct IndexedLine {
  JobKey key;                 // the line's key (key_of_line); {-1, -1, -1} when it has none
  std::uint32_t length = 0;   // with its '\n'
  std::uint64_t offset = 0;   // in the file
};

struct TableIndex {
  std::filesystem::path file;
  std::string header;               // the first line, with its '\n'
  std::vector<IndexedLine> lines;   // every later complete line (a torn last line is left out, as read_table does)

  // The text of one indexed line (read from the file).
  std::string text(const IndexedLine& line) const;
};

// Indexes a table's lines. Throws std::runtime_error if the file cannot be read.
TableIndex index_table(const std::filesystem::path& file, const std::vector<std::string>& policies);

// Sorts the index by key, keeping the order of lines with equal keys (the casualties of one run).
// Throws std::runtime_error naming the first line that has no key, as sort_by_key does.
void sort_index(TableIndex& index);

// Writes the header and the indexed lines, in the index's order, into a temporary sibling of the
// file, fsyncs it and renames it over the file (atomically, as write_atomically does).
void rewrite_in_index_order(const TableIndex& index);

}  // namespace campsim::batch
