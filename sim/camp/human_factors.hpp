#pragma once
// Closed-form human-factor curves. Being closed forms (no per-second integration) is what lets the
// engine jump over quiet hours and still give the same numbers as ticking every second.
#include <algorithm>
#include <cmath>

#include "sim/camp/guard_params.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

// Is the time of day `tod` (seconds since midnight) inside [from, to), wrapping past midnight?
bool in_daily_window(SimTime tod, SimTime from, SimTime to);

// The closed forms are defined here, inline, so that the guards' quarter-hourly sample (about 20
// sentries, two exponentials each) pays no calls around them (issue 25). Their exponentials are
// math::exp (the same bits on every CPU); the sample works every sentry's two out in one call to
// math::exp_each, whose lanes are math::exp's bits, through the *_of forms below.

// Vigilance decrement within one watch: on_post_start at arrival, decaying to floor.
inline double watch_vigilance_exponent(const VigilanceParams& p, SimTime time_on_post) {
  return -std::max(0.0, time_on_post) / p.decay_time;
}
// ... given exp(watch_vigilance_exponent(p, time_on_post)).
inline double watch_vigilance_of(const VigilanceParams& p, double decayed) {
  return p.floor + (p.on_post_start - p.floor) * decayed;
}
inline double watch_vigilance(const VigilanceParams& p, SimTime time_on_post) {
  return watch_vigilance_of(p, math::exp(watch_vigilance_exponent(p, time_on_post)));
}

// Multiplier for the time of day: night, circadian low and midday heat.
double time_of_day_factor(const VigilanceParams& p, SimTime time_of_day);

// Fatigue after `elapsed` seconds on duty (building) or off duty (recovering), from `fatigue0`.
inline double fatigue_build_exponent(const FatigueParams& p, SimTime elapsed) {
  return -std::max(0.0, elapsed) / p.build_time;
}
// ... given exp(fatigue_build_exponent(p, elapsed)).
inline double fatigue_after_duty_of(double fatigue0, double kept) { return 1.0 - (1.0 - fatigue0) * kept; }
inline double fatigue_after_duty(const FatigueParams& p, double fatigue0, SimTime elapsed) {
  return fatigue_after_duty_of(fatigue0, math::exp(fatigue_build_exponent(p, elapsed)));
}
inline double fatigue_after_rest(const FatigueParams& p, double fatigue0, SimTime elapsed) {
  return fatigue0 * math::exp(-std::max(0.0, elapsed) / p.recovery_time);
}

// Experience of a unit that has been in theatre for `time_in_theatre`.
inline double unit_experience(const RotationParams& p, SimTime time_in_theatre) {
  const double t = std::max(0.0, time_in_theatre);
  return 1.0 - (1.0 - p.initial_experience) * math::exp(-t / p.learning_time);
}

struct SentryState {
  SimTime time_on_post = 0;
  SimTime time_of_day = 0;
  double fatigue = 0;           // at this moment
  double experience = 1;
};

// The sentry's vigilance with the time-of-day factor given (time_of_day_factor(v, s.time_of_day));
// s.time_of_day is then not read. The guards' sample works the factor out once for all its sentries.
// And with the watch's vigilance given (watch_vigilance(v, s.time_on_post)); s.time_on_post is then
// not read either.
inline double sentry_vigilance_of(const FatigueParams& f, const SentryState& s, double time_of_day_factor,
                                  double watch) {
  const double value = watch * time_of_day_factor * (1.0 - f.vigilance_weight * s.fatigue) * s.experience;
  return std::clamp(value, 0.0, 1.0);
}
inline double sentry_vigilance(const VigilanceParams& v, const FatigueParams& f, const SentryState& s,
                               double time_of_day_factor) {
  return sentry_vigilance_of(f, s, time_of_day_factor, watch_vigilance(v, s.time_on_post));
}

// Everything together: the sentry's vigilance right now.
inline double sentry_vigilance(const VigilanceParams& v, const FatigueParams& f, const SentryState& s) {
  return sentry_vigilance(v, f, s, time_of_day_factor(v, s.time_of_day));
}

}  // namespace campsim::camp
