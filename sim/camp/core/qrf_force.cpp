#include "sim/camp/core/qrf_force.hpp"

#include <algorithm>
#include <limits>

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

Point point_along_route(const CampLayout& layout, const std::vector<RoadNodeId>& nodes, double metres) {
  if (nodes.empty()) return {};
  Point at = layout.road_node(nodes.front()).position;
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    const Point next = layout.road_node(nodes[i]).position;
    const double leg = distance(at, next);
    if (metres <= leg && leg > 0) {
      const double share = std::max(0.0, metres) / leg;
      return {at.x + share * (next.x - at.x), at.y + share * (next.y - at.y)};
    }
    metres -= leg;
    at = next;
  }
  return at;
}

QrfForce::QrfForce(const QrfParams& params, const CampLayout& layout, RoadNodeId base_node)
    : params_(params), layout_(layout), base_(base_node), teams_(static_cast<std::size_t>(std::max(1, params.units))) {}

QrfTimeline QrfForce::send(Point incident, SimTime detected, bool night, engine::RandomStream& rng, Mission& m) {
  QrfTimeline t;
  t.detected = detected;
  t.alerted = detected + params_.alarm_delay.sample(rng);
  const SimTime notice = params_.notice_to_move(night);
  const SimTime free_launch = t.alerted + notice;  // what a team at base would do

  // The team that launches first; ties go to the lower-numbered team.
  int best = 0;
  SimTime best_launch = std::numeric_limits<double>::infinity();
  RoadNodeId best_from = base_;
  for (std::size_t u = 0; u < teams_.size(); ++u) {
    const Team& team = teams_[u];
    SimTime launch = free_launch;
    RoadNodeId from = base_;
    if (!team.missions.empty()) {
      const Mission& last = team.missions.back();
      if (last.escort && last.timeline.home > t.alerted) {
        // Escorting a convoy: it stays with it, and launches from base when the convoy is home.
        launch = std::max(free_launch, last.timeline.home);
      } else if (last.timeline.home > t.alerted) {
        // Busy: it comes straight from its scene once that is contained, already mobilized.
        launch = std::max(t.alerted, last.timeline.contained);
        from = last.out.empty() ? base_ : last.out.back();
        if (last.timeline.contained <= t.alerted) {
          // On its way home: it turns round where it is; taken as leaving from the scene's node
          // (the return drive is short next to the notice to move).
          launch = t.alerted;
        }
      }
    }
    if (launch < best_launch) {
      best_launch = launch;
      best = static_cast<int>(u);
      best_from = from;
    }
  }
  t.unit = best;
  t.launched = best_launch;
  t.waited = std::max(0.0, best_launch - free_launch);

  m.mobilized = best_from == base_ && best_launch == free_launch ? t.alerted : best_launch;
  // A camp without roads has no drive: the team is on scene once launched (road and foot 0).
  if (const std::optional<RoadNodeId> goal = nearest_road_node(layout_, incident)) {
    if (const auto route = shortest_route(layout_, best_from, *goal)) {
      t.road_m = route->length_m;
      m.out = route->nodes;
    }
    t.foot_m = distance(layout_.road_node(*goal).position, incident);
    if (const auto route = shortest_route(layout_, *goal, base_)) {
      m.back = route->nodes;
      m.back_m = route->length_m;
    }
  }
  t.on_scene = t.launched + t.road_m / params_.drive_speed_mps + t.foot_m / params_.foot_speed_mps;
  return t;
}

QrfTimeline QrfForce::dispatch(Point incident, SimTime detected, bool night, engine::RandomStream& rng) {
  Mission m;
  QrfTimeline t = send(incident, detected, night, rng, m);
  Team& team = teams_[static_cast<std::size_t>(t.unit)];
  t.contained = t.on_scene + params_.containment.sample(rng);
  t.home = t.contained + t.foot_m / params_.foot_speed_mps + m.back_m / params_.drive_speed_mps;
  commit(team, m, t);
  return t;
}

QrfTimeline QrfForce::dispatch_open(Point incident, SimTime detected, bool night, engine::RandomStream& rng, SimTime hold) {
  Mission m;
  QrfTimeline t = send(incident, detected, night, rng, m);
  Team& team = teams_[static_cast<std::size_t>(t.unit)];
  t.contained = t.on_scene + hold;
  t.home = t.contained + t.foot_m / params_.foot_speed_mps + m.back_m / params_.drive_speed_mps;
  commit(team, m, t);
  return t;
}

QrfTimeline QrfForce::stand_down(int unit, int mission, SimTime ended) {
  Team& team = teams_[static_cast<std::size_t>(unit)];
  Mission& m = team.missions[static_cast<std::size_t>(mission)];
  QrfTimeline& t = m.timeline;
  t.contained = std::max(ended, t.launched);
  // A team re-tasked meanwhile (sent on from this scene to a later incident) keeps the later
  // mission's start: its home here is where that one began.
  if (static_cast<std::size_t>(mission) + 1 == team.missions.size())
    t.home = t.contained + t.foot_m / params_.foot_speed_mps + m.back_m / params_.drive_speed_mps;
  return t;
}

void QrfForce::commit(Team& team, Mission& m, QrfTimeline& t) {
  if (!team.missions.empty() && team.missions.back().timeline.home > t.launched) {
    // Re-tasked: the previous mission ends where this one starts.
    team.missions.back().timeline.home = t.launched;
    team.missions.back().back.clear();
  }
  t.mission = static_cast<int>(team.missions.size());
  m.timeline = t;
  team.missions.push_back(std::move(m));
  ++dispatches_;
  if (t.waited > 0) {
    ++waited_;
    wait_total_s_ += t.waited;
  }
}

QrfForce::FirstReady QrfForce::first_escort(SimTime asked, bool night) const {
  const SimTime notice = params_.notice_to_move(night);
  FirstReady best{0, std::numeric_limits<double>::infinity()};
  for (std::size_t u = 0; u < teams_.size(); ++u) {
    const Team& team = teams_[u];
    SimTime ready = asked + notice;
    if (!team.missions.empty() && team.missions.back().timeline.home > asked)
      ready = std::max(asked, team.missions.back().timeline.home);  // out: goes again once home
    if (ready < best.ready) best = {static_cast<int>(u), ready};  // ties: the lower-numbered team
  }
  return best;
}

SimTime QrfForce::escort_ready(SimTime asked, bool night) const { return first_escort(asked, night).ready; }

int QrfForce::book_escort(SimTime asked, bool night, RoadNodeId gate_node, SimTime depart, SimTime at_scene,
                          SimTime left_scene, SimTime back) {
  const FirstReady first = first_escort(asked, night);
  const SimTime notice = params_.notice_to_move(night);
  Mission m;
  m.escort = true;
  m.mobilized = std::min(depart, first.ready);
  if (const auto route = shortest_route(layout_, base_, gate_node)) {
    m.out = route->nodes;
    m.back.assign(m.out.rbegin(), m.out.rend());
    m.timeline.road_m = route->length_m;
  }
  QrfTimeline& t = m.timeline;
  t.unit = first.unit;
  t.detected = t.alerted = asked;
  t.launched = std::max(depart, first.ready);
  t.waited = std::max(0.0, first.ready - (asked + notice));
  t.on_scene = std::max(t.launched, at_scene);
  t.contained = std::max(t.on_scene, left_scene);
  t.home = std::max(t.contained, back);
  ++escorts_;
  if (t.waited > 0) {
    ++escorts_waited_;
    escort_wait_total_s_ += t.waited;
  }
  teams_[static_cast<std::size_t>(first.unit)].missions.push_back(std::move(m));
  return first.unit;
}

VehicleState QrfForce::state_at(int unit, SimTime time) const {
  for (const Mission& m : teams_[static_cast<std::size_t>(unit)].missions) {
    const QrfTimeline& t = m.timeline;
    if (time < m.mobilized || time >= t.home) continue;
    if (time < t.launched) return VehicleState::Mobilizing;
    if (time < t.on_scene) return VehicleState::EnRoute;
    if (time < t.contained) return VehicleState::OnScene;
    return VehicleState::Returning;
  }
  return VehicleState::AtBase;
}

std::vector<VehicleView> QrfForce::vehicles_at(SimTime time) const {
  std::vector<VehicleView> views;
  const Point base = layout_.road_nodes.empty() ? Point{} : layout_.road_node(base_).position;
  for (std::size_t u = 0; u < teams_.size(); ++u) {
    VehicleView v{static_cast<std::uint32_t>(u), VehicleKind::Qrf, VehicleState::AtBase, base};
    for (const Mission& m : teams_[u].missions) {
      const QrfTimeline& t = m.timeline;
      if (time < m.mobilized || time >= t.home) continue;
      v.state = state_at(static_cast<int>(u), time);
      const double out_drive = t.road_m / params_.drive_speed_mps;
      switch (v.state) {
        case VehicleState::Mobilizing: v.position = point_along_route(layout_, m.out, 0); break;
        case VehicleState::EnRoute:
          v.position = point_along_route(layout_, m.out, std::min(time - t.launched, out_drive) * params_.drive_speed_mps);
          break;
        case VehicleState::OnScene: v.position = point_along_route(layout_, m.out, t.road_m); break;
        case VehicleState::Returning: {
          // An escort is beyond the gate with its convoy until the last stretch home.
          const SimTime drive_from = m.escort ? t.home - t.road_m / params_.drive_speed_mps
                                              : t.contained + t.foot_m / params_.foot_speed_mps;
          v.position = point_along_route(layout_, m.back, std::max(0.0, time - drive_from) * params_.drive_speed_mps);
          break;
        }
        case VehicleState::AtBase:
        case VehicleState::OutOfService: break;
      }
      break;
    }
    views.push_back(v);
  }
  return views;
}

}  // namespace campsim::camp
