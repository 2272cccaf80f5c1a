#pragma once
// The formed police unit's line behind the gate during a protest, where the protest model stands
// it (the snapshot's protest.police): a blue bar with a black rim from its first officer to its
// last, about as thick as a person. No protest or no officers standing: nothing.
#include <SFML/Graphics/VertexArray.hpp>

#include "render/view_frame.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::render {

sf::VertexArray build_police_line(const camp::WorldSnapshot& snapshot, const ViewFrame& frame);

// The bar's width in pixels at this zoom, rim excluded: 1.5 m, never below 4 px.
float police_line_px(const ViewFrame& frame);

}  // namespace campsim::render
