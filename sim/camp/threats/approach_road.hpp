#pragma once
// The road a vehicle bomb drives to its gate, as the vehicle agent follows it: straight in along
// the line from the camp's centre through the gate, at full speed on the open road, at the
// chicane's forced speed over its last stretch, held by a closed barrier that stands out in front
// of the gate, or on through the gate toward the centre. Distances are metres driven from where
// the vehicle comes into the gate sentries' view; the geometry is worked by hand in
// tests/camp/threats/test_approach_road.cpp.
#include <optional>

#include "sim/camp/geometry.hpp"
#include "sim/camp/layout.hpp"

namespace campsim::camp {

struct VehicleBombParams;

struct ApproachRoad {
  Point start;                     // where the vehicle comes into view
  Point gate;
  Point outward{0, -1};            // unit vector from the camp's centre out through the gate
  double to_gate_m = 0;            // start to gate
  double chicane_m = 0;            // the last stretch before the gate at chicane speed (0: no chicane)
  double speed_mps = 15, chicane_speed_mps = 4;
  std::optional<double> barrier_m; // metres driven to the barrier (a gate with a barrier only)
  double end_m = 0;                // metres driven to where an unstopped run detonates, inside
};

ApproachRoad approach_road(const VehicleBombParams& p, const Gate& gate, Point camp_centre);

// Where the vehicle is after driving `driven_m` (past the gate: inside, toward the centre).
Point position_on(const ApproachRoad& road, double driven_m);

// Metres driven after `dt` more seconds from `driven_m`, never past `limit_m`: full speed, then
// the chicane's speed from where it begins, then full speed again through the gate.
double drive_on(const ApproachRoad& road, double driven_m, double dt, double limit_m);

}  // namespace campsim::camp
