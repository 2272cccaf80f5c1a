#include "render/map_layer.hpp"

#include <algorithm>
#include <random>

#include "render/palette.hpp"
#include "render/shapes.hpp"

namespace campsim::render {

namespace {

struct Bounds {
  camp::Point min, max;
};
Bounds bounds(const std::vector<camp::Point>& polygon) {
  Bounds b{polygon.front(), polygon.front()};
  for (const camp::Point& p : polygon) {
    b.min = {std::min(b.min.x, p.x), std::min(b.min.y, p.y)};
    b.max = {std::max(b.max.x, p.x), std::max(b.max.y, p.y)};
  }
  return b;
}

// Blocks of houses with lanes between them. The viewer's own generator with a fixed seed: the
// same town every time, and no random number the model could ever see.
void add_town(sf::VertexArray& t, const Bounds& camp, const ViewFrame& frame) {
  // Only the edge: each block is two triangles, and a software renderer pays per triangle.
  const double east = camp.min.x - kTownSetbackM, west = east - 700;
  const double south = camp.min.y - 400, north = camp.max.y + 400;
  add_rect(t, frame.to_pixels({west, north}),
           {static_cast<float>((east - west) * frame.scale), static_cast<float>((north - south) * frame.scale)}, kTown);
  std::minstd_rand cosmetic(1);
  std::uniform_real_distribution<double> size(14, 34), jitter(0, 8);
  for (double y = south; y < north; y += 45)
    for (double x = east - 40; x > west; x -= 45) {
      const double w = size(cosmetic), h = size(cosmetic), dx = jitter(cosmetic), dy = jitter(cosmetic);
      add_rect(t, frame.to_pixels({x + dx, y + dy + h}),
               {static_cast<float>(w * frame.scale), static_cast<float>(h * frame.scale)}, kTownBlock);
    }
}

}  // namespace

sf::VertexArray build_ground(const camp::CampLayout& layout, const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  if (layout.perimeter.empty()) return t;
  add_town(t, bounds(layout.perimeter), frame);
  add_polygon(t, layout.perimeter, kCampGround, frame);
  for (const camp::Zone& zone : layout.zones) add_polygon(t, zone.polygon, zone_colour(zone.kind), frame);
  const float road = std::max(2.0f, static_cast<float>(6 * frame.scale));
  for (const camp::RoadEdge& edge : layout.road_edges)
    add_line(t, frame.to_pixels(layout.road_node(edge.from).position), frame.to_pixels(layout.road_node(edge.to).position),
             road, kRoad);
  for (std::size_t i = 0; i < layout.perimeter.size(); ++i)
    add_line(t, frame.to_pixels(layout.perimeter[i]), frame.to_pixels(layout.perimeter[(i + 1) % layout.perimeter.size()]),
             3, kWall);
  for (const camp::Zone& zone : layout.zones)
    if (zone.kind == camp::ZoneKind::Hospital) {
      // A red cross on the hospital, so it is found at a glance.
      camp::Point c;
      for (const camp::Point& p : zone.polygon) c = {c.x + p.x / static_cast<double>(zone.polygon.size()), c.y + p.y / static_cast<double>(zone.polygon.size())};
      const sf::Vector2f at = frame.to_pixels(c);
      add_rect(t, {at.x - 9, at.y - 3}, {18, 6}, sf::Color(210, 20, 20));
      add_rect(t, {at.x - 3, at.y - 9}, {6, 18}, sf::Color(210, 20, 20));
    }
  for (const camp::Bunker& bunker : layout.bunkers) add_square(t, frame.to_pixels(bunker.position), 6, kBunker);
  for (const camp::Gate& gate : layout.gates) add_square(t, frame.to_pixels(gate.position), 14, kGate);
  return t;
}

const camp::Watchtower* tower_of(const camp::CampLayout& layout, const camp::PostView& post) {
  if (post.kind != camp::PostKind::Tower) return nullptr;
  for (const camp::Watchtower& tower : layout.towers)
    if (tower.name == post.name) return &tower;
  for (const camp::Watchtower& tower : layout.towers)
    if (tower.position.x == post.position.x && tower.position.y == post.position.y) return &tower;
  return nullptr;
}

sf::VertexArray build_fields_of_view(const camp::CampLayout& layout, const camp::WorldSnapshot& snapshot,
                                     const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  for (const camp::PostView& post : snapshot.posts) {
    const camp::Watchtower* tower = tower_of(layout, post);
    if (!tower || post.on_post == 0) continue;
    // An alert sentry lights a bright sector, a drowsy one a faint one.
    const double v = std::clamp(post.mean_vigilance, 0.0, 1.0);
    const sf::Color centre{255, 245, 190, static_cast<sf::Uint8>(20 + 60 * v)};
    const sf::Color edge{255, 245, 190, static_cast<sf::Uint8>(4 + 12 * v)};
    add_sector(t, frame.to_pixels(tower->position), static_cast<float>(tower->range_m * frame.scale),
               tower->facing_deg - tower->field_of_view_deg / 2, tower->facing_deg + tower->field_of_view_deg / 2, centre,
               edge);
  }
  return t;
}

sf::Color post_colour(const camp::PostView& post) {
  if (post.required == 0 && post.on_post == 0) return kTowerIdle;
  if (post.on_post < post.required) return kTowerShort;
  const double v = std::clamp(post.mean_vigilance, 0.0, 1.0);
  return {static_cast<sf::Uint8>(kTowerManned.r * v), static_cast<sf::Uint8>(60 + (kTowerManned.g - 60) * v),
          static_cast<sf::Uint8>(kTowerManned.b * v)};
}

sf::VertexArray build_posts(const camp::WorldSnapshot& snapshot, const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  for (const camp::PostView& post : snapshot.posts) {
    const float radius = post.kind == camp::PostKind::Gate ? 4.f : 7.f;
    add_disc(t, frame.to_pixels(post.position), radius + 1.5f, kWall, 16);
    add_disc(t, frame.to_pixels(post.position), radius, post_colour(post), 16);
  }
  return t;
}

}  // namespace campsim::render
