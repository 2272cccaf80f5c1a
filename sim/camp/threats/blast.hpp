#pragma once
// Blast and fragment effects by the Carleton damage function, the standard form in weapons
// effectiveness work: the chance that a person at distance r is hit is exp(-pi r^2 / A), where
// A is the effect's area. Its useful property: over people spread evenly at density rho, the
// expected number hit is exactly rho * A, so A reads as "how many square metres of people a
// round takes out". Protection shrinks the areas by a factor.
//
// A large charge also hurts people far beyond its casualty area, lightly: glass, debris and
// blast injuries that need first aid and a dressing, not a surgeon. The optional light-wound area
// is a third, wider Carleton zone whose extra hits are all T3 minimal. Unset (0), or not above the
// casualty area, there is no such zone.
//
// Inside the casualty area a wounded person's triage follows from the distance too: nested zones
// for T1 and T2 between the lethal and the casualty areas (WoundMix), so the nearer the burst, the
// more serious; the mix's shares are what an evenly spread crowd's wounded would show.
#include <optional>

#include "sim/camp/core/casualty.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

struct BlastEffect {
  double lethal_area_m2 = 200;     // killed
  double casualty_area_m2 = 1000;  // killed or wounded (>= lethal_area_m2)
  double light_wound_area_m2 = 0;  // killed, wounded or lightly wounded (no zone unless above casualty_area_m2)
};

struct ProtectionFactors {
  double open = 1.0;        // standing or lying in the open
  double container = 0.6;   // inside an accommodation container or prefabricated building
  double hardened = 0.02;   // in a bunker or behind HESCO and overhead cover
  double vehicle = 0.8;     // aboard a soft-skinned vehicle (assumed: its body stops some fragments)
  double factor(Protection p) const;
};

// Shares of the wounded in each triage category; T3 minimal takes the rest. For a blast, the
// shares over evenly spread people (the T1 and T2 zones are sized by them); a person's own triage
// follows from their distance. For gunfire and roadside bombs, each wounded person's draw.
struct WoundMix {
  double immediate = 0.2;
  double delayed = 0.3;
};

double kill_probability(const BlastEffect& effect, double distance_m, double area_factor);
double casualty_probability(const BlastEffect& effect, double distance_m, double area_factor);
// Hurt at all, lightly or worse: the light-wound zone's chance (the casualty chance without one).
double hurt_probability(const BlastEffect& effect, double distance_m, double area_factor);

// What happens to one person at `distance_m`: nothing (nullopt), killed, or wounded with a triage
// category by their distance (the nested zones above). Uses exactly two draws from `rng` whatever
// the outcome, so streams stay aligned.
std::optional<Triage> blast_outcome(const BlastEffect& effect, double distance_m, double area_factor,
                                    const WoundMix& mix, engine::RandomStream& rng);

}  // namespace campsim::camp
