#pragma once
// Appending simple shapes to vertex arrays, so each layer is built into one array and drawn with
// one draw call however many markers it holds. All arrays here are sf::Triangles.
#include <vector>

#include <SFML/Graphics/VertexArray.hpp>

#include "render/view_frame.hpp"
#include "sim/camp/geometry.hpp"

namespace campsim::render {

// An axis-aligned square of side `size` pixels centred on `centre`.
void add_square(sf::VertexArray& triangles, sf::Vector2f centre, float size, sf::Color colour);
void add_rect(sf::VertexArray& triangles, sf::Vector2f top_left, sf::Vector2f size, sf::Color colour);
// An upward triangle and a diamond of height `size` centred on `centre` (the fight's markers).
void add_triangle(sf::VertexArray& triangles, sf::Vector2f centre, float size, sf::Color colour);
void add_diamond(sf::VertexArray& triangles, sf::Vector2f centre, float size, sf::Color colour);
// A filled circle as `segments` triangles.
void add_disc(sf::VertexArray& triangles, sf::Vector2f centre, float radius, sf::Color colour, int segments = 32);
// A ring between radius - width and radius.
void add_ring(sf::VertexArray& triangles, sf::Vector2f centre, float radius, float width, sf::Color colour,
              int segments = 32);
// A segment `width` pixels wide.
void add_line(sf::VertexArray& triangles, sf::Vector2f a, sf::Vector2f b, float width, sf::Color colour);
// A simple polygon in world metres (concave allowed).
void add_polygon(sf::VertexArray& triangles, const std::vector<camp::Point>& polygon, sf::Color colour,
                 const ViewFrame& frame);
// A sector of a circle: centre, radius in pixels, compass bearings in degrees (0 north, clockwise).
void add_sector(sf::VertexArray& triangles, sf::Vector2f centre, float radius, double from_deg, double to_deg,
                sf::Color centre_colour, sf::Color edge_colour);

}  // namespace campsim::render
