// The Level 2 hospital: triage, resuscitation bays, operating tables, ICU and ward beds (each a
// CareResource with priorities), discharge, routine (non-combat) admissions, and beds lost to a hit.
#include <algorithm>
#include <cmath>

#include "sim/camp/medical/chain_core.hpp"

namespace campsim::camp {

void ChainCore::ask(PatientId id, HospitalResource r, int priority) {
  Patient& pt = patient(id);
  if (resource(r).request(static_cast<int>(id.value), priority, now_)) {
    start_service(r, id);
  } else {
    pt.waiting_for = r;
    check_mass_casualty();
    if (r == HospitalResource::OperatingTables) call_on_call_team();
  }
}

void ChainCore::start_all(HospitalResource r, const std::vector<int>& ids) {
  for (int id : ids) start_service(r, id_at<PatientId>(static_cast<std::size_t>(id)));
}

// A patient gets a server of `r` now.
void ChainCore::start_service(HospitalResource r, PatientId id) {
  Patient& pt = patient(id);
  pt.waiting_for.reset();
  if (r == HospitalResource::Helicopters) {
    fly_out(id);
    return;
  }
  pt.holding = r;
  const std::uint64_t subject = subject_of(id);
  switch (r) {
    case HospitalResource::ResuscitationBays:
      record(id).resuscitation = now_;
      update_death(id);
      pt.next_event = at(now_ + pt.draws.resuscitation_time, EventKind::MedResuscitationEnd, subject);
      break;
    case HospitalResource::OperatingTables:
      if (pt.routine) {
        ++out_.routine_surgeries;
      } else {
        record(id).surgery = now_;
        update_death(id);
        log("surgery_start", now_, who(id));
      }
      pt.next_event = at(now_ + pt.draws.surgery_time, EventKind::MedSurgeryEnd, subject);
      break;
    case HospitalResource::IcuBeds:
    case HospitalResource::WardBeds:
      if (!pt.routine) record(id).bed = now_;
      if (pt.draws.flies) pt.next_event = at(now_ + p_.air_evacuation.stabilization, EventKind::MedFitToFly, subject);
      else pt.next_event = at(now_ + pt.draws.stay, EventKind::MedBedEnd, subject);
      break;
    case HospitalResource::Helicopters: break;
  }
}

void ChainCore::release_held(PatientId id) {
  Patient& pt = patient(id);
  const std::optional<HospitalResource> held = pt.holding;
  pt.holding.reset();
  pt.next_event.reset();
  if (held) start_all(*held, resource(*held).release(static_cast<int>(id.value), now_));
}

void ChainCore::on_triaged(PatientId id) {
  Patient& pt = patient(id);
  pt.next_event.reset();
  if (pt.routine) {
    ask(id, pt.draws.needs_surgery ? HospitalResource::OperatingTables : HospitalResource::WardBeds, kRoutineRank);
    return;
  }
  // Walking wounded who need no table, bed or flight (medical.care_needs.minimal): treated in
  // the minor area and sent back to duty.
  if (pt.triage == Triage::Minimal && minor_care_only(pt.draws.needs_surgery, pt.draws.needs_icu, pt.draws.flies)) {
    record(id).resuscitation = now_;
    update_death(id);
    pt.next_event = at(now_ + pt.draws.minor_treatment, EventKind::MedMinorTreatmentEnd, subject_of(id));
    return;
  }
  ask(id, HospitalResource::ResuscitationBays, triage_rank(pt.triage));
}

void ChainCore::to_bed(PatientId id) {
  const Patient& pt = patient(id);
  const bool icu = pt.draws.needs_icu && !pt.routine;
  if (icu) record(id).icu_bed = true;
  ask(id, icu ? HospitalResource::IcuBeds : HospitalResource::WardBeds, pt.routine ? kRoutineRank : triage_rank(pt.triage));
}

void ChainCore::on_resuscitation_end(PatientId id) {
  release_held(id);
  if (patient(id).draws.needs_surgery) ask(id, HospitalResource::OperatingTables, triage_rank(patient(id).triage));
  else to_bed(id);
}

void ChainCore::on_surgery_end(PatientId id) {
  release_held(id);
  to_bed(id);
}

void ChainCore::on_discharge(PatientId id) {
  release_held(id);
  leave(id, CareOutcome::Survived);
}

// Routine admissions are a Poisson stream over [0, end): each arrival schedules the next, from
// one stream drawn in order (the stream belongs to the admissions, not to any casualty).
void ChainCore::schedule_next_routine(SimTime after) {
  const double per_day = p_.routine_admissions.per_day;
  if (!(per_day > 0)) return;
  next_routine_ = after + routine_rng_.exponential(engine::kDay / per_day);
  if (next_routine_ < config_.end) at(next_routine_, EventKind::MedRoutineArrival, 0);
}

void ChainCore::on_routine_arrival() {
  Patient pt;
  pt.routine = true;
  pt.triage = Triage::Minimal;
  pt.injury = now_;
  pt.draws = draw_patient(p_, config_.seed, config_.replication, routine_entity(routine_count_), Triage::Delayed, true);
  pt.stage = PatientStage::Hospital;
  ++routine_count_;
  ++out_.routine_admissions;
  ++active_;
  const PatientId id = id_at<PatientId>(patients_.size());
  patients_.push_back(pt);
  patient(id).next_event = at(now_ + p_.hospital.triage_time, EventKind::MedTriaged, subject_of(id));
  schedule_next_routine(next_routine_);
}

int ChainCore::capacity_left(HospitalResource r, int nominal) const {
  return std::max(0, nominal - lost_[index_of(r)]);
}

void ChainCore::lose_capacity(HospitalResource r, int count, SimTime t, engine::EventQueue& queue) {
  enter(queue, t);
  lost_[index_of(r)] += std::max(0, count);
  log("hospital_hit", now_, {{"resource", std::string(hospital_resource_name(r))}, {"lost", std::int64_t{count}}});
  switch (r) {
    case HospitalResource::IcuBeds:
      start_all(r, resource(r).set_capacity(capacity_left(r, p_.hospital.icu_beds), now_));
      break;
    case HospitalResource::WardBeds:
      start_all(r, resource(r).set_capacity(capacity_left(r, p_.hospital.ward_beds), now_));
      break;
    default: apply_staffing(); break;
  }
}

}  // namespace campsim::camp
