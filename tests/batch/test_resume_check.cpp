// What a resume keeps (issue 10): every kept row checked completely; damage dropped and run
// again; rows of another batch refused with their line number; missing files refused.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "sim/batch/resume_check.hpp"
#include "sim/batch/results_file.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_batch_test_resume_check {

using namespace campsim::batch;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kPolicies{"base", "alt"};

ResumeRules rules() {
  ResumeRules r;
  r.policies = kPolicies;
  for (int p = 0; p < 2; ++p)
    for (int rep = 0; rep < 3; ++rep) r.expected.insert({0, p, rep});
  r.results_fields = 6;   // design_point,policy,replication,seed,x,y
  r.casualty_fields = 5;  // design_point,policy,replication,casualty,outcome
  r.fixed_cells = [](const JobKey&) { return std::vector<std::string>{"7"}; };
  return r;
}

TableText table(std::vector<std::string> lines, std::string partial = "") {
  TableText t;
  t.header = "header\n";
  t.lines = std::move(lines);
  t.dropped_partial = !partial.empty();
  t.partial = std::move(partial);
  return t;
}

bool any_note_has(const ResumeTidy& t, const std::string& part) {
  for (const std::string& n : t.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("resume keeps whole, well-formed rows and their casualties", "[batch][resume]") {
  const ResumeTidy t = tidy_for_resume(table({"0,base,0,7,1.5,\n", "0,alt,2,7,-3e-05,4\n"}),
                                       table({"0,base,0,1,survived\n", "0,alt,2,1,died\n", "0,base,1,1,orphan\n"}), rules());
  CHECK(t.done == std::set<JobKey>{{0, 0, 0}, {0, 1, 2}});
  CHECK(t.results.size() == 2);
  CHECK(t.casualties == std::vector<std::string>{"0,base,0,1,survived\n", "0,alt,2,1,died\n"});  // the orphan goes
  CHECK(t.notes.empty());
}

TEST_CASE("a torn results row glued to a garbage line is dropped and its run done again", "[batch][resume]") {
  // The torn "0,base,1,7,0.9" lost its line end; the garbage line that followed joined it.
  const ResumeTidy t = tidy_for_resume(table({"0,base,0,7,1,2\n", "0,base,1,7,0.9#@!garbage,x,y,z\n"}), table({}), rules());
  CHECK(t.done == std::set<JobKey>{{0, 0, 0}});
  CHECK(t.results.size() == 1);
  CHECK(any_note_has(t, "results.csv line 3: 8 cells where the header has 6"));
}

TEST_CASE("a results row with the right cell count but a non-number metric is dropped", "[batch][resume]") {
  const ResumeTidy t = tidy_for_resume(table({"0,base,0,7,1.5x,2\n", "0,base,1,7,1,nan-ish\n", "0,base,2,8,1,2\n"}),
                                       table({}), rules());
  CHECK(t.done.empty());
  CHECK(any_note_has(t, "results.csv line 2: cell 5 is '1.5x', neither empty nor a number"));
  CHECK(any_note_has(t, "results.csv line 3: cell 6 is 'nan-ish'"));
  CHECK(any_note_has(t, "results.csv line 4: cell 4 is '8' where this batch writes '7'"));  // another seed
}

TEST_CASE("a well-formed row of another batch stops the resume with its line number", "[batch][resume]") {
  CHECK_THROWS_WITH(tidy_for_resume(table({"0,base,0,7,1,2\n", "0,base,9,7,1,2\n"}), table({}), rules()),
                    Catch::Contains("results.csv line 3 is a row of another batch") &&
                        Catch::Contains("replication 9"));
  CHECK_THROWS_WITH(tidy_for_resume(table({}), table({"1,alt,0,1,died\n"}), rules()),
                    Catch::Contains("care.csv line 2 is a row of another batch"));
}

TEST_CASE("a torn casualty row of a finished run sends that run back", "[batch][resume]") {
  // Run (0, base, 0) has its results row, but its second casualty row is torn: a casualty would
  // be lost if the run were kept.
  const ResumeTidy t = tidy_for_resume(table({"0,base,0,7,1,2\n", "0,base,1,7,1,2\n"}),
                                       table({"0,base,0,1,survived\n", "0,base,1,1,died\n"}, "0,base,0,2,surv"), rules());
  CHECK(t.done == std::set<JobKey>{{0, 0, 1}});
  CHECK(t.casualties == std::vector<std::string>{"0,base,1,1,died\n"});
  CHECK(any_note_has(t, "care.csv line 4 is a torn row of a finished run"));
}

TEST_CASE("damaged casualty rows send back the run they belong to, or both neighbours", "[batch][resume]") {
  const auto results = table({"0,base,0,7,1,2\n", "0,base,1,7,1,2\n", "0,base,2,7,1,2\n"});
  SECTION("a torn row glued to the next still starts with its key") {
    const ResumeTidy t = tidy_for_resume(results, table({"0,base,0,1,surv0,base,1,1,died\n", "0,base,2,1,died\n"}), rules());
    CHECK(t.done == std::set<JobKey>{{0, 0, 1}, {0, 0, 2}});
    CHECK(any_note_has(t, "care.csv line 2: 9 cells where the header has 5"));
  }
  SECTION("a garbage line without a key: the runs on both sides go back") {
    const ResumeTidy t = tidy_for_resume(
        results, table({"0,base,0,1,survived\n", "\x01\x02 garbage\n", "0,base,1,1,died\n", "0,base,2,1,died\n"}), rules());
    CHECK(t.done == std::set<JobKey>{{0, 0, 2}});
  }
}

TEST_CASE("a repeated run with other values is dropped: an identical repeat is kept once", "[batch][resume]") {
  const ResumeTidy t =
      tidy_for_resume(table({"0,base,0,7,1,2\n", "0,base,0,7,1,2\n", "0,alt,0,7,1,2\n", "0,alt,0,7,1,3\n"}), table({}), rules());
  CHECK(t.done == std::set<JobKey>{{0, 0, 0}});
  CHECK(t.results.size() == 1);
  CHECK(any_note_has(t, "results.csv line 5 repeats the run of line 4 with other values"));
}

TEST_CASE("resume refuses a batch directory whose results.csv was deleted, and cleans dead rewrites", "[batch][resume]") {
  const fs::path dir = fs::temp_directory_path() / ("campsim-resume-check-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / kCareFile) << "design_point,policy,replication,casualty,outcome\n";
  ResultsFiles files(dir, kPolicies);
  CHECK_THROWS_AS(files.resume("design_point,policy,replication,seed,x,y\n", "design_point,policy,replication,casualty,outcome\n",
                               rules().expected),
                  BatchInputError);
  CHECK_THROWS_WITH(files.resume("h\n", "h\n", rules().expected), Catch::Contains("results.csv is missing"));
  fs::remove_all(dir);
}

}  // namespace unity_batch_test_resume_check
