// Fuzzes what compare, merge and --resume read of a batch directory (issue 24): batch.json,
// results.csv, care.csv and checksums.csv, written to a scratch directory from one input (the
// four texts separated by 0xFF bytes; the first byte's low bit says whether summary.md is there,
// i.e. the batch is finished). Runs the integrity check (sim/batch/row_checksums.hpp) and
// compare's reader (analysis::read_batch). Properties:
//  - both either succeed or throw only their documented errors (BatchInputError; BatchError,
//    io::CsvError);
//  - a finished batch the integrity check passes (with its sums recorded) has exactly the file
//    sums batch.json records;
//  - parse_checksums keeps at most one line per run, and only lines whose key it keeps.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/batch_table.hpp"
#include "sim/batch/batch_files.hpp"
#include "sim/batch/row_checksums.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim;
namespace fs = std::filesystem;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

const fs::path& scratch() {
  static const fs::path dir =
      campsim::testing::removed_at_exit(fs::temp_directory_path() / ("campsim-fuzz-batch-" + std::to_string(::getpid())));
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool finished = (data[0] & 1) != 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() < 3) {
    const std::size_t end = text.find('\xff', start);
    if (end == std::string::npos) break;
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  parts.push_back(text.substr(start));
  parts.resize(4);
  const fs::path dir = scratch();
  fs::remove_all(dir);
  fs::create_directories(dir);
  const char* names[] = {"batch.json", batch::kResultsFile, batch::kCareFile, batch::kChecksumsFile};
  for (std::size_t i = 0; i < 4; ++i) std::ofstream(dir / names[i], std::ios::binary) << parts[i];
  if (finished) std::ofstream(dir / "summary.md") << "done\n";

  nlohmann::ordered_json manifest;
  try {
    manifest = nlohmann::ordered_json::parse(parts[0]);
  } catch (const nlohmann::json::exception&) {
    manifest = nlohmann::ordered_json::object();
  }
  try {
    bool unverified = false;
    const auto problem = batch::integrity_problem(dir, manifest, finished, &unverified);
    if (!problem && finished && !unverified) check(manifest.contains("files") && manifest["files"] == batch::file_sums(dir));
    const batch::ChecksumTable sums = batch::read_checksums(dir, batch::manifest_policies(manifest));
    check(sums.lines.size() == sums.sums.size() && sums.line_of.size() == sums.sums.size());
  } catch (const batch::BatchInputError&) {
  }
  try {
    const analysis::BatchTable table = analysis::read_batch(dir);
    for (const auto& run : table.runs) check(run.values.size() == table.metrics.size());
  } catch (const analysis::BatchError&) {
  } catch (const io::CsvError&) {
  }
  return 0;
}
