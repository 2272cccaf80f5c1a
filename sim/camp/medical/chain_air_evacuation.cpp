// Air evacuation to Level 3: a patient fit to fly waits for a helicopter (none at night unless
// night flying is allowed, none on a day grounded by dust); the helicopter is away for the
// patient's own mission time.
#include <cmath>

#include "sim/camp/medical/chain_core.hpp"

namespace campsim::camp {

// Whether dust grounds the helicopters today: one draw per calendar day, keyed by the day.
bool ChainCore::grounded_today() const {
  const auto day = static_cast<std::uint64_t>(std::floor((now_ + config_.start_time_of_day) / engine::kDay));
  engine::RandomStream rng = stream("medical.sandstorm", day);
  return rng.bernoulli(p_.air_evacuation.sandstorm_day_share);
}

bool ChainCore::can_fly() const {
  return (!is_night(now_) || p_.air_evacuation.night_flying) && !grounded_today();
}

void ChainCore::fly_out(PatientId id) {
  release_held(id);  // frees the ICU or ward bed
  leave(id, CareOutcome::EvacuatedL3);
  at(now_ + patient(id).draws.flight_mission, EventKind::MedHelicopterBack, subject_of(id));
  std::vector<engine::LogField> fields = who(id);
  fields.push_back({"mission_s", patient(id).draws.flight_mission});
  log("air_evacuation", now_, std::move(fields));
}

void ChainCore::on_helicopter_back(PatientId id) {
  start_all(HospitalResource::Helicopters, resource(HospitalResource::Helicopters).release(static_cast<int>(id.value), now_));
}

}  // namespace campsim::camp
