#pragma once
// An ambulance as a vehicle agent of the world: an explicit state, one transition function, and
// a position on the road graph at any instant, exact (interpolated along the current leg from
// its waypoints' times, never stepped). The medical chain decides where it goes; this file only
// knows how a vehicle's state may change and where it is.
//
// States (world_snapshot.hpp's VehicleState):
//   AtBase      idle at its station (or at the hospital, when that is its station), may be tasked
//   Mobilizing  tasked: the crew boards, or it waits for its escort / for the attack to end
//   EnRoute     driving to the scene
//   OnScene     loading casualties
//   Returning   driving casualties to the hospital, handing them over, or driving home empty
//   OutOfService hit or broken: never tasked again
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::camp {

class Ambulance;
using AmbulanceId = engine::Id<Ambulance>;

// What happens to an ambulance; each moves it from one state to the next.
enum class AmbulanceEvent : std::uint8_t {
  Tasked,          // AtBase, or Returning while free at the hospital -> Mobilizing
  Departs,         // Mobilizing -> EnRoute
  ArrivesOnScene,  // EnRoute -> OnScene
  LeavesScene,     // OnScene -> Returning
  HandedOver,      // Returning -> AtBase (its station is the hospital) or Returning (drives home)
  Home,            // Returning -> AtBase
  Hit,             // any -> OutOfService
};

// Who is aboard: no crew (it waits at its station), a standby crew on duty, or a crew called in.
enum class AmbulanceCrew : std::uint8_t { None, Standby, CalledIn };

// The one transition function of the ambulance: the state after `event`, or std::logic_error
// for a transition the chain must never ask for (a vehicle in use tasked again, say).
// `at_home` says whether the vehicle stands at its station when it is handed over.
VehicleState ambulance_transition(VehicleState state, AmbulanceEvent event, bool at_home);

// A timed path: positions at given times, straight between consecutive waypoints.
struct Waypoint {
  SimTime time = 0;
  Point at;
};

// The road path from `from` to `to` leaving at `depart` at `speed_mps`, each edge taking its
// length / speed (the edges' lengths, not the straight lines, set the times; positions run
// straight between the two nodes of an edge). No route or `from == to`: one waypoint.
std::vector<Waypoint> road_leg(const CampLayout& layout, RoadNodeId from, RoadNodeId to, SimTime depart, double speed_mps);

// Position at `t` along timed waypoints: the first before they start, the last after they end.
Point position_along(const std::vector<Waypoint>& leg, SimTime t);

class Ambulance {
 public:
  Ambulance(AmbulanceId id, bool armoured, RoadNodeId home_node, Point home)
      : id_(id), armoured_(armoured), home_node_(home_node), at_node_(home_node), leg_{{0, home}} {}

  AmbulanceId id() const { return id_; }
  bool armoured() const { return armoured_; }
  RoadNodeId home_node() const { return home_node_; }
  RoadNodeId at_node() const { return at_node_; }  // where it stands when free
  VehicleState state() const { return state_; }
  // Free to be tasked where it stands: at its station, or just handed over at the hospital.
  bool available() const { return state_ == VehicleState::AtBase || free_at_hospital_; }

  // Moves to the next state (ambulance_transition). Tasked throws std::logic_error unless the
  // vehicle is available: an ambulance in use is never dispatched twice.
  void apply(AmbulanceEvent event);
  // Handed over at the hospital's `node`: free to be tasked again where it stands.
  void handed_over(RoadNodeId node, Point where, SimTime now);
  // Not tasked again at the hospital: drives home along `leg` (still Returning, not available).
  void drive_home(std::vector<Waypoint> leg);
  void arrive_home(Point where, SimTime now);
  // The path it follows from now on (replaces the previous one).
  void follow(std::vector<Waypoint> leg) { leg_ = std::move(leg); }
  Point position_at(SimTime t) const { return position_along(leg_, t); }

  // Crew and busy-time bookkeeping of the chain.
  AmbulanceCrew crew = AmbulanceCrew::None;
  std::optional<SimTime> away_since;  // away from its station on a job (or returning) since then
  bool lost_pending = false;  // hit while carrying patients: out of service once it hands over
  std::optional<std::uint32_t> trip;        // the chain's trip it is on, until handed over
  std::optional<std::uint64_t> home_event;  // the drive home, while driving home

 private:
  AmbulanceId id_;
  bool armoured_ = false;
  RoadNodeId home_node_;
  RoadNodeId at_node_;
  VehicleState state_ = VehicleState::AtBase;
  bool free_at_hospital_ = false;
  std::vector<Waypoint> leg_;
};

}  // namespace campsim::camp
