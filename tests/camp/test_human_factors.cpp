#include <catch2/catch.hpp>

#include <cmath>

#include "sim/camp/human_factors.hpp"

using namespace campsim::camp;
using campsim::engine::kDay;
using campsim::engine::kHour;
using campsim::engine::kMinute;

TEST_CASE("daily windows wrap past midnight", "[human_factors]") {
  CHECK(in_daily_window(23 * kHour, 22 * kHour, 6 * kHour));
  CHECK(in_daily_window(3 * kHour, 22 * kHour, 6 * kHour));
  CHECK_FALSE(in_daily_window(6 * kHour, 22 * kHour, 6 * kHour));  // end is open
  CHECK(in_daily_window(22 * kHour, 22 * kHour, 6 * kHour));       // start is closed
  CHECK_FALSE(in_daily_window(12 * kHour, 22 * kHour, 6 * kHour));
  CHECK(in_daily_window(13 * kHour, 12 * kHour, 17 * kHour));
  CHECK_FALSE(in_daily_window(5 * kHour, 5 * kHour, 5 * kHour));  // empty window
}

TEST_CASE("the vigilance decrement follows its exponential", "[human_factors]") {
  VigilanceParams v;
  v.on_post_start = 1.0;
  v.floor = 0.6;
  v.decay_time = 40 * kMinute;
  CHECK(watch_vigilance(v, 0) == Approx(1.0));
  CHECK(watch_vigilance(v, 40 * kMinute) == Approx(0.6 + 0.4 / std::exp(1.0)));
  CHECK(watch_vigilance(v, 80 * kMinute) == Approx(0.6 + 0.4 / std::exp(2.0)));
  CHECK(watch_vigilance(v, 100 * kHour) == Approx(0.6));
}

TEST_CASE("time-of-day factors multiply where windows overlap", "[human_factors]") {
  VigilanceParams v;  // night 22-06 x0.85, circadian low 02-06 x0.9, heat 12-17 x0.9
  CHECK(time_of_day_factor(v, 9 * kHour) == Approx(1.0));
  CHECK(time_of_day_factor(v, 23 * kHour) == Approx(0.85));
  CHECK(time_of_day_factor(v, 3 * kHour) == Approx(0.85 * 0.9));
  CHECK(time_of_day_factor(v, 14 * kHour) == Approx(0.9));
}

TEST_CASE("fatigue builds on duty and recovers at rest with its time constants", "[human_factors]") {
  FatigueParams f;
  f.build_time = 48 * kHour;
  f.recovery_time = 12 * kHour;
  CHECK(fatigue_after_duty(f, 0, 48 * kHour) == Approx(1 - std::exp(-1.0)));
  CHECK(fatigue_after_rest(f, 0.5, 12 * kHour) == Approx(0.5 * std::exp(-1.0)));
  // Building in two halves equals building at once (the closed form composes).
  const double half = fatigue_after_duty(f, 0.2, 4 * kHour);
  CHECK(fatigue_after_duty(f, half, 4 * kHour) == Approx(fatigue_after_duty(f, 0.2, 8 * kHour)));
}

TEST_CASE("a new unit learns the camp along its curve", "[human_factors]") {
  RotationParams r;
  r.initial_experience = 0.7;
  r.learning_time = 45 * kDay;
  CHECK(unit_experience(r, 0) == Approx(0.7));
  CHECK(unit_experience(r, 45 * kDay) == Approx(1 - 0.3 / std::exp(1.0)));
  CHECK(unit_experience(r, 3650 * kDay) == Approx(1.0));
}

TEST_CASE("sentry vigilance is the product of its factors, clamped to [0,1]", "[human_factors]") {
  VigilanceParams v;
  FatigueParams f;
  f.vigilance_weight = 0.4;
  const SentryState s{40 * kMinute, 3 * kHour, 0.25, 0.8};
  const double expected = watch_vigilance(v, 40 * kMinute) * 0.85 * 0.9 * (1 - 0.4 * 0.25) * 0.8;
  CHECK(sentry_vigilance(v, f, s) == Approx(expected));
}
