#pragma once
// The camp's layout as terrain for sight lines: the perimeter is a wall (a thin obstacle along
// each edge), and every built-up zone (lines, headquarters, hospital, logistics yard, motor pool)
// is clutter below roof height. Open zones (the helipad, the airfield) hide nothing.
#include "sim/camp/fight/fight_reader.hpp"
#include "sim/camp/fight/line_of_sight.hpp"
#include "sim/camp/layout.hpp"

namespace campsim::camp {

fight::Terrain fight_terrain(const CampLayout& layout, const fight::TerrainParams& params);

}  // namespace campsim::camp
