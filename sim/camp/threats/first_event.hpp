#pragma once
// Time to the first event of a Poisson process, by inversion: the one formula the threat steps
// share (detection while cutting the wire, stopping a vehicle at a gate).
#include <cmath>

#include "sim/engine/sim_time.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

// First event of a process with `hazard` events per second, from a uniform u in (0, 1];
// never (engine::kNever) when the hazard is zero.
inline double first_event(double hazard, double u) { return hazard > 0 ? -math::log(u) / hazard : engine::kNever; }

}  // namespace campsim::camp
