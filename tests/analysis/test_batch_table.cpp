// Reading batch directories: manifest, metric columns, missing cells, design columns, and
// errors that say which file, which line and what was wrong.
#include <catch2/catch.hpp>

#include <fstream>

#include "analysis/batch_table.hpp"
#include "synthetic_batch.hpp"

using namespace campsim::analysis;
using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-analysis-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string error_of(const fs::path& dir) {
  try {
    read_batch(dir);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

void replace_line(const fs::path& file, std::size_t index, const std::string& line) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  lines.at(index) = line;
  std::ofstream out(file);
  for (const auto& l : lines) out << l << "\n";
}

}  // namespace

TEST_CASE("a batch directory reads into runs per design point and policy", "[analysis][batch]") {
  const fs::path dir = scratch("read");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  CHECK(batch.manifest.policies == std::vector<std::string>{"gao_baseline", "pre_authorized_dispatch"});
  CHECK(batch.manifest.replications == 20);
  CHECK(batch.manifest.seed == 11);
  CHECK(batch.metrics.size() == synthetic_metrics().size());
  CHECK(batch.runs.size() == 40);
  CHECK(batch.design_points_present() == std::vector<int>{0});
  const auto delay = static_cast<std::size_t>(batch.metric_index("medical.dispatch.approval_delay_mean_min"));
  const KeyedSample reference = batch.values(delay, 0, 0);
  CHECK(reference.size() == 20);
  CHECK_FALSE(reference.at({0, 7}).has_value());  // the empty cell is a missing value
  CHECK(reference.at({0, 6}) == 12.0);
  const KeyedSample deaths = batch.values(static_cast<std::size_t>(batch.metric_index("medical.died_of_wounds")), 0, 1);
  CHECK(deaths.at({0, 4}) == 2.0);  // 4 - 2 saved
  REQUIRE(batch.casualties);
  CHECK(batch.casualties->rows.size() == 2 * (2 * 20 + 4));
  fs::remove_all(dir);
}

TEST_CASE("design parameter columns are settings, not metrics", "[analysis][batch]") {
  const fs::path dir = scratch("design");
  std::ofstream(dir / "batch.json") << R"({"scenario": "s.yaml", "replications": 2, "seed": 1, "policies": [{"name": "a"}],
    "design": {"kind": "full_factorial", "points": [{"design_point": 0, "settings": {"guards.shifts.length": "6h"}},
                                                     {"design_point": 1, "settings": {"guards.shifts.length": "12h"}}]}})";
  std::ofstream(dir / "results.csv") << "design_point,policy,replication,seed,guards.shifts.length,m\n"
                                        "0,a,0,1,6h,1\n0,a,1,1,6h,2\n1,a,0,1,12h,3\n1,a,1,1,12h,\n";
  const BatchTable batch = read_batch(dir);
  CHECK(batch.metrics == std::vector<std::string>{"m"});
  CHECK(batch.design_points_present() == std::vector<int>{0, 1});
  CHECK(batch.design_point(1).label() == "design point 1 (guards.shifts.length=12h)");
  CHECK(batch.values(0, 1, 0).size() == 2);
  CHECK_FALSE(batch.casualties);
  fs::remove_all(dir);
}

TEST_CASE("a directory that is not a batch, or a malformed one, is a clear error", "[analysis][batch]") {
  const fs::path dir = scratch("errors");
  CHECK(error_of(dir / "nowhere") == (dir / "nowhere").string() +
                                         " does not exist; expected a batch directory (campsim batch ... --out DIR writes one)");
  CHECK(error_of(dir).find("is not a batch directory: it has no batch.json") != std::string::npos);

  write_synthetic_batch(dir);
  const fs::path results = dir / "results.csv";
  replace_line(results, 3, "0,night_patrols,2,11,1,1,1,1,1");
  CHECK(error_of(dir) == results.string() + ":4: policy 'night_patrols' is not in batch.json");
  write_synthetic_batch(dir);
  replace_line(results, 3, "0,gao_baseline,2,11,0.98,3,many,0.5,10");
  CHECK(error_of(dir) == results.string() + ":4: column medical.died_of_wounds: expected a number or an empty cell, found 'many'");
  write_synthetic_batch(dir);
  replace_line(results, 3, "0,gao_baseline,1,11,0.98,3,1,0.5,10");
  CHECK(error_of(dir) == results.string() + ":4: a second row for design point 0, policy gao_baseline, replication 1");
  write_synthetic_batch(dir);
  replace_line(results, 3, "0,gao_baseline,2,11,0.98,3");
  CHECK(error_of(dir) == results.string() + ":4: expected 9 fields (as in the header), found 6");
  write_synthetic_batch(dir);
  replace_line(results, 0, "design_point,policy,seed,a,b,c,d,e,f");
  CHECK(error_of(dir) == results.string() + ":1: the header has no 'replication' column");
  write_synthetic_batch(dir);
  std::ofstream(dir / "batch.json") << "{\"policies\": []}";
  CHECK(error_of(dir).find("'policies' must be a non-empty list") != std::string::npos);
  std::ofstream(dir / "batch.json") << "{not json";
  CHECK(error_of(dir).find("batch.json: not valid JSON") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a batch read for a summary keeps the metrics asked for and counts care rows, checking every cell alike", "[analysis][batch]") {
  const fs::path dir = scratch("kept");
  write_synthetic_batch(dir);
  BatchReading reading;
  reading.metrics = std::vector<std::string>{"medical.died_of_wounds", "not.a.column"};
  reading.first_metrics = 1;  // and guards.coverage.overall, the first metric column
  reading.keep_casualties = false;
  const BatchTable all = read_batch(dir);
  const BatchTable kept = read_batch(dir, reading);
  CHECK(kept.metrics == std::vector<std::string>{"guards.coverage.overall", "medical.died_of_wounds"});
  REQUIRE(kept.runs.size() == all.runs.size());
  const auto deaths = static_cast<std::size_t>(all.metric_index("medical.died_of_wounds"));
  for (std::size_t r = 0; r < kept.runs.size(); ++r) {
    REQUIRE(kept.runs[r].values.size() == 2);
    CHECK(kept.runs[r].values[0] == all.runs[r].values[0]);
    CHECK(kept.runs[r].values[1] == all.runs[r].values[deaths]);
  }
  CHECK_FALSE(kept.casualties);
  CHECK(kept.casualty_records == 2 * (2 * 20 + 4));
  CHECK(all.casualty_records == 2 * (2 * 20 + 4));

  // A column not kept is still checked; a file that is not CSV further on is reported before an
  // earlier row's finding, as when the whole file was parsed first.
  const fs::path results = dir / "results.csv";
  replace_line(results, 3, "0,gao_baseline,2,11,0.98,3,1,zz,10");
  const auto error_reading = [&] {
    try {
      read_batch(dir, reading);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK(error_reading() == results.string() + ":4: column medical.compliance.first_aid_10min: expected a number or an empty cell, found 'zz'");
  replace_line(results, 20, "0,gao_baseline,19,11,\"0.98,3,1,0.5,10");
  CHECK(error_reading() == results.string() + ":21: a quoted field is not closed before the end of the file");
  fs::remove_all(dir);
}
