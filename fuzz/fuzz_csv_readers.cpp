// Fuzzes the two CSV readers: the analysis reader (RFC 4180, what `campsim compare` reads) and
// the batch resume check (what `--resume` keeps). Input: results text, a 0xFF byte, casualties
// text. Checks properties:
//  - parse_csv either throws io::CsvError or returns rows each as wide as the header;
//  - tidy_for_resume either throws BatchInputError or keeps only rows of expected keys with
//    the header's cell count, each key once, and casualty rows only of kept runs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "sim/io/csv.hpp"
#include "sim/batch/row_text.hpp"
#include "sim/batch/resume_check.hpp"
#include "sim/batch/table_lines.hpp"

using namespace campsim;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void analysis_reader(const std::string& text) {
  std::istringstream in(text);
  try {
    const io::CsvTable table = io::parse_csv(in, "fuzz.csv");
    check(!table.header.empty() && table.rows.size() == table.lines.size());
    for (const auto& row : table.rows) check(row.size() == table.header.size());
  } catch (const io::CsvError&) {
  }
}

void resume_check(const std::string& results_text, const std::string& casualties_text) {
  batch::ResumeRules rules;
  rules.policies = {"base", "alt"};
  for (int d = 0; d < 2; ++d)
    for (int p = 0; p < 2; ++p)
      for (int r = 0; r < 3; ++r) rules.expected.insert({d, p, r});
  rules.results_fields = 6;
  rules.casualty_fields = 5;
  rules.fixed_cells = [](const batch::JobKey& key) { return std::vector<std::string>{"7", std::to_string(key.design_point * 2)}; };
  const batch::TableText results = batch::split_table_text(results_text);
  const batch::TableText casualties = batch::split_table_text(casualties_text);
  try {
    const batch::ResumeTidy tidy = batch::tidy_for_resume(results, casualties, rules);
    check(tidy.results.size() == tidy.done.size());
    std::set<batch::JobKey> seen;
    for (const std::string& line : tidy.results) {
      const auto key = batch::key_of_line(line, rules.policies);
      check(key && rules.expected.count(*key) && seen.insert(*key).second);
      check(batch::row_cells(line.substr(0, line.size() - 1)).size() == rules.results_fields);
    }
    for (const std::string& line : tidy.casualties) {
      const auto key = batch::key_of_line(line, rules.policies);
      check(key && tidy.done.count(*key));
      check(batch::row_cells(line.substr(0, line.size() - 1)).size() == rules.casualty_fields);
    }
  } catch (const batch::BatchInputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t split = text.find('\xff');
  analysis_reader(text.substr(0, split));
  resume_check(text.substr(0, split), split == std::string::npos ? std::string() : text.substr(split + 1));
  return 0;
}
