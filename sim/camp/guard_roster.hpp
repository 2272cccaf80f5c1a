#pragma once
// The roster: who stands which post in the coming shift. A soldier qualifies when he is in
// theatre, fit today, not already on another duty, and has had the minimum rest; among those,
// the one with the fewest duty hours so far is chosen (the fair rotation a duty NCO keeps),
// ties going to the lower soldier number so the choice never depends on anything but the state.
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

struct Soldier {
  int id = 0;                 // unique within the run; the incoming unit after a rotation gets new ids
  int unit = 0;               // 0 for the unit on the ground at the start, then 1, 2, ... per rotation
  bool in_theatre = true;     // false once the unit has rotated out
  bool fit_today = true;      // false when sick or otherwise off for the day
  SimTime unit_arrival = 0;   // when his unit arrived (may be negative: before the run started)
  SimTime busy_until = engine::kLongAgo;     // planned end of his latest duty (the minimum-rest rule counts from it)
  SimTime last_duty_end = engine::kLongAgo;  // when he actually last left a post
  double committed_duty_s = 0;      // duty seconds assigned so far (the fairness measure)
  // Fatigue is stored as a value at a time plus whether it has been building (on duty) since.
  double fatigue = 0;
  SimTime fatigue_time = 0;
  bool on_duty = false;
  SimTime unavailable_until = engine::kLongAgo;  // wounded (until discharged) or killed (infinity)
};

// Index into `soldiers` of the soldier to post for a duty whose sentry is due on post at
// `due_on_post`, or none if nobody qualifies.
std::optional<int> pick_sentry(const std::vector<Soldier>& soldiers, SimTime due_on_post, SimTime min_rest);

// The soldiers in theatre in the roster's order of preference (fewest committed duty seconds,
// then the lower number), so that a pick walks from the front and stops at the first who
// qualifies instead of scanning every soldier for every slot: pick() gives exactly what
// pick_sentry gives (tests/camp/test_guard_roster.cpp). A soldier's committed seconds may only
// change through add_duty(), and a soldier leaving the theatre must be taken out with leave().
class SentryQueue {
 public:
  void join(const Soldier& s, int index) { order_.emplace(s.committed_duty_s, index); }
  void leave(const Soldier& s, int index) { order_.erase({s.committed_duty_s, index}); }
  void add_duty(std::vector<Soldier>& soldiers, int index, double seconds);
  std::optional<int> pick(const std::vector<Soldier>& soldiers, SimTime due_on_post, SimTime min_rest) const;

 private:
  std::set<std::pair<double, int>> order_;  // (committed_duty_s, index) of every soldier in theatre
};

}  // namespace campsim::camp
