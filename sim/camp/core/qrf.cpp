#include "sim/camp/core/qrf.hpp"

#include <limits>

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

int nearest_road_node(const CampLayout& layout, Point p) {
  int best = -1;
  double best_d = std::numeric_limits<double>::infinity();
  for (int i = 0, n = static_cast<int>(layout.road_nodes.size()); i < n; ++i) {
    const double d = distance(layout.road_nodes[i].position, p);
    if (d < best_d) {
      best_d = d;
      best = i;
    }
  }
  return best;
}

QrfTimeline qrf_response(const QrfParams& params, const CampLayout& layout, int base_node, Point incident,
                         SimTime detected, bool night, engine::RandomStream& rng) {
  QrfTimeline t;
  t.detected = detected;
  t.alerted = detected + params.alarm_delay.sample(rng);
  t.launched = t.alerted + params.notice_to_move(night);
  const int goal = nearest_road_node(layout, incident);
  if (const auto route = shortest_route(layout, base_node, goal)) t.road_m = route->length_m;
  t.foot_m = goal >= 0 ? distance(layout.road_nodes[goal].position, incident) : 0;
  t.on_scene = t.launched + t.road_m / params.drive_speed_mps + t.foot_m / params.foot_speed_mps;
  t.contained = t.on_scene + params.containment.sample(rng);
  return t;
}

}  // namespace campsim::camp
