#pragma once
// The quick reaction force as shared agents: one or more teams (a vehicle and its crew), each
// busy from the alert until it is back at base. An incident gets the team that can launch
// first: a team at base after its notice to move, or a team busy elsewhere straight from that
// scene once it has contained it (it is already mobilized). So two incidents at once share one
// QRF, and the second waits; `waited` says how long, and the run summary counts it.
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/threats/qrf.hpp"
#include "sim/camp/world/world_snapshot.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

// A point `metres` along the road route through `nodes` (clamped to its ends).
Point point_along_route(const CampLayout& layout, const std::vector<int>& nodes, double metres);

class QrfForce {
 public:
  // `base_node` indexes layout.road_nodes.
  QrfForce(const QrfParams& params, const CampLayout& layout, int base_node);

  // Sends a team to `incident`, detected at `detected`; `night` selects the notice to move.
  // Draws the alarm delay, then the containment time, from `rng` (as qrf_response does).
  QrfTimeline dispatch(Point incident, SimTime detected, bool night, engine::RandomStream& rng);

  // Each team's state and place at time t (exact: from its missions' timelines and routes).
  std::vector<VehicleView> vehicles_at(SimTime t) const;
  VehicleState state_at(int unit, SimTime t) const;

  long dispatches() const { return dispatches_; }
  long waited() const { return waited_; }              // dispatches that had to wait for a busy team
  double wait_total_s() const { return wait_total_s_; }

 private:
  struct Mission {
    QrfTimeline timeline;
    std::vector<int> out;   // road nodes from the start to the scene
    std::vector<int> back;  // road nodes from the scene to base
    SimTime mobilized = 0;  // when this team started getting ready for this mission
  };
  struct Team {
    std::vector<Mission> missions;  // in time order; a re-tasked mission cuts its return short
  };

  const QrfParams& params_;
  const CampLayout& layout_;
  int base_ = 0;
  std::vector<Team> teams_;
  long dispatches_ = 0, waited_ = 0;
  double wait_total_s_ = 0;
};

}  // namespace campsim::camp
