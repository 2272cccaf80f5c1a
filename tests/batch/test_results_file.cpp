// The growing results files: what survives a kill, what a resume keeps, and the final sort.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/batch/batch_plan.hpp"
#include "sim/batch/results_file.hpp"
#include "sim/batch/sorted_table.hpp"
#include "sim/batch/table_lines.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim::batch;
namespace fs = std::filesystem;
using campsim::testing::slurp;


namespace {

const std::vector<std::string> kPolicies{"base", "alt"};
const std::string kResultsHeader = "design_point,policy,replication,seed,x\n";
const std::string kCasualtiesHeader = "design_point,policy,replication,casualty,outcome\n";

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-results-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

JobRows rows(int point, int policy, int rep, int casualties) {
  JobRows r;
  r.key = {point, policy, rep};
  const std::string prefix = std::to_string(point) + "," + kPolicies[static_cast<std::size_t>(policy)] + "," + std::to_string(rep);
  r.result_line = prefix + ",7," + std::to_string(10 * rep + policy) + "\n";
  for (int c = 0; c < casualties; ++c) r.casualty_lines.push_back(prefix + "," + std::to_string(c) + ",survived\n");
  return r;
}

std::set<JobKey> all_keys(int points, int reps) {
  std::set<JobKey> keys;
  for (int d = 0; d < points; ++d)
    for (int p = 0; p < 2; ++p)
      for (int r = 0; r < reps; ++r) keys.insert({d, p, r});
  return keys;
}

void start(const fs::path& dir) {
  std::ofstream(dir / kResultsFile) << kResultsHeader;
  std::ofstream(dir / kCareFile) << kCasualtiesHeader;
}

}  // namespace

TEST_CASE("rows of a key are recognised by their first three cells", "[batch]") {
  CHECK(key_of_line("3,alt,12,7,0.5\n", kPolicies) == JobKey{3, 1, 12});
  CHECK_FALSE(key_of_line("3,other,12,7\n", kPolicies).has_value());
  CHECK_FALSE(key_of_line("x,base,1\n", kPolicies).has_value());
  CHECK_FALSE(key_of_line("1,base\n", kPolicies).has_value());
}

TEST_CASE("a torn last line is dropped when a table is read", "[batch]") {
  const fs::path dir = fresh_dir("torn");
  std::ofstream(dir / "t.csv") << "h\n0,base,0,7,1\n0,base,1,7";
  const TableText t = read_table(dir / "t.csv");
  CHECK(t.header == "h\n");
  CHECK(t.lines == std::vector<std::string>{"0,base,0,7,1\n"});
  CHECK(t.dropped_partial);
  fs::remove_all(dir);
}

TEST_CASE("resume keeps finished rows, drops torn lines and orphan casualties, and the end is sorted", "[batch]") {
  const std::set<JobKey> expected = all_keys(2, 3);
  // The uninterrupted batch, in some finishing order.
  const fs::path whole = fresh_dir("whole");
  start(whole);
  {
    ResultsFiles files(whole, kPolicies);
    CHECK(files.resume(kResultsHeader, kCasualtiesHeader, expected).empty());
    for (auto it = expected.rbegin(); it != expected.rend(); ++it) files.append(rows(it->design_point, it->policy, it->replication, it->replication));
    files.finish_sorted(expected);
  }
  const std::string results = slurp(whole / kResultsFile);
  CHECK(results.rfind(kResultsHeader + "0,base,0,7,0\n0,base,1,7,10\n", 0) == 0);  // sorted by key

  // An interrupted one: 4 rows done, then the casualties of a fifth (no results row: orphans),
  // then a torn results line, as a kill -9 at the wrong instant leaves them.
  const fs::path cut = fresh_dir("cut");
  start(cut);
  {
    ResultsFiles files(cut, kPolicies);
    files.resume(kResultsHeader, kCasualtiesHeader, expected);
    files.append(rows(1, 1, 2, 2));
    files.append(rows(0, 0, 1, 1));
    files.append(rows(0, 1, 2, 2));
    files.append(rows(1, 0, 0, 0));
  }
  std::ofstream(cut / kCareFile, std::ios::app) << "0,base,2,0,survived\n0,base,2,1,surv";
  std::ofstream(cut / kResultsFile, std::ios::app) << "0,base,2,7,2";
  {
    ResultsFiles files(cut, kPolicies);
    const std::set<JobKey> done = files.resume(kResultsHeader, kCasualtiesHeader, expected);
    CHECK(done == std::set<JobKey>{{1, 1, 2}, {0, 0, 1}, {0, 1, 2}, {1, 0, 0}});
    const std::string tidy = slurp(cut / kCareFile);
    CHECK(tidy.find("0,base,2,") == std::string::npos);  // orphans and the torn line are gone
    CHECK(slurp(cut / kResultsFile).find("0,base,2,7,2") == std::string::npos);
    for (const JobKey& k : expected)
      if (!done.count(k)) files.append(rows(k.design_point, k.policy, k.replication, k.replication));
    files.finish_sorted(expected);
  }
  CHECK(slurp(cut / kResultsFile) == results);
  CHECK(slurp(cut / kCareFile) == slurp(whole / kCareFile));
  fs::remove_all(whole);
  fs::remove_all(cut);
}

TEST_CASE("resume refuses files of another batch and changes nothing", "[batch]") {
  const fs::path dir = fresh_dir("refuse");
  std::ofstream(dir / kResultsFile) << "design_point,policy,replication,seed,y\n";
  std::ofstream(dir / kCareFile) << kCasualtiesHeader;
  ResultsFiles files(dir, kPolicies);
  CHECK_THROWS_AS(files.resume(kResultsHeader, kCasualtiesHeader, all_keys(1, 1)), BatchInputError);
  CHECK(slurp(dir / kResultsFile) == "design_point,policy,replication,seed,y\n");

  std::ofstream(dir / kResultsFile) << kResultsHeader << "0,base,5,7,1\n";  // replication 5 of a 1-replication batch
  CHECK_THROWS_AS(files.resume(kResultsHeader, kCasualtiesHeader, all_keys(1, 1)), BatchInputError);
  CHECK(slurp(dir / kResultsFile) == kResultsHeader + "0,base,5,7,1\n");
  fs::remove_all(dir);
}

TEST_CASE("finishing refuses a table with a missing or repeated row", "[batch]") {
  const fs::path dir = fresh_dir("finish");
  start(dir);
  ResultsFiles files(dir, kPolicies);
  files.resume(kResultsHeader, kCasualtiesHeader, all_keys(1, 1));
  files.append(rows(0, 0, 0, 0));
  CHECK_THROWS_WITH(files.finish_sorted(all_keys(1, 1)), Catch::Contains("lacks 1"));
  fs::remove_all(dir);
}

TEST_CASE("rows are committed in groups, and a kill before a group is committed loses only its runs", "[batch]") {
  const std::set<JobKey> expected = all_keys(1, 3);
  const fs::path dir = fresh_dir("groups");
  start(dir);
  const std::string empty_results = slurp(dir / kResultsFile), empty_care = slurp(dir / kCareFile);
  const fs::path killed = fresh_dir("groups-killed");
  {
    ResultsFiles files(dir, kPolicies);
    files.resume(kResultsHeader, kCasualtiesHeader, expected);
    files.set_commit_bounds(std::chrono::hours(24), 3);  // only the count decides here
    files.append(rows(0, 0, 0, 2));
    files.append(rows(0, 1, 1, 1));
    CHECK(files.held_rows() == 2);
    CHECK(slurp(dir / kResultsFile) == empty_results);  // held, not yet written
    CHECK(slurp(dir / kCareFile) == empty_care);
    files.append(rows(0, 0, 2, 0));  // the third row commits the group
    CHECK(files.held_rows() == 0);
    const std::string results = slurp(dir / kResultsFile), care = slurp(dir / kCareFile);
    CHECK(results.find("0,base,0,7,0\n") != std::string::npos);
    CHECK(results.find("0,alt,1,7,11\n") != std::string::npos);
    CHECK(results.find("0,base,2,7,20\n") != std::string::npos);
    CHECK(care.find("0,base,0,1,survived\n") != std::string::npos);
    CHECK(care.find("0,alt,1,0,survived\n") != std::string::npos);
    files.append(rows(0, 1, 0, 1));  // held when the batch is killed: what the disk holds then
    for (const char* file : {kResultsFile, kCareFile, kChecksumsFile}) fs::copy_file(dir / file, killed / file);
  }  // closed: the held row is committed
  CHECK(slurp(dir / kResultsFile).find("0,alt,0,7,1\n") != std::string::npos);
  ResultsFiles files(killed, kPolicies);
  CHECK(files.resume(kResultsHeader, kCasualtiesHeader, expected) ==
        std::set<JobKey>{{0, 0, 0}, {0, 1, 1}, {0, 0, 2}});  // the held run is done again
  fs::remove_all(dir);
  fs::remove_all(killed);
}

TEST_CASE("a table sorted through an index of its lines keeps the header and the order of equal keys and drops a torn line", "[batch]") {
  const fs::path dir = fresh_dir("indexed");
  std::ofstream(dir / "t.csv") << "h,x\n1,alt,0,a\n0,base,2,b\n1,alt,0,c\n0,base,2,d\n0,alt,1,e\n0,base,0,f\n0,base,9,tor";
  TableIndex index = index_table(dir / "t.csv", kPolicies);
  REQUIRE(index.lines.size() == 6);
  CHECK(index.text(index.lines[1]) == "0,base,2,b\n");
  sort_index(index);
  rewrite_in_index_order(index);
  // By hand: (0,base,0) (0,base,2)x2 in file order, (0,alt,1), (1,alt,0)x2 in file order.
  CHECK(slurp(dir / "t.csv") == "h,x\n0,base,0,f\n0,base,2,b\n0,base,2,d\n0,alt,1,e\n1,alt,0,a\n1,alt,0,c\n");

  std::ofstream(dir / "u.csv") << "h\n0,base,1,a\nnot a row\n";
  TableIndex bad = index_table(dir / "u.csv", kPolicies);
  CHECK_THROWS_WITH(sort_index(bad), Catch::Contains("not a row of this batch: not a row"));
  fs::remove_all(dir);
}

TEST_CASE("a table streamed line by line gives read_table's lines, a line across a piece and a torn end too", "[batch]") {
  const fs::path dir = fresh_dir("streamed");
  // Lines of 1,000 bytes: the 66th crosses the reader's 65,536-byte piece; then a torn line.
  std::string text = "h\n";
  for (int i = 0; i < 100; ++i) text += "0,base," + std::to_string(i) + "," + std::string(990 - std::to_string(i).size(), 'x') + "\n";
  text += "0,base,100,tor";
  std::ofstream(dir / "t.csv") << text;
  const TableText whole = read_table(dir / "t.csv");
  std::string header, bytes;
  std::vector<std::string> lines;
  const LineScan scan = for_each_line(
      dir / "t.csv", [&](std::string_view h) { header = h; },
      [&](std::string_view line, std::size_t index) {
        CHECK(index == lines.size());
        lines.emplace_back(line);
      },
      [&](std::string_view b) { bytes += b; });
  CHECK(header == "h\n");
  CHECK(lines == whole.lines);
  CHECK(lines.size() == 100);
  CHECK(scan.lines == 100);
  CHECK(scan.dropped_partial);
  CHECK(scan.partial == "0,base,100,tor");
  CHECK(bytes == text);
  fs::remove_all(dir);
}
