#pragma once
// The world's part of metrics.json: who lives in the camp, what the alarms did, and what the
// sharing of the QRF cost. Deterministic (no wall-clock figures).
#include <nlohmann/json.hpp>

#include "sim/camp/core/qrf_force.hpp"
#include "sim/camp/world/world.hpp"
#include "sim/engine/simulation_loop.hpp"

namespace campsim::camp {

nlohmann::ordered_json world_metrics_json(const World& world, const QrfForce& qrf, const engine::LoopStats& loop);

}  // namespace campsim::camp
