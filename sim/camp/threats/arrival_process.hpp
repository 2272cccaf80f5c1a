#pragma once
// When attacks of one kind happen: a Poisson process whose rate follows a time-of-day profile
// and grows (or shrinks) year on year, plus any times scripted for a replay.
#include <array>
#include <vector>

#include "sim/engine/random.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

using engine::SimTime;

struct ArrivalProfile {
  double per_day = 0;                   // mean attacks per day, averaged over the day, at t = 0
  std::array<double, 24> hour_weights;  // relative rate in each hour of the day (local time)
  double annual_growth = 0;             // the rate is multiplied by (1 + growth) per 365 days
  std::vector<SimTime> scripted;        // fixed times (scenario seconds), for replays
  ArrivalProfile() { hour_weights.fill(1.0); }
};

// Rate in events per second at scenario time t.
double arrival_rate(const ArrivalProfile& profile, SimTime t, SimTime start_time_of_day);

// Every arrival in [0, end), ascending: the scripted times plus the random process, drawn by
// thinning (Lewis and Shedler 1979) from the stream `key`.
std::vector<SimTime> arrival_times(const ArrivalProfile& profile, SimTime end, SimTime start_time_of_day,
                                   const engine::StreamKey& key);

}  // namespace campsim::camp
