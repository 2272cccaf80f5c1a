#include "render/police_line.hpp"

#include <algorithm>

#include "render/palette.hpp"
#include "render/shapes.hpp"

namespace campsim::render {

float police_line_px(const ViewFrame& frame) { return std::max(4.0f, static_cast<float>(1.5 * frame.scale)); }

sf::VertexArray build_police_line(const camp::WorldSnapshot& snapshot, const ViewFrame& frame) {
  sf::VertexArray t(sf::Triangles);
  const camp::protest::PoliceLineView& line = snapshot.protest.police;
  if (!snapshot.protest.live || line.officers <= 0) return t;
  const sf::Vector2f a = frame.to_pixels(line.from), b = frame.to_pixels(line.to);
  const float width = police_line_px(frame);
  // Squares at the ends, so one officer left still shows, and a line between them.
  for (const auto& [size, colour] : {std::pair{width + 2, sf::Color::Black}, std::pair{width, kPoliceLine}}) {
    add_square(t, a, size, colour);
    add_square(t, b, size, colour);
    add_line(t, a, b, size, colour);
  }
  return t;
}

}  // namespace campsim::render
