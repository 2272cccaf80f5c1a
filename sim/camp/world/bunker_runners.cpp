#include "sim/camp/world/bunker_runners.hpp"

#include <algorithm>
#include <cmath>

#include "sim/camp/world/shelter_crowd.hpp"
#include "sim/crowd/aligned_column.hpp"

namespace campsim::camp {

void BunkerRunners::Movers::push(std::uint32_t who, Point from, Point goal, float v, double when, BunkerId to_bunker,
                              crowd::CrowdAgentId id) {
  x.push_back(static_cast<float>(from.x));
  y.push_back(static_cast<float>(from.y));
  goal_x.push_back(static_cast<float>(goal.x));
  goal_y.push_back(static_cast<float>(goal.y));
  speed.push_back(v);
  start.push_back(when);
  person.push_back(who);
  bunker.push_back(to_bunker);
  agent.push_back(id);
  running.push_back(0);
}

void BunkerRunners::Movers::erase(std::span<const std::uint32_t> slots) {
  const auto out = [slots](auto& column) { crowd::erase_sorted(column, slots); };
  out(x), out(y), out(goal_x), out(goal_y), out(speed), out(start), out(person), out(bunker), out(agent), out(running);
}

void BunkerRunners::release_agent(crowd::CrowdAgentId id) {
  crowd_->remove_agent(id);
  if (crowd_->agent_count() == 0) crowd_.reset();
}

void BunkerRunners::drop(std::size_t slot) {
  drop_marked(slot);
  close_up();
}

void BunkerRunners::drop_marked(std::size_t slot) {
  leaving_.push_back(static_cast<std::uint32_t>(slot));
  release_agent(movers_.agent[slot]);
}

void BunkerRunners::close_up() {
  std::sort(leaving_.begin(), leaving_.end());
  movers_.erase(leaving_);
  leaving_.clear();
}

void BunkerRunners::stop(std::uint32_t p) {
  for (std::size_t slot = 0; slot < movers_.size(); ++slot)
    if (movers_.person[slot] == p) {
      drop(slot);
      return;
    }
}

void BunkerRunners::release_queued(std::uint32_t p) {
  if (!queued_agent_[p]) return;
  const crowd::CrowdAgentId id = *queued_agent_[p];
  queued_agent_[p].reset();
  release_agent(id);
}

void BunkerRunners::stand_at_door(std::size_t slot) {
  stand_at_door_marked(slot);
  close_up();
}

void BunkerRunners::stand_at_door_marked(std::size_t slot) {
  crowd_->set_desired_speed(movers_.agent[slot], 0.0f);
  queued_agent_[movers_.person[slot]] = movers_.agent[slot];
  leaving_.push_back(static_cast<std::uint32_t>(slot));
}

void BunkerRunners::join(std::uint32_t p, Point from, Point goal, float speed, double when, BunkerId bunker,
                      const CampLayout& layout, double body_radius_m) {
  const crowd::Point2 target{static_cast<float>(goal.x), static_cast<float>(goal.y)};
  // Standing still (desired speed 0) until the reaction time has passed: step() gives the
  // running speed at the first step that starts at or after `when`.
  crowd::CrowdAgentId id{0};
  if (queued_agent_[p]) {  // sent on from a full bunker's door: leaves from where they stood
    id = *queued_agent_[p];
    queued_agent_[p].reset();
    crowd_->set_target(id, target);
  } else {
    if (!crowd_) crowd_ = make_shelter_crowd(layout);
    id = crowd_->add_agent({{static_cast<float>(from.x), static_cast<float>(from.y)}, target, 0.0f,
                            static_cast<float>(body_radius_m), 0});
  }
  movers_.push(p, from, goal, speed, when, bunker, id);
}

std::uint64_t BunkerRunners::step(SimTime now, SimTime dt, SimTime movement_step, engine::Parallelism& parallelism) {
  const int pieces = std::max(1, static_cast<int>(std::ceil(dt / movement_step - 1e-9)));
  const double h = dt / pieces;
  const std::size_t n = movers_.size();
  std::uint64_t steps = 0;
  for (int k = 0; k < pieces; ++k) {
    const double t = now + k * h;
    for (std::size_t slot = 0; slot < n; ++slot)
      if (movers_.running[slot] == 0 && movers_.start[slot] <= t) {  // reaction over: run
        crowd_->set_desired_speed(movers_.agent[slot], movers_.speed[slot]);
        movers_.running[slot] = 1;
      }
    crowd_->step(static_cast<float>(h), parallelism);
    steps += n;
  }
  for (std::size_t slot = 0; slot < n; ++slot) {
    const crowd::Point2 at = crowd_->position(movers_.agent[slot]);
    movers_.x[slot] = at.x;
    movers_.y[slot] = at.y;
  }
  return steps;
}

std::vector<Point> BunkerRunners::positions(std::size_t people) const {
  std::vector<Point> at;
  if (movers_.size() == 0) return at;
  at.assign(people, Point{});
  for (std::size_t slot = 0; slot < movers_.size(); ++slot) at[movers_.person[slot]] = {movers_.x[slot], movers_.y[slot]};
  return at;
}

std::optional<Point> BunkerRunners::position_of(std::uint32_t p) const {
  for (std::size_t slot = 0; slot < movers_.size(); ++slot)
    if (movers_.person[slot] == p) return Point{movers_.x[slot], movers_.y[slot]};
  return std::nullopt;
}

}  // namespace campsim::camp
