#include "sim/batch/row_checksums.hpp"

#include <charconv>
#include <functional>
#include <map>
#include <set>

#include <boost/crc.hpp>
#include <fmt/format.h>

#include "sim/batch/batch_files.hpp"
#include "sim/batch/batch_manifest.hpp"
#include "sim/batch/row_text.hpp"
#include "sim/io/regular_file.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::uint32_t crc32_of(std::string_view bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

std::string crc32_hex(std::uint32_t crc) { return fmt::format("{:08x}", crc); }

RunSum run_sum(const std::string& result_line, const std::vector<std::string>& casualty_lines) {
  RunSum sum;
  sum.results_crc = crc32_of(result_line);
  boost::crc_32_type care;
  for (const std::string& line : casualty_lines) care.process_bytes(line.data(), line.size());
  sum.care_rows = casualty_lines.size();
  sum.care_crc = care.checksum();
  return sum;
}

std::string checksum_line(const JobKey& key, const std::string& policy, const RunSum& sum) {
  return row_line({std::to_string(key.design_point), policy, std::to_string(key.replication), crc32_hex(sum.results_crc),
                   std::to_string(sum.care_rows), crc32_hex(sum.care_crc)});
}

namespace {

std::string_view sums_line_body(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  return line;
}

std::optional<std::uint32_t> sum_hex32(const std::string& cell) {
  std::uint32_t value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value, 16);
  if (cell.size() != 8 || ec != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  return value;
}

std::optional<std::size_t> sum_count(const std::string& cell) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (cell.empty() || ec != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
  return value;
}

std::string run_named(const JobKey& key, const std::vector<std::string>& policies) {
  return fmt::format("design point {}, policy {}, replication {}", key.design_point,
                     policies.at(static_cast<std::size_t>(key.policy)), key.replication);
}

// A run's casualty rows as they are read: their count, the CRC-32 of their text so far, and the
// index of the first.
struct CareGroup {
  boost::crc_32_type crc;
  std::size_t rows = 0;
  std::size_t first = 0;
};

// Streams a batch file's lines (for_each_line), with the errors a reader of the sums gives:
// BatchInputError naming the file when it is missing, not a regular file or cannot be read.
LineScan scan_sum_file(const fs::path& file, const std::function<void(std::string_view line, std::size_t index)>& on_line,
                       const std::function<void(std::string_view bytes)>& on_bytes = {}) {
  std::error_code ec;
  if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) throw BatchInputError(file.string() + " is missing");
  try {
    return for_each_line(file, [](std::string_view) {}, on_line, on_bytes);  // refuses a FIFO, a device, a directory
  } catch (const BatchInputError&) {
    throw;
  } catch (const std::exception& e) {
    throw BatchInputError(file.string() + " cannot be read (" + e.what() + ")");
  }
}

}  // namespace

ChecksumTable parse_checksums(const TableText& table, const std::vector<std::string>& policies) {
  ChecksumTable out;
  out.present = true;
  if (table.header != kChecksumsHeader)
    out.notes.push_back(fmt::format("{} line 1 is not its header", kChecksumsFile));
  std::set<JobKey> twice;
  for (std::size_t i = 0; i < table.lines.size(); ++i) {
    const long line = static_cast<long>(i) + 2;
    const std::string& text = table.lines[i];
    const std::vector<std::string> cells = row_cells(sums_line_body(text));
    const auto key = key_of_line(text, policies);
    std::optional<std::uint32_t> results_crc, care_crc;
    std::optional<std::size_t> care_rows;
    if (cells.size() == 6) {
      results_crc = sum_hex32(cells[3]);
      care_rows = sum_count(cells[4]);
      care_crc = sum_hex32(cells[5]);
    }
    if (!key || !results_crc || !care_rows || !care_crc) {
      out.notes.push_back(fmt::format("{} line {} is damaged (not a run's sums)", kChecksumsFile, line));
      continue;
    }
    const RunSum sum{*results_crc, *care_rows, *care_crc};
    const auto [at, inserted] = out.sums.emplace(*key, sum);
    if (!inserted && !(at->second == sum)) twice.insert(*key);
    if (inserted) {
      out.line_of[*key] = line;
      out.lines.push_back(text);
    }
  }
  if (table.dropped_partial)
    out.notes.push_back(fmt::format("{} line {} is torn (no line end)", kChecksumsFile, table.lines.size() + 2));
  for (const JobKey& key : twice) {
    out.notes.push_back(fmt::format("{} line {} and a later line give two sums for {}", kChecksumsFile,
                                    out.line_of.at(key), run_named(key, policies)));
    out.sums.erase(key);
    out.line_of.erase(key);
  }
  if (!twice.empty()) {
    std::vector<std::string> kept;
    for (const std::string& line : out.lines)
      if (const auto key = key_of_line(line, policies); key && out.sums.count(*key)) kept.push_back(line);
    out.lines = std::move(kept);
  }
  return out;
}

ChecksumTable read_checksums(const fs::path& dir, const std::vector<std::string>& policies) {
  const fs::path file = dir / kChecksumsFile;
  std::error_code ec;
  if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) return {};
  if (const auto why = io::not_a_regular_file(file)) throw BatchInputError(*why);
  return parse_checksums(read_table(file), policies);
}

Json file_sums(const fs::path& dir) {
  Json files = Json::object();
  for (const char* name : {kResultsFile, kCareFile, kChecksumsFile}) {
    boost::crc_32_type crc;  // of every byte of the file, a torn last line too
    const LineScan scan = scan_sum_file(dir / name, [](std::string_view, std::size_t) {},
                                        [&](std::string_view bytes) { crc.process_bytes(bytes.data(), bytes.size()); });
    files[name] = {{"rows", scan.lines}, {"crc32", crc32_hex(crc.checksum())}};
  }
  return files;
}

std::vector<std::string> manifest_policies(const Json& manifest) {
  std::vector<std::string> names;
  if (!manifest.is_object() || !manifest.contains("policies") || !manifest["policies"].is_array()) return names;
  for (const Json& p : manifest["policies"])
    if (p.is_object() && p.contains("name") && p["name"].is_string()) names.push_back(p["name"].get<std::string>());
  return names;
}

std::optional<std::string> integrity_problem(const fs::path& dir, const Json& manifest, bool finished, bool* unverified) {
  if (unverified) *unverified = false;
  const std::vector<std::string> policies = manifest_policies(manifest);
  const bool recorded = manifest.is_object() && manifest.contains("files");
  const ChecksumTable sums = read_checksums(dir, policies);
  if (!sums.present && !recorded) {
    if (unverified) *unverified = true;
    return std::nullopt;
  }
  const auto at = [&](const char* file, std::size_t index) { return (dir / file).string() + " line " + std::to_string(index + 2); };
  if (!sums.present) return (dir / kChecksumsFile).string() + " is missing (batch.json records it): the rows cannot be verified";
  if (!sums.notes.empty()) return (dir / "").string() + sums.notes.front();

  // Both files are streamed, a line at a time; what is kept is a key a run. A torn last line is
  // reported before any line's finding, as when the files were read whole: each file's first
  // finding waits for its end.
  std::set<JobKey> with_row;
  const auto results_line_problem = [&](std::string_view line, std::size_t i) -> std::optional<std::string> {
    const auto key = key_of_line(line, policies);
    if (!key) return at(kResultsFile, i) + " is not a row of this batch (no design point, policy of batch.json and replication)";
    const auto sum = sums.sums.find(*key);
    if (sum == sums.sums.end())
      return at(kResultsFile, i) + " (" + run_named(*key, policies) + ") has no checksum in " + kChecksumsFile +
             ": it was not written by campsim as the run was committed";
    if (sum->second.results_crc != crc32_of(line))
      return at(kResultsFile, i) + " (" + run_named(*key, policies) + ") is not the row that was written: its CRC-32 is " +
             crc32_hex(crc32_of(line)) + ", " + kChecksumsFile + " line " + std::to_string(sums.line_of.at(*key)) +
             " records " + crc32_hex(sum->second.results_crc);
    if (!with_row.insert(*key).second) return at(kResultsFile, i) + " repeats the row of " + run_named(*key, policies);
    return std::nullopt;
  };
  std::optional<std::string> results_finding;
  const LineScan results = scan_sum_file(dir / kResultsFile, [&](std::string_view line, std::size_t i) {
    if (!results_finding) results_finding = results_line_problem(line, i);
  });
  // Casualty rows, summed by run as they come (in file order within a run).
  std::map<JobKey, CareGroup> runs;
  std::optional<std::string> care_finding;
  const LineScan care = scan_sum_file(dir / kCareFile, [&](std::string_view line, std::size_t i) {
    if (care_finding) return;
    const auto key = key_of_line(line, policies);
    if (!key) {
      care_finding = at(kCareFile, i) + " is not a row of this batch (no design point, policy of batch.json and replication)";
      return;
    }
    CareGroup& group = runs.try_emplace(*key, CareGroup{boost::crc_32_type(), 0, i}).first->second;
    group.crc.process_bytes(line.data(), line.size());
    ++group.rows;
  });
  if (results.dropped_partial && finished) return at(kResultsFile, results.lines) + " is a torn row (no line end)";
  if (care.dropped_partial && finished) return at(kCareFile, care.lines) + " is a torn row (no line end)";
  if (results_finding) return results_finding;

  if (finished)  // every committed run has its row: a dropped row is named as such, not by its orphans
    for (const auto& [key, line] : sums.line_of)
      if (!with_row.count(key))
        return (dir / kResultsFile).string() + " lacks the row of " + run_named(key, policies) + " (" + kChecksumsFile +
               " line " + std::to_string(line) + " records it)";

  if (care_finding) return care_finding;
  for (const auto& [key, group] : runs) {
    if (!with_row.count(key)) {
      if (!finished) continue;  // an unfinished batch: a run being committed
      return at(kCareFile, group.first) + " is a casualty row of " + run_named(key, policies) + ", which has no results row";
    }
    const RunSum& want = sums.sums.at(key);
    const RunSum got{0, group.rows, group.crc.checksum()};
    if (got.care_rows != want.care_rows)
      return at(kCareFile, group.first) + ": " + run_named(key, policies) + " has " + std::to_string(got.care_rows) +
             " casualty rows where " + kChecksumsFile + " line " + std::to_string(sums.line_of.at(key)) + " records " +
             std::to_string(want.care_rows);
    if (got.care_crc != want.care_crc)
      return at(kCareFile, group.first) + ": the casualty rows of " + run_named(key, policies) + " (" +
             std::to_string(got.care_rows) + " from this line) are not the rows that were written (CRC-32 " +
             crc32_hex(got.care_crc) + ", " + kChecksumsFile + " line " + std::to_string(sums.line_of.at(key)) + " records " +
             crc32_hex(want.care_crc) + ")";
  }
  for (const JobKey& key : with_row)
    if (!runs.count(key) && sums.sums.at(key).care_rows > 0)
      return (dir / kCareFile).string() + " lacks the " + std::to_string(sums.sums.at(key).care_rows) + " casualty rows of " +
             run_named(key, policies) + " (" + kChecksumsFile + " line " + std::to_string(sums.line_of.at(key)) + ")";

  if (!finished) return std::nullopt;
  if (!recorded) return (dir / kManifestFile).string() + " records no file sums although the batch is finished";
  const Json& files = manifest["files"];
  const Json now = file_sums(dir);
  for (const auto& [name, entry] : now.items()) {
    if (!files.is_object() || !files.contains(name)) return (dir / kManifestFile).string() + " records no sums for " + name;
    const Json& want = files[name];
    if (want != entry) {
      const bool rows_differ = !want.is_object() || want.value("rows", Json()) != entry["rows"];
      return (dir / name).string() + (rows_differ ? " holds " + entry["rows"].dump() + " rows where " + kManifestFile +
                                                        " records " + (want.is_object() ? want.value("rows", Json()).dump() : "none")
                                                  : " is not the file that was written: its CRC-32 is " +
                                                        entry["crc32"].get<std::string>() + ", " + kManifestFile + " records " +
                                                        want.value("crc32", Json()).dump());
    }
  }
  return std::nullopt;
}

}  // namespace campsim::batch
