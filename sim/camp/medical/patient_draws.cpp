#include "sim/camp/medical/patient_draws.hpp"

#include <algorithm>

namespace campsim::camp {

PatientDraws draw_patient(const MedicalParams& p, std::uint64_t seed, std::uint64_t replication, std::uint64_t entity,
                          Triage triage, bool routine) {
  const auto stream = [&](std::string_view purpose) {
    return engine::RandomStream({seed, replication, engine::purpose_tag(purpose), entity, 0});
  };
  const HospitalParams& h = p.hospital;
  const CareNeeds& needs = care_needs_for(p.care_needs, triage);
  PatientDraws d;
  // Drawn first, from its own stream, because it decides which stay distribution is sampled in
  // the patient's stream below (ICU stay or ward stay) without moving any draw of that stream.
  engine::RandomStream care_rng = stream("medical.care_needs");
  d.needs_icu = !routine && care_rng.bernoulli(needs.icu);
  engine::RandomStream rng = stream("medical.patient");
  d.death_u = rng.uniform01();
  d.buddy = rng.bernoulli(p.first_aid.buddy_aid_share);
  d.buddy_delay = std::max(0.0, p.first_aid.buddy_aid_delay.sample(rng));
  d.resuscitation_time = std::max(0.0, (triage == Triage::Immediate ? h.resuscitation_time_immediate
                                                                    : h.resuscitation_time_delayed).sample(rng));
  d.needs_surgery = rng.bernoulli(routine ? p.routine_admissions.surgery_share : needs.surgery);
  d.surgery_time = std::max(0.0, (routine ? p.routine_admissions.surgery_time
                                  : triage == Triage::Immediate ? h.surgery_time_immediate
                                                                : h.surgery_time_delayed).sample(rng));
  d.flies = rng.bernoulli(routine ? 0.0 : needs.evacuation);
  d.stay = std::max(0.0, (routine ? p.routine_admissions.stay : d.needs_icu ? h.icu_stay : h.ward_stay).sample(rng));
  d.loading = std::max(0.0, p.ambulances.loading_per_casualty.sample(rng));
  d.minor_treatment = std::max(0.0, h.minor_treatment_time.sample(rng));

  engine::RandomStream flight = stream("medical.flight");
  d.flight_mission = std::max(0.0, p.air_evacuation.mission_time.sample(flight));
  engine::RandomStream call_in = stream("medical.crew_call_in");
  d.crew_call_in = std::max(0.0, p.ambulances.call_in_delay.sample(call_in));
  engine::RandomStream outside = stream("medical.outside_drive");
  d.outside_out = std::max(0.0, p.ambulances.outside_drive.sample(outside));
  d.outside_back = std::max(0.0, p.ambulances.outside_drive.sample(outside));
  return d;
}

}  // namespace campsim::camp
