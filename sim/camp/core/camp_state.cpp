#include "sim/camp/core/camp_state.hpp"

namespace campsim::camp {

CampState::CampState(const QrfParams& qrf_params, const CampLayout& layout, RoadNodeId qrf_base)
    : qrf(qrf_params, layout, qrf_base) {}

}  // namespace campsim::camp
