#include "render/frame_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <SFML/Graphics/RenderTexture.hpp>

#include "render/agent_layers.hpp"
#include "render/map_layer.hpp"
#include "render/police_line.hpp"
#include "render/overlays.hpp"
#include "render/palette.hpp"
#include "render/shapes.hpp"
#include "render/side_panel.hpp"

namespace campsim::render {

sf::FloatRect map_area(sf::Vector2u size) {
  return {0, 0, static_cast<float>(size.x > kPanelWidth ? size.x - kPanelWidth : 0), static_cast<float>(size.y)};
}
sf::FloatRect panel_area(sf::Vector2u size) {
  const sf::FloatRect map = map_area(size);
  return {map.width, 0, static_cast<float>(size.x) - map.width, static_cast<float>(size.y)};
}
ViewFrame default_camera(const camp::CampLayout& layout, sf::Vector2u size) {
  // The camp in the upper part of the map area, leaving a band at the foot for the legend.
  const sf::FloatRect map = map_area(size);
  return fit_map(layout, static_cast<unsigned>(map.width), static_cast<unsigned>(std::max(100.f, map.height - kLegendHeight)));
}

FrameRenderer::FrameRenderer() : fonts_(load_fonts()) {}

void FrameRenderer::draw(sf::RenderTarget& target, const Scene& scene) {
  if (!scene.layout || !scene.snapshot) throw std::logic_error("FrameRenderer::draw: a scene needs a layout and a snapshot");
  const ViewFrame& f = scene.camera;
  const camp::WorldSnapshot& s = *scene.snapshot;
  const sf::FloatRect map = map_area(target.getSize());

  target.clear(kGround);
  if (ground_layout_ != scene.layout || ground_frame_.scale != f.scale || ground_frame_.left != f.left ||
      ground_frame_.top != f.top) {
    ground_ = build_ground(*scene.layout, f);
    ground_layout_ = scene.layout;
    ground_frame_ = f;
  }
  target.draw(ground_);

  if (scene.layers.night) {
    const double tod = std::fmod(std::fmod(scene.start_time_of_day + scene.now, engine::kDay) + engine::kDay, engine::kDay);
    sf::Color shade = kNight;
    shade.a = static_cast<sf::Uint8>(150 * darkness(tod));
    if (shade.a > 0) {
      sf::VertexArray night(sf::Triangles);
      add_rect(night, {map.left, map.top}, {map.width, map.height}, shade);
      // The wall again, light, so the perimeter stays visible in the dark.
      const std::vector<camp::Point>& wall = scene.layout->perimeter;
      for (std::size_t i = 0; i < wall.size(); ++i)
        add_line(night, f.to_pixels(wall[i]), f.to_pixels(wall[(i + 1) % wall.size()]), 2, sf::Color(150, 150, 140, shade.a));
      target.draw(night);
    }
  }
  if (scene.layers.fields_of_view) target.draw(build_fields_of_view(*scene.layout, s, f));
  target.draw(build_posts(s, f));
  // The police line under the people: a sentry at the gate stays visible on it.
  if (scene.layers.people) target.draw(build_police_line(s, f));
  if (scene.layers.people) people_.draw(target, s, f);
  // Blasts and incident rings over the crowd, so a salvo in a crowded zone still shows.
  if (scene.layers.incidents) target.draw(build_impacts_and_incidents(s, scene.now, f));
  if (scene.layers.vehicles) target.draw(build_vehicles(s, f));
  // The fight on top of everything: it is what the viewer is watching for.
  if (scene.layers.incidents) target.draw(build_combatants(s, f));
  target.draw(build_selection(*scene.layout, s, scene.selection, f));
  if (scene.layers.labels) draw_labels(target, fonts_, scene);

  if (scene.layers.legend) draw_legend(target, fonts_, {map.left + 8, map.top + map.height - 8});
  draw_scale_bar(target, fonts_, f, {map.left + map.width - 14, map.top + map.height - 10});
  draw_north_arrow(target, fonts_, {map.left + map.width - 6, map.top + 6});
  draw_side_panel(target, fonts_, scene, panel_area(target.getSize()));
  if (scene.help) draw_help(target, fonts_, {map.width, map.height}, scene.mode);
}

sf::Image render_scene_image(FrameRenderer& renderer, const Scene& scene, sf::Vector2u size) {
  sf::RenderTexture texture;
  if (!texture.create(size.x, size.y))
    throw std::runtime_error("cannot create an off-screen OpenGL surface (no display? run under xvfb-run or scripts/with-xvfb.sh)");
  renderer.draw(texture, scene);
  texture.display();
  return texture.getTexture().copyToImage();
}

Selection pick(const Scene& scene, sf::Vector2f pixel, float radius_px) {
  const camp::WorldSnapshot& s = *scene.snapshot;
  const float r2 = radius_px * radius_px;
  auto d2 = [&](camp::Point p) {
    const sf::Vector2f q = scene.camera.to_pixels(p) - pixel;
    return q.x * q.x + q.y * q.y;
  };
  Selection out;
  float best = r2;
  for (const camp::VehicleView& v : s.vehicles)
    if (d2(v.position) <= best) {
      best = d2(v.position);
      out = {Selection::Kind::Vehicle, v.id, {}};
    }
  if (out.kind != Selection::Kind::None) return out;
  for (const camp::PostView& p : s.posts)
    if (d2(p.position) <= best) {
      best = d2(p.position);
      out = {Selection::Kind::Post, 0, p.name};
    }
  if (out.kind != Selection::Kind::None) return out;
  if (scene.layers.people)
    for (const camp::PersonView& p : s.people)
      if (d2(p.position) <= best) {
        best = d2(p.position);
        out = {Selection::Kind::Person, p.id, {}};
      }
  return out;
}

}  // namespace campsim::render
