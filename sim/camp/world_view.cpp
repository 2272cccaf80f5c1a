#include "sim/camp/world_view.hpp"

namespace campsim::camp {

WorldSnapshot take_world_snapshot(const WorldSources& s, SimTime t) {
  WorldSnapshot snap;
  snap.time = t;
  snap.time_of_day = engine::time_of_day(s.start_time_of_day, t);
  const int hour = static_cast<int>(snap.time_of_day / engine::kHour) % 24;
  for (std::size_t p = 0; p < s.guard_params.posts.size(); ++p) {
    const Post& post = s.guard_params.posts[p];
    PostView v{post.name, post.kind, s.post_positions[p], post.required_by_hour[static_cast<std::size_t>(hour)], 0, 0};
    double sum = 0;
    for (int duty : s.guards.sentries_on_post(static_cast<int>(p))) {
      sum += s.guards.sentry_vigilance_now(duty, t);
      ++v.on_post;
    }
    v.mean_vigilance = v.on_post > 0 ? sum / v.on_post : 0;
    snap.posts.push_back(std::move(v));
  }
  snap.people = s.world.people_views(t);
  snap.vehicles = s.qrf.vehicles_at(t);
  if (s.medical != nullptr) {
    for (VehicleView& v : s.medical->vehicles_at(t)) snap.vehicles.push_back(std::move(v));
    snap.hospital = s.medical->hospital_view(t);
  }
  snap.incidents = s.threats.open_incidents(t);
  snap.impacts = s.threats.recent_impacts(t, kImpactFade);
  snap.combatants = s.threats.combatants(t);
  snap.rounds = s.threats.rounds_in_flight(t);
  if (s.protests != nullptr) snap.protest = s.protests->view();
  return snap;
}

}  // namespace campsim::camp
