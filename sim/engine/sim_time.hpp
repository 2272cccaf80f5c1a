#pragma once
// Simulation time: seconds since the scenario's start, as a double.
// Events keep their exact (fractional) times; the tick grid is start + k * tick.

namespace campsim::engine {

using SimTime = double;

inline constexpr SimTime kSecond = 1.0;
inline constexpr SimTime kMinute = 60.0;
inline constexpr SimTime kHour = 3600.0;
inline constexpr SimTime kDay = 86400.0;

}  // namespace campsim::engine
