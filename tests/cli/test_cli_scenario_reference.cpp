// docs/scenario-reference.md cannot fall behind the readers (issue 20, item 5): every parameter
// that a shipped scenario reads (`campsim params`, which lists what the readers actually read,
// defaults included) is named in the reference, in the section of its top-level key.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "run_cli.hpp"
#include "sim/io/csv.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

// The text of the reference's section "## `top`" (heading suffixes such as "(required)" allowed),
// up to the next level-2 heading; empty when there is none.
std::string section_of(const std::string& reference, const std::string& top) {
  const std::string heading = "\n## `" + top + "`";
  const std::size_t begin = reference.find(heading);
  if (begin == std::string::npos) return {};
  const std::size_t end = reference.find("\n## ", begin + heading.size());
  return reference.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// "camp.roads.edges[].from" -> {"camp", "from"}.
std::pair<std::string, std::string> top_and_leaf(const std::string& path) {
  std::string plain = std::regex_replace(path, std::regex(R"(\[\])"), "");
  const std::size_t first = plain.find('.'), last = plain.rfind('.');
  return {plain.substr(0, first), first == std::string::npos ? plain : plain.substr(last + 1)};
}

bool names(const std::string& text, const std::string& word) {
  return std::regex_search(text, std::regex("(^|[^A-Za-z0-9_])" + word + "($|[^A-Za-z0-9_])"));
}

}  // namespace

TEST_CASE("the rule that finds a key in the reference tells a named key from a missing one", "[cli][docs]") {
  const std::string reference = "# x\n\n## `camp` (required)\n\n| `gates` | list | `{name, position: point}` |\n\n## `qrf`\n\n`base`\n";
  CHECK(top_and_leaf("camp.gates[].position") == std::pair<std::string, std::string>{"camp", "position"});
  CHECK(names(section_of(reference, "camp"), "position"));
  CHECK_FALSE(names(section_of(reference, "camp"), "base"));  // named, but in another section
  CHECK_FALSE(names(section_of(reference, "camp"), "pos"));   // a word, not a part of one
  CHECK(section_of(reference, "medical").empty());
}

TEST_CASE("every parameter a shipped scenario reads is named in docs/scenario-reference.md", "[cli][docs]") {
  const CliResult r = run_cli("params scenarios --format csv");
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.output);
  const campsim::io::CsvTable table = campsim::io::parse_csv(in, "campsim params --format csv");
  const std::size_t column = static_cast<std::size_t>(table.column("parameter"));
  std::set<std::string> parameters;
  for (const auto& row : table.rows) parameters.insert(row[column]);
  REQUIRE(parameters.size() > 300);  // the whole register, not an empty listing

  const std::string reference = read_file(fs::path(CAMPSIM_SOURCE_DIR) / "docs" / "scenario-reference.md");
  std::vector<std::string> missing;
  for (const std::string& path : parameters) {
    const auto [top, leaf] = top_and_leaf(path);
    if (!names(section_of(reference, top), leaf)) missing.push_back(path);
  }
  std::string list;
  for (const std::string& path : missing) list += " " + path;
  INFO("read by the scenario readers but not named in docs/scenario-reference.md:" << list);
  CHECK(missing.empty());
}
