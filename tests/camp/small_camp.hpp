#pragma once
// Small hand-built scenarios whose results can be worked out on paper.
#include "sim/camp/scenario.hpp"

namespace campsim::testing {

// A 100 m x 100 m camp with one gate and towers T0..T(n-1); `posts` posts, each needing one
// guard around the clock; shifts of `shift_hours` starting at t = 0 (06:00); no lateness, no
// sickness, no overlap. Tests change what they need from there.
inline camp::Scenario small_camp(int posts, int soldiers, double shift_hours) {
  using namespace campsim::camp;
  Scenario s;
  s.meta.name = "small";
  s.meta.start_time_of_day = 6 * engine::kHour;
  s.meta.duration = engine::kDay;
  s.layout.perimeter = {{0, 0}, {100, 0}, {100, 100}, {0, 100}};
  s.layout.gates.push_back({"gate", {0, 50}, true, true});
  s.layout.road_nodes = {{"a", {10, 50}}, {"b", {90, 50}}};
  s.layout.road_edges = {{0, 1, 80}};
  GuardParams& g = s.guards;
  g.force.company_size = soldiers;
  g.force.guard_pool = soldiers;
  g.force.daily_unavailability = 0;
  g.shifts.length = shift_hours * engine::kHour;
  g.shifts.first_start = 6 * engine::kHour;
  g.shifts.handover_overlap = 0;
  g.shifts.min_rest = 8 * engine::kHour;
  g.shifts.relief_lateness = engine::Distribution::fixed(0);
  disable_all_threats(s.threats);
  s.qrf.base = "a";
  // The medical chain is on by default in a hand-built scenario; its hospital must be a road node
  // of the layout (the loader checks it; a name not found is an error, never node 0).
  s.medical.ambulances.hospital_node = "a";
  g.rotation.first_in = 1000 * engine::kDay;
  g.rotation.unit_in_theatre = 1000 * engine::kDay;
  for (int p = 0; p < posts; ++p) {
    const std::string name = "T" + std::to_string(p);
    s.layout.towers.push_back({name, {5.0 + p, 5}, 180, 200, 400});
    Post post;
    post.name = name;
    post.kind = PostKind::Tower;
    post.at = name;
    post.manning = {{0, 24 * engine::kHour, 1}};
    derive_required_by_hour(post);
    g.posts.push_back(post);
  }
  return s;
}

}  // namespace campsim::testing
