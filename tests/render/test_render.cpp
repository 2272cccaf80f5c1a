// The viewer draws what the snapshot says, where the layout says. Runs under Xvfb (see CMake).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "render/camp_painter.hpp"
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

bool near(sf::Color a, sf::Color b, int tolerance) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

camp::Point centroid(const std::vector<camp::Point>& polygon) {
  camp::Point c;
  for (const auto& p : polygon) {
    c.x += p.x / static_cast<double>(polygon.size());
    c.y += p.y / static_cast<double>(polygon.size());
  }
  return c;
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

TEST_CASE("a rendered snapshot shows the camp, its zones and the state of each post", "[render][xvfb]") {
  const camp::LoadedScenario loaded = camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml");
  camp::RunOptions options;
  options.duration = 2 * engine::kHour;
  camp::CampSnapshot last;
  options.observer = [&](const camp::CampSnapshot& s) { last = s; };
  camp::run_scenario(loaded.scenario, options);
  REQUIRE(last.posts.size() == loaded.scenario.guards.posts.size());

  const camp::CampLayout& layout = loaded.scenario.layout;
  const unsigned width = 600, height = 400;
  const render::ViewFrame frame = render::fit_layout(layout, width, height, 20);
  auto pixel = [&](const sf::Image& image, camp::Point p) {
    const sf::Vector2f px = frame.to_pixels(p);
    return image.getPixel(static_cast<unsigned>(px.x), static_cast<unsigned>(px.y));
  };

  const sf::Image image = render::render_image(layout, last, width, height);
  REQUIRE(image.getSize() == sf::Vector2u(width, height));
  const auto out_dir = std::filesystem::path(CAMPSIM_BINARY).parent_path();
  image.saveToFile((out_dir / "render_baseline.png").string());  // for a person to look at

  // With nobody on post no fields of view are drawn: every colour is exact.
  camp::CampSnapshot empty = last;
  for (auto& post : empty.posts) post.on_post = 0;
  const sf::Image bare = render::render_image(layout, empty, width, height);
  CHECK(near(bare.getPixel(2, 2), render::kGround, 0));                 // outside the camp: desert
  CHECK(near(pixel(bare, {1400, 500}), render::kCampGround, 0));        // inside, off any zone
  for (const camp::Zone& zone : layout.zones) {
    INFO(zone.name);
    CHECK(near(pixel(bare, centroid(zone.polygon)), render::zone_colour(zone.kind), 0));
  }
  for (const camp::PostSnapshot& post : empty.posts)
    if (post.kind == camp::PostKind::Tower) CHECK(near(pixel(bare, post.position), render::kTowerShort, 0));

  // Manned: the north-west tower's field of view lightens the desert at the picture's corner,
  // and every tower dot is green, not red or grey.
  const sf::Color corner = image.getPixel(2, 2);
  CHECK(corner.r > render::kGround.r);
  CHECK(corner.b > render::kGround.b);
  for (const camp::PostSnapshot& post : last.posts) {
    if (post.kind != camp::PostKind::Tower) continue;
    INFO(post.name);
    const sf::Color c = pixel(image, post.position);
    CHECK(c.g > c.r + 40);
    CHECK(c.g > c.b + 40);
  }
  // Empty one tower that is required: its dot turns red.
  camp::CampSnapshot short_one = last;
  camp::PostSnapshot* tower = nullptr;
  for (auto& post : short_one.posts)
    if (post.name == "T05_east") tower = &post;
  REQUIRE(tower);
  tower->on_post = 0;
  const sf::Image alarm = render::render_image(layout, short_one, width, height);
  CHECK(near(pixel(alarm, tower->position), render::kTowerShort, 0));
  CHECK(near(pixel(image, tower->position), render::kTowerShort, 60) == false);
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
                      render::kQrfMember, render::kMuzzle, render::kCombatantDown})
    CHECK(has(c));
}
