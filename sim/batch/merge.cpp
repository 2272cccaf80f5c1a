#include "sim/batch/merge.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "sim/batch/batch_directory.hpp"
#include "sim/batch/batch_manifest.hpp"
#include "sim/batch/batch_summary.hpp"
#include "sim/batch/row_text.hpp"
#include "sim/batch/results_file.hpp"
#include "sim/batch/row_checksums.hpp"
#include "sim/batch/table_lines.hpp"
#include "sim/io/run_directory.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

struct ShardDir {
  fs::path dir;
  Json manifest;
  TableText results, casualties;
};

}  // namespace

MergeReport merge_shards(const fs::path& out, const std::vector<fs::path>& dirs, bool force) {
  if (fs::exists(out) && !force)
    throw io::OutputExists("output directory " + out.string() + " already exists (use --force to replace it)");
  std::vector<ShardDir> shards;
  std::set<int> indices;
  for (const fs::path& dir : dirs) {
    if (!fs::is_directory(dir))
      throw BatchInputError(dir.string() + (fs::exists(dir) ? " is not a directory" : " does not exist") +
                            "; expected a shard's batch directory (campsim batch ... --shard i/N --out DIR)");
    ShardDir shard{dir, read_batch_manifest(dir), {}, {}};
    if (!fs::exists(dir / kSummaryFile))
      throw BatchInputError(dir.string() + " is not finished (no " + kSummaryFile +
                            "); finish it with the same command and --resume, then merge");
    const Json& s = shard.manifest["shard"];
    const int index = s.is_null() ? 0 : s["index"].get<int>();
    const int count = s.is_null() ? 1 : s["count"].get<int>();
    if (count != static_cast<int>(dirs.size()))
      throw BatchInputError(dir.string() + " is shard " + std::to_string(index) + " of " + std::to_string(count) + ", but " +
                            std::to_string(dirs.size()) + (dirs.size() == 1 ? " directory was" : " directories were") +
                            " given");
    if (!indices.insert(index).second)
      throw BatchInputError(dir.string() + " is shard " + std::to_string(index) + " again");
    shard.results = read_table(dir / kResultsFile);
    shard.casualties = read_table(dir / kCareFile);
    // A finished shard has only whole rows; one edited or damaged since is refused, not passed on.
    for (const auto& [file, table] : {std::pair{kResultsFile, &shard.results}, std::pair{kCareFile, &shard.casualties}}) {
      const std::size_t width = row_cells(std::string_view(table->header).substr(0, table->header.size() - 1)).size();
      if (table->dropped_partial)
        throw BatchInputError((dir / file).string() + " line " + std::to_string(table->lines.size() + 2) +
                              " is a torn row (no line end)");
      for (std::size_t i = 0; i < table->lines.size(); ++i) {
        const std::string& line = table->lines[i];
        const std::size_t cells = row_cells(std::string_view(line).substr(0, line.size() - 1)).size();
        if (cells != width)
          throw BatchInputError((dir / file).string() + " line " + std::to_string(i + 2) + " has " + std::to_string(cells) +
                                " cells where the header has " + std::to_string(width));
      }
    }
    // Every row as it was written (row_checksums.hpp): a changed digit or a dropped row is refused
    // here (after the plainer checks above), naming the file and line, instead of passing into the merged batch.
    bool unverified = false;
    if (const auto damage = integrity_problem(dir, shard.manifest, true, &unverified))
      throw BatchInputError(*damage + " (the shard is damaged; run its batch command again with --resume to repair it)");
    if (unverified)
      throw BatchInputError(dir.string() + " holds no checksums (written by a campsim before they were kept), so its rows "
                            "cannot be verified; run the shard again with this campsim");
    if (!shards.empty()) {
      Json a = shards.front().manifest, b = shard.manifest;
      for (const char* own : {"shard", "files"}) {
        a.erase(own);
        b.erase(own);
      }
      if (const auto why = manifest_mismatch(a, b))
        throw BatchInputError(dir.string() + " is not a shard of the same batch as " + shards.front().dir.string() + ": " + *why);
      if (shard.results.header != shards.front().results.header || shard.casualties.header != shards.front().casualties.header)
        throw BatchInputError(dir.string() + " has other columns than " + shards.front().dir.string());
    }
    shards.push_back(std::move(shard));
  }
  if (shards.empty()) throw BatchInputError("no shard directories given");

  Json manifest = shards.front().manifest;
  manifest["shard"] = nullptr;
  std::vector<std::string> policies;
  for (const auto& p : manifest["policies"]) policies.push_back(p["name"].get<std::string>());
  const int points = manifest["design"].is_null() ? 1 : static_cast<int>(manifest["design"]["points"].size());
  const int replications = manifest["replications"].get<int>();

  std::set<JobKey> seen;
  std::vector<std::string> results, casualties, sums;
  for (const ShardDir& shard : shards) {
    const ChecksumTable shard_sums = read_checksums(shard.dir, policies);
    sums.insert(sums.end(), shard_sums.lines.begin(), shard_sums.lines.end());
    for (const std::string& line : shard.results.lines) {
      const auto key = key_of_line(line, policies);
      if (!key || key->design_point < 0 || key->design_point >= points || key->replication < 0 ||
          key->replication >= replications)
        throw BatchInputError(shard.dir.string() + " holds a row that is not part of the batch: " + line.substr(0, 60));
      if (!seen.insert(*key).second)
        throw BatchInputError(shard.dir.string() + " repeats the row of design point " + std::to_string(key->design_point) +
                              ", policy " + policies[static_cast<std::size_t>(key->policy)] + ", replication " +
                              std::to_string(key->replication));
      results.push_back(line);
    }
    casualties.insert(casualties.end(), shard.casualties.lines.begin(), shard.casualties.lines.end());
  }
  const std::size_t expected = static_cast<std::size_t>(points) * policies.size() * static_cast<std::size_t>(replications);
  if (seen.size() != expected)
    throw BatchInputError("the shards hold " + std::to_string(seen.size()) + " of the batch's " + std::to_string(expected) +
                          " rows; is a shard missing or unfinished?");
  sort_by_key(results, policies);
  sort_by_key(casualties, policies);
  sort_by_key(sums, policies);

  TableText merged{shards.front().results.header, results, false, {}};
  io::write_run_directory(out, force, [&](const fs::path& tmp) {
    write_atomically(tmp / kResultsFile, merged.header, merged.lines);
    write_atomically(tmp / kCareFile, shards.front().casualties.header, casualties);
    write_atomically(tmp / kChecksumsFile, kChecksumsHeader, sums);
    manifest["files"] = file_sums(tmp);  // where the unsharded batch has it: after "shard"
    io::write_text_file(tmp / kManifestFile, manifest.dump(2) + "\n");
    io::write_text_file(tmp / kSummaryFile, batch_summary_markdown(tmp));
  });
  return {results.size(), casualties.size()};
}

}  // namespace campsim::batch
