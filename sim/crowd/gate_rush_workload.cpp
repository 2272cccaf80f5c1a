#include "sim/crowd/gate_rush_workload.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/crowd/crowd_placement.hpp"
#include "sim/engine/random.hpp"

namespace campsim::crowd {

GateRushWorkload make_gate_rush(std::size_t agents, std::uint64_t seed, CrowdModelParams params) {
  if (agents == 0) throw std::invalid_argument("make_gate_rush: needs at least one agent");
  params.interaction_radius = kGateRushRange;
  GateRushWorkload w;
  // At least 10 m so the gate, the cloud and the walls fit even for a handful of agents.
  w.side = std::max(10.0f, std::sqrt(static_cast<float>(agents) / kGateRushDensity));
  const float s = w.side, half = s / 2.0f, gate_half = kGateRushGateWidth / 2.0f;
  const float margin = 2.0f * kGateRushRange;
  w.world = std::make_unique<CrowdWorld>(-margin, -margin, s + margin, s + margin, params);

  CrowdGeometry geometry;
  geometry.add_wall({0, 0}, {s, 0});
  geometry.add_wall({s, 0}, {s, half - gate_half});
  w.gate = geometry.add_gate({s, half - gate_half}, {s, half + gate_half}, true);
  geometry.add_wall({s, half + gate_half}, {s, s});
  geometry.add_wall({s, s}, {0, s});
  geometry.add_wall({0, s}, {0, 0});
  w.world->set_geometry(std::move(geometry));
  w.gate_target = {s + 1.0f, half};

  Interactions& inter = w.world->interactions();
  inter.counted_states = state_bit(kGateRushActive);
  inter.speed_factor[kGateRushActive] = 1.2f;
  inter.sources.push_back(FieldSource{{0.5f * s, 0.5f * s}, -0.3f, 50.0f, state_bit(kGateRushActive)});
  inter.sources.push_back(FieldSource{{s - 6.0f, half + 6.0f}, 1.0f, 3.0f, kAllStates});

  engine::RandomStream place(engine::StreamKey{seed, 0, engine::purpose_tag("crowd.bench.place"), 0, 0});
  const float inset = kGateRushRadius + 0.01f;
  const auto positions = scatter_without_overlap(Rectangle{inset, inset, s - inset, s - inset}, agents,
                                                 2.0f * kGateRushRadius, place);
  engine::RandomStream activity(engine::StreamKey{seed, 0, engine::purpose_tag("crowd.bench.active"), 0, 0});
  w.world->reserve(agents);
  for (const Point2& p : positions) {
    const std::uint8_t state = activity.bernoulli(0.1) ? kGateRushActive : 0;
    w.world->add_agent(AgentSpec{p, w.gate_target, kGateRushSpeed, kGateRushRadius, state});
  }
  return w;
}

}  // namespace campsim::crowd
