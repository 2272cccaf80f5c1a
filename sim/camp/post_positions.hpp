#pragma once
// Where each post of the guard plan stands on the map, resolved once per run from the layout.
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::camp {

// Where each post stands: its tower or gate, or the first node of its patrol route.
std::vector<Point> post_positions(const Scenario& scenario);

}  // namespace campsim::camp
