#pragma once
// Survival of a casualty as a function of its triage category and of the times at which it
// reaches each level of care, so that delays cost lives the way the UN 10-1-2 timeline says they
// do: bleeding control and basic life support within 10 minutes of injury, advanced
// resuscitation within 1 hour, damage-control surgery within 2 hours (UN DOS/2020.7 CASEVAC
// policy; Medical Support Manual for UN Field Missions, 3rd ed. 2015).
//
// Functional form: a proportional-hazards model. An untreated casualty of category c dies at the
// Weibull cumulative hazard H0_c(t) = (t / scale_c)^shape_c (t seconds since injury; shape < 1
// puts the deaths early, as haemorrhage does). Each level of care k, once reached at time t_k,
// multiplies the hazard from then on by a factor f_{c,k} in [0, 1]. With m(t) the product of the
// factors of the levels reached by t, the cumulative hazard up to the horizon T is
//     H = integral_0^T m(t) dH0_c(t)    (piecewise: sum of m over the gaps between the t_k)
// and the probability of dying of wounds by T is 1 - exp(-H). The order of the levels is free (a
// casualty may get resuscitation from the ambulance before any first aid); a level never reached
// has time kNever. Delaying any level can only raise H (its factor applies for less time), so the
// death probability is monotone in every delay. Killed outright (Triage::Killed) dies with
// probability 1 whatever the care.
//
// Every rate is a parameter; the defaults are ASSUMED (see docs/medical/core.md for the reasons).
#include <limits>
#include <optional>

#include "sim/camp/core/casualty.hpp"
#include "sim/engine/random.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

inline constexpr SimTime kNever = std::numeric_limits<double>::infinity();

// Times since injury (seconds) at which each level of care is reached; kNever if it is not.
struct CareTimes {
  SimTime first_aid = kNever;      // bleeding control, basic life support (the "10")
  SimTime resuscitation = kNever;  // advanced resuscitation (the "1")
  SimTime surgery = kNever;        // damage-control surgery (the "2")
};

struct TriageHazard {
  SimTime scale = 1;  // seconds: H0(scale) = 1
  double shape = 1;   // Weibull shape; 1 = constant hazard, < 1 = early deaths
  double first_aid_factor = 1;      // hazard multiplier from first aid on
  double resuscitation_factor = 1;  // from advanced resuscitation on
  double surgery_factor = 1;        // from damage-control surgery on
};

struct SurvivalParams {
  // ASSUMED defaults, chosen so that an untreated T1 dies by 24 h with probability ~0.6 and a T1
  // treated on the 10-1-2 timeline with probability ~0.12 (most of it in the first 10 minutes,
  // before anyone could help); see docs/medical/core.md.
  TriageHazard immediate{28.4 * engine::kHour, 0.5, 0.3, 0.3, 0.1};
  // T2: untreated ~0.15 by 24 h at a constant hazard; care halves it twice then surgery cuts it.
  TriageHazard delayed{147.7 * engine::kHour, 1.0, 0.5, 0.5, 0.1};
  // T3: untreated ~0.005 by 24 h; walking wounded rarely die.
  TriageHazard minimal{4800.0 * engine::kHour, 1.0, 0.5, 0.5, 0.1};
  SimTime horizon = 24 * engine::kHour;  // deaths of wounds counted up to this time after injury
};

const TriageHazard& hazard_for(const SurvivalParams& params, Triage triage);

// The cumulative hazard from injury to `until` (capped at params.horizon); infinite for Killed.
double cumulative_hazard(const SurvivalParams& params, Triage triage, const CareTimes& care, SimTime until);

// Probability of dying of wounds by `until` (default: the horizon): 1 - exp(-H).
double death_probability(const SurvivalParams& params, Triage triage, const CareTimes& care);
double death_probability_by(const SurvivalParams& params, Triage triage, const CareTimes& care, SimTime until);

// One draw (uniform01): true if the casualty dies by the horizon; same uniform as sample_death_time.
bool sample_death(const SurvivalParams& params, Triage triage, const CareTimes& care, engine::RandomStream& rng);

// One draw (uniform01) inverted through H: the time of death after injury, or nullopt if the
// casualty survives the horizon. Killed gives 0. For a fixed stream, sample_death is true exactly
// when sample_death_time has a value.
std::optional<SimTime> sample_death_time(const SurvivalParams& params, Triage triage, const CareTimes& care,
                                         engine::RandomStream& rng);

// The same inversion for a given uniform u in (0, 1). Because H up to time t depends only on the
// levels reached before t, a simulation can keep one u per casualty, call this with the levels
// reached so far (the rest kNever), and call it again with the same u whenever a level is
// reached: the death time it gives is exact as long as it comes before the next level.
std::optional<SimTime> death_time_for_uniform(const SurvivalParams& params, Triage triage, const CareTimes& care,
                                              double u);

}  // namespace campsim::camp
