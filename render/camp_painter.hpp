#pragma once
// Draws the camp and the state of its guard posts from a snapshot. Reads only; owns no model.
#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include "render/view_frame.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/snapshot.hpp"

namespace campsim::render {

void paint_camp(sf::RenderTarget& target, const camp::CampLayout& layout, const camp::CampSnapshot& snapshot,
                const ViewFrame& frame);

// Off-screen rendering into an image (for reports, tests and headless servers with Xvfb).
sf::Image render_image(const camp::CampLayout& layout, const camp::CampSnapshot& snapshot, unsigned width,
                       unsigned height);

}  // namespace campsim::render
