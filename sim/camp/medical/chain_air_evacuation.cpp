// Air evacuation to Level 3: flights, night and sandstorms.
#include "sim/camp/medical/chain_air_evacuation.hpp"

#include <algorithm>
#include <cmath>

namespace campsim::camp {

AirEvacuation::AirEvacuation(ChainContext& ctx, PatientBook& patients, Hospital& hospital)
    : ctx_(ctx), patients_(patients), hospital_(hospital),
      helicopters_("helicopters", ctx.p.air_evacuation.helicopters, ctx.config.end) {}

// Whether dust grounds the helicopters today: one draw per calendar day, keyed by the day.
bool AirEvacuation::grounded_today() const {
  const auto day = static_cast<std::uint64_t>(std::floor((ctx_.now() + ctx_.config.start_time_of_day) / engine::kDay));
  engine::RandomStream rng = ctx_.stream("medical.sandstorm", day);
  return rng.bernoulli(ctx_.p.air_evacuation.sandstorm_day_share);
}

bool AirEvacuation::can_fly() const {
  return (!ctx_.is_night(ctx_.now()) || ctx_.p.air_evacuation.night_flying) && !grounded_today();
}

bool AirEvacuation::ask(PatientId id) {
  if (helicopters_.request(static_cast<int>(id.value), triage_rank(patients_[id].triage), ctx_.now())) {
    fly_all({static_cast<int>(id.value)});
    return true;
  }
  patients_[id].waiting_for = HospitalResource::Helicopters;
  return false;
}

void AirEvacuation::withdraw(PatientId id) { helicopters_.withdraw(static_cast<int>(id.value), ctx_.now()); }

// Each patient given a helicopter flies out now: the bed is freed and the helicopter is away.
void AirEvacuation::fly_all(const std::vector<int>& ids) {
  for (int i : ids) {
    const PatientId id = id_at<PatientId>(static_cast<std::size_t>(i));
    patients_[id].waiting_for.reset();
    hospital_.release_held(id);
    patients_.leave(id, CareOutcome::EvacuatedL3);
    ctx_.at(ctx_.now() + patients_[id].draws.flight_mission, EventKind::MedHelicopterBack, subject_of(id));
    std::vector<engine::LogField> fields = patients_.who(id);
    fields.push_back({"mission_s", patients_[id].draws.flight_mission});
    ctx_.log("air_evacuation", std::move(fields));
  }
}

void AirEvacuation::on_helicopter_back(PatientId id) {
  fly_all(helicopters_.release(static_cast<int>(id.value), ctx_.now()));
}

void AirEvacuation::staff() {
  const int flyable = can_fly() ? ctx_.p.air_evacuation.helicopters : 0;
  fly_all(helicopters_.set_capacity(std::max(0, flyable - lost_), ctx_.now()));
}

void AirEvacuation::lose(int count) { lost_ += std::max(0, count); }

}  // namespace campsim::camp
