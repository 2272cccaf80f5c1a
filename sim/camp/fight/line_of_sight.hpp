#pragma once
// Line of sight over the camp's layout, in two and a half dimensions: every obstacle is a
// polygon with a height (a HESCO wall, a building, a row of containers), the observer's eye and
// the target's centre of mass have heights, and the sight line between them is straight. An
// obstacle blocks the line where the line passes over its footprint lower than its top; the
// perimeter wall is one such obstacle. Built-up zones are clutter rather than walls: the part of
// the line that runs through a built-up zone below roof height thins the view exponentially
// (transmission exp(-metres / clutter_scale_m)), like foliage in the standard sight models. A
// tower's sentry, eight metres up, sees over the wall and over roofs until the line comes down
// near the target.
//
// Plain geometry, no camp state: the fight module and the tests use it alike.
#include <vector>

#include "sim/camp/geometry.hpp"

namespace campsim::fight {

using camp::Point;

struct Obstacle {
  std::vector<Point> footprint;  // closed polygon, metres
  double height_m = 2.5;
};

struct Terrain {
  std::vector<Obstacle> walls;     // block the line where it is lower than their top
  std::vector<Obstacle> clutter;   // built-up zones: thin the view below roof height
  double clutter_scale_m = 40;     // metres of clutter that leave 1/e of the view
};

struct Eye {
  Point at;
  double height_m = 1.6;
};

struct Sight {
  bool clear = false;        // no wall blocks the line
  double transmission = 0;   // 0..1: what the clutter leaves of the view (0 when blocked)
};

// The line from `observer` to a target at `target` whose centre is `target_height_m` up.
Sight line_of_sight(const Terrain& terrain, Eye observer, Point target, double target_height_m);

// Sub-intervals [t0, t1] of the segment a->b (t in [0, 1]) that lie inside `polygon`, in order.
std::vector<std::pair<double, double>> inside_intervals(const std::vector<Point>& polygon, Point a, Point b);

// Compass bearing from `from` to `to` in degrees (0 north, 90 east), in [0, 360).
double bearing_deg(Point from, Point to);
// Is `target` inside the sector of full angle `field_deg` centred on `facing_deg`? (360: always.)
bool in_field_of_view(Point observer, double facing_deg, double field_deg, Point target);

}  // namespace campsim::fight
