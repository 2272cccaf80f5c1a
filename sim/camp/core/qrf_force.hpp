#pragma once
// The quick reaction force as shared agents: one or more teams (a vehicle and its crew), each
// busy from the alert until it is back at base. An incident gets the team that can launch
// first: a team at base after its notice to move, or a team busy elsewhere straight from that
// scene once it has contained it (it is already mobilized). So two incidents at once share one
// QRF, and the second waits; `waited` says how long, and the run summary counts it.
//
// The same teams escort ambulances on trips outside the camp (the medical chain books them): an
// escorting team is busy until the convoy is back, and is not pulled off it for an incident
// (it launches when the convoy is home); an escort asked for while every team is out waits for
// the first one home.
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

// A point `metres` along the road route through `nodes` (clamped to its ends).
Point point_along_route(const CampLayout& layout, const std::vector<RoadNodeId>& nodes, double metres);

class QrfForce {
 public:
  // The teams wait at `base_node`.
  QrfForce(const QrfParams& params, const CampLayout& layout, RoadNodeId base_node);

  // Sends a team to `incident`, detected at `detected`; `night` selects the notice to move.
  // Draws the alarm delay, then the containment time, from `rng` (as qrf_response does).
  QrfTimeline dispatch(Point incident, SimTime detected, bool night, engine::RandomStream& rng);

  // Sends a team to a fight whose end is not known yet: the timeline has no containment drawn;
  // it is held `hold` past its arrival until stand_down gives the real end. Draws the alarm delay
  // from `rng`.
  QrfTimeline dispatch_open(Point incident, SimTime detected, bool night, engine::RandomStream& rng, SimTime hold);
  // The fight that `unit`'s `mission` went to ended at `ended`: the team starts home.
  QrfTimeline stand_down(int unit, int mission, SimTime ended);

  // Each team's state and place at time t (exact: from its missions' timelines and routes).
  std::vector<VehicleView> vehicles_at(SimTime t) const;
  VehicleState state_at(int unit, SimTime t) const;

  // When an escort asked for at `asked` could leave: a team at base after its notice to move,
  // or a team that is out once it is home (already mobilized), whichever is first.
  SimTime escort_ready(SimTime asked, bool night) const;
  // Books the first-ready team for a convoy that leaves `depart` (not before escort_ready) by
  // the road from base to `gate_node`, is at its scene (beyond the gate) `at_scene`, leaves it
  // `left_scene` and is back at `back`. Returns the team.
  int book_escort(SimTime asked, bool night, RoadNodeId gate_node, SimTime depart, SimTime at_scene, SimTime left_scene,
                  SimTime back);

  const QrfParams& params() const { return params_; }
  RoadNodeId base_node() const { return base_; }
  long dispatches() const { return dispatches_; }
  long escorts() const { return escorts_; }
  long escorts_waited() const { return escorts_waited_; }  // escorts later than the notice to move
  double escort_wait_total_s() const { return escort_wait_total_s_; }
  long waited() const { return waited_; }              // dispatches that had to wait for a busy team
  double wait_total_s() const { return wait_total_s_; }

 private:
  struct Mission {
    QrfTimeline timeline;
    std::vector<RoadNodeId> out;   // road nodes from the start to the scene
    std::vector<RoadNodeId> back;  // road nodes from the scene to base
    double back_m = 0;      // the drive home's length
    SimTime mobilized = 0;  // when this team started getting ready for this mission
    bool escort = false;    // a convoy escort: not re-tasked before it is home
  };
  struct Team {
    std::vector<Mission> missions;  // in time order; a re-tasked mission cuts its return short
  };

  const QrfParams& params_;
  const CampLayout& layout_;
  RoadNodeId base_;
  std::vector<Team> teams_;
  long dispatches_ = 0, waited_ = 0, escorts_ = 0, escorts_waited_ = 0;
  double wait_total_s_ = 0, escort_wait_total_s_ = 0;

  // The first team that could leave for a mission asked for at `asked`, and when.
  struct FirstReady {
    int unit = 0;
    SimTime ready = 0;
  };
  FirstReady first_escort(SimTime asked, bool night) const;
  // dispatch and dispatch_open: the team, its route and its timeline up to arrival on scene.
  QrfTimeline send(Point incident, SimTime detected, bool night, engine::RandomStream& rng, Mission& m);
  void commit(Team& team, Mission& m, QrfTimeline& t);
};

}  // namespace campsim::camp
