#pragma once
// The ground a protest walks on, taken from the camp's layout: the perimeter as walls, the gate
// the crowd marches on as a closed gate in the wall, the side the town lies on, where the march
// starts and where each protester will stand in front of the gate. Pure geometry, no state.
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/crowd/crowd_geometry.hpp"
#include "sim/crowd/crowd_types.hpp"

namespace campsim::camp::protest {

// The camp's points are doubles, the crowd kernel's floats (metres either way).
inline crowd::Point2 to2(Point p) { return {static_cast<float>(p.x), static_cast<float>(p.y)}; }
inline Point to_point(crowd::Point2 p) { return {p.x, p.y}; }

struct GateGround {
  crowd::CrowdGeometry geometry;  // the perimeter, with the gate as a closed gate
  crowd::GateId gate{0};
  crowd::Point2 gate_at;          // the gate's middle
  crowd::Point2 outward;          // unit vector from the gate toward the town (away from the camp)
  crowd::Point2 along;            // unit vector along the wall at the gate
  float min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // bounds for the crowd world
};

// Throws std::invalid_argument if the gate is not on the perimeter (within 1 m of a side).
GateGround gate_ground(const CampLayout& layout, const Gate& gate, double gate_width_m, double gathers_m,
                       int max_crowd);

// Standing places in front of the gate at `density` persons/m^2: rows parallel to the wall,
// the first row half a spacing out, each row as wide as a half-disc holding `count` people.
// Ordered nearest the gate first.
std::vector<crowd::Point2> standing_places(const GateGround& ground, int count, double density);

// The square the march starts from: centred `gathers_m` out from the gate, one person per m^2.
crowd::Point2 march_start_centre(const GateGround& ground, double gathers_m);
float march_start_half_side(int count);

// The police line behind the gate: `officers` places in a row along the wall, kPoliceInside_m
// inside it, kPoliceSpacing_m apart, centred on the gate (assumed: a formed unit's line behind
// the gate). Ordered from one end of the line to the other.
inline constexpr double kPoliceInside_m = 2.0;
inline constexpr double kPoliceSpacing_m = 1.0;
std::vector<Point> police_places(const GateGround& ground, int officers);

}  // namespace campsim::camp::protest
