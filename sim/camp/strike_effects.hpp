#pragma once
// What a round does to the camp's shared medical means, where it lands: ambulances within its
// lethal radius are lost (MedicalChain::lose_ambulance: idle ones at once, a loaded one after it
// delivers), and a round whose lethal radius reaches the hospital's footprint puts one operating
// table and the share of its beds under the lethal area out of service for the rest of the run.
// (Assumed: no repair within a run; docs/odd.md section 7.8.)
#include "sim/camp/layout.hpp"
#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/medical/medical_params.hpp"
#include "sim/engine/event_queue.hpp"

namespace campsim::camp {

// What one strike took (for the log and for tests).
struct StrikeDamage {
  int ambulances = 0;
  int operating_tables = 0;
  int icu_beds = 0;
  int ward_beds = 0;
  bool any() const { return ambulances + operating_tables + icu_beds + ward_beds > 0; }
};

// The hospital's beds under a strike of lethal radius `radius_m`: the share of the footprint's
// area the lethal circle covers (at most all), rounded to whole beds.
StrikeDamage hospital_damage(const HospitalParams& hospital, double footprint_m2, double radius_m);

StrikeDamage strike_medical_means(MedicalChain& chain, const CampLayout& layout, const HospitalParams& hospital,
                                  Point at, double radius_m, SimTime t, engine::EventQueue& queue);

}  // namespace campsim::camp
