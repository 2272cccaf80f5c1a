#pragma once
// Parameters of the guard force: posts and their manning by hour, the shift plan, and the human
// factors (vigilance, fatigue, sickness, the annual rotation). Defaults and their sources are in
// docs/provenance.md; values marked "assumed" there have no published source.
#include <array>
#include <string>
#include <vector>

#include "sim/engine/distribution.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

enum class PostKind { Tower, Gate, Patrol };

// Guards required at a post during one window of the day. `from`/`to` are times of day;
// a window with to <= from wraps past midnight (18h -> 6h is the night).
struct ManningWindow {
  SimTime from = 0;
  SimTime to = 24 * engine::kHour;
  int guards = 1;
};

struct Post {
  std::string name;
  PostKind kind = PostKind::Tower;
  std::string at;                    // the tower or gate it is at (Tower, Gate)
  std::vector<std::string> route;    // road nodes walked (Patrol)
  bool mounted = false;              // a patrol in a vehicle (exposed to attacks as aboard one)
  std::vector<ManningWindow> manning;
  std::array<int, 24> required_by_hour{};  // derived from `manning` when read
};

enum class Relief {
  AtShiftEnd,    // the outgoing sentry leaves at the end of the shift, relieved or not
  WhenRelieved,  // the outgoing sentry stays until the relief arrives (no gap, longer duty)
};

struct ShiftPlan {
  SimTime length = 8 * engine::kHour;              // 4, 6, 8 or 12 h: must divide 24 h
  SimTime first_start = 6 * engine::kHour;          // time of day the first shift of the day starts
  SimTime handover_overlap = 15 * engine::kMinute;  // relief is due this long before the shift starts
  SimTime min_rest = 8 * engine::kHour;             // off-duty time required between two duties
  Relief relief = Relief::AtShiftEnd;
  // How late the relief arrives after the time it was due (never early: early arrivals just wait).
  engine::Distribution relief_lateness = engine::Distribution::exponential(5 * engine::kMinute);
};

// Vigilance: the chance that a sentry notices what is in front of him, in [0, 1].
// Within a watch it decays from `on_post_start` towards `floor` with time constant
// `decay_time` (the vigilance decrement), then night, heat, fatigue and experience scale it.
struct VigilanceParams {
  double on_post_start = 1.0;
  double floor = 0.74;                        // fitted to Mackworth 1948 (docs/vigilance.md)
  SimTime decay_time = 16 * engine::kMinute;
  SimTime night_from = 22 * engine::kHour;
  SimTime night_to = 6 * engine::kHour;
  double night_factor = 0.85;
  SimTime circadian_low_from = 2 * engine::kHour;  // the window of circadian low, inside the night
  SimTime circadian_low_to = 6 * engine::kHour;
  double circadian_low_factor = 0.9;               // applied on top of night_factor
  SimTime heat_from = 12 * engine::kHour;
  SimTime heat_to = 17 * engine::kHour;
  double heat_factor = 0.9;
};

// Fatigue in [0, 1] builds on duty and recovers off duty, each exponentially.
struct FatigueParams {
  SimTime build_time = 48 * engine::kHour;     // time constant towards 1 while on duty
  SimTime recovery_time = 12 * engine::kHour;  // time constant towards 0 while resting
  double vigilance_weight = 0.4;               // vigilance is scaled by (1 - weight * fatigue)
};

// The whole contingent is replaced by a unit of equal size about once a year; the incoming unit
// starts less effective and learns the camp with time constant `learning_time`.
struct RotationParams {
  SimTime interval = 365 * engine::kDay;
  SimTime first_in = 200 * engine::kDay;        // scenario time of the first rotation
  SimTime unit_in_theatre = 165 * engine::kDay;  // how long the unit on the ground at t=0 has been there
  double initial_experience = 0.7;
  SimTime learning_time = 45 * engine::kDay;
};

struct ForceParams {
  std::string contingent = "CHN";
  int company_size = 170;
  int guard_pool = 120;                  // soldiers on the guard roster; the rest are QRF, command, support
  double daily_unavailability = 0.03;    // share of the pool sick or otherwise off each day
};

struct GuardParams {
  ForceParams force;
  ShiftPlan shifts;
  VigilanceParams vigilance;
  FatigueParams fatigue;
  RotationParams rotation;
  std::vector<Post> posts;
};

// Fills required_by_hour from the manning windows (windows add up where they overlap).
void derive_required_by_hour(Post& post);

}  // namespace campsim::camp
