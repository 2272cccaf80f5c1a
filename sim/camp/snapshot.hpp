#pragma once
// A read-only picture of the camp at one instant, for viewers and observers. Taking one never
// changes the model: it only reads state, and draws no random numbers.
#include <string>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/camp/guard_model.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::camp {

struct PostSnapshot {
  std::string name;
  PostKind kind = PostKind::Tower;
  Point position;
  int required = 0;         // guards the plan asks for at this hour
  int on_post = 0;          // sentries actually there
  double mean_vigilance = 0;  // of those sentries (0 when none)
};

struct CampSnapshot {
  SimTime time = 0;
  SimTime time_of_day = 0;
  std::vector<PostSnapshot> posts;
};

// Where each post stands: its tower or gate, or the first node of its patrol route.
std::vector<Point> post_positions(const Scenario& scenario);

CampSnapshot take_snapshot(const GuardModel& model, const GuardParams& params, const std::vector<Point>& positions,
                           SimTime now, SimTime start_time_of_day);

}  // namespace campsim::camp
