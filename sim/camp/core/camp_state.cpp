#include "sim/camp/core/camp_state.hpp"

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

CampState::CampState(const QrfParams& qrf_params, const CampLayout& layout)
    : qrf(qrf_params, layout, road_node_named(layout, qrf_params.base, "qrf.base")) {}

}  // namespace campsim::camp
