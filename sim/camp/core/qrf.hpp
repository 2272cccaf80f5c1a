#pragma once
// The quick reaction force: from the moment an attack is detected, the alarm goes up the chain,
// the QRF gets ready within its notice to move, drives over the camp roads to the road node
// nearest the incident, covers the last stretch on foot, and contains the incident.
#include <string>

#include "sim/camp/core/incident.hpp"
#include "sim/camp/layout.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/random.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

struct QrfParams {
  std::string base;  // road node where the QRF waits
  SimTime notice_to_move_day = 5 * engine::kMinute;     // from alert to rolling, 06:00-22:00
  SimTime notice_to_move_night = 10 * engine::kMinute;  // from alert to rolling, 22:00-06:00
  SimTime notice_to_move(bool night) const { return night ? notice_to_move_night : notice_to_move_day; }
  // From detection to the QRF being alerted: the report going up the chain.
  engine::Distribution alarm_delay = engine::Distribution::lognormal(2 * engine::kMinute, 5 * engine::kMinute);
  double drive_speed_mps = 8.3;  // 30 km/h on camp roads
  double foot_speed_mps = 1.5;   // the last stretch from the road, tactically
  // From arrival on scene to the incident contained (attackers dead, fled or held).
  engine::Distribution containment = engine::Distribution::lognormal(15 * engine::kMinute, 40 * engine::kMinute);
  // Teams (each a vehicle with its crew) that can be out at once (assumed: one platoon-sized
  // QRF on short notice; a second incident waits for it unless a reserve is set).
  int units = 1;
};

// `base_node` is where the QRF waits; `night` selects the notice to move.
// Draws the alarm delay then the containment time from `rng`.
QrfTimeline qrf_response(const QrfParams& params, const CampLayout& layout, RoadNodeId base_node, Point incident,
                         SimTime detected, bool night, engine::RandomStream& rng);

}  // namespace campsim::camp
