#pragma once
// Ear-clipping triangulation, so that concave camp outlines and zones fill correctly (SFML's
// ConvexShape only draws convex ones).
#include <array>
#include <vector>

#include "sim/camp/geometry.hpp"

namespace campsim::render {

// Triangles as index triples into `polygon` (simple polygon, either orientation, no holes).
std::vector<std::array<int, 3>> triangulate(const std::vector<camp::Point>& polygon);

}  // namespace campsim::render
