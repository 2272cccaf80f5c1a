#pragma once
// Where a missed round goes. An aimed round that misses its mark flies on along its line and
// can strike whoever stands near that line, in front of the mark or behind it: a bystander
// beside an intruder, a QRF member on the far side of the street, a comrade in the way.
//
// The spread of a miss comes from the hit model itself, so it adds no free parameter beyond a
// body's width. Aimed fire is taken as a normal cone around the line of aim, with the same
// spread s (one standard deviation, metres) across and up; a person is taken as a square of
// half-width a facing the shooter. A person at range d on the line is then hit with chance
// q = (2 Phi(a / s_d) - 1)^2. Given the chance q that the fight's fire model gives a standing
// man at d (range, combat degradation, suppression), s_d follows; at distance x along the line
// the spread is s_d * x / d (a cone). A round passes a person at lateral offset y, at the height
// of the line, with chance (Phi((y + a) / s_x) - Phi((y - a) / s_x)) * (2 Phi(a / s_x) - 1), and
// strikes him with that chance times his exposure (how much of him shows). The first person it
// strikes stops it. So a person standing where the mark stands is struck by a miss with the
// chance the aimed round had of striking the mark.
#include <optional>

#include "sim/camp/geometry.hpp"

namespace campsim::fight {

using camp::Point;

// The spread s (metres, one standard deviation) at which a square target of half-width
// `half_width_m` on the line is hit with chance `hit_chance`; 0 when the chance is 1 (no miss),
// infinity when it is 0.
double miss_spread_m(double half_width_m, double hit_chance);

// The chance that a round whose offsets across and up are normal with mean 0 and deviation
// `spread_m` passes through a square of half-width `half_width_m` centred `offset_m` off the
// line, at its height.
double passes_within(double offset_m, double half_width_m, double spread_m);

// Where a point lies relative to the line of fire from `from` towards `towards`: `along` metres
// down the line (negative behind the shooter) and `across` metres off it.
struct LinePlace {
  double along = 0;
  double across = 0;
};
LinePlace place_on_line(Point from, Point towards, Point p);

}  // namespace campsim::fight
