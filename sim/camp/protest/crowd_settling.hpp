#pragma once
// When a walking crowd counts as settled: a march or a flight is done when every walker has
// arrived, or when the crowd has come to rest short of its places -- over a whole window of
// `window` its walkers got nearer their places by no more than `progress_m` on average (net:
// one's gain against another's loss; a walker who arrived in the window counts the distance it
// had left). docs/protest.md.
//
// Why the crowd's mean and not each walker's own progress: a pressed crowd in the kernel never
// stands quite still. Its people shuffle -- one slips sideways into a gap and gains some tenths
// of a metre, another is pushed back -- while the crowd as a whole does not advance (the jam at
// a closed gate in tests/camp/protest/test_crowd_settling.cpp; the 2015 replay's jam likewise:
// docs/protest.md). A rule on every walker would hardly ever call such a crowd settled. The
// price: a lone walker among a large resting crowd does not keep it walking (it stays where it
// is, as the jam's own walkers do after the settling time).
//
// The bookkeeping is one distance per walker, looked at once per window (not every step).
#include <vector>

#include "sim/crowd/crowd_world.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp::protest {

class CrowdSettling {
 public:
  CrowdSettling(engine::SimTime window, double progress_m);

  // A new crowd: forgets every walker of the last one.
  void clear();
  // `id` sets off at `now` from `from` toward `place` (a marcher, or one sent elsewhere): its
  // progress is counted from its distance now, and a new window starts (the crowd is disturbed).
  void set_off(crowd::CrowdAgentId id, crowd::Point2 from, crowd::Point2 place, engine::SimTime now);
  // After a tick that ended at `now`: true when a window ended then over which the walkers came
  // nearer their places by no more than progress_m on average (the crowd is at rest). Otherwise
  // the next window starts.
  bool at_rest(const crowd::CrowdWorld& crowd, engine::SimTime now);

 private:
  struct Walker {
    crowd::Point2 place;
    float from;  // its distance to its place at the window's start; NaN: not walking then
  };

  engine::SimTime window_;
  double progress_m_;
  engine::SimTime window_ends_ = 0;
  std::vector<Walker> walkers_;  // by agent id
};

}  // namespace campsim::camp::protest
