// gnuplot_string, the one function that quotes text from data for gnuplot (issue 24): written by
// hand, then fed to the real gnuplot, which must print each hostile name as its characters and
// run none of it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/gnuplot_runner.hpp"
#include "analysis/gnuplot_text.hpp"
#include "sim/io/visible_text.hpp"

using namespace campsim::analysis;
namespace fs = std::filesystem;

TEST_CASE("gnuplot_string writes a single-quoted literal with quotes doubled", "[analysis][gnuplot]") {
  CHECK(gnuplot_string("gao_12h_shifts") == "'gao_12h_shifts'");
  CHECK(gnuplot_string("") == "''");
  CHECK(gnuplot_string("it's") == "'it''s'");
  CHECK(gnuplot_string("''") == "''''''");
  // Backquotes, $( ), !, @ and double quotes mean nothing inside single quotes: kept as they are.
  CHECK(gnuplot_string("`id` $(id) !id @m \"x\" \\") == "'`id` $(id) !id @m \"x\" \\'");
  // A newline would end the command and run the rest of the name as the next one.
  CHECK(gnuplot_string("a'\nsystem('id')") == "'a''\\nsystem(''id'')'");
  CHECK(gnuplot_string("\x1b[2J") == "'\\x1b[2J'");
}

TEST_CASE("gnuplot_lines joins quoted lines with gnuplot's newline", "[analysis][gnuplot]") {
  CHECK(gnuplot_lines({"one"}) == "'one'");
  CHECK(gnuplot_lines({"one", "it's"}) == "'one'.\"\\n\".'it''s'");
  CHECK(gnuplot_lines({}) == "''");
}

TEST_CASE("gnuplot_data_string keeps a data-file field on its line and closed", "[analysis][gnuplot]") {
  CHECK(gnuplot_data_string("a b") == "\"a b\"");
  CHECK(gnuplot_data_string("say \"hi\"\nnext") == "\"say 'hi'\\nnext\"");
}

TEST_CASE("gnuplot prints each hostile name as written and runs none of it", "[analysis][gnuplot]") {
  const fs::path dir = fs::temp_directory_path() / ("campsim-gnuplot-text-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string pwned = (dir / "PWNED").string();
  const std::vector<std::string> names{
      "it's \"quoted\"",
      "`touch " + pwned + "`",
      "$(touch " + pwned + ")",
      "x' . system('touch " + pwned + "') . '",
      "x\nsystem(\"touch " + pwned + "\")\n!touch " + pwned,
      "x'\n!touch " + pwned + "\n#",
      "@PWNED_MACRO `touch " + pwned + "`",
      "back\\slash\\n and \x1b]0;title\x07",
  };
  std::string script = "PWNED_MACRO = 'system(\"touch " + pwned + "\")'\nset print 'printed.txt'\n";
  for (const std::string& name : names)
    script += "print " + gnuplot_string(name) + "\nprint " + gnuplot_lines({name, name}) + "\n";
  std::ofstream(dir / "names.gp") << script;
  const std::optional<GnuplotFailure> failure = run_gnuplot(gnuplot_program(""), dir / "names.gp");
  if (failure && failure->kind == GnuplotFailure::Kind::cannot_start) {
    WARN("gnuplot is not installed: " << failure->message);
    fs::remove_all(dir);
    return;
  }
  REQUIRE_FALSE(failure);
  std::ostringstream printed;
  printed << std::ifstream(dir / "printed.txt").rdbuf();
  std::string expected;
  for (const std::string& name : names) {
    const std::string shown = campsim::io::visible(name);
    expected += shown + "\n" + shown + "\n" + shown + "\n";
  }
  CHECK(printed.str() == expected);
  CHECK_FALSE(fs::exists(pwned));
  fs::remove_all(dir);
}

TEST_CASE("gnuplot runs with its shell commands unavailable", "[analysis][gnuplot][sandbox]") {
  const fs::path dir = fs::temp_directory_path() / ("campsim-gnuplot-sandbox-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // A script as a quoting mistake would write it: every way gnuplot starts a command.
  const std::string pwned = (dir / "PWNED").string();
  std::ofstream(dir / "shell.gp") << "x = system('touch " << pwned << "1')\n"
                                  << "!touch " << pwned << "2\n"
                                  << "print \"`touch " << pwned << "3`\"\n"
                                  << "set print 'printed.txt'\nprint 'still running'\n";
  const std::optional<GnuplotFailure> failure = run_gnuplot(gnuplot_program(""), dir / "shell.gp");
  if (failure && failure->kind == GnuplotFailure::Kind::cannot_start) {
    WARN("gnuplot is not installed: " << failure->message);
    fs::remove_all(dir);
    return;
  }
  for (int n = 1; n <= 3; ++n) CHECK_FALSE(fs::exists(pwned + std::to_string(n)));
  fs::remove_all(dir);
}
