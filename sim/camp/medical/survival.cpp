#include "sim/camp/medical/survival.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

namespace {

double base_hazard(const TriageHazard& h, SimTime t) {
  if (!(t > 0)) return 0.0;
  return math::pow(t / h.scale, h.shape);
}

// Inverse of base_hazard: the time at which H0 reaches x.
SimTime base_hazard_inverse(const TriageHazard& h, double x) {
  if (!(x > 0)) return 0.0;
  return h.scale * math::pow(x, 1.0 / h.shape);
}

// The pieces on which the hazard multiplier is constant: breakpoints sorted, each with the
// multiplier that holds from it on.
struct Piece {
  SimTime from;
  double multiplier;
};

std::array<Piece, 4> pieces(const TriageHazard& h, const CareTimes& care) {
  std::array<std::pair<SimTime, double>, 3> levels{{{std::max(0.0, care.first_aid), h.first_aid_factor},
                                                    {std::max(0.0, care.resuscitation), h.resuscitation_factor},
                                                    {std::max(0.0, care.surgery), h.surgery_factor}}};
  std::stable_sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::array<Piece, 4> out{};
  out[0] = {0.0, 1.0};
  double m = 1.0;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    m *= std::clamp(levels[i].second, 0.0, 1.0);
    out[i + 1] = {levels[i].first, m};
  }
  return out;
}

}  // namespace

const TriageHazard& hazard_for(const SurvivalParams& params, Triage triage) {
  switch (triage) {
    case Triage::Immediate: return params.immediate;
    case Triage::Delayed: return params.delayed;
    case Triage::Minimal:
    case Triage::Killed: break;
  }
  return params.minimal;
}

double cumulative_hazard(const SurvivalParams& params, Triage triage, const CareTimes& care, SimTime until) {
  if (triage == Triage::Killed) return std::numeric_limits<double>::infinity();
  const TriageHazard& h = hazard_for(params, triage);
  const SimTime end = std::min(until, params.horizon);
  if (!(end > 0)) return 0.0;
  const auto p = pieces(h, care);
  double total = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const SimTime a = p[i].from;
    const SimTime b = i + 1 < p.size() ? std::min(p[i + 1].from, end) : end;
    if (a >= end) break;
    if (b > a && p[i].multiplier > 0) total += p[i].multiplier * (base_hazard(h, b) - base_hazard(h, a));
  }
  return total;
}

double death_probability_by(const SurvivalParams& params, Triage triage, const CareTimes& care, SimTime until) {
  if (triage == Triage::Killed) return 1.0;
  return -math::expm1(-cumulative_hazard(params, triage, care, until));
}

double death_probability(const SurvivalParams& params, Triage triage, const CareTimes& care) {
  return death_probability_by(params, triage, care, params.horizon);
}

std::optional<SimTime> sample_death_time(const SurvivalParams& params, Triage triage, const CareTimes& care,
                                         engine::RandomStream& rng) {
  return death_time_for_uniform(params, triage, care, rng.uniform01());
}

std::optional<SimTime> death_time_for_uniform(const SurvivalParams& params, Triage triage, const CareTimes& care,
                                              double u) {
  if (triage == Triage::Killed) return SimTime{0};
  // Death by T exactly when u < P(death by T) = 1 - exp(-H(T)), i.e. when -log1p(-u) < H(T).
  const double target = -math::log1p(-u);
  const TriageHazard& h = hazard_for(params, triage);
  const SimTime end = params.horizon;
  const auto p = pieces(h, care);
  double acc = 0.0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const SimTime a = p[i].from;
    if (a >= end) break;
    const SimTime b = i + 1 < p.size() ? std::min(p[i + 1].from, end) : end;
    if (!(b > a) || !(p[i].multiplier > 0)) continue;
    const double h0a = base_hazard(h, a);
    const double piece = p[i].multiplier * (base_hazard(h, b) - h0a);
    if (acc + piece > target) {
      const SimTime t = base_hazard_inverse(h, h0a + (target - acc) / p[i].multiplier);
      return std::clamp(t, a, b);
    }
    acc += piece;
  }
  return std::nullopt;
}

bool sample_death(const SurvivalParams& params, Triage triage, const CareTimes& care, engine::RandomStream& rng) {
  return sample_death_time(params, triage, care, rng).has_value();
}

}  // namespace campsim::camp
