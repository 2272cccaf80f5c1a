// The CSV reader: RFC 4180 quoting, empty cells, line ends, and errors that name file:line.
#include <catch2/catch.hpp>

#include <sstream>

#include "analysis/csv.hpp"

using namespace campsim::analysis;

namespace {

CsvTable parse(const std::string& text) {
  std::istringstream in(text);
  return parse_csv(in, "t.csv");
}

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const CsvError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks", "[analysis][csv]") {
  const CsvTable t = parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3\n");
  REQUIRE(t.header == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(t.rows[1] == std::vector<std::string>{"1", "", "3"});
  CHECK(t.lines == std::vector<long>{2, 4});  // the quoted line break moves the next record to line 4
  CHECK(t.column("c") == 2);
  CHECK(t.column("z") == -1);
}

TEST_CASE("empty cells, trailing empty fields, CRLF and a missing final newline", "[analysis][csv]") {
  const CsvTable t = parse("a,b,c\r\n,,\r\n1,2,\r\n\"\",x,y");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0] == std::vector<std::string>{"", "", ""});
  CHECK(t.rows[1] == std::vector<std::string>{"1", "2", ""});
  CHECK(t.rows[2] == std::vector<std::string>{"", "x", "y"});
}

TEST_CASE("blank lines between records are skipped, not read as rows", "[analysis][csv]") {
  const CsvTable t = parse("a\n1\n\n2\n\n");
  CHECK(t.rows.size() == 2);
  CHECK(t.lines == std::vector<long>{2, 4});
}

TEST_CASE("malformed CSV is an error naming file and line", "[analysis][csv]") {
  CHECK(error_of("a,b\n1,2\n3\n") == "t.csv:3: expected 2 fields (as in the header), found 1");
  CHECK(error_of("a,b\n1,2,3\n") == "t.csv:2: expected 2 fields (as in the header), found 3");
  CHECK(error_of("a,b\n1,\"open\n2,3\n").find("t.csv:2: a quoted field is not closed") == 0);
  CHECK(error_of("a,b\n1,ab\"c\n").find("t.csv:2: a quote inside an unquoted field") == 0);
  CHECK(error_of("a,b\n1,\"ab\"c\n").find("t.csv:2: unexpected 'c' after a closing quote") == 0);
  CHECK(error_of("") == "t.csv:1: empty file: expected a header line");
}
