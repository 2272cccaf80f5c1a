#pragma once
// Simulation time: seconds since the scenario's start, as a double.
// Events keep their exact (fractional) times; the tick grid is start + k * tick.
#include <cmath>

namespace campsim::engine {

using SimTime = double;

inline constexpr SimTime kSecond = 1.0;
inline constexpr SimTime kMinute = 60.0;
inline constexpr SimTime kHour = 3600.0;
inline constexpr SimTime kDay = 86400.0;
// "Not yet" / "never": a time after every other (an event that will not happen).
inline constexpr SimTime kNever = HUGE_VAL;
// "Long ago": a time before every other that still subtracts to a finite number, for a last
// event that never happened (a soldier never on duty has rested for 1e300 s, not infinity).
inline constexpr SimTime kLongAgo = -1e300;

// Local time of day (seconds since midnight, in [0, kDay)) at scenario time t, for a scenario
// that starts at `start_time_of_day`. The one place where the clock wraps at midnight.
inline SimTime time_of_day(SimTime start_time_of_day, SimTime t) {
  const SimTime tod = std::fmod(start_time_of_day + t, kDay);
  return tod < 0 ? tod + kDay : tod;
}

}  // namespace campsim::engine
