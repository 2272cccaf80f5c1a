// The survival model against independent calculations: hand-computed cumulative hazards for
// simple parameter sets, monotonicity of the death probability in every delay, and sampled
// death frequencies (and times of death) against the closed-form probabilities.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sim/camp/medical/survival.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_medical_test_survival {

using namespace campsim;
using namespace campsim::camp;
using engine::kHour;
using engine::kMinute;

namespace {

engine::RandomStream stream(std::uint64_t seed, std::uint64_t entity) {
  return engine::RandomStream(engine::StreamKey{seed, 0, engine::purpose_tag("test.survival"), entity, 0});
}

bool near_share(double observed, double p, double n, double k = 4) {
  return std::abs(observed - p) <= k * std::sqrt(p * (1 - p) / n);
}

}  // namespace

TEST_CASE("survival: hand-computed death probabilities", "[medical][survival]") {
  SECTION("constant hazard 1/h, factors 0.5, 0.5, 0.2, care at 10 min, 1 h, 2 h, horizon 4 h") {
    SurvivalParams p;
    p.immediate = {kHour, 1.0, 0.5, 0.5, 0.2};
    p.horizon = 4 * kHour;
    const CareTimes care{10 * kMinute, kHour, 2 * kHour};
    // H = 1/6 (untreated 0-10 min) + 0.5 * 5/6 (first aid to 1 h) + 0.25 * 1 (to 2 h)
    //   + 0.05 * 2 (after surgery to 4 h) = 0.933333...
    const double H = 1.0 / 6 + 0.5 * 5.0 / 6 + 0.25 + 0.05 * 2;
    CHECK(cumulative_hazard(p, Triage::Immediate, care, p.horizon) == Approx(H).epsilon(1e-12));
    CHECK(death_probability(p, Triage::Immediate, care) == Approx(1 - std::exp(-H)).epsilon(1e-12));
    // By 1 h only the first two pieces count.
    CHECK(death_probability_by(p, Triage::Immediate, care, kHour) ==
          Approx(1 - std::exp(-(1.0 / 6 + 0.5 * 5.0 / 6))).epsilon(1e-12));
  }
  SECTION("Weibull shape 0.5, scale 1 h: H0(t) = sqrt(t / 1 h); no resuscitation") {
    SurvivalParams p;
    p.delayed = {kHour, 0.5, 0.5, 0.3, 0.2};
    p.horizon = 4 * kHour;
    const CareTimes care{15 * kMinute, kNever, kHour};
    // H = sqrt(0.25) + 0.5 (sqrt(1) - sqrt(0.25)) + 0.5 * 0.2 (sqrt(4) - sqrt(1)) = 0.85
    CHECK(cumulative_hazard(p, Triage::Delayed, care, p.horizon) == Approx(0.85).epsilon(1e-12));
    CHECK(death_probability(p, Triage::Delayed, care) == Approx(1 - std::exp(-0.85)).epsilon(1e-12));
  }
  SECTION("no care at all: 1 - exp(-(T / scale)^shape); killed outright: 1") {
    const SurvivalParams p;
    const double H = std::pow(p.horizon / p.immediate.scale, p.immediate.shape);
    CHECK(death_probability(p, Triage::Immediate, CareTimes{}) == Approx(1 - std::exp(-H)).epsilon(1e-12));
    CHECK(death_probability(p, Triage::Killed, CareTimes{0, 0, 0}) == 1.0);
  }
  SECTION("care reached after the horizon is care never reached; the order of levels is free") {
    SurvivalParams p;
    p.immediate = {kHour, 1.0, 0.5, 0.4, 0.2};
    p.horizon = 4 * kHour;
    CHECK(death_probability(p, Triage::Immediate, {10 * kMinute, 5 * kHour, 6 * kHour}) ==
          death_probability(p, Triage::Immediate, {10 * kMinute, kNever, kNever}));
    // Resuscitation at 10 min, first aid at 30 min:
    // H = 1/6 + 0.4 * (2/6) + 0.2 * (0.5 + 3) = 0.1667 + 0.1333 + 0.7 = 1.0
    CHECK(cumulative_hazard(p, Triage::Immediate, {30 * kMinute, 10 * kMinute, kNever}, p.horizon) ==
          Approx(1.0 / 6 + 0.4 * 2.0 / 6 + 0.2 * 3.5).epsilon(1e-12));
  }
}

TEST_CASE("survival: the death probability is monotone in every delay", "[medical][survival]") {
  const SurvivalParams p;  // the assumed defaults
  const std::vector<double> grid{0, 5 * kMinute, 10 * kMinute, 30 * kMinute, kHour, 2 * kHour, 4 * kHour,
                                 12 * kHour, kNever};
  for (const Triage triage : {Triage::Immediate, Triage::Delayed, Triage::Minimal}) {
    for (const double a : grid)
      for (const double b : grid)
        for (std::size_t i = 1; i < grid.size(); ++i) {
          const double lo = grid[i - 1], hi = grid[i];
          // Delay first aid, then resuscitation, then surgery, holding the other two.
          CHECK(death_probability(p, triage, {lo, a, b}) <= death_probability(p, triage, {hi, a, b}));
          CHECK(death_probability(p, triage, {a, lo, b}) <= death_probability(p, triage, {a, hi, b}));
          CHECK(death_probability(p, triage, {a, b, lo}) <= death_probability(p, triage, {a, b, hi}));
        }
    // Strictly: delaying surgery from 2 h to 4 h with earlier care in place costs lives.
    CHECK(death_probability(p, triage, {10 * kMinute, kHour, 2 * kHour}) <
          death_probability(p, triage, {10 * kMinute, kHour, 4 * kHour}));
  }
  // Categories are ordered by severity for the same care.
  const CareTimes care{10 * kMinute, kHour, 2 * kHour};
  CHECK(death_probability(p, Triage::Minimal, care) < death_probability(p, Triage::Delayed, care));
  CHECK(death_probability(p, Triage::Delayed, care) < death_probability(p, Triage::Immediate, care));
}

TEST_CASE("survival: the assumed T1 defaults give the documented anchor values", "[medical][survival]") {
  const SurvivalParams p;
  // Anchors stated in survival.hpp and docs/medical/core.md.
  CHECK(death_probability(p, Triage::Immediate, CareTimes{}) == Approx(0.6).margin(0.01));
  CHECK(death_probability(p, Triage::Immediate, {10 * kMinute, kHour, 2 * kHour}) == Approx(0.12).margin(0.01));
  CHECK(death_probability(p, Triage::Delayed, CareTimes{}) == Approx(0.15).margin(0.005));
  CHECK(death_probability(p, Triage::Minimal, CareTimes{}) == Approx(0.005).margin(0.0005));
}

TEST_CASE("survival: sampled deaths match the closed-form probability", "[medical][survival]") {
  const SurvivalParams p;
  const std::vector<std::pair<Triage, CareTimes>> cases{
      {Triage::Immediate, {10 * kMinute, kHour, 2 * kHour}},
      {Triage::Immediate, {30 * kMinute, 2 * kHour, 5 * kHour}},
      {Triage::Immediate, CareTimes{}},
      {Triage::Delayed, {20 * kMinute, 3 * kHour, 8 * kHour}},
  };
  const int n = 40000;
  std::uint64_t seed = 0;
  for (const auto& [triage, care] : cases) {
    ++seed;
    int deaths = 0, deaths_by_1h = 0;
    for (int i = 0; i < n; ++i) {
      auto rng = stream(seed, static_cast<std::uint64_t>(i));
      const auto t = sample_death_time(p, triage, care, rng);
      auto rng_again = stream(seed, static_cast<std::uint64_t>(i));
      REQUIRE(sample_death(p, triage, care, rng_again) == t.has_value());
      if (t) {
        REQUIRE(*t >= 0);
        REQUIRE(*t <= p.horizon);
        ++deaths;
        if (*t <= kHour) ++deaths_by_1h;
      }
    }
    CHECK(near_share(deaths / double(n), death_probability(p, triage, care), n));
    CHECK(near_share(deaths_by_1h / double(n), death_probability_by(p, triage, care, kHour), n));
  }
  auto rng = stream(99, 0);
  CHECK(sample_death_time(p, Triage::Killed, CareTimes{}, rng) == SimTime{0});
}

}  // namespace unity_camp_medical_test_survival
