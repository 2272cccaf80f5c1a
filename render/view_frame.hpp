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
  camp::Point to_world(sf::Vector2f px) const { return {left + px.x / scale, top - px.y / scale}; }
  // Zoom by `factor` keeping the world point under pixel `anchor` where it is.
  ViewFrame zoomed(double factor, sf::Vector2f anchor) const {
    const camp::Point fixed = to_world(anchor);
    ViewFrame out = *this;
    out.scale = scale * factor;
    out.left = fixed.x - anchor.x / out.scale;
    out.top = fixed.y + anchor.y / out.scale;
    return out;
  }
  // Move the picture by (dx, dy) pixels.
  ViewFrame panned(float dx, float dy) const {
    ViewFrame out = *this;
    out.left -= dx / scale;
    out.top += dy / scale;
    return out;
  }
};

ViewFrame fit_layout(const camp::CampLayout& layout, unsigned width, unsigned height, float margin_px);

// The rectangle [min, max] (world metres) fitted into width x height pixels, centred, north up.
ViewFrame fit_bounds(camp::Point min, camp::Point max, unsigned width, unsigned height);

// What the viewer's map shows by default: the camp, its approaches (towers see about 400 m out)
// and the town's edge to the west.
ViewFrame fit_map(const camp::CampLayout& layout, unsigned width, unsigned height);

}  // namespace campsim::render
