// campsim's one CSV rule, reading and writing: RFC 4180 quoting, empty cells, line ends, and errors that name file:line.
#include <catch2/catch.hpp>

#include <sstream>

#include "sim/io/csv.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_io_test_csv {

using namespace campsim::io;

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

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks", "[io][csv]") {
  const CsvTable t = parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3\n");
  REQUIRE(t.header == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(t.rows[1] == std::vector<std::string>{"1", "", "3"});
  CHECK(t.lines == std::vector<long>{2, 4});  // the quoted line break moves the next record to line 4
  CHECK(t.column("c") == 2);
  CHECK_FALSE(t.find_column("z"));
  CHECK(t.find_column("c") == std::optional<std::size_t>{2});
  CHECK_THROWS_WITH(t.column("z"), Catch::Matchers::Contains(":1: the header has no 'z' column"));
}

TEST_CASE("empty cells, trailing empty fields, CRLF and a missing final newline", "[io][csv]") {
  const CsvTable t = parse("a,b,c\r\n,,\r\n1,2,\r\n\"\",x,y");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0] == std::vector<std::string>{"", "", ""});
  CHECK(t.rows[1] == std::vector<std::string>{"1", "2", ""});
  CHECK(t.rows[2] == std::vector<std::string>{"", "x", "y"});
}

TEST_CASE("blank lines between records are skipped, not read as rows", "[io][csv]") {
  const CsvTable t = parse("a\n1\n\n2\n\n");
  CHECK(t.rows.size() == 2);
  CHECK(t.lines == std::vector<long>{2, 4});
}

TEST_CASE("malformed CSV is an error naming file and line", "[io][csv]") {
  CHECK(error_of("a,b\n1,2\n3\n") == "t.csv:3: expected 2 fields (as in the header), found 1");
  CHECK(error_of("a,b\n1,2,3\n") == "t.csv:2: expected 2 fields (as in the header), found 3");
  CHECK(error_of("a,b\n1,\"open\n2,3\n").find("t.csv:2: a quoted field is not closed") == 0);
  CHECK(error_of("a,b\n1,ab\"c\n").find("t.csv:2: a quote inside an unquoted field") == 0);
  CHECK(error_of("a,b\n1,\"ab\"c\n").find("t.csv:2: unexpected 'c' after a closing quote") == 0);
  CHECK(error_of("") == "t.csv:1: empty file: expected a header line");
}

TEST_CASE("a cell is quoted exactly when a reader could not take it as is", "[io][csv]") {
  CHECK(csv_cell("guards.shifts.length") == "guards.shifts.length");
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("[1, 2]") == "\"[1, 2]\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_cell("cr\ronly") == "\"cr\ronly\"");
  // Space at either end is part of the field (RFC 4180), but some readers trim it: quoted.
  CHECK(csv_cell(" lead") == "\" lead\"");
  CHECK(csv_cell("trail ") == "\"trail \"");
  CHECK(csv_cell("in side") == "in side");
  CHECK(csv_line({"a", "", "b,c"}) == "a,,\"b,c\"\n");
}

TEST_CASE("whatever is written reads back as the same cells", "[io][csv]") {
  const std::vector<std::string> hostile = {"plain", "", "a,b", "\"", "\"\"", "two\nlines", "crlf\r\n",
                                            " x ", ",", "\"quoted\"", "tab\there", "=1+1"};
  std::string text = csv_line({"h1", "h2"});
  for (std::size_t i = 0; i + 1 < hostile.size(); ++i) text += csv_line({hostile[i], hostile[i + 1]});
  const CsvTable t = parse(text);
  REQUIRE(t.rows.size() == hostile.size() - 1);
  for (std::size_t i = 0; i + 1 < hostile.size(); ++i) {
    CHECK(t.rows[i][0] == hostile[i]);
    CHECK(t.rows[i][1] == hostile[i + 1]);
  }
  // One line at a time, as batch files are read, by the same rule.
  CHECK(split_csv_line("a,\"b,c\",\"d\"\"e\"") == std::optional<std::vector<std::string>>({"a", "b,c", "d\"e"}));
  CHECK(split_csv_line("") == std::optional<std::vector<std::string>>({""}));
  CHECK_FALSE(split_csv_line("a,\"open"));
  CHECK_FALSE(split_csv_line("a\"b"));
  CHECK_FALSE(split_csv_line("a\nb"));
}

TEST_CASE("a table read in pieces gives the records and errors of the whole text, whatever straddles a piece", "[io][csv]") {
  // The reader takes 65,536 bytes at a time: put each two-character sequence that needs its second
  // character (a doubled quote, a closing quote and its comma, CRLF, a CR before something else)
  // across that boundary, and check the cells and lines by hand.
  constexpr std::size_t kPiece = 1 << 16;
  const std::string header = "a,b\n";
  const auto padded_to = [&](std::size_t at) {  // a first row whose text ends just before byte `at`
    return header + "\"" + std::string(at - header.size() - 1, 'x');
  };
  {
    const std::string text = padded_to(kPiece - 1) + "\"\"y\",z\n";  // "" at bytes 65535-65536
    const CsvTable t = parse(text);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][0] == std::string(kPiece - header.size() - 2, 'x') + "\"y");
    CHECK(t.rows[0][1] == "z");
  }
  {
    const std::string text = padded_to(kPiece - 1) + "\",z\r\n1,2\n";  // the closing quote, then its comma
    const CsvTable t = parse(text);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][1] == "z");
    CHECK(t.rows[1] == std::vector<std::string>{"1", "2"});
    CHECK(t.lines == std::vector<long>{2, 3});
  }
  {
    const std::string row = std::string(kPiece - header.size() - 3, 'x') + ",y";  // its \r at byte 65535
    const CsvTable t = parse(header + row + "\r\n1,2\r\n");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][1] == "y");
    CHECK(t.rows[1] == std::vector<std::string>{"1", "2"});
    CHECK(error_of(header + row + "\r1,2\n") == "t.csv:2: a carriage return not followed by a line feed");
    CHECK(error_of(header + row + "\r") == "t.csv:2: a carriage return not followed by a line feed");
  }
  CHECK(error_of(padded_to(kPiece + 10)) == "t.csv:2: a quoted field is not closed before the end of the file");
}

}  // namespace unity_io_test_csv
