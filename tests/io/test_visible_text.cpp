// io::visible, the one function that makes text from data safe to show (issue 24): control
// characters reach neither a terminal nor a gnuplot script; ordinary text is left alone.
#include <catch2/catch.hpp>

#include "sim/io/visible_text.hpp"

using campsim::io::visible;

TEST_CASE("visible keeps ordinary text, any script, quotes and backslashes", "[io][visible]") {
  CHECK(visible("gao_12h_shifts") == "gao_12h_shifts");
  CHECK(visible("Camp Gao, 2014 'part day' \"B\" \\ $(x) `y` !z") == "Camp Gao, 2014 'part day' \"B\" \\ $(x) `y` !z");
  CHECK(visible("Gaó – 高 – 🙂") == "Gaó – 高 – 🙂");
  CHECK(visible("") == "");
}

TEST_CASE("visible writes out every control character a terminal would obey", "[io][visible]") {
  CHECK(visible("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(visible("\x1b[2J\x1b]0;owned\x07") == "\\x1b[2J\\x1b]0;owned\\x07");
  CHECK(visible(std::string("nul\0end", 7)) == "nul\\x00end");
  CHECK(visible("del\x7f") == "del\\x7f");
  // C1 controls in UTF-8 (U+009B is a one-character CSI on some terminals).
  CHECK(visible("a\xc2\x9b" "2Jb") == "a\\u009b2Jb");
  // Line separators and bidirectional overrides (the "Trojan source" reordering).
  CHECK(visible("x\xe2\x80\xa8y\xe2\x80\xaez\xe2\x81\xa6w") == "x\\u2028y\\u202ez\\u2066w");
}

TEST_CASE("visible writes out bytes that are not UTF-8", "[io][visible]") {
  CHECK(visible("caf\xe9") == "caf\\xe9");                      // Latin-1
  CHECK(visible("\xc0\xaf") == "\\xc0\\xaf");                    // overlong '/'
  CHECK(visible("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // a surrogate
  CHECK(visible("cut\xe2\x82") == "cut\\xe2\\x82");               // a sequence cut short
}

TEST_CASE("visible's output holds no control character at all", "[io][visible]") {
  std::string every_byte;
  for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
  for (unsigned char c : visible(every_byte)) CHECK((c >= 0x20 && c != 0x7f));
}

TEST_CASE("visible_lines keeps line feeds and writes out everything else", "[io][visible]") {
  using campsim::io::visible_lines;
  CHECK(visible_lines("a.yaml:3:9: bad name 'x\x1b[2J'\n1 error(s)") == "a.yaml:3:9: bad name 'x\\x1b[2J'\n1 error(s)");
  CHECK(visible_lines("\n\r\n") == "\n\\r\n");
  CHECK(visible_lines("") == "");
}
