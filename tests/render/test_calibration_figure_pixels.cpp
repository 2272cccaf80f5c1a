// The calibration figure checked in its pixels, not its script: gnuplot draws a study whose
// answer is known (a record of [1, 3], a kept set at 1.5, a rejected one at 5, the best at 2),
// and the PNG is read back: the kept set's blue dot lies inside the green band where 1.5 falls,
// the rejected grey dot outside it where 5 falls. The band's own edges (1 and 3) give the axis
// scale, so nothing here depends on gnuplot's margins or fonts. Here because this program reads
// PNGs (SFML); skipped, with a warning, without gnuplot.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <limits>

#include <SFML/Graphics/Image.hpp>

#include "analysis/calibration_figure.hpp"
#include "analysis/figure_files.hpp"
#include "analysis/plots.hpp"
#include "analysis/gnuplot_runner.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim;

namespace {

bool near(sf::Color c, int r, int g, int b, int tolerance) {
  return std::abs(c.r - r) <= tolerance && std::abs(c.g - g) <= tolerance && std::abs(c.b - b) <= tolerance;
}

// The mean column of the pixels matching `match` within rows [top, bottom]; NaN if none do.
template <class Match>
double centre_column(const sf::Image& image, unsigned top, unsigned bottom, Match match) {
  double sum = 0;
  long count = 0;
  for (unsigned y = top; y <= bottom; ++y)
    for (unsigned x = 0; x < image.getSize().x; ++x)
      if (match(image.getPixel(x, y))) {
        sum += x;
        ++count;
      }
  return count ? sum / static_cast<double>(count) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

TEST_CASE("the calibration figure puts a kept set inside the record's band and a rejected one outside, by pixels",
          "[render][plots][calibration]") {
  analysis::CalibrationStudy s;
  analysis::CalibrationTarget target;
  target.metric = "medical.died_of_wounds";
  target.low = 1;
  target.high = 3;
  target.note = "died of wounds";
  s.targets = {target};
  const auto fit = [](double mean, bool kept) {
    analysis::SetFit f;
    f.targets = {analysis::TargetFit{3, mean, mean, mean, 0, 0, kept, {}}};
    f.kept = kept;
    f.outside = kept ? 0 : 1;
    return f;
  };
  s.fits = {fit(2, true), fit(5, false), fit(1.5, true)};  // set 0 is the best (diamond), set 2 kept (blue)
  const auto figure = analysis::calibration_figure(s);
  REQUIRE(std::holds_alternative<analysis::FigureFiles>(figure));
  const std::filesystem::path dir = testing::scratch_dir("render", "calibration-figure");
  analysis::PlotOptions options;
  options.gnuplot = analysis::gnuplot_program("");
  const analysis::PlotOutcome drawn = analysis::draw_figures(dir, {std::get<analysis::FigureFiles>(figure)}, options);
  if (drawn.images.empty()) {
    WARN("gnuplot did not draw (not installed?): the calibration figure's pixels are not checked");
    return;
  }
  sf::Image image;
  REQUIRE(image.loadFromFile((dir / "plots" / "calibration_targets.png").string()));

  // The band: #b8e0cf at 80% over white. Its extent in x is 1 to 3 on the axis, in y the plot's height.
  const auto band = [](sf::Color c) { return near(c, 198, 230, 216, 6); };
  unsigned left = image.getSize().x, right = 0, top = image.getSize().y, bottom = 0;
  for (unsigned y = 0; y < image.getSize().y; ++y)
    for (unsigned x = 0; x < image.getSize().x; ++x)
      if (band(image.getPixel(x, y))) {
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
      }
  REQUIRE(right > left + 50);
  REQUIRE(bottom > top + 20);
  const double per_unit = (right + 1.0 - left) / (3 - 1);
  const auto value_at = [&](double column) { return 1 + (column + 0.5 - left) / per_unit; };

  // Inside the plot only (the legend above repeats the markers): a little in from the band's rows.
  const double kept = centre_column(image, top + 3, bottom - 3, [](sf::Color c) { return near(c, 0, 114, 178, 12); });
  const double rejected = centre_column(image, top + 3, bottom - 3, [](sf::Color c) { return near(c, 170, 170, 170, 6); });
  INFO("band " << left << ".." << right << " x " << top << ".." << bottom << ", kept at column " << kept << ", rejected at "
               << rejected);
  REQUIRE(std::isfinite(kept));
  REQUIRE(std::isfinite(rejected));
  CHECK(value_at(kept) == Approx(1.5).margin(0.05));
  CHECK(value_at(rejected) == Approx(5).margin(0.05));
  CHECK(kept > left);
  CHECK(kept < right);
  CHECK(rejected > right);
  std::filesystem::remove_all(dir);
}
