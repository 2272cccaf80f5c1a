#pragma once
// The people: painted as small squares straight into a picture the size of the target, then
// drawn as one textured rectangle, one draw call for the whole crowd. Squares drawn as GL
// triangles cost a few microseconds each in a software renderer (Mesa's llvmpipe, under Xvfb or
// on a machine without a GPU); painted here they cost a few nanoseconds a pixel
// (docs/performance.md).
#include <vector>

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/Texture.hpp>

#include "render/view_frame.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::render {

// Side of a person's marker in pixels at this zoom: about 1.5 m, never below 3 px nor above 7.
int person_marker_px(const ViewFrame& frame);

class PeopleLayer {
 public:
  // Fill by role; a rim by activity (white on post, yellow moving, grey sheltered); the wounded
  // red and the dead black whatever their role; asleep, at home and off camp drawn darker.
  // Protesters at the gate, if any, on top: quiet, active or leaving (palette.hpp).
  void draw(sf::RenderTarget& target, const camp::WorldSnapshot& snapshot, const ViewFrame& frame);

 private:
  void square(int cx, int cy, int half, sf::Color colour);

  sf::Vector2u size_{0, 0};
  std::vector<sf::Uint8> pixels_;  // RGBA, transparent where nobody is
  sf::Texture texture_;
  // The rectangle painted last time, cleared before painting again.
  int min_x_ = 0, min_y_ = 0, max_x_ = -1, max_y_ = -1;
};

}  // namespace campsim::render
