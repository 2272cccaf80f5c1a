#pragma once
// Closed-form human-factor curves. Being closed forms (no per-second integration) is what lets the
// engine jump over quiet hours and still give the same numbers as ticking every second.
#include "sim/camp/guard_params.hpp"

namespace campsim::camp {

// Is the time of day `tod` (seconds since midnight) inside [from, to), wrapping past midnight?
bool in_daily_window(SimTime tod, SimTime from, SimTime to);

// Vigilance decrement within one watch: on_post_start at arrival, decaying to floor.
double watch_vigilance(const VigilanceParams& p, SimTime time_on_post);

// Multiplier for the time of day: night, circadian low and midday heat.
double time_of_day_factor(const VigilanceParams& p, SimTime time_of_day);

// Fatigue after `elapsed` seconds on duty (building) or off duty (recovering), from `fatigue0`.
double fatigue_after_duty(const FatigueParams& p, double fatigue0, SimTime elapsed);
double fatigue_after_rest(const FatigueParams& p, double fatigue0, SimTime elapsed);

// Experience of a unit that has been in theatre for `time_in_theatre`.
double unit_experience(const RotationParams& p, SimTime time_in_theatre);

struct SentryState {
  SimTime time_on_post = 0;
  SimTime time_of_day = 0;
  double fatigue = 0;           // at this moment
  double experience = 1;
};

// Everything together: the sentry's vigilance right now.
double sentry_vigilance(const VigilanceParams& v, const FatigueParams& f, const SentryState& s);

}  // namespace campsim::camp
