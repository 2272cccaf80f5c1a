// The viewer's pictures: things are drawn where the geometry says, at the time they happen, and
// the panel shows the simulated time. Drawn off screen under Xvfb (see tests/CMakeLists.txt).
#include <catch2/catch.hpp>

#include <filesystem>

#include <SFML/Graphics/RenderTexture.hpp>

#include "render/agent_layers.hpp"
#include "render/people_layer.hpp"
#include "render/police_line.hpp"
#include "render/frame_renderer.hpp"
#include "render/palette.hpp"
#include "render/side_panel.hpp"
#include "render/text.hpp"
#include "sim/camp/scenario.hpp"
#include "tests/support/synthetic_world.hpp"

using namespace campsim;

namespace {

const sf::Vector2u kSize{1280, 800};

bool near(sf::Color a, sf::Color b, int tolerance) {
  return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

sf::Color pixel(const sf::Image& image, const render::ViewFrame& frame, camp::Point p, float dx = 0, float dy = 0) {
  const sf::Vector2f px = frame.to_pixels(p);
  return image.getPixel(static_cast<unsigned>(px.x + dx), static_cast<unsigned>(px.y + dy));
}

// A plain scene: by day, no labels or legend, so exact colours can be checked.
render::Scene plain_scene(const camp::CampLayout& layout, const camp::WorldSnapshot& snapshot, double now) {
  render::Scene scene;
  scene.layout = &layout;
  scene.snapshot = &snapshot;
  scene.title = "test";
  scene.now = now;
  scene.camera = render::default_camera(layout, kSize);
  scene.layers.labels = false;
  scene.layers.legend = false;
  scene.layers.night = false;
  return scene;
}

std::filesystem::path out_dir() { return std::filesystem::path(CAMPSIM_BINARY).parent_path(); }

camp::WorldSnapshot posts_of(const camp::CampLayout& layout, int on_post) {
  camp::WorldSnapshot s;
  s.time = 12 * 3600;
  s.time_of_day = 12 * 3600;
  for (const camp::Watchtower& t : layout.towers) s.posts.push_back({t.name, camp::PostKind::Tower, t.position, 1, on_post, 0.9});
  return s;
}

}  // namespace

TEST_CASE("the perimeter and a known tower are where the layout puts them", "[render][xvfb]") {
  const camp::LoadedScenario loaded = camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml");
  const camp::CampLayout& layout = loaded.scenario.layout;
  render::FrameRenderer renderer;
  const camp::WorldSnapshot nobody = posts_of(layout, 0);
  render::Scene scene = plain_scene(layout, nobody, nobody.time);
  scene.layers.fields_of_view = false;
  const sf::Image image = render::render_scene_image(renderer, scene, kSize);
  image.saveToFile((out_dir() / "view_geometry.png").string());
  const render::ViewFrame& f = scene.camera;

  // The wall: the middle of the south and west edges and of the diagonal north-east corner.
  CHECK(near(pixel(image, f, {750, 0}), render::kWall, 0));
  CHECK(near(pixel(image, f, {0, 125}), render::kWall, 0));
  CHECK(near(pixel(image, f, {1425, 925}), render::kWall, 0));
  // Either side of it: camp ground inside, desert outside; and the town further west.
  CHECK(near(pixel(image, f, {750, 30}), render::kCampGround, 0));
  CHECK(near(pixel(image, f, {750, -30}), render::kGround, 0));
  CHECK(near(pixel(image, f, {1450, 975}), render::kGround, 0));  // cut off by the diagonal
  const sf::Color town = pixel(image, f, {-300, 500});
  CHECK((near(town, render::kTown, 0) || near(town, render::kTownBlock, 0)));
  // T05_east at (1495, 700), unmanned though required: red at its centre, wall-dark at its rim.
  CHECK(near(pixel(image, f, {1495, 700}), render::kTowerShort, 0));
  CHECK(near(pixel(image, f, {1495, 700}, 8, 0), render::kWall, 0));
  CHECK_FALSE(near(pixel(image, f, {1495, 700}, 12, 0), render::kTowerShort, 60));
  // Every gate's marker.
  for (const camp::Gate& gate : layout.gates) {
    INFO(gate.name);
    CHECK(near(pixel(image, f, gate.position, 5, 5), render::kGate, 0));
  }
}

TEST_CASE("a manned tower's field of view lights its sector out to its range, and no further", "[render][xvfb]") {
  const camp::LoadedScenario loaded = camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml");
  const camp::CampLayout& layout = loaded.scenario.layout;
  render::FrameRenderer renderer;
  const camp::WorldSnapshot manned = posts_of(layout, 1);
  render::Scene scene = plain_scene(layout, manned, manned.time);
  // Zoomed out, so that ground beyond the towers' reach is in the picture.
  scene.camera = render::fit_bounds({-1000, -1000}, {2500, 2000}, kSize.x - render::kPanelWidth, kSize.y);
  const sf::Image image = render::render_scene_image(renderer, scene, kSize);
  const render::ViewFrame& f = scene.camera;
  // T05_east faces east (90 degrees) and sees 400 m: 200 m east of it is lit desert, 450 m east
  // is plain desert again (T04 and T06, the nearest others, are 828 m and 666 m away).
  const sf::Color lit = pixel(image, f, {1695, 700});
  CHECK(lit.r >= render::kGround.r);
  CHECK(lit.b > render::kGround.b + 5);
  CHECK(near(pixel(image, f, {1945, 700}), render::kGround, 0));
  // The tower's dot is green (manned, vigilant).
  const sf::Color dot = pixel(image, f, {1495, 700});
  CHECK(dot.g > dot.r + 40);
}

TEST_CASE("people, vehicles and an impact are drawn where and when they are", "[render][xvfb]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  render::FrameRenderer renderer;
  camp::WorldSnapshot s = testing::synthetic_world(0, 1, 3600);
  s.people = {{1, {750, 700}, camp::PersonRole::Staff, camp::PersonActivity::AtWork},
              {2, {250, 700}, camp::PersonRole::Guard, camp::PersonActivity::Casualty},
              {3, {1000, 800}, camp::PersonRole::Medical, camp::PersonActivity::Moving}};
  // The impact lands at 3600 s (synthetic_world puts it at (900, 300), lethal radius 25 m).
  const render::Scene at_impact = plain_scene(layout, s, 3600);
  const sf::Image image = render::render_scene_image(renderer, at_impact, kSize);
  image.saveToFile((out_dir() / "view_agents.png").string());
  const render::ViewFrame& f = at_impact.camera;

  CHECK(near(pixel(image, f, {750, 700}), render::role_colour(camp::PersonRole::Staff), 0));
  CHECK(near(pixel(image, f, {250, 700}), render::kCasualty, 0));
  CHECK(near(pixel(image, f, {1000, 800}), render::role_colour(camp::PersonRole::Medical), 0));
  // The mover's rim, one pixel outside its fill.
  const int half = render::person_marker_px(f) / 2;
  CHECK(near(pixel(image, f, {1000, 800}, static_cast<float>(half + 1), 0), render::kRimMoving, 0));
  CHECK(near(pixel(image, f, {1000, 800}, static_cast<float>(half), 0), render::role_colour(camp::PersonRole::Medical), 0));
  // The ambulance (vehicle 2, en route, at (400, 500)): its state colour beside its white cross.
  CHECK(near(pixel(image, f, {400, 500}, 3, 3), render::vehicle_state_colour(camp::VehicleState::EnRoute), 0));
  CHECK(near(pixel(image, f, {400, 500}), sf::Color::White, 0));

  // The impact: orange at its centre and half its radius out, at the moment it lands...
  auto orange = [](sf::Color c) { return c.r > c.g + 60 && c.r > c.b + 60; };
  CHECK(orange(pixel(image, f, {900, 300})));
  CHECK(orange(pixel(image, f, {912, 300})));
  // ...and not a metre beyond its radius plus its rim.
  CHECK_FALSE(orange(pixel(image, f, {900 + 25 + 8, 300})));
  // Before it lands and after the fade: not there.
  const sf::Image before = render::render_scene_image(renderer, plain_scene(layout, s, 3599), kSize);
  CHECK_FALSE(orange(pixel(before, f, {900, 300})));
  const sf::Image after = render::render_scene_image(renderer, plain_scene(layout, s, 3600 + render::kImpactFade + 1), kSize);
  CHECK_FALSE(orange(pixel(after, f, {900, 300})));
  // Halfway through the fade it is paler than at the start.
  const sf::Image fading = render::render_scene_image(renderer, plain_scene(layout, s, 3600 + render::kImpactFade / 2), kSize);
  CHECK(pixel(fading, f, {900, 300}).g > pixel(image, f, {900, 300}).g);
}

TEST_CASE("the panel shows the simulated time", "[render][xvfb]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  render::FrameRenderer renderer;
  const camp::WorldSnapshot s = testing::synthetic_world(100, 2, 36000);
  const sf::Image a = render::render_scene_image(renderer, plain_scene(layout, s, 36000), kSize);
  const sf::Image again = render::render_scene_image(renderer, plain_scene(layout, s, 36000), kSize);
  const sf::Image b = render::render_scene_image(renderer, plain_scene(layout, s, 36007), kSize);
  const sf::FloatRect clock = render::clock_area(render::panel_area(kSize));
  auto region_equal = [&](const sf::Image& x, const sf::Image& y) {
    for (unsigned py = static_cast<unsigned>(clock.top); py < clock.top + clock.height; ++py)
      for (unsigned px = static_cast<unsigned>(clock.left); px < clock.left + 240; ++px)
        if (x.getPixel(px, py) != y.getPixel(px, py)) return false;
    return true;
  };
  CHECK(region_equal(a, again));   // the same time draws the same pixels
  CHECK_FALSE(region_equal(a, b));  // seven seconds later it does not

  // The clock region is exactly the text "Day 1 10:00:07" drawn by itself on the panel's colour.
  sf::RenderTexture reference;
  REQUIRE(reference.create(kSize.x, kSize.y));
  reference.clear(render::kPanel);
  render::draw_text(reference, renderer.fonts().sans, "Day 1 10:00:07", {clock.left, clock.top}, 22, sf::Color::White);
  reference.display();
  CHECK(region_equal(b, reference.getTexture().copyToImage()));
}

TEST_CASE("a click picks the vehicle, post or person under it", "[render]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  camp::WorldSnapshot s = testing::synthetic_world(0, 1, 0);
  s.people = {{41, {1000, 800}, camp::PersonRole::Staff, camp::PersonActivity::AtWork}};
  const render::Scene scene = plain_scene(layout, s, 0);
  const render::ViewFrame& f = scene.camera;
  auto at = [&](camp::Point p, float dx = 0) { return f.to_pixels(p) + sf::Vector2f{dx, 0}; };
  const render::Selection person = render::pick(scene, at({1000, 800}, 3));
  CHECK(person.kind == render::Selection::Kind::Person);
  CHECK(person.id == 41);
  const render::Selection ambulance = render::pick(scene, at({400, 500}));
  CHECK(ambulance.kind == render::Selection::Kind::Vehicle);
  CHECK(ambulance.id == 2);
  const render::Selection post = render::pick(scene, at({1495, 995}, -2));
  CHECK(post.kind == render::Selection::Kind::Post);
  CHECK(post.post == "T_ne");
  CHECK(render::pick(scene, at({1000, 800}, 20)).kind == render::Selection::Kind::None);  // 20 px away: nothing
}

TEST_CASE("the help overlay lists the keys over the map, and the panel stays", "[render][xvfb]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  render::FrameRenderer renderer;
  const camp::WorldSnapshot s = testing::synthetic_world(3000, 4, 20 * 3600);
  render::Scene scene = plain_scene(layout, s, s.time);
  scene.layers = render::Layers{};  // everything on, night included
  scene.mode = render::ViewMode::Playback;
  scene.first_time = 0;
  scene.last_time = 86400;
  scene.marks = {{20 * 3600, "#7 indirect fire"}};
  const sf::Image plain = render::render_scene_image(renderer, scene, kSize);
  plain.saveToFile((out_dir() / "view_crowd_night.png").string());  // for a person to look at
  scene.help = true;
  const sf::Image help = render::render_scene_image(renderer, scene, kSize);
  help.saveToFile((out_dir() / "view_help.png").string());
  const sf::Vector2u centre{(kSize.x - render::kPanelWidth) / 2, kSize.y / 2};
  CHECK(help.getPixel(centre.x, centre.y) != plain.getPixel(centre.x, centre.y));
  const sf::FloatRect panel = render::panel_area(kSize);
  for (unsigned y = 0; y < kSize.y; y += 7)
    for (unsigned x = static_cast<unsigned>(panel.left); x < kSize.x; x += 7) REQUIRE(help.getPixel(x, y) == plain.getPixel(x, y));
}

TEST_CASE("protesters are drawn where they stand, coloured by whether they are active", "[render][xvfb]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  render::FrameRenderer renderer;
  camp::WorldSnapshot s = testing::synthetic_world(0, 1, 3600);
  s.protest.live = true;
  s.protest.protesters = {{{300, 650}, camp::protest::ProtesterState::Quiet},
                          {{600, 650}, camp::protest::ProtesterState::Active},
                          {{900, 650}, camp::protest::ProtesterState::Leaving}};
  const render::Scene scene = plain_scene(layout, s, 3600);
  const sf::Image image = render::render_scene_image(renderer, scene, kSize);
  const render::ViewFrame& f = scene.camera;
  CHECK(near(pixel(image, f, {300, 650}), render::kProtesterQuiet, 0));
  CHECK(near(pixel(image, f, {600, 650}), render::kProtesterActive, 0));
  CHECK(near(pixel(image, f, {900, 650}), render::kProtesterLeaving, 0));
  // Without a protest, none of those colours at those places.
  s.protest = {};
  const sf::Image empty = render::render_scene_image(renderer, plain_scene(layout, s, 3600), kSize);
  CHECK_FALSE(near(pixel(empty, f, {600, 650}), render::kProtesterActive, 0));
}

TEST_CASE("the police line is drawn from its first officer to its last, and only while officers stand", "[render][xvfb]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  render::FrameRenderer renderer;
  camp::WorldSnapshot s = testing::synthetic_world(0, 1, 3600);
  s.protest.live = true;
  s.protest.gate = {0, 500};
  // A line 2 m inside the west wall, 120 m long (on the synthetic camp's open ground).
  s.protest.police = {{100, 440}, {100, 560}, 121};
  const render::Scene scene = plain_scene(layout, s, 3600);
  const sf::Image image = render::render_scene_image(renderer, scene, kSize);
  image.saveToFile((out_dir() / "view_police_line.png").string());
  const render::ViewFrame& f = scene.camera;
  REQUIRE(f.scale * 20 > render::police_line_px(f) + 2);  // 20 m is clear of the bar and its rim
  // Blue at both ends and in the middle.
  CHECK(near(pixel(image, f, {100, 440}), render::kPoliceLine, 0));
  CHECK(near(pixel(image, f, {100, 500}), render::kPoliceLine, 0));
  CHECK(near(pixel(image, f, {100, 560}), render::kPoliceLine, 0));
  // Not beyond its ends nor beside it.
  CHECK_FALSE(near(pixel(image, f, {100, 580}), render::kPoliceLine, 0));
  CHECK_FALSE(near(pixel(image, f, {100, 420}), render::kPoliceLine, 0));
  CHECK_FALSE(near(pixel(image, f, {120, 500}), render::kPoliceLine, 0));
  // The black rim just outside the blue, across the line.
  const float rim = render::police_line_px(f) / 2 + 0.5f;
  CHECK(near(pixel(image, f, {100, 500}, rim, 0), sf::Color::Black, 0));
  // Every officer hurt: no line. No protest: no line.
  s.protest.police.officers = 0;
  const sf::Image none = render::render_scene_image(renderer, plain_scene(layout, s, 3600), kSize);
  CHECK_FALSE(near(pixel(none, f, {100, 500}), render::kPoliceLine, 0));
  s.protest.police.officers = 121;
  s.protest.live = false;
  const sf::Image over = render::render_scene_image(renderer, plain_scene(layout, s, 3600), kSize);
  CHECK_FALSE(near(pixel(over, f, {100, 500}), render::kPoliceLine, 0));
}

TEST_CASE("a gate's label is boxed while protesters stand at it, and plain otherwise", "[render][xvfb]") {
  const camp::CampLayout layout = testing::synthetic_layout();
  render::FrameRenderer renderer;
  camp::WorldSnapshot s = testing::synthetic_world(0, 1, 3600);
  render::Scene scene = plain_scene(layout, s, 3600);
  scene.layers.labels = true;
  const render::ViewFrame& f = scene.camera;
  // The label box over the ground: dark (the palette's box at alpha 215).
  const auto box_pixels = [&](const sf::Image& image) {
    const sf::Vector2f gate = f.to_pixels({0, 500});
    int count = 0;
    for (int dy = -40; dy <= 40; ++dy)
      for (int dx = -120; dx <= 120; ++dx) {
        const int x = static_cast<int>(gate.x) + dx, y = static_cast<int>(gate.y) + dy;
        if (x < 0 || y < 0 || x >= static_cast<int>(kSize.x) || y >= static_cast<int>(kSize.y)) continue;
        const sf::Color c = image.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y));
        if (c.r < 80 && c.g < 80 && c.b < 90) ++count;
      }
    return count;
  };
  const int plain = box_pixels(render::render_scene_image(renderer, scene, kSize));
  s.protest.live = true;
  s.protest.gate = {0, 500};
  s.protest.at_gate = 300;
  const sf::Image with_protest = render::render_scene_image(renderer, scene, kSize);
  with_protest.saveToFile((out_dir() / "view_gate_label_boxed.png").string());
  const int boxed = box_pixels(with_protest);
  // "west_gate" at 11 px is about 55 x 15 pixels; its box adds at least half that in dark pixels.
  CHECK(boxed - plain > 400);
  // Protesters gone from the gate (still live, marching elsewhere): plain again.
  s.protest.at_gate = 0;
  CHECK(box_pixels(render::render_scene_image(renderer, scene, kSize)) == plain);
}
