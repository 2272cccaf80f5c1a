#pragma once
// Draws a whole viewer frame (map, agents, overlays, side panel) from a Scene. Holds the fonts
// and the map's static layer between frames; reads the scene and changes nothing in it.
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include "render/fonts.hpp"
#include "render/people_layer.hpp"
#include "render/scene.hpp"

namespace campsim::render {

// The map on the left of a target this big, the panel on the right.
sf::FloatRect map_area(sf::Vector2u size);
sf::FloatRect panel_area(sf::Vector2u size);
// The default camera: the whole map fitted into the map area.
ViewFrame default_camera(const camp::CampLayout& layout, sf::Vector2u size);

class FrameRenderer {
 public:
  FrameRenderer();  // loads the fonts (throws if they are missing)
  void draw(sf::RenderTarget& target, const Scene& scene);
  const Fonts& fonts() const { return fonts_; }

 private:
  Fonts fonts_;
  sf::VertexArray ground_;
  const camp::CampLayout* ground_layout_ = nullptr;
  ViewFrame ground_frame_{0, 0, 0};
  PeopleLayer people_;
};

// One frame drawn off screen (an OpenGL context is needed: an X display, or Xvfb).
sf::Image render_scene_image(FrameRenderer& renderer, const Scene& scene, sf::Vector2u size);

// What lies under a click: a vehicle, else a post, else the nearest person, within radius_px.
Selection pick(const Scene& scene, sf::Vector2f pixel, float radius_px = 8);

}  // namespace campsim::render
