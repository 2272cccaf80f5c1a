#include "sim/camp/post_positions.hpp"

namespace campsim::camp {

std::vector<Point> post_positions(const Scenario& scenario) {
  std::vector<Point> positions;
  const CampLayout& layout = scenario.layout;
  for (const Post& post : scenario.guards.posts) {
    Point at;
    if (post.kind == PostKind::Tower) {
      for (const auto& t : layout.towers)
        if (t.name == post.at) at = t.position;
    } else if (post.kind == PostKind::Gate) {
      for (const auto& g : layout.gates)
        if (g.name == post.at) at = g.position;
    } else if (!post.route.empty()) {
      for (const auto& n : layout.road_nodes)
        if (n.name == post.route.front()) at = n.position;
    }
    positions.push_back(at);
  }
  return positions;
}

}  // namespace campsim::camp
