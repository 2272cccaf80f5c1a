#include "sim/camp/threats/approach_road.hpp"

#include <algorithm>
#include <cmath>

#include "sim/camp/threats/vehicle_bomb.hpp"

namespace campsim::camp {

ApproachRoad approach_road(const VehicleBombParams& p, const Gate& gate, Point camp_centre) {
  ApproachRoad road;
  road.gate = gate.position;
  const double dx = gate.position.x - camp_centre.x, dy = gate.position.y - camp_centre.y;
  const double n = std::hypot(dx, dy);
  if (n > 0) road.outward = {dx / n, dy / n};
  road.to_gate_m = p.approach_distance_m;
  road.start = {gate.position.x + road.outward.x * p.approach_distance_m,
                gate.position.y + road.outward.y * p.approach_distance_m};
  road.chicane_m = gate.chicane ? std::min(p.chicane_length_m, p.approach_distance_m) : 0.0;
  road.speed_mps = p.speed_mps;
  road.chicane_speed_mps = p.chicane_speed_mps;
  if (gate.barrier) road.barrier_m = std::max(0.0, p.approach_distance_m - p.barrier_standoff_m);
  // Inside, on toward the centre, never past it.
  road.end_m = p.approach_distance_m + std::min(p.penetration_m, n);
  return road;
}

Point position_on(const ApproachRoad& road, double driven_m) {
  const double out = road.to_gate_m - driven_m;  // metres outside the gate (negative: inside)
  return {road.gate.x + road.outward.x * out, road.gate.y + road.outward.y * out};
}

double drive_on(const ApproachRoad& road, double driven_m, double dt, double limit_m) {
  const double chicane_from = road.to_gate_m - road.chicane_m;
  double at = driven_m, left = dt;
  while (left > 0 && at < limit_m) {
    const bool in_chicane = road.chicane_m > 0 && at >= chicane_from && at < road.to_gate_m;
    const double speed = in_chicane ? road.chicane_speed_mps : road.speed_mps;
    // The next place the speed changes: the chicane's start or the gate.
    double next = limit_m;
    if (road.chicane_m > 0 && at < chicane_from) next = std::min(next, chicane_from);
    else if (in_chicane) next = std::min(next, road.to_gate_m);
    const double reach = at + speed * left;
    if (reach <= next) return std::min(reach, limit_m);
    left -= (next - at) / speed;
    at = next;
  }
  return std::min(at, limit_m);
}

}  // namespace campsim::camp
