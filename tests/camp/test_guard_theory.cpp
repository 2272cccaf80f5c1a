// The guard model against independent calculations: probability theory for late reliefs and
// sickness, and the closed-form vigilance curve for a single sentry.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/human_factors.hpp"
#include "small_camp.hpp"

using namespace campsim;
using campsim::testing::small_camp;
using engine::kDay;
using engine::kHour;
using engine::kMinute;

TEST_CASE("handover gaps match exponential lateness theory", "[guards][theory]") {
  // Relief due `o` before the shift, lateness ~ Exp(mean m): a gap occurs when lateness > o, with
  // probability exp(-o/m); by memorylessness the gap then has mean m.
  const double m = 5 * kMinute, o = 5 * kMinute;
  camp::Scenario s = small_camp(2, 12, 1);  // 1-hour shifts: 48 handovers a day
  s.guards.shifts.min_rest = 1 * kHour;
  s.guards.shifts.handover_overlap = o;
  s.guards.shifts.relief_lateness = engine::Distribution::exponential(m);
  s.meta.duration = 150 * kDay;
  camp::RunOptions options;
  options.seed = 7;
  const camp::RunResult r = camp::run_scenario(s, options);
  const auto& h = r.metrics["guards"]["handover"];
  const double n = h["handovers"].get<double>();
  REQUIRE(n > 7000);
  const double p = std::exp(-o / m);
  const double share = h["gap_share"].get<double>();
  CHECK(std::abs(share - p) < 4 * std::sqrt(p * (1 - p) / n));  // 4 standard errors
  const double gaps = h["gaps"].get<double>();
  const double mean_gap_min = h["gap_mean_minutes"].get<double>();
  CHECK(std::abs(mean_gap_min - m / kMinute) < 4 * (m / kMinute) / std::sqrt(gaps));
  // Conservation: every required guard-second was either manned or lost in a handover gap.
  const auto& cov = r.metrics["guards"]["coverage"];
  CHECK(cov["required_guard_hours"].get<double>() - cov["manned_guard_hours"].get<double>() ==
        Approx(h["gap_total_minutes"].get<double>() / 60).epsilon(1e-9));
}

TEST_CASE("soldier-days lost to sickness follow the binomial", "[guards][theory]") {
  camp::Scenario s = small_camp(2, 40, 8);
  s.guards.force.daily_unavailability = 0.1;
  s.meta.duration = 100 * kDay;
  camp::RunOptions options;
  options.seed = 3;
  const camp::RunResult r = camp::run_scenario(s, options);
  const double trials = 40.0 * 100.0;
  const double unfit = r.metrics["guards"]["force"]["soldier_days_unfit"].get<double>();
  CHECK(std::abs(unfit - 0.1 * trials) < 4 * std::sqrt(trials * 0.1 * 0.9));
}

TEST_CASE("a lone sentry's sampled vigilance is the closed-form curve", "[guards][theory]") {
  // One post, one 24-hour shift, one soldier on post from t = 0 (06:00) with no fatigue yet:
  // at time t his vigilance is watch(t) * time_of_day(06:00 + t) * (1 - w * F(t)) * experience.
  camp::Scenario s = small_camp(1, 2, 24);
  s.guards.shifts.min_rest = 0;
  s.guards.rotation.unit_in_theatre = 10 * kDay;
  const camp::GuardParams& g = s.guards;
  const camp::RunResult r = camp::run_scenario(s, {});
  REQUIRE(r.series.rows() == 96);  // every 15 min over one day, from t = 0
  for (std::size_t row = 0; row < r.series.rows(); ++row) {
    const double t = r.series.at(row, 0);
    CHECK(t == Approx(static_cast<double>(row) * 15 * kMinute));
    const double fatigue = 1 - std::exp(-t / g.fatigue.build_time);
    const double tod = std::fmod(6 * kHour + t, kDay);
    const double experience = 1 - (1 - g.rotation.initial_experience) * std::exp(-(10 * kDay + t) / g.rotation.learning_time);
    const double expected = std::clamp(camp::watch_vigilance(g.vigilance, t) * camp::time_of_day_factor(g.vigilance, tod) *
                                           (1 - g.fatigue.vigilance_weight * fatigue) * experience,
                                       0.0, 1.0);
    CHECK(r.series.at(row, 4) == Approx(expected).epsilon(1e-12));
  }
}

TEST_CASE("at a rotation the incoming unit takes over, starting at its initial experience", "[guards][rotation]") {
  camp::Scenario s = small_camp(2, 6, 8);
  s.meta.duration = 4 * kDay;
  s.guards.rotation.first_in = 2 * kDay;
  s.guards.rotation.interval = 365 * kDay;
  s.guards.rotation.initial_experience = 0.6;
  const camp::RunResult r = camp::run_scenario(s, {});
  CHECK(r.metrics["guards"]["force"]["rotations"].get<int>() == 1);
  // The sample at exactly t = 2 d sees a unit 0 s in theatre.
  const std::size_t row = static_cast<std::size_t>(2 * kDay / (15 * kMinute));
  CHECK(r.series.at(row, 0) == Approx(2 * kDay));
  CHECK(r.series.at(row, 7) == Approx(0.6));
  // 12 soldiers served (6 per unit); each stood 8 h a day for the days it was there.
  const auto& duty = r.metrics["guards"]["duty_hours_per_soldier_per_day"];
  CHECK(duty["soldiers"].get<int>() == 12);
  CHECK(r.metrics["guards"]["coverage"]["overall"].get<double>() == Approx(1.0));
  CHECK(r.events.counts_by_type().at("rotation") == 1);
}
