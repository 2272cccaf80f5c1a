#pragma once
// YAML readers for the pieces every threat module shares. Each records errors in the Reader
// (file, line, column) and leaves defaults where keys are absent.
#include "sim/camp/threats/arrival_process.hpp"
#include "sim/camp/threats/blast.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

// arrivals: {per_day: 0.05, hour_weights: [24 numbers], annual_growth: 0.2, scripted: [20h45min, 3d2h]}
void read_arrivals(scenario::MapReader in, ArrivalProfile& out);
// {lethal_area_m2: 200, casualty_area_m2: 1000, light_wound_area_m2: 5000}; lethal must not exceed
// casualty; the light-wound area (optional) adds a zone only where it exceeds the casualty area.
void read_blast(scenario::MapReader in, BlastEffect& out);
// {open: 1, container: 0.6, hardened: 0.02}
void read_protection(scenario::MapReader in, ProtectionFactors& out);
// {immediate: 0.2, delayed: 0.3}; the two must not add up to more than 1.
void read_wound_mix(scenario::MapReader in, WoundMix& out);
// The qrf section; `base` must name a road node (checked by the caller, who knows the layout).
void read_qrf(scenario::MapReader in, QrfParams& out);

}  // namespace campsim::camp
