#include "sim/camp/medical/ambulance.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

namespace {

[[noreturn]] void illegal(VehicleState state, AmbulanceEvent event) {
  throw std::logic_error("ambulance: event " + std::to_string(static_cast<int>(event)) + " not allowed when " +
                         std::string(vehicle_state_name(state)));
}

// The shortest edge joining a and b (0 when none does: a route only steps along edges).
double edge_length(const CampLayout& layout, RoadNodeId a, RoadNodeId b) {
  std::optional<double> best;
  for (const RoadEdge& e : layout.road_edges)
    if ((e.from == a && e.to == b) || (e.from == b && e.to == a)) best = best ? std::min(*best, e.length_m) : e.length_m;
  return std::max(0.0, best.value_or(0.0));
}

}  // namespace

VehicleState ambulance_transition(VehicleState state, AmbulanceEvent event, bool at_home) {
  using S = VehicleState;
  if (event == AmbulanceEvent::Hit) return S::OutOfService;
  switch (state) {
    case S::AtBase:
      if (event == AmbulanceEvent::Tasked) return S::Mobilizing;
      break;
    case S::Mobilizing:
      if (event == AmbulanceEvent::Departs) return S::EnRoute;
      break;
    case S::EnRoute:
      if (event == AmbulanceEvent::ArrivesOnScene) return S::OnScene;
      break;
    case S::OnScene:
      if (event == AmbulanceEvent::LeavesScene) return S::Returning;
      break;
    case S::Returning:
      if (event == AmbulanceEvent::Tasked) return S::Mobilizing;  // only while free at the hospital
      if (event == AmbulanceEvent::HandedOver) return at_home ? S::AtBase : S::Returning;
      if (event == AmbulanceEvent::Home) return S::AtBase;
      break;
    case S::OutOfService: break;
  }
  illegal(state, event);
}

void Ambulance::apply(AmbulanceEvent event) {
  if (event == AmbulanceEvent::Tasked && !available()) illegal(state_, event);
  state_ = ambulance_transition(state_, event, at_node_ == home_node_);
  if (event == AmbulanceEvent::Tasked) free_at_hospital_ = false;
  if (event == AmbulanceEvent::Hit) free_at_hospital_ = false;
}

void Ambulance::handed_over(RoadNodeId node, Point where, SimTime now) {
  at_node_ = node;
  state_ = ambulance_transition(state_, AmbulanceEvent::HandedOver, node == home_node_);
  free_at_hospital_ = state_ == VehicleState::Returning;
  leg_ = {{now, where}};
}

void Ambulance::drive_home(std::vector<Waypoint> leg) {
  free_at_hospital_ = false;
  leg_ = std::move(leg);
}

void Ambulance::arrive_home(Point where, SimTime now) {
  state_ = ambulance_transition(state_, AmbulanceEvent::Home, true);
  free_at_hospital_ = false;
  at_node_ = home_node_;
  leg_ = {{now, where}};
}

std::vector<Waypoint> road_leg(const CampLayout& layout, RoadNodeId from, RoadNodeId to, SimTime depart, double speed_mps) {
  const auto node_at = [&](RoadNodeId n) { return layout.road_node(n).position; };
  std::vector<Waypoint> leg{{depart, node_at(from)}};
  if (from == to) return leg;
  const std::optional<Route> route = shortest_route(layout, from, to);
  if (!route) return leg;
  SimTime t = depart;
  for (std::size_t i = 1; i < route->nodes.size(); ++i) {
    t += edge_length(layout, route->nodes[i - 1], route->nodes[i]) / speed_mps;
    leg.push_back({t, node_at(route->nodes[i])});
  }
  return leg;
}

Point position_along(const std::vector<Waypoint>& leg, SimTime t) {
  if (leg.empty()) return {};
  if (t <= leg.front().time) return leg.front().at;
  for (std::size_t i = 1; i < leg.size(); ++i) {
    const Waypoint &a = leg[i - 1], &b = leg[i];
    if (t >= b.time) continue;
    const double f = b.time > a.time ? (t - a.time) / (b.time - a.time) : 1.0;
    return {a.at.x + f * (b.at.x - a.at.x), a.at.y + f * (b.at.y - a.at.y)};
  }
  return leg.back().at;
}

}  // namespace campsim::camp
