#pragma once
// The pedestrian kernel (sim/crowd, the same one the protest crowd walks on) set up for the
// camp's own people running to bunkers: the camp's frame, the perimeter as a wall, and the
// collision-free speed model's parameters for runners.
#include <memory>

#include "sim/camp/layout.hpp"
#include "sim/camp/world/world_params.hpp"
#include "sim/crowd/crowd_world.hpp"

namespace campsim::camp {

// The model's parameters for a shelter run (collision-free speed model, Tordeux, Chraibi &
// Seyfried 2016, as JuPedSim implements it; docs/odd.md 7.3):
//   time gap T = 1 s (JuPedSim's default: people running to cover keep a full second's gap,
//     not the 0.5 s fitted to the calm bottleneck experiments the protest crowd uses),
//   neighbour strength a = 5 and range D = 0.1 m (JuPedSim's defaults for the direction model),
//   neighbours looked at within 2 m (also the grid's cell).
crowd::CrowdModelParams shelter_run_params();

// A fresh kernel for one alarm's runners: its frame covers the perimeter, the bunkers and the
// zones with 20 m to spare (anyone outside is still handled exactly, in the edge cells), and
// the perimeter is a closed wall (nobody runs out of the camp, or in through it).
std::unique_ptr<crowd::CrowdWorld> build_shelter_crowd(const CampLayout& layout);

// build_shelter_crowd(layout), remembered by what it reads (the perimeter, the bunkers'
// positions, the zones' corners): a copy of the kernel built for the first alarm on that layout.
// Building the wall index is about 30 million instructions for the Gao camp, and every alarm of
// every run of a batch would build the same one (issue 25). Safe to call from several threads.
std::unique_ptr<crowd::CrowdWorld> make_shelter_crowd(const CampLayout& layout);

}  // namespace campsim::camp
