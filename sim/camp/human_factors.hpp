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

// The same, with the time-of-day factor given (time_of_day_factor(v, s.time_of_day)); s.time_of_day
// is then not read. The same arithmetic in the same order, so the same bits.
double sentry_vigilance(const VigilanceParams& v, const FatigueParams& f, const SentryState& s, double time_of_day_factor);

// Vigilance of every sentry at one instant (the guards' quarter-hourly sample, about 30 sentries):
// the time-of-day factor is worked out once, and a unit's experience once per arrival date (all
// soldiers of a unit arrive together, so a sample sees one or two dates). Gives exactly what
// sentry_vigilance with unit_experience gives sentry by sentry (tests/camp/test_human_factors.cpp).
//
// remember_unit() works a unit's experience out ahead, so that the const call (which computes a
// unit it does not remember without storing it) can be shared by the posts of a sample on any
// number of threads.
class VigilanceAtInstant {
 public:
  VigilanceAtInstant(const VigilanceParams& v, const FatigueParams& f, const RotationParams& r, SimTime time_of_day);

  // Remembers the experience of a unit that has been in theatre for `time_in_theatre` (if there
  // is room: more units than kRememberedUnits are computed at every call).
  void remember_unit(SimTime time_in_theatre);
  double operator()(SimTime time_on_post, double fatigue, SimTime time_in_theatre);
  double operator()(SimTime time_on_post, double fatigue, SimTime time_in_theatre) const;

 private:
  static constexpr int kRememberedUnits = 4;  // more units than this in theatre at once: none in the model
  int remembered_index(SimTime time_in_theatre) const;  // kRememberedUnits if not remembered
  double experience(SimTime time_in_theatre) const;
  const VigilanceParams& vigilance_;
  const FatigueParams& fatigue_;
  const RotationParams& rotation_;
  double time_of_day_factor_;
  int remembered_ = 0;
  SimTime theatre_time_[kRememberedUnits] = {};
  double experience_[kRememberedUnits] = {};
};

}  // namespace campsim::camp
