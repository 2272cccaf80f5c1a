#pragma once
// Maps camp metres to pixels: the camp fitted into the picture with a margin, north up.
#include <SFML/System/Vector2.hpp>

#include "sim/camp/layout.hpp"

namespace campsim::render {

struct ViewFrame {
  double scale = 1;     // pixels per metre
  double left = 0;      // world x at pixel x = 0
  double top = 0;       // world y at pixel y = 0 (the north edge)
  sf::Vector2f to_pixels(camp::Point p) const {
    return {static_cast<float>((p.x - left) * scale), static_cast<float>((top - p.y) * scale)};
  }
};

ViewFrame fit_layout(const camp::CampLayout& layout, unsigned width, unsigned height, float margin_px);

}  // namespace campsim::render
