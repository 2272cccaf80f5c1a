#pragma once
// A loaded scenario's names of layout objects -- the posts' towers, gates and routes, the QRF's
// base, the vehicle bomb's gates, the protesters' gate, the medical chain's road nodes -- resolved to typed ids once, when a run
// is set up (sim/camp/core/resolved_layout.hpp says what each module gets).
#include <vector>

#include "sim/camp/core/resolved_layout.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::camp {

// Throws std::invalid_argument for a name that names nothing: load_scenario refuses those with
// their file and line, so only a scenario assembled by hand can get here with one.
ResolvedLayout resolve_layout(const Scenario& scenario);

// Where each post of the guard plan stands (post_positions of the resolved places).
std::vector<Point> post_positions(const Scenario& scenario);

}  // namespace campsim::camp
