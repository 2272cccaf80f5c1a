#include "sim/camp/threats/threat_context.hpp"

#include "sim/camp/core/qrf_force.hpp"

namespace campsim::camp {

// The camp's QRF teams when the run has them (busy teams stay busy); the closed-form response of
// one team otherwise (tests of a single attack).
QrfTimeline ThreatContext::call_qrf(Point where, SimTime detected, bool night, engine::RandomStream& rng) const {
  if (qrf_force) return qrf_force->dispatch(where, detected, night, rng);
  return qrf_response(qrf, *layout, qrf_base, where, detected, night, rng);
}

}  // namespace campsim::camp
