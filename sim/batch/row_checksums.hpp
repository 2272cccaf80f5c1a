#pragma once
// Integrity of what a batch reads back (issue 24): a changed digit, a dropped row or a file cut
// short must never pass into a resume, a merge or a report.
//
//  - checksums.csv, append-only like the rows it describes: one line per committed run, written
//    (and fsync'ed) after the run's casualty rows and BEFORE its results row, so a results row on
//    disk always has its line: design_point, policy, replication, the CRC-32 of the results row,
//    the number of the run's casualty rows and the CRC-32 of those rows (in file order). Sorted by
//    key with the other files when the batch finishes.
//  - batch.json, when the batch finishes (and in `campsim merge`'s output), records each file's
//    rows and the CRC-32 of its whole text under "files".
//
// CRC-32 (boost::crc_32_type, the CRC of zlib and PNG) finds every burst of up to 32 bits and all
// but 1 in 2^32 other damage; it is a check against accidents (disks, copies, editors), not a
// signature: whoever can write the directory can write matching sums.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/batch/batch_plan.hpp"
#include "sim/batch/table_lines.hpp"

namespace campsim::batch {

inline constexpr const char* kChecksumsFile = "checksums.csv";
inline constexpr const char* kChecksumsHeader = "design_point,policy,replication,results_crc32,care_rows,care_crc32\n";

std::uint32_t crc32_of(std::string_view bytes);
std::string crc32_hex(std::uint32_t crc);  // 8 lower-case hex digits

// What checksums.csv records of one run.
struct RunSum {
  std::uint32_t results_crc = 0;
  std::size_t care_rows = 0;
  std::uint32_t care_crc = 0;  // of the casualty rows' text, concatenated in file order
  bool operator==(const RunSum&) const = default;
};

// Lines with their '\n'.
RunSum run_sum(const std::string& result_line, const std::vector<std::string>& casualty_lines);
std::string checksum_line(const JobKey& key, const std::string& policy, const RunSum& sum);

struct ChecksumTable {
  bool present = false;                 // the file exists
  std::map<JobKey, RunSum> sums;        // the runs it records (a key recorded twice with two sums: left out)
  std::map<JobKey, long> line_of;       // their 1-based file lines
  std::vector<std::string> lines;       // the lines kept, in file order, with '\n'
  std::vector<std::string> notes;       // one per damaged line
};

// Parses checksums.csv's text (TableText of the file). Damaged lines are noted, not fatal: the
// runs they described then have no sum, and are not trusted.
ChecksumTable parse_checksums(const TableText& table, const std::vector<std::string>& policies);
// Reads DIR/checksums.csv (absent: present = false). Throws BatchInputError if it is not a
// regular file.
ChecksumTable read_checksums(const std::filesystem::path& dir, const std::vector<std::string>& policies);

// {"results.csv": {"rows": N, "crc32": "..."}, "care.csv": ..., "checksums.csv": ...} of DIR.
nlohmann::ordered_json file_sums(const std::filesystem::path& dir);

// Checks a batch directory's rows against what was recorded as they were committed: every
// results row against its checksums.csv line, every run's casualty rows against theirs, and, for
// a finished batch (`finished`), each file against batch.json's "files" and every recorded run
// against a row. Returns the first problem, naming the file and line, or nothing. A directory
// written before checksums were kept (no checksums.csv and no "files") is not verified:
// `unverified` is then set. Throws BatchInputError when a file cannot be read or is not a
// regular file.
std::optional<std::string> integrity_problem(const std::filesystem::path& dir, const nlohmann::ordered_json& manifest,
                                             bool finished, bool* unverified = nullptr);

// The policy names of a batch.json, in order (empty if it has none).
std::vector<std::string> manifest_policies(const nlohmann::ordered_json& manifest);

}  // namespace campsim::batch
