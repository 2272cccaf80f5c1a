// Two homogeneous forces in the open with aimed fire: Lanchester's square law as the oracle.
// Every fighter sees every enemy, fires aimed shots as a Poisson stream of rate r, each shot
// killing with probability p; so each side loses fighters at k = r p times the other side's
// strength, and the mean strengths follow
//   A(t) = A0 cosh(k t) - B0 sinh(k t),   B(t) = B0 cosh(k t) - A0 sinh(k t).
// The simulated mean over many fights must lie within its confidence band around that curve.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sim/camp/fight/engagement.hpp"
#include "tests/engine/stats_helpers.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_fight_test_lanchester {

using namespace campsim::fight;

namespace {

constexpr int kA0 = 100, kB0 = 70;
constexpr double kShotsPerMinute = 6;
constexpr double kKill = 0.1;  // per shot
constexpr int kFights = 200;

FightParams square_law_params() {
  FightParams p;
  p.sight.detection_rate_per_s = 50;     // everyone in the open is seen within the first tick
  p.fire.effective_range_m = 1e7;        // range does not matter: 1 - exp(-c / r^2) = 1 to 1e-9
  p.fire.max_range_m = 1e6;
  p.fire.combat_degradation = kKill;     // so the chance per shot is kKill
  p.fire.shots_per_minute = kShotsPerMinute;
  p.fire.hit_lethality = 1;              // every hit kills
  p.fire.suppression_per_shot = 0;       // no suppression: aim stays constant
  return p;
}

Fighter soldier(Side side, double x, double y) {
  Fighter f;
  f.side = side;
  f.role = side == Side::Camp ? Role::Sentry : Role::Intruder;
  f.state = FighterState::Holding;
  f.armed = true;
  f.position = {x, y};
  f.sight_range_m = 1e9;
  return f;
}

int alive(const Engagement& e, Side side) {
  int n = 0;
  for (const Fighter& f : e.fighters()) n += (f.side == side && is_active(f.state)) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("aimed fire between two forces in the open follows Lanchester's square law", "[fight][theory]") {
  const FightParams params = square_law_params();
  const Terrain open_ground;
  const double k = kShotsPerMinute / 60 * kKill;  // kills per second per shooter
  const std::vector<double> checkpoints{10, 20, 40, 60, 80};
  std::vector<std::vector<double>> a_at(checkpoints.size()), b_at(checkpoints.size());
  std::vector<double> a_final;
  for (int rep = 0; rep < kFights; ++rep) {
    // The square law counts only aimed hits: no stray rounds (in ranks this close a miss would
    // strike the mark's neighbours, a different law).
    Engagement e(params, open_ground, Rules{false, 0, false}, 7, static_cast<std::uint64_t>(rep), 1);
    for (int i = 0; i < kA0; ++i) e.add(soldier(Side::Camp, (i % 10) * 2.0, (i / 10) * 2.0));
    for (int i = 0; i < kB0; ++i) e.add(soldier(Side::Attacker, 200 + (i % 10) * 2.0, (i / 10) * 2.0));
    std::vector<FightEvent> events;
    std::size_t next = 0;
    for (int t = 0; t < 400 && alive(e, Side::Attacker) > 0; ++t) {
      while (next < checkpoints.size() && checkpoints[next] <= t) {
        a_at[next].push_back(alive(e, Side::Camp));
        b_at[next].push_back(alive(e, Side::Attacker));
        ++next;
      }
      e.step(t, 1, Conditions{}, events);
    }
    for (; next < checkpoints.size(); ++next) {  // the fight ended before the checkpoint
      a_at[next].push_back(alive(e, Side::Camp));
      b_at[next].push_back(alive(e, Side::Attacker));
    }
    a_final.push_back(alive(e, Side::Camp));
  }
  using campsim::engine::test::kSigmas;
  using campsim::engine::test::sample_mean;
  using campsim::engine::test::sample_variance;
  for (std::size_t c = 0; c < checkpoints.size(); ++c) {
    const double kt = k * checkpoints[c];
    const double a_theory = kA0 * std::cosh(kt) - kB0 * std::sinh(kt);
    const double b_theory = std::max(0.0, kB0 * std::cosh(kt) - kA0 * std::sinh(kt));
    const double a_band = kSigmas * std::sqrt(sample_variance(a_at[c]) / kFights) + 1.0;  // + one fighter: ticks of 1 s
    const double b_band = kSigmas * std::sqrt(sample_variance(b_at[c]) / kFights) + 1.0;
    INFO("t = " << checkpoints[c] << " s: A " << sample_mean(a_at[c]) << " (theory " << a_theory << "), B "
                << sample_mean(b_at[c]) << " (theory " << b_theory << ")");
    CHECK(std::fabs(sample_mean(a_at[c]) - a_theory) <= a_band);
    CHECK(std::fabs(sample_mean(b_at[c]) - b_theory) <= b_band);
  }
  // The square law's end state: the winner keeps sqrt(A0^2 - B0^2) = 71.4 of its 100.
  const double survivors = std::sqrt(double(kA0) * kA0 - double(kB0) * kB0);
  INFO("survivors " << sample_mean(a_final) << " (theory " << survivors << ")");
  CHECK(std::fabs(sample_mean(a_final) - survivors) <= kSigmas * std::sqrt(sample_variance(a_final) / kFights) + 1.0);
  // And not the linear law's A0 - B0 = 30: the test can tell the two apart.
  CHECK(sample_mean(a_final) > 60);
}

}  // namespace unity_camp_fight_test_lanchester
