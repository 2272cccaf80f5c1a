#include "sim/camp/protest/interpreters.hpp"

#include <cmath>
#include <stdexcept>

namespace campsim::camp::protest {

namespace {
double reach(double u, double f) {
  if (!(u >= 0.0 && u <= 1.0)) throw std::invalid_argument("interpreters: understanding must be in [0, 1]");
  return f + (1.0 - f) * u;
}
}  // namespace

double understanding(const LanguageMix& mix, const InterpretersAtGate& at_gate) {
  const double total = mix.songhai + mix.tamasheq + mix.fulfulde + mix.other;
  if (std::fabs(total - 1.0) > 1e-9) throw std::invalid_argument("LanguageMix: main-language shares must sum to 1");
  const double covered = (at_gate.songhai ? mix.songhai : 0.0) + (at_gate.tamasheq ? mix.tamasheq : 0.0) +
                         (at_gate.fulfulde ? mix.fulfulde : 0.0);
  const double by_french = at_gate.french ? (1.0 - covered) * mix.french_understood : 0.0;
  return covered + by_french;
}

double negotiation_success_chance(double u, const NegotiationParams& p) { return p.success_chance * reach(u, p.without_language); }

double negotiation_round_minutes(double u, const NegotiationParams& p) { return p.round_minutes / reach(u, p.without_language); }

}  // namespace campsim::camp::protest
