// Laying out words: log lines wrapped to the panel's width (never cut); map labels placed off
// each other and off every marker, the fighters and vehicles included.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include <SFML/Graphics/Text.hpp>

#include "render/fonts.hpp"
#include "render/overlays.hpp"
#include "render/police_line.hpp"
#include "render/frame_renderer.hpp"
#include "render/text.hpp"
#include "render/text_layout.hpp"
#include "tests/support/synthetic_world.hpp"

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

TEST_CASE("labels are placed so no two overlap and none covers a marker, or dropped", "[render][layout]") {
  const sf::FloatRect bounds{0, 0, 200, 100};
  const sf::Vector2f size{40, 12};
  // Markers: a gate at (50, 50) and a tower at (70, 50), 14 px each; their labels try right,
  // left, above and below, as the map's do.
  const std::vector<sf::FloatRect> markers{{43, 43, 14, 14}, {63, 43, 14, 14}};
  const auto around = [&](sf::Vector2f at) {
    return std::vector<sf::Vector2f>{{at.x + 9, at.y - 6}, {at.x - 9 - size.x, at.y - 6}, {at.x - 20, at.y - 21}, {at.x - 20, at.y + 9}};
  };
  std::vector<render::LabelRequest> requests{
      {size, around({50, 50}), {}},
      {size, around({70, 50}), {}},
      {size, around({50, 50}), {}},            // a third label by the gate: takes what is left
      {size, {{10, 10}, {5, 44}}, {}},         // two candidates, the first one free
      {size, {{45, 40}}, {}},                  // only over the markers: dropped
      {size, {{180, 90}}, {}},                 // only outside the picture: dropped
      {size, {{120, 5}, {150, 5}}, {{100, 0, 60, 30}}},  // its own keep-off box (the camp, for the town)
  };
  // A crowd of labels all wanting the same corner.
  for (int i = 0; i < 20; ++i) requests.push_back({size, {{100, 60}, {100, 72}, {140, 60}, {140, 72}, {100, 84}}, {}});
  const auto placed = render::place_labels(requests, markers, bounds);
  REQUIRE(placed.size() == requests.size());
  std::vector<sf::FloatRect> boxes;
  for (const auto& box : placed)
    if (box) boxes.push_back(*box);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    CHECK(boxes[i].left >= 0);
    CHECK(boxes[i].top >= 0);
    CHECK(boxes[i].left + boxes[i].width <= 200);
    CHECK(boxes[i].top + boxes[i].height <= 100);
    for (const sf::FloatRect& m : markers) CHECK_FALSE(boxes[i].intersects(m));
    for (std::size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].intersects(boxes[j]));
  }
  REQUIRE(placed[0]);
  CHECK(placed[0]->left == 1);  // right of the gate would cover the tower: left of it
  REQUIRE(placed[1]);
  CHECK(placed[1]->left == 79);  // right of the tower
  REQUIRE(placed[2]);
  CHECK(placed[2]->top == 29);  // right and left taken: above the gate
  REQUIRE(placed[3]);
  CHECK(placed[3]->left == 10);
  CHECK_FALSE(placed[4]);
  CHECK_FALSE(placed[5]);
  CHECK_FALSE(placed[6]);  // both its corners fall in its keep-off box
  int crowd = 0;
  for (std::size_t i = 7; i < placed.size(); ++i) crowd += placed[i] ? 1 : 0;
  CHECK(crowd == 5);  // 5 distinct free spots, no more
}

TEST_CASE("an intruder, a QRF member, a bomb vehicle and a vehicle keep labels off as gates and towers do",
          "[render][layout]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  camp::WorldSnapshot snapshot;
  snapshot.combatants = {{1, camp::CombatantKind::Intruder, camp::CombatantState::Moving, {300, 400}},
                         {2, camp::CombatantKind::Qrf, camp::CombatantState::Firing, {600, 400}},
                         {3, camp::CombatantKind::BombVehicle, camp::CombatantState::Moving, {900, 400}}};
  snapshot.vehicles = {{4, camp::VehicleKind::Ambulance, camp::VehicleState::AtBase, {1200, 400}}};
  render::Scene scene;
  scene.layout = &layout;
  scene.snapshot = &snapshot;
  scene.camera = render::default_camera(layout, {1280, 800});
  // A box of the marker's drawn size centred where the frame puts it: 17 px for the intruder's
  // triangle, 15 for the QRF's diamond, 22 x 14 for the bomb vehicle, 13 for a vehicle's square.
  const auto has_box = [&](camp::Point p, float w, float h, const std::vector<sf::FloatRect>& boxes) {
    const sf::Vector2f at = scene.camera.to_pixels(p);
    const sf::FloatRect want{at.x - w / 2, at.y - h / 2, w, h};
    return std::any_of(boxes.begin(), boxes.end(), [&](const sf::FloatRect& b) { return b == want; });
  };
  const std::vector<sf::FloatRect> markers = render::label_markers(scene);
  CHECK(markers.size() == layout.gates.size() + layout.towers.size() + 4);
  CHECK(has_box({300, 400}, 17, 17, markers));
  CHECK(has_box({600, 400}, 15, 15, markers));
  CHECK(has_box({900, 400}, 22, 14, markers));
  CHECK(has_box({1200, 400}, 13, 13, markers));
  // Vehicles hidden (the V key): their squares no longer keep labels off.
  scene.layers.vehicles = false;
  const std::vector<sf::FloatRect> without = render::label_markers(scene);
  CHECK_FALSE(has_box({1200, 400}, 13, 13, without));
  CHECK(has_box({300, 400}, 17, 17, without));

  // A police line standing: its bar's box keeps labels off too (the gate's label went over it).
  snapshot.protest.live = true;
  snapshot.protest.police = {{100, 440}, {100, 560}, 121};
  const std::vector<sf::FloatRect> with_police = render::label_markers(scene);
  REQUIRE(with_police.size() == without.size() + 1);
  const sf::FloatRect bar = with_police.back();
  const sf::Vector2f north = scene.camera.to_pixels({100, 560}), south = scene.camera.to_pixels({100, 440});
  CHECK(bar.contains(north.x, north.y + 1));
  CHECK(bar.contains(south.x, south.y - 1));
  CHECK(bar.width >= render::police_line_px(scene.camera));
}
