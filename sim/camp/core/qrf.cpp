#include "sim/camp/core/qrf.hpp"

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

QrfTimeline qrf_response(const QrfParams& params, const CampLayout& layout, RoadNodeId base_node, Point incident,
                         SimTime detected, bool night, engine::RandomStream& rng) {
  QrfTimeline t;
  t.detected = detected;
  t.alerted = detected + params.alarm_delay.sample(rng);
  t.launched = t.alerted + params.notice_to_move(night);
  // A camp without roads: the whole way on foot is not modelled, only the last stretch (none).
  if (const std::optional<RoadNodeId> goal = nearest_road_node(layout, incident)) {
    if (const auto route = shortest_route(layout, base_node, *goal)) t.road_m = route->length_m;
    t.foot_m = distance(layout.road_node(*goal).position, incident);
  }
  t.on_scene = t.launched + t.road_m / params.drive_speed_mps + t.foot_m / params.foot_speed_mps;
  t.contained = t.on_scene + params.containment.sample(rng);
  return t;
}

}  // namespace campsim::camp
