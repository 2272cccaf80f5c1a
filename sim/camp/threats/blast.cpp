#include "sim/camp/threats/blast.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

double ProtectionFactors::factor(Protection p) const {
  switch (p) {
    case Protection::Open: return open;
    case Protection::Container: return container;
    case Protection::Hardened: return hardened;
    case Protection::Vehicle: return vehicle;
  }
  return open;
}

namespace {
double carleton(double area, double distance_m) {
  if (area <= 0) return 0;
  return math::exp(-std::numbers::pi * distance_m * distance_m / area);
}
}  // namespace

double kill_probability(const BlastEffect& effect, double distance_m, double area_factor) {
  return carleton(effect.lethal_area_m2 * area_factor, distance_m);
}

double casualty_probability(const BlastEffect& effect, double distance_m, double area_factor) {
  return carleton(effect.casualty_area_m2 * area_factor, distance_m);
}

double hurt_probability(const BlastEffect& effect, double distance_m, double area_factor) {
  const double area = std::max(effect.casualty_area_m2, effect.light_wound_area_m2);
  return carleton(area * area_factor, distance_m);
}

std::optional<Triage> blast_outcome(const BlastEffect& effect, double distance_m, double area_factor,
                                    const WoundMix& mix, engine::RandomStream& rng) {
  const double hit = rng.uniform01();
  const double severity = rng.uniform01();
  if (hit < kill_probability(effect, distance_m, area_factor)) return Triage::Killed;
  // One more exponential only for an effect with a light-wound zone: this runs per person and round.
  const double casualty = casualty_probability(effect, distance_m, area_factor);
  const bool light_zone = effect.light_wound_area_m2 > effect.casualty_area_m2;
  if (hit >= (light_zone ? hurt_probability(effect, distance_m, area_factor) : casualty)) return std::nullopt;
  if (hit >= casualty) return Triage::Minimal;  // the light-wound zone
  // Wounded: how badly follows from where they were, by the same draw. Nested Carleton zones
  // between the lethal and the casualty areas, T1 innermost: zone areas A_L + s (A_C - A_L) for the
  // cumulative shares s, so over evenly spread people the wounded split by the mix exactly (the
  // Carleton identity), while near the burst most wounded are T1 and at the casualty area's edge
  // most are T3. The second draw is kept so that every stream stays aligned.
  static_cast<void>(severity);
  const double band = std::max(0.0, effect.casualty_area_m2 - effect.lethal_area_m2);
  const auto within = [&](double share) {
    return hit < carleton((effect.lethal_area_m2 + share * band) * area_factor, distance_m);
  };
  if (within(mix.immediate)) return Triage::Immediate;
  if (within(mix.immediate + mix.delayed)) return Triage::Delayed;
  return Triage::Minimal;
}

}  // namespace campsim::camp
