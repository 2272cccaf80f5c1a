#include "sim/camp/snapshot.hpp"

#include <cmath>

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

CampSnapshot take_snapshot(const GuardModel& model, const GuardParams& params, const std::vector<Point>& positions,
                           SimTime now, SimTime start_time_of_day) {
  CampSnapshot snap;
  snap.time = now;
  snap.time_of_day = engine::time_of_day(start_time_of_day, now);
  const int hour = static_cast<int>(snap.time_of_day / engine::kHour) % 24;
  for (std::size_t p = 0; p < params.posts.size(); ++p) {
    PostSnapshot post{params.posts[p].name, params.posts[p].kind, positions[p], params.posts[p].required_by_hour[hour], 0, 0};
    double sum = 0;
    for (int duty : model.sentries_on_post(static_cast<int>(p))) {
      sum += model.sentry_vigilance_now(duty, now);
      ++post.on_post;
    }
    post.mean_vigilance = post.on_post > 0 ? sum / post.on_post : 0;
    snap.posts.push_back(post);
  }
  return snap;
}

}  // namespace campsim::camp
