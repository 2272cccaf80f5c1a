#pragma once
// Batch CSV files as lines keyed by their first three cells (design_point, policy, replication):
// reading what a killed process left (complete lines only), and writing a file sorted by key,
// atomically. Shared by the results writer, resume and merge.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/batch/batch_plan.hpp"

namespace campsim::batch {

struct TableText {
  std::string header;              // the first line, with its '\n' (empty if the file had none)
  std::vector<std::string> lines;  // every later COMPLETE line, with its '\n'
  bool dropped_partial = false;    // a last line without '\n' (a write cut short) was left out
  std::string partial;             // that line's text, to tell whose row it was
};

// Splits the text of a table into its header and complete lines; a last line without a final
// newline is kept apart (`partial`).
TableText split_table_text(const std::string& text);

// Reads a file; a last line without a final newline is dropped (the row being written when the
// process died). Throws BatchInputError if it is missing or not a regular file, std::runtime_error
// if it cannot be read.
TableText read_table(const std::filesystem::path& file);

// What a streamed read of a table saw besides its lines (for_each_line).
struct LineScan {
  std::size_t lines = 0;         // complete lines after the header
  bool dropped_partial = false;  // a last line without '\n'
  std::string partial;           // its text
};

// Reads a file a piece at a time and hands on its first line (the header, with its '\n') to
// on_header and each later complete line (with its '\n') and its index among them to on_line;
// on_bytes, when given, sees every byte of the file in order. The same split as read_table, in
// bounded memory. Throws as read_table does.
LineScan for_each_line(const std::filesystem::path& file, const std::function<void(std::string_view header)>& on_header,
                       const std::function<void(std::string_view line, std::size_t index)>& on_line,
                       const std::function<void(std::string_view bytes)>& on_bytes = {});

// The key of a row: design point and replication as whole numbers, the policy by name among
// `policies` (its index). Nothing if the line is not such a row.
std::optional<JobKey> key_of_line(std::string_view line, const std::vector<std::string>& policies);

// Sorts lines by key, keeping the order of lines with equal keys (the casualties of one run).
// Throws std::runtime_error naming the first line that has no key.
void sort_by_key(std::vector<std::string>& lines, const std::vector<std::string>& policies);

// Writes header + lines into a temporary sibling, fsyncs it, renames it over `file` and fsyncs
// the directory, so a reader (or a crash, or a power cut) sees the old file or the new one,
// never half of one.
void write_atomically(const std::filesystem::path& file, const std::string& header, const std::vector<std::string>& lines);

}  // namespace campsim::batch
