#pragma once
// The world's own parameters: the daily schedule, walking, bunkers' doors, the all-clear, and how
// long the wounded stay off duty. Each default's source or reason is in docs/odd.md ("People",
// "Movement") and docs/provenance.md.
#include <array>

#include "sim/camp/world/population.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

struct WorldParams {
  DailySchedule schedule;
  // Free walking speed on the way back from a bunker (Weidmann 1993: 1.34 m/s mean).
  double walk_speed_mps = 1.34;
  // People through one bunker door per second (assumed: a 1 m door at the ~1.3 persons/m/s of
  // bottleneck experiments, Seyfried et al. 2009, slowed by steps down into the shelter).
  double bunker_entry_per_s = 1.0;
  // How near a bunker's door a runner joins the queue to get in, metres (assumed).
  double door_queue_radius_m = 3.0;
  // From the last impact to the all-clear (assumed: a sweep for unexploded rounds and a count).
  SimTime all_clear_after = 15 * engine::kMinute;
  // Body radius for avoidance (as in the crowd literature: 0.2-0.25 m).
  double body_radius_m = 0.25;
  // Time step of the pedestrian model inside each 1 s tick (JuPedSim uses 0.01-0.1 s; 0.5 s is
  // enough at running speed on an open camp, assumed).
  SimTime movement_step = 0.5;
  // Turned away from a full bunker, people try the next only if it is this near; otherwise they
  // take cover where they are (assumed: a sprint of well under a minute under fire).
  double max_detour_m = 150;
  // A walker still on the way this long after setting off gives up: a runner stays in the open
  // where they are, a walker is taken as home (assumed; keeps a jam from ticking forever).
  SimTime give_up_after = 20 * engine::kMinute;
  // Days a wounded person stays off duty by triage (T1, T2, T3; assumed until the medical chain
  // reports the discharge: damage-control surgery then evacuation, a ward stay, first aid).
  std::array<double, 3> days_off_by_triage{60, 21, 3};
};

// Keys: schedule {work_from, work_to, lights_out, night_sleep_to}, walk_speed_mps,
// bunker_entry_per_s, door_queue_radius_m, all_clear_after, body_radius_m, movement_step, max_detour_m, give_up_after,
// days_off {immediate, delayed, minimal}.
WorldParams read_world(scenario::MapReader in);

}  // namespace campsim::camp
