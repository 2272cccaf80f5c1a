// The viewer draws what the snapshot says, where the layout says. Runs under Xvfb (see CMake).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "render/overlays.hpp"
#include "render/palette.hpp"
#include "render/triangulate.hpp"
#include "sim/camp/camp_run.hpp"

using namespace campsim;

namespace {

double triangles_area(const std::vector<camp::Point>& polygon) {
  double area = 0;
  for (const auto& t : render::triangulate(polygon))
    area += std::abs(camp::signed_area(std::vector<camp::Point>{polygon[t[0]], polygon[t[1]], polygon[t[2]]}));
  return area;
}

}  // namespace

TEST_CASE("triangulation covers concave polygons exactly", "[render]") {
  const std::vector<camp::Point> ell{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {0, 3}};
  CHECK(render::triangulate(ell).size() == ell.size() - 2);
  CHECK(triangles_area(ell) == Approx(6.0));
  std::vector<camp::Point> clockwise(ell.rbegin(), ell.rend());
  CHECK(triangles_area(clockwise) == Approx(6.0));
  // A five-pointed star: 10 corners, half of them reflex.
  std::vector<camp::Point> star;
  for (int i = 0; i < 10; ++i) {
    const double r = i % 2 == 0 ? 10 : 4, a = i * 3.14159265358979 / 5;
    star.push_back({r * std::cos(a), r * std::sin(a)});
  }
  CHECK(triangles_area(star) == Approx(std::abs(camp::signed_area(star))));
}

TEST_CASE("the view frame keeps north up and the camp inside the margins", "[render]") {
  camp::CampLayout layout;
  layout.perimeter = {{0, 0}, {1500, 0}, {1500, 1000}, {0, 1000}};
  const render::ViewFrame frame = render::fit_layout(layout, 600, 400, 20);
  CHECK(frame.scale == Approx(0.36));  // min(560/1500, 360/1000)
  const sf::Vector2f south_west = frame.to_pixels({0, 0}), north_east = frame.to_pixels({1500, 1000});
  CHECK(south_west.x == Approx(30));  // (600 - 540) / 2
  CHECK(south_west.y == Approx(380));
  CHECK(north_east.x == Approx(570));
  CHECK(north_east.y == Approx(20));
}

TEST_CASE("no two meanings in the viewer's legend share a colour", "[render][palette]") {
  // Every colour that carries a meaning (a row's fill or rim; outlines are neutral borders).
  std::vector<std::pair<std::string, sf::Color>> meanings;
  std::string row_name;
  for (const render::LegendRow& row : render::legend_rows()) {
    row_name = row.text.empty() ? row_name + ", second swatch" : row.text;
    if (row.fill) meanings.emplace_back(row_name + " (fill)", *row.fill);
    if (row.rim) meanings.emplace_back(row_name + " (rim)", *row.rim);
  }
  REQUIRE(meanings.size() >= 20);
  // Apart by at least 50 in RGB (Euclidean): grey 150 against grey 130, or the wounded's red
  // against an active protester's, would fail.
  const auto apart = [](sf::Color a, sf::Color b) {
    const double dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b;
    return std::sqrt(dr * dr + dg * dg + db * db);
  };
  for (std::size_t i = 0; i < meanings.size(); ++i)
    for (std::size_t j = i + 1; j < meanings.size(); ++j) {
      INFO(meanings[i].first << " and " << meanings[j].first);
      CHECK(apart(meanings[i].second, meanings[j].second) >= 50);
    }
  // The check itself: the palette before issue 22 had the in-bunker grey and the leaving
  // protesters' grey 35 apart.
  CHECK(apart({150, 150, 150}, {130, 130, 130}) < 50);
  // What the legend names is what is drawn: every role, the activities' rims and the crowd.
  const auto has = [&](sf::Color c) {
    for (const auto& [name, colour] : meanings)
      if (colour == c) return true;
    return false;
  };
  for (camp::PersonRole role : {camp::PersonRole::Guard, camp::PersonRole::Staff, camp::PersonRole::Medical,
                                camp::PersonRole::Logistics, camp::PersonRole::Resident})
    CHECK(has(render::role_colour(role)));
  for (sf::Color c : {render::kRimOnPost, render::kRimMoving, render::kRimSheltered, render::kCasualty, render::kKilled,
                      render::kProtesterQuiet, render::kProtesterActive, render::kProtesterLeaving, render::kIntruder,
                      render::kQrfMember, render::kMuzzle, render::kCombatantDown, render::kPoliceLine})
    CHECK(has(c));
}
