#include "sim/camp/human_factors.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace campsim::camp {

bool in_daily_window(SimTime tod, SimTime from, SimTime to) {
  if (from == to) return false;
  if (from < to) return tod >= from && tod < to;
  return tod >= from || tod < to;  // wraps past midnight
}

double watch_vigilance(const VigilanceParams& p, SimTime time_on_post) {
  const double t = std::max(0.0, time_on_post);
  return p.floor + (p.on_post_start - p.floor) * std::exp(-t / p.decay_time);
}

double time_of_day_factor(const VigilanceParams& p, SimTime time_of_day) {
  double factor = 1.0;
  if (in_daily_window(time_of_day, p.night_from, p.night_to)) factor *= p.night_factor;
  if (in_daily_window(time_of_day, p.circadian_low_from, p.circadian_low_to)) factor *= p.circadian_low_factor;
  if (in_daily_window(time_of_day, p.heat_from, p.heat_to)) factor *= p.heat_factor;
  return factor;
}

double fatigue_after_duty(const FatigueParams& p, double fatigue0, SimTime elapsed) {
  return 1.0 - (1.0 - fatigue0) * std::exp(-std::max(0.0, elapsed) / p.build_time);
}

double fatigue_after_rest(const FatigueParams& p, double fatigue0, SimTime elapsed) {
  return fatigue0 * std::exp(-std::max(0.0, elapsed) / p.recovery_time);
}

double unit_experience(const RotationParams& p, SimTime time_in_theatre) {
  const double t = std::max(0.0, time_in_theatre);
  return 1.0 - (1.0 - p.initial_experience) * std::exp(-t / p.learning_time);
}

double sentry_vigilance(const VigilanceParams& v, const FatigueParams& f, const SentryState& s) {
  return sentry_vigilance(v, f, s, time_of_day_factor(v, s.time_of_day));
}

double sentry_vigilance(const VigilanceParams& v, const FatigueParams& f, const SentryState& s, double time_of_day_factor) {
  const double value =
      watch_vigilance(v, s.time_on_post) * time_of_day_factor * (1.0 - f.vigilance_weight * s.fatigue) * s.experience;
  return std::clamp(value, 0.0, 1.0);
}

VigilanceAtInstant::VigilanceAtInstant(const VigilanceParams& v, const FatigueParams& f, const RotationParams& r,
                                       SimTime time_of_day)
    : vigilance_(v), fatigue_(f), rotation_(r), time_of_day_factor_(time_of_day_factor(v, time_of_day)) {}

int VigilanceAtInstant::remembered_index(SimTime time_in_theatre) const {
  int i = 0;
  while (i < remembered_ && theatre_time_[i] != time_in_theatre) ++i;
  return i < remembered_ ? i : kRememberedUnits;
}

double VigilanceAtInstant::experience(SimTime time_in_theatre) const {
  const int i = remembered_index(time_in_theatre);
  return i < kRememberedUnits ? experience_[i] : unit_experience(rotation_, time_in_theatre);
}

void VigilanceAtInstant::remember_unit(SimTime time_in_theatre) {
  if (remembered_ == kRememberedUnits || remembered_index(time_in_theatre) < kRememberedUnits) return;
  theatre_time_[remembered_] = time_in_theatre;
  experience_[remembered_++] = unit_experience(rotation_, time_in_theatre);
}

double VigilanceAtInstant::operator()(SimTime time_on_post, double fatigue, SimTime time_in_theatre) {
  remember_unit(time_in_theatre);
  return std::as_const(*this)(time_on_post, fatigue, time_in_theatre);
}

double VigilanceAtInstant::operator()(SimTime time_on_post, double fatigue, SimTime time_in_theatre) const {
  return sentry_vigilance(vigilance_, fatigue_, {time_on_post, 0, fatigue, experience(time_in_theatre)}, time_of_day_factor_);
}

}  // namespace campsim::camp
