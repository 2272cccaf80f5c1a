// Hostile YAML (issue 10): every case here crashed, hung, ate memory or passed silently before.
// Each must now be refused with a ScenarioError that says which limit or rule, and where.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/input_limits.hpp"
#include "sim/scenario/utf8.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace campsim::scenario {

namespace {

namespace fs = std::filesystem;

// The message of the ScenarioError `f` throws, or "" if it throws none.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-hostile-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

// "billion laughs": level k is a list of ten aliases of level k-1; level 9 expands to 10^10 values.
std::string alias_bomb() {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int k = 1; k <= 9; ++k) {
    text += "a" + std::to_string(k) + ": &a" + std::to_string(k) + " [";
    for (int i = 0; i < 10; ++i) text += (i ? ", *a" : "*a") + std::to_string(k - 1);
    text += "]\n";
  }
  return text;
}

}  // namespace

TEST_CASE("an alias that contains itself is refused at its nesting limit, not a stack overflow", "[scenario][hostile]") {
  const std::string e = error_of([] { parse_yaml_text("a: &a [*a]\n", "self.yaml"); });
  CHECK(contains(e, "self.yaml:1:"));
  CHECK(contains(e, "nested at most 64 deep"));
  // The same through --set.
  Node root = parse_yaml_text("x: 1\n", "base.yaml");
  const std::string via_set = error_of([&] { apply_override(root, "x=&a [*a]"); });
  CHECK(contains(via_set, "--set"));
  CHECK(contains(via_set, "nested at most 64 deep"));
}

TEST_CASE("an alias bomb stops at the expansion budget", "[scenario][hostile]") {
  const std::string e = error_of([] { parse_yaml_text(alias_bomb(), "bomb.yaml"); });
  CHECK(contains(e, "bomb.yaml:"));
  CHECK(contains(e, "at most 100000 values in one file, aliases expanded"));
  // Aliases within the budget still work: 10 x 10 = 100 values.
  const Node ok = parse_yaml_text("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n", "ok.yaml");
  CHECK(ok.find("b")->items.size() == 10);
  CHECK(ok.find("b")->items[9].items.size() == 10);
}

TEST_CASE("nesting deeper than the limit is refused: at the limit it is read", "[scenario][hostile]") {
  const auto nested = [](int depth) { return std::string(static_cast<std::size_t>(depth), '[') + "1" + std::string(static_cast<std::size_t>(depth), ']'); };
  CHECK(error_of([&] { parse_yaml_text(nested(kMaxNestingDepth), "deep.yaml"); }).empty());
  CHECK(contains(error_of([&] { parse_yaml_text(nested(kMaxNestingDepth + 1), "deep.yaml"); }), "nested at most 64 deep"));
}

TEST_CASE("a document over the size limit is refused before parsing", "[scenario][hostile]") {
  const std::string big = "description: '" + std::string(kMaxDocumentBytes, 'x') + "'\n";
  CHECK(contains(error_of([&] { parse_yaml_text(big, "big.yaml"); }), "at most 1048576 bytes"));
  const fs::path dir = scratch("size");
  write(dir / "big.yaml", big);
  const std::string e = error_of([&] { parse_yaml_file(dir / "big.yaml"); });
  CHECK(contains(e, "big.yaml"));
  CHECK(contains(e, "at most 1048576 bytes"));
  fs::remove_all(dir);
}

TEST_CASE("a second YAML document is an error with its line, malformed or not", "[scenario][hostile]") {
  const std::string e = error_of([] { parse_yaml_text("a: 1\n---\nb: 2\n", "two.yaml"); });
  CHECK(contains(e, "two.yaml:3:"));
  CHECK(contains(e, "expected one YAML document"));
  CHECK(contains(error_of([] { parse_yaml_text("a: 1\n---\nb: [unclosed\n", "two.yaml"); }), "valid YAML"));
  // One document with an explicit start marker is fine.
  CHECK(error_of([] { parse_yaml_text("---\na: 1\n", "one.yaml"); }).empty());
}

TEST_CASE("text that is not UTF-8 is refused at its line and column", "[scenario][hostile]") {
  // "caf\xe9": the Latin-1 e-acute is byte 17 of line 2 ("description: caf" is 16 bytes).
  const std::string e = error_of([] { parse_yaml_text("name: x\ndescription: caf\xe9\n", "latin1.yaml"); });
  CHECK(contains(e, "latin1.yaml:2:17:"));
  CHECK(contains(e, "expected UTF-8 text"));
  CHECK(contains(e, "0xE9"));
  // Through --set the column counts from the start of the assignment: "description=caf" is 15 bytes.
  Node root = parse_yaml_text("description: x\n", "base.yaml");
  CHECK(contains(error_of([&] { apply_override(root, "description=caf\xe9"); }), "--set:1:16:"));
  CHECK(error_of([] { parse_yaml_text("description: caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n", "utf8.yaml"); }).empty());
}

TEST_CASE("the UTF-8 check follows RFC 3629", "[scenario][hostile]") {
  CHECK_FALSE(first_invalid_utf8("plain ascii").has_value());
  CHECK_FALSE(first_invalid_utf8("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf").has_value());  // up to U+10FFFF
  CHECK(first_invalid_utf8("ab\x80") == 2u);             // a lone continuation byte
  CHECK(first_invalid_utf8("a\xc0\x80") == 1u);          // overlong NUL
  CHECK(first_invalid_utf8("a\xe0\x80\x80") == 1u);      // overlong three-byte form
  CHECK(first_invalid_utf8("\xed\xa0\x80") == 0u);       // a UTF-16 surrogate
  CHECK(first_invalid_utf8("\xf4\x90\x80\x80") == 0u);   // above U+10FFFF
  CHECK(first_invalid_utf8("\xf5\x80\x80\x80") == 0u);   // no such lead byte
  CHECK(first_invalid_utf8("ok\xe2\x82") == 2u);         // cut short at the end
  CHECK(line_column_of("ab\ncd\nef", 7).line == 3);
  CHECK(line_column_of("ab\ncd\nef", 7).column == 2);
}

TEST_CASE("extends reads only regular files and names the extends line otherwise", "[scenario][hostile][extends]") {
  const fs::path dir = scratch("extends");
  const auto case_file = [&](const std::string& target) {
    write(dir / "case.yaml", "# a case\nextends: " + target + "\nname: x\n");
    return error_of([&] { load_scenario_tree(dir / "case.yaml"); });
  };
  SECTION("a directory") {
    const std::string e = case_file("/");
    CHECK(contains(e, "case.yaml:2:10:"));
    CHECK(contains(e, "is a directory"));
  }
  SECTION("a device that never ends (/dev/zero) and one that never ends either (/dev/urandom)") {
    CHECK(contains(case_file("/dev/zero"), "is a device"));
    CHECK(contains(case_file("/dev/urandom"), "is a device"));
  }
  SECTION("a named pipe that would block for ever") {
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
    const std::string e = case_file("pipe");
    CHECK(contains(e, "case.yaml:2:10:"));
    CHECK(contains(e, "named pipe"));
  }
  SECTION("a text file that is not a scenario (/etc/passwd-like)") {
    write(dir / "passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
    const std::string e = case_file("passwd");
    CHECK(contains(e, "case.yaml:2:10:"));
    CHECK(contains(e, "a scenario file (a YAML map of settings)"));
    CHECK(contains(e, "passwd holds plain text"));
  }
  SECTION("an empty file") {
    write(dir / "empty.yaml", "");
    CHECK(contains(case_file("empty.yaml"), "empty.yaml holds nothing"));
  }
  SECTION("a missing file") {
    CHECK(contains(case_file("nowhere.yaml"), "no file at"));
  }
  SECTION("a chain longer than the limit") {
    for (int i = 0; i < kMaxExtendsChain + 2; ++i)
      write(dir / ("c" + std::to_string(i) + ".yaml"), "extends: c" + std::to_string(i + 1) + ".yaml\nname: x\n");
    write(dir / ("c" + std::to_string(kMaxExtendsChain + 2) + ".yaml"), "name: end\n");
    CHECK(contains(error_of([&] { load_scenario_tree(dir / "c0.yaml"); }), "an extends chain of at most 16 files"));
  }
  SECTION("the top file itself must be a regular file") {
    CHECK(contains(error_of([] { load_scenario_tree("/dev/zero"); }), "a device"));
  }
  fs::remove_all(dir);
}

}  // namespace campsim::scenario
