// Integrity of a batch's files (issue 24, item 2): every results row and every run's casualty
// rows are checked against the sums recorded as they were committed (checksums.csv), and a
// finished batch's files against batch.json's "files"; damage is named by file and line.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/batch/batch_files.hpp"
#include "sim/batch/resume_check.hpp"
#include "sim/batch/row_checksums.hpp"
#include "tests/support/scratch_files.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_batch_test_row_checksums {

using namespace campsim::batch;
namespace fs = std::filesystem;
using campsim::testing::slurp;

using Json = nlohmann::ordered_json;

namespace {

const std::vector<std::string> kSumPolicies{"base", "alt"};

void spit(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// A finished batch of 2 policies x 2 replications, written the way campsim writes one: run
// (0, p, r) has p + r casualty rows.
struct SumBatch {
  fs::path dir;
  Json manifest;
  explicit SumBatch(const std::string& name)
      : dir(fs::temp_directory_path() / ("campsim-sums-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string results = "design_point,policy,replication,seed,x\n", care = "design_point,policy,replication,c\n",
                sums = kChecksumsHeader;
    for (int p = 0; p < 2; ++p)
      for (int r = 0; r < 2; ++r) {
        const std::string key = "0," + kSumPolicies[static_cast<std::size_t>(p)] + "," + std::to_string(r);
        const std::string row = key + ",7," + std::to_string(10 * p + r) + ".25\n";
        std::vector<std::string> casualties;
        for (int c = 0; c < p + r; ++c) casualties.push_back(key + "," + std::to_string(c) + "\n");
        results += row;
        for (const std::string& line : casualties) care += line;
        sums += checksum_line({0, p, r}, kSumPolicies[static_cast<std::size_t>(p)], run_sum(row, casualties));
      }
    spit(dir / kResultsFile, results);
    spit(dir / kCareFile, care);
    spit(dir / kChecksumsFile, sums);
    manifest = {{"policies", Json::array({{{"name", "base"}}, {{"name", "alt"}}})}};
    manifest["files"] = file_sums(dir);
  }
  ~SumBatch() { fs::remove_all(dir); }
  std::optional<std::string> problem(bool finished = true) const { return integrity_problem(dir, manifest, finished); }
  void replace(const char* file, const std::string& from, const std::string& to) const {
    std::string text = slurp(dir / file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    spit(dir / file, text.replace(at, from.size(), to));
  }
};

bool has(const std::optional<std::string>& text, const std::string& part) {
  return text && text->find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("crc32_of is the CRC-32 of zlib and PNG", "[batch][checksums]") {
  CHECK(crc32_of("123456789") == 0xcbf43926u);  // the standard check value
  CHECK(crc32_hex(0xcbf43926u) == "cbf43926");
  CHECK(crc32_hex(0x1u) == "00000001");
  CHECK(run_sum("a\n", {"b\n", "c\n"}) == RunSum{crc32_of("a\n"), 2, crc32_of("b\nc\n")});
}

TEST_CASE("an undamaged batch verifies: each kind of damage is named by file and line", "[batch][checksums]") {
  SECTION("undamaged") {
    SumBatch b("clean");
    CHECK_FALSE(b.problem());
    CHECK(b.manifest["files"]["results.csv"]["rows"] == 4);
    CHECK(b.manifest["files"]["care.csv"]["rows"] == 4);  // 0 + 1 + 1 + 2
  }
  SECTION("a changed digit in a results row") {
    SumBatch b("digit");
    b.replace(kResultsFile, "0,alt,0,7,10.25", "0,alt,0,7,10.35");
    const auto p = b.problem();
    CHECK(has(p, "results.csv line 4 (design point 0, policy alt, replication 0) is not the row that was written"));
    CHECK(has(p, "checksums.csv line 4 records"));
    CHECK(has(b.problem(false), "results.csv line 4"));  // unfinished batches too
  }
  SECTION("a changed casualty row, a dropped one, and one too many") {
    SumBatch b("care");
    b.replace(kCareFile, "0,alt,1,1\n", "0,alt,1,9\n");
    CHECK(has(b.problem(), "care.csv line 4: the casualty rows of design point 0, policy alt, replication 1 (2 from this line) "
                           "are not the rows that were written"));
    b.replace(kCareFile, "0,alt,1,9\n", "");
    CHECK(has(b.problem(), "has 1 casualty rows where checksums.csv line 5 records 2"));
    b.replace(kCareFile, "0,alt,1,0\n", "0,alt,1,0\n0,alt,1,1\n0,alt,1,1\n");
    CHECK(has(b.problem(), "has 3 casualty rows where checksums.csv line 5 records 2"));
  }
  SECTION("a run's casualty rows all gone") {
    SumBatch b("care-gone");
    b.replace(kCareFile, "0,alt,1,0\n0,alt,1,1\n", "");
    CHECK(has(b.problem(), "care.csv lacks the 2 casualty rows of design point 0, policy alt, replication 1"));
  }
  SECTION("the last row dropped: a finished batch misses it, an unfinished one is being written") {
    SumBatch b("dropped");
    b.replace(kResultsFile, "0,alt,1,7,11.25\n", "");
    b.replace(kCareFile, "0,alt,1,0\n0,alt,1,1\n", "");
    CHECK(has(b.problem(), "results.csv lacks the row of design point 0, policy alt, replication 1 (checksums.csv line 5"));
    CHECK_FALSE(b.problem(false));
  }
  SECTION("a row and its sum both dropped: batch.json's row count") {
    SumBatch b("both");
    b.replace(kResultsFile, "0,alt,1,7,11.25\n", "");
    b.replace(kCareFile, "0,alt,1,0\n0,alt,1,1\n", "");
    std::string sums = slurp(b.dir / kChecksumsFile);
    sums = sums.substr(0, sums.rfind("0,alt,1,"));
    spit(b.dir / kChecksumsFile, sums);
    CHECK(has(b.problem(), "results.csv holds 3 rows where batch.json records 4"));
  }
  SECTION("a header changed: batch.json's CRC") {
    SumBatch b("header");
    b.replace(kResultsFile, "seed,x", "seed,y");
    CHECK(has(b.problem(), "results.csv is not the file that was written: its CRC-32 is"));
    b.replace(kResultsFile, "seed,y", "seed,x");
    b.replace(kResultsFile, "design_point", "\xEF\xBB\xBF" "design_point");  // a byte-order mark
    CHECK(has(b.problem(), "results.csv is not the file that was written"));
  }
  SECTION("a torn last row, a repeated row, a garbage row") {
    SumBatch b("torn");
    b.replace(kResultsFile, "11.25\n", "11.2");
    CHECK(has(b.problem(), "results.csv line 5 is a torn row"));
    b.replace(kResultsFile, "11.2", "11.25\n0,alt,1,7,11.25\n");
    CHECK(has(b.problem(), "results.csv line 6 repeats the row of design point 0, policy alt, replication 1"));
    b.replace(kResultsFile, "0,alt,1,7,11.25\n0,alt,1,7,11.25\n", "0,alt,1,7,11.25\n\"garbage\n");
    CHECK(has(b.problem(), "results.csv line 6 is not a row of this batch"));
  }
  SECTION("checksums.csv damaged, missing, or a directory") {
    SumBatch b("ledger");
    b.replace(kChecksumsFile, "0,base,1,", "0,base,1,zz");
    CHECK(has(b.problem(), "checksums.csv line 3 is damaged"));
    fs::remove(b.dir / kChecksumsFile);
    CHECK(has(b.problem(), "checksums.csv is missing (batch.json records it)"));
    fs::create_directory(b.dir / kChecksumsFile);
    CHECK_THROWS_AS(b.problem(), BatchInputError);
  }
  SECTION("batch.json's sums removed from a finished batch") {
    SumBatch b("nofiles");
    b.manifest.erase("files");
    CHECK(has(b.problem(), "records no file sums although the batch is finished"));
  }
  SECTION("a directory from before checksums: not verified, and said") {
    SumBatch b("legacy");
    fs::remove(b.dir / kChecksumsFile);
    b.manifest.erase("files");
    bool unverified = false;
    CHECK_FALSE(integrity_problem(b.dir, b.manifest, true, &unverified));
    CHECK(unverified);
  }
}

TEST_CASE("a resume drops every row that differs from its sum, and keeps the rest", "[batch][checksums][resume]") {
  ResumeRules rules;
  rules.policies = kSumPolicies;
  for (int p = 0; p < 2; ++p)
    for (int r = 0; r < 2; ++r) rules.expected.insert({0, p, r});
  rules.results_fields = 5;
  rules.casualty_fields = 4;
  const std::string row00 = "0,base,0,7,0.25\n", row01 = "0,base,1,7,1.25\n", row10 = "0,alt,0,7,10.25\n";
  const std::vector<std::string> care01{"0,base,1,0\n"}, care10{"0,alt,0,0\n"};
  std::map<JobKey, RunSum> sums{{{0, 0, 0}, run_sum(row00, {})}, {{0, 0, 1}, run_sum(row01, care01)},
                                {{0, 1, 0}, run_sum(row10, care10)}};
  rules.sums = &sums;
  TableText results, care;
  results.header = "h\n";
  care.header = "h\n";
  // Row 0,base,0 with a changed digit; 0,base,1 intact; 0,alt,0 with its casualty changed;
  // 0,alt,1 with no sum at all (cut short as it was committed).
  results.lines = {"0,base,0,7,0.35\n", row01, row10, "0,alt,1,7,11.25\n"};
  care.lines = {care01[0], "0,alt,0,5\n"};
  const ResumeTidy tidy = tidy_for_resume(results, care, rules);
  CHECK(tidy.done == std::set<JobKey>{{0, 0, 1}});
  CHECK(tidy.results == std::vector<std::string>{row01});
  CHECK(tidy.casualties == care01);
  const auto noted = [&](const std::string& part) {
    return std::any_of(tidy.notes.begin(), tidy.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
  };
  CHECK(noted("results.csv line 2: it is not the row that was written"));
  CHECK(noted("results.csv line 5: no checksum was recorded for it"));
  CHECK(noted("care.csv line 3: the casualty rows of design point 0, policy alt, replication 0 are not the ones written"));
  // Without sums (a caller without the file) the same rows pass the other checks.
  rules.sums = nullptr;
  CHECK(tidy_for_resume(results, care, rules).done.size() == 4);
}

}  // namespace unity_batch_test_row_checksums
