#include "render/camp_painter.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include "render/palette.hpp"
#include "render/triangulate.hpp"

namespace campsim::render {

namespace {

void fill_polygon(sf::RenderTarget& target, const std::vector<camp::Point>& polygon, sf::Color colour, const ViewFrame& frame) {
  sf::VertexArray triangles(sf::Triangles);
  for (const auto& tri : triangulate(polygon))
    for (int index : tri) triangles.append(sf::Vertex(frame.to_pixels(polygon[index]), colour));
  target.draw(triangles);
}

void outline_polygon(sf::RenderTarget& target, const std::vector<camp::Point>& polygon, sf::Color colour, float width,
                     const ViewFrame& frame) {
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const sf::Vector2f a = frame.to_pixels(polygon[i]), b = frame.to_pixels(polygon[(i + 1) % polygon.size()]);
    const sf::Vector2f d = b - a;
    const float length = std::hypot(d.x, d.y);
    sf::RectangleShape segment({length, width});
    segment.setOrigin(0, width / 2);
    segment.setPosition(a);
    segment.setRotation(static_cast<float>(std::atan2(d.y, d.x) * 180 / std::numbers::pi));
    segment.setFillColor(colour);
    target.draw(segment);
  }
}

// The tower's watched sector as a triangle fan (compass bearings: 0 north, clockwise).
void draw_field_of_view(sf::RenderTarget& target, const camp::Watchtower& tower, const ViewFrame& frame) {
  sf::VertexArray fan(sf::TriangleFan);
  fan.append(sf::Vertex(frame.to_pixels(tower.position), kFieldOfView));
  const int steps = 24;
  for (int s = 0; s <= steps; ++s) {
    const double bearing = (tower.facing_deg - tower.field_of_view_deg / 2 + tower.field_of_view_deg * s / steps) *
                           std::numbers::pi / 180;
    const camp::Point edge{tower.position.x + tower.range_m * std::sin(bearing),
                           tower.position.y + tower.range_m * std::cos(bearing)};
    fan.append(sf::Vertex(frame.to_pixels(edge), kFieldOfView));
  }
  target.draw(fan);
}

sf::Color post_colour(const camp::PostSnapshot& post) {
  if (post.required == 0 && post.on_post == 0) return kTowerIdle;
  if (post.on_post < post.required) return kTowerShort;
  // Brighter green for a more vigilant post.
  const double v = std::clamp(post.mean_vigilance, 0.0, 1.0);
  return {static_cast<sf::Uint8>(kTowerManned.r * v), static_cast<sf::Uint8>(60 + (kTowerManned.g - 60) * v),
          static_cast<sf::Uint8>(kTowerManned.b * v)};
}

}  // namespace

void paint_camp(sf::RenderTarget& target, const camp::CampLayout& layout, const camp::CampSnapshot& snapshot,
                const ViewFrame& frame) {
  target.clear(kGround);
  fill_polygon(target, layout.perimeter, kCampGround, frame);
  for (const camp::Zone& zone : layout.zones) fill_polygon(target, zone.polygon, zone_colour(zone.kind), frame);
  for (const camp::RoadEdge& edge : layout.road_edges)
    outline_polygon(target, {layout.road_nodes[edge.from].position, layout.road_nodes[edge.to].position}, kRoad,
                    std::max(2.0f, static_cast<float>(6 * frame.scale)), frame);
  outline_polygon(target, layout.perimeter, kWall, 3, frame);
  for (const camp::Bunker& bunker : layout.bunkers) {
    sf::RectangleShape box({6, 6});
    box.setOrigin(3, 3);
    box.setPosition(frame.to_pixels(bunker.position));
    box.setFillColor(kBunker);
    target.draw(box);
  }
  // Fields of view of manned towers under everything else that marks a post.
  for (const camp::PostSnapshot& post : snapshot.posts) {
    if (post.kind != camp::PostKind::Tower || post.on_post == 0) continue;
    for (const camp::Watchtower& tower : layout.towers)
      if (tower.position.x == post.position.x && tower.position.y == post.position.y) draw_field_of_view(target, tower, frame);
  }
  for (const camp::Gate& gate : layout.gates) {
    sf::RectangleShape mark({14, 14});
    mark.setOrigin(7, 7);
    mark.setPosition(frame.to_pixels(gate.position));
    mark.setFillColor(kGate);
    target.draw(mark);
  }
  for (const camp::PostSnapshot& post : snapshot.posts) {
    sf::CircleShape dot(post.kind == camp::PostKind::Gate ? 4.f : 7.f);
    dot.setOrigin(dot.getRadius(), dot.getRadius());
    dot.setPosition(frame.to_pixels(post.position));
    dot.setFillColor(post_colour(post));
    target.draw(dot);
  }
}

sf::Image render_image(const camp::CampLayout& layout, const camp::CampSnapshot& snapshot, unsigned width,
                       unsigned height) {
  sf::RenderTexture texture;
  if (!texture.create(width, height))
    throw std::runtime_error("cannot create an off-screen OpenGL surface (no display? run under xvfb-run)");
  paint_camp(texture, layout, snapshot, fit_layout(layout, width, height, 20));
  texture.display();
  return texture.getTexture().copyToImage();
}

}  // namespace campsim::render
