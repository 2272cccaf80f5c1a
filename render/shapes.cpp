#include "render/shapes.hpp"

#include <cmath>
#include <numbers>

#include "render/triangulate.hpp"

namespace campsim::render {

namespace {
void add_triangle(sf::VertexArray& t, sf::Vector2f a, sf::Vector2f b, sf::Vector2f c, sf::Color colour) {
  t.append(sf::Vertex(a, colour));
  t.append(sf::Vertex(b, colour));
  t.append(sf::Vertex(c, colour));
}
sf::Vector2f on_circle(sf::Vector2f centre, float radius, double angle) {
  return {centre.x + radius * static_cast<float>(std::cos(angle)), centre.y + radius * static_cast<float>(std::sin(angle))};
}
}  // namespace

void add_square(sf::VertexArray& t, sf::Vector2f c, float size, sf::Color colour) {
  add_rect(t, {c.x - size / 2, c.y - size / 2}, {size, size}, colour);
}

void add_rect(sf::VertexArray& t, sf::Vector2f p, sf::Vector2f size, sf::Color colour) {
  const sf::Vector2f a = p, b{p.x + size.x, p.y}, c{p.x + size.x, p.y + size.y}, d{p.x, p.y + size.y};
  add_triangle(t, a, b, c, colour);
  add_triangle(t, a, c, d, colour);
}

void add_disc(sf::VertexArray& t, sf::Vector2f centre, float radius, sf::Color colour, int segments) {
  for (int s = 0; s < segments; ++s) {
    const double a0 = 2 * std::numbers::pi * s / segments, a1 = 2 * std::numbers::pi * (s + 1) / segments;
    add_triangle(t, centre, on_circle(centre, radius, a0), on_circle(centre, radius, a1), colour);
  }
}

void add_ring(sf::VertexArray& t, sf::Vector2f centre, float radius, float width, sf::Color colour, int segments) {
  const float inner = std::max(0.f, radius - width);
  for (int s = 0; s < segments; ++s) {
    const double a0 = 2 * std::numbers::pi * s / segments, a1 = 2 * std::numbers::pi * (s + 1) / segments;
    const sf::Vector2f o0 = on_circle(centre, radius, a0), o1 = on_circle(centre, radius, a1);
    const sf::Vector2f i0 = on_circle(centre, inner, a0), i1 = on_circle(centre, inner, a1);
    add_triangle(t, o0, o1, i1, colour);
    add_triangle(t, o0, i1, i0, colour);
  }
}

void add_line(sf::VertexArray& t, sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour) {
  const sf::Vector2f d = b - a;
  const float length = std::hypot(d.x, d.y);
  if (length <= 0) return;
  const sf::Vector2f n{-d.y / length * width / 2, d.x / length * width / 2};
  add_triangle(t, a + n, b + n, b - n, colour);
  add_triangle(t, a + n, b - n, a - n, colour);
}

void add_polygon(sf::VertexArray& t, const std::vector<camp::Point>& polygon, sf::Color colour, const ViewFrame& frame) {
  for (const auto& tri : triangulate(polygon))
    add_triangle(t, frame.to_pixels(polygon[tri[0]]), frame.to_pixels(polygon[tri[1]]), frame.to_pixels(polygon[tri[2]]),
                 colour);
}

void add_sector(sf::VertexArray& t, sf::Vector2f centre, float radius, double from_deg, double to_deg,
                sf::Color centre_colour, sf::Color edge_colour) {
  const int steps = std::max(4, static_cast<int>((to_deg - from_deg) / 6));
  auto edge = [&](int s) {
    // Compass bearing to screen angle: north is up (-y), east is right (+x).
    const double bearing = (from_deg + (to_deg - from_deg) * s / steps) * std::numbers::pi / 180;
    return sf::Vector2f{centre.x + radius * static_cast<float>(std::sin(bearing)),
                        centre.y - radius * static_cast<float>(std::cos(bearing))};
  };
  for (int s = 0; s < steps; ++s) {
    t.append(sf::Vertex(centre, centre_colour));
    t.append(sf::Vertex(edge(s), edge_colour));
    t.append(sf::Vertex(edge(s + 1), edge_colour));
  }
}

void add_triangle(sf::VertexArray& triangles, sf::Vector2f centre, float size, sf::Color colour) {
  const float h = size / 2;
  triangles.append(sf::Vertex({centre.x, centre.y - h}, colour));
  triangles.append(sf::Vertex({centre.x - h, centre.y + h}, colour));
  triangles.append(sf::Vertex({centre.x + h, centre.y + h}, colour));
}

void add_diamond(sf::VertexArray& triangles, sf::Vector2f centre, float size, sf::Color colour) {
  const float h = size / 2;
  const sf::Vector2f top{centre.x, centre.y - h}, bottom{centre.x, centre.y + h};
  triangles.append(sf::Vertex(top, colour));
  triangles.append(sf::Vertex({centre.x - h, centre.y}, colour));
  triangles.append(sf::Vertex(bottom, colour));
  triangles.append(sf::Vertex(top, colour));
  triangles.append(sf::Vertex({centre.x + h, centre.y}, colour));
  triangles.append(sf::Vertex(bottom, colour));
}

}  // namespace campsim::render
