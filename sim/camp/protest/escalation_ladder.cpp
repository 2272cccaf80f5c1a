#include "sim/camp/protest/escalation_ladder.hpp"

#include <algorithm>
#include <stdexcept>

namespace campsim::camp::protest {

double escalation_pressure(const CrowdSituation& s, ForceAction action, double understanding,
                           const EscalationParams& p) {
  if (!(understanding >= 0.0 && understanding <= 1.0))
    throw std::invalid_argument("escalation_pressure: understanding must be in [0, 1]");
  double pressure = p.weight_active * std::clamp(s.active_share, 0.0, 1.0) +
                    p.weight_density * std::min(s.density / p.critical_density, 1.0) +
                    p.weight_size * std::min(static_cast<double>(s.size) / p.reference_size, 1.0) +
                    p.weight_provocation * s.provocations + p.weight_loss * s.losses;
  const double effect = p.action_effect[static_cast<std::size_t>(action)];
  pressure += action == ForceAction::negotiate ? effect * understanding : effect;
  return pressure;
}

CrowdLevel next_level(CrowdLevel current, const CrowdSituation& s, ForceAction action, double understanding,
                      const EscalationParams& p) {
  if (current == CrowdLevel::dispersed) return current;
  const double pressure = escalation_pressure(s, action, understanding, p);
  const auto k = static_cast<std::size_t>(current);
  if (current != CrowdLevel::breach_attempt && pressure >= p.climb[k]) return static_cast<CrowdLevel>(k + 1);
  const double descend_below = current == CrowdLevel::gathering ? p.disperse_below : p.climb[k - 1] - p.hysteresis;
  if (pressure < descend_below) return static_cast<CrowdLevel>(k - 1);
  return current;
}

}  // namespace campsim::camp::protest
