#include "sim/batch/batch_directory.hpp"

#include <fstream>

#include "sim/batch/batch_manifest.hpp"
#include "sim/batch/batch_summary.hpp"
#include "sim/batch/row_checksums.hpp"
#include "sim/batch/table_lines.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/io/regular_file.hpp"

namespace campsim::batch {

namespace fs = std::filesystem;

DirectoryState directory_state(const fs::path& dir) {
  if (!fs::exists(dir)) return DirectoryState::Absent;
  if (!fs::exists(dir / kManifestFile)) return DirectoryState::NotABatch;
  return fs::exists(dir / kSummaryFile) ? DirectoryState::Finished : DirectoryState::Unfinished;
}

nlohmann::ordered_json read_batch_manifest(const fs::path& dir) {
  if (const auto why = io::not_a_regular_file(dir / kManifestFile)) throw BatchInputError(*why);
  std::ifstream in(dir / kManifestFile);
  if (!in) throw BatchInputError("cannot read " + (dir / kManifestFile).string());
  try {
    return nlohmann::ordered_json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw BatchInputError((dir / kManifestFile).string() + " is not valid JSON (" + e.what() + ")");
  }
}

DirectoryLock create_batch_directory(const fs::path& dir, const nlohmann::ordered_json& manifest,
                                     const std::string& results_header, const std::string& casualties_header, bool replace) {
  DirectoryLock lock;
  try {
    io::write_run_directory(dir, replace, [&](const fs::path& tmp) {
      io::write_text_file(tmp / kManifestFile, manifest.dump(2) + "\n");
      io::write_text_file(tmp / kResultsFile, results_header);
      io::write_text_file(tmp / kCareFile, casualties_header);
      io::write_text_file(tmp / kChecksumsFile, kChecksumsHeader);
      // Locked in the temporary directory, so no other campsim ever sees `dir` unlocked: the
      // lock belongs to the file, which the rename carries along.
      lock = DirectoryLock::acquire(tmp);
    });
  } catch (const std::exception&) {
    // Two fresh batches into one --out: the other published `dir` between our check and our
    // rename. Say who holds it rather than "cannot rename".
    lock = DirectoryLock();
    if (fs::is_regular_file(dir / kLockFile)) DirectoryLock::acquire(dir);  // throws DirectoryBusy if held
    throw;
  }
  return lock;
}

std::string finish_batch(const fs::path& dir, const nlohmann::ordered_json& manifest, ResultsFiles& files,
                         const std::set<JobKey>& expected) {
  files.finish_sorted(expected);
  (void)manifest;
  // batch.json as it is (a resume by another build keeps the revision that started it), with the
  // sums of the finished files; then a check of everything just written, as a reader will check it.
  nlohmann::ordered_json on_disk = read_batch_manifest(dir);
  on_disk["files"] = file_sums(dir);
  write_atomically(dir / kManifestFile, on_disk.dump(2) + "\n", {});
  if (const auto problem = integrity_problem(dir, on_disk, true))
    throw std::runtime_error("the finished batch does not verify (a bug, or the disk): " + *problem);
  const std::string summary = batch_summary_markdown(dir);
  write_atomically(dir / kSummaryFile, summary, {});
  return summary;
}

}  // namespace campsim::batch
