#pragma once
// The `threats.fight` section: sight, fire, movement and the terrain's walls and clutter.
#include "sim/camp/fight/fight_params.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::fight {

// How the camp's layout becomes terrain for the sight lines (terrain.hpp builds it).
struct TerrainParams {
  double wall_height_m = 2.2;      // the perimeter's HESCO wall (assumed: two courses of 1.1 m units)
  double wall_thickness_m = 1.0;
  double roof_height_m = 3.0;      // built-up zones: containers and prefabricated buildings (assumed)
  double clutter_scale_m = 40;     // metres of built-up zone that leave 1/e of the view (assumed)
  // Each gate is an opening this wide in the perimeter wall (assumed: a two-lane entry), so its
  // sentries see out along the approach road.
  double gate_width_m = 8;
};

struct FightSection {
  FightParams fight;
  TerrainParams terrain;
};

FightSection read_fight(scenario::MapReader in);

}  // namespace campsim::fight
