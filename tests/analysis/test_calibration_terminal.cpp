// What `campsim calibrate` prints about the best set: within 100 columns whatever the targets are
// called, every target's note whole, and the columns aligned by characters, not bytes.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "analysis/calibration_terminal.hpp"
#include "analysis/terminal_headline.hpp"

using namespace campsim::analysis;

namespace {

std::size_t columns(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST_CASE("the calibrate command's target table fits 100 columns, notes on their own lines", "[analysis][calibration]") {
  CalibrationStudy s;
  CalibrationTarget deaths;
  deaths.metric = "threats.casualties_by_cause.indirect_fire.killed + threats.casualties_by_cause.vehicle_bomb.killed + "
                  "medical.casualties.died_of_wounds_by_cause.indirect_fire";
  deaths.note = "peacekeepers killed by hostile acts inside the Gao camp (outright or of wounds), in ten years, a note "
                "long enough to need a second line on any terminal";
  deaths.low = 0;
  deaths.high = 1;
  CalibrationTarget plain;
  plain.metric = "threats.by_kind.indirect_fire.incidents";  // no note: the metric names it
  plain.low = 0.2;
  plain.high = 3;
  s.targets = {deaths, plain};
  SetFit fit;
  fit.targets = {TargetFit{3, 0.5, 0, 0.9, 0.1, 1.02, true, {}}, TargetFit{3, 0, 0, 0, 0, INFINITY, false, {}}};
  s.fits = {fit};
  const std::string text = terminal_target_table(s, 0, kTerminalWidth);
  INFO(text);
  std::istringstream lines(text);
  std::vector<std::string> all;
  for (std::string line; std::getline(lines, line);) {
    CHECK(columns(line) <= kTerminalWidth);
    all.push_back(line);
  }
  // The header, then for each target its name (wrapped, whole) and a row of numbers.
  CHECK(text.find("`") == std::string::npos);
  CHECK(text.find("\nthreats.by_kind.indirect_fire.incidents\n") != std::string::npos);
  CHECK(text.find("threats.casualties_by_cause") == std::string::npos);  // the note stands for the sum
  // "inside?" starts in the same column on every row, after the infinite implausibility (three
  // bytes, one column) too.
  REQUIRE(all.size() == 7);
  CHECK(all[2] + " " + all[3] == deaths.note);  // wrapped onto two lines, nothing lost
  const std::string& header = all[1];
  const std::size_t inside_column = columns(header.substr(0, header.find("inside?")));
  const std::string& finite = all[all.size() - 3];
  const std::string& infinite = all.back();
  CHECK(infinite.find("∞") != std::string::npos);
  CHECK(columns(finite.substr(0, finite.find(" yes") + 1)) == inside_column);
  CHECK(columns(infinite.substr(0, infinite.find(" no") + 1)) == inside_column);
}
