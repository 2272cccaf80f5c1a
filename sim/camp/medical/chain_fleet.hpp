#pragma once
// The ambulances: the vehicle agents (ambulance.hpp), their crews, and their trips. Chooses the
// vehicle that reaches the scene first for the most urgent cleared casualties, times each trip
// (every step an event and a state of the vehicle), frees it at the hospital, drives it home,
// and loses it to a hit.
#include <optional>
#include <vector>

#include "sim/camp/medical/chain_requests.hpp"

namespace campsim::camp {

struct Trip {
  AmbulanceId vehicle;
  RequestId group;
  std::vector<PatientId> patients;
  RoadNodeId scene;        // the road node nearest the casualties (set when the trip is made)
  RoadNodeId from;         // the road node it leaves from (likewise)
  SimTime tasked = 0;      // when the vehicle was tasked (and, outside the camp, its escort asked for)
  SimTime ready = 0;       // crew aboard
  SimTime earliest = 0;    // crew aboard and, outside the camp, escort ready (before any wait for the attack)
  SimTime loading = 0;
  SimTime outside_out = 0, outside_back = 0;
  bool cancelled = false;  // its vehicle was lost before the pickup
  std::vector<std::uint64_t> events;  // departs, on scene, left scene, at hospital
};

class AmbulanceFleet {
 public:
  AmbulanceFleet(ChainContext& ctx, PatientBook& patients, CasevacRequests& requests);

  // Tasks available vehicles with the most urgent cleared casualties, as long as vehicles and crews last.
  void try_dispatch();
  // The trip's departure is known (now, or when the attack's end became known): its steps follow.
  void time_trip(TripId t, SimTime depart);
  void on_departs(TripId t);
  void on_scene(TripId t);
  void on_left_scene(TripId t);
  void on_hospital_arrival(TripId t);
  void on_vehicle_free(TripId t);
  void on_vehicle_home(AmbulanceId v);
  // Hit now (MedicalChain::lose_ambulance says what happens in each state).
  void lose(AmbulanceId v);
  // The run is over: vehicles still away stop counting busy time now.
  void finish();

  const Trip& trip(TripId id) const { return trips_[id.value]; }
  const std::vector<Ambulance>& vehicles() const { return vehicles_; }
  std::vector<VehicleView> views_at(SimTime t) const;
  const AmbulanceStats& stats() const { return stats_; }

 private:
  RoadNodeId scene_node(const RequestGroup& g) const;
  RoadNodeId roving_node(AmbulanceId v, PatientId lead) const;
  void release_crew(Ambulance& v);
  void busy_until(Ambulance& v, SimTime t);  // its time away ends at t
  void cancel_trip(TripId t);

  ChainContext& ctx_;
  PatientBook& patients_;
  CasevacRequests& requests_;
  std::vector<Ambulance> vehicles_;
  std::vector<Trip> trips_;
  int crews_standby_free_ = 0;
  int crews_callable_ = 0;
  AmbulanceStats stats_;
};

}  // namespace campsim::camp
