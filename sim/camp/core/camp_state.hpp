#pragma once
// What the camp's modules share and none of them owns: the composition builds it once per run
// and hands it, with the event router, to every module that needs it (ModuleContext). Today
// that is the QRF's teams: the threats call them out, the medical chain's escorts ride with them.
#include "sim/camp/core/camp_events.hpp"
#include "sim/camp/core/qrf_force.hpp"

namespace campsim::camp {

struct CampState {
  // The QRF's teams wait at `qrf_base`, the road node `qrf.base` names (ResolvedLayout::qrf_base).
  CampState(const QrfParams& qrf_params, const CampLayout& layout, RoadNodeId qrf_base);

  QrfForce qrf;
};

// A module's links to the rest of the camp. A module run alone (a test, the whole-list adapter)
// gets none: it shares no QRF and nobody hears its news.
struct ModuleContext {
  CampState* state = nullptr;
  CampEvents* events = nullptr;
};

}  // namespace campsim::camp
