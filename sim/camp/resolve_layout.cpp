#include "sim/camp/resolve_layout.hpp"

#include <stdexcept>

#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

ResolvedLayout resolve_layout(const Scenario& scenario) {
  const CampLayout& layout = scenario.layout;
  ResolvedLayout resolved;
  resolved.posts = resolve_posts(layout, scenario.guards.posts);
  resolved.post_positions = post_positions(layout, resolved.posts);
  resolved.qrf_base = road_node_named(layout, scenario.qrf.base, "qrf.base");
  const std::vector<std::string>& named = scenario.threats.vehicle_bomb.gates;
  if (named.empty()) {
    for (std::size_t g = 0; g < layout.gates.size(); ++g) resolved.bomb_gates.push_back(id_at<GateId>(g));
  } else {
    for (const std::string& name : named) {
      const std::optional<GateId> gate = find_gate(layout, name);
      if (!gate) throw std::invalid_argument("threats.vehicle_bomb.gates: no gate named '" + name + "' in the layout");
      resolved.bomb_gates.push_back(*gate);
    }
  }
  if (scenario.protests.enabled) {
    resolved.protest_gate = find_gate(layout, scenario.protests.crowd.gate);
    if (!resolved.protest_gate)
      throw std::invalid_argument("protests.crowd.gate: no gate named '" + scenario.protests.crowd.gate + "' in the layout");
  }
  if (scenario.medical.enabled) resolved.medical = resolve_medical_sites(scenario.medical, layout);
  return resolved;
}

std::vector<Point> post_positions(const Scenario& scenario) {
  return post_positions(scenario.layout, resolve_posts(scenario.layout, scenario.guards.posts));
}

}  // namespace campsim::camp
