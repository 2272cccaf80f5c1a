// Laying out words: log lines wrapped to the panel's width (never cut).
#include <catch2/catch.hpp>

#include <string>

#include <SFML/Graphics/Text.hpp>

#include "render/fonts.hpp"
#include "render/text.hpp"
#include "render/text_layout.hpp"

using namespace campsim;

namespace {

// Every character 7 px wide, as a monospaced font would be.
float fixed(const std::string& text) {
  float w = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) w += 7;
  return w;
}

// The words of a text, in order, without the spaces the wrapping took or added.
std::string words(const std::vector<std::string>& pieces) {
  std::string out;
  for (const std::string& p : pieces) {
    const auto start = p.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    if (!out.empty()) out += ' ';
    out += p.substr(start);
  }
  return out;
}

}  // namespace

TEST_CASE("a line that fits is one piece, unchanged", "[render][layout]") {
  const auto pieces = render::wrap_text("D2 20:45:13 QRF 1 en route", 400, fixed);
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0] == "D2 20:45:13 QRF 1 en route");
}

TEST_CASE("a long log line wraps at spaces onto indented lines, each within the width, nothing lost", "[render][layout]") {
  const std::string line = "D1 09:30:00 #4 protest at the gate at (-25, 500): stones thrown at the police line, tear gas";
  const float width = 20 * 7;  // twenty characters
  const auto pieces = render::wrap_text(line, width, fixed, "   ");
  REQUIRE(pieces.size() > 1);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    CHECK(fixed(pieces[i]) <= width);
    if (i > 0) CHECK(pieces[i].rfind("   ", 0) == 0);
    CHECK(pieces[i].back() != ' ');
  }
  CHECK(pieces[0] == "D1 09:30:00 #4");
  CHECK(words(pieces) == line);
}

TEST_CASE("a word longer than the width is broken between characters, not inside one", "[render][layout]") {
  const std::string line = "x " + std::string(30, 'a') + " \xC3\xA9t\xC3\xA9 b";  // "été" in UTF-8
  const auto pieces = render::wrap_text(line, 10 * 7, fixed, "  ");
  std::string joined;
  for (const std::string& p : pieces) {
    CHECK(fixed(p) <= 10 * 7);
    joined += p;
  }
  CHECK(joined.find(std::string(8, 'a')) != std::string::npos);
  CHECK(joined.find("\xC3\xA9t\xC3\xA9") != std::string::npos);  // no sequence split
  std::size_t as = 0;
  for (char c : joined) as += c == 'a';
  CHECK(as == 30);
}

TEST_CASE("log lines measured with the panel's font fit the panel's width", "[render][layout][xvfb]") {
  const render::Fonts fonts = render::load_fonts();
  const auto measure = [&](const std::string& s) { return render::text_width(fonts.mono, s, 11); };
  const std::string line =
      "D1 09:41:20 #7 protest at the gate: ROE: warning shots, casualties 3 (+2), ambulance 2 en route to the main gate";
  const float width = 376;  // the side panel's text width at the default size
  const auto pieces = render::wrap_text(line, width, measure);
  CHECK(pieces.size() >= 2);
  for (const std::string& p : pieces) CHECK(measure(p) <= width);
  CHECK(words(pieces) == line);
  // The measure is sf::Text's own width for one line.
  sf::Text text(sf::String(line), fonts.mono, 11);
  CHECK(measure(line) == Approx(text.findCharacterPos(line.size()).x).margin(0.5));
}
