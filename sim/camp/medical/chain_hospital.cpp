// The Level 2 hospital's care: triage, bays, tables, beds, discharge, and capacity lost to a hit.
#include "sim/camp/medical/chain_hospital.hpp"

#include <algorithm>
#include <stdexcept>

namespace campsim::camp {

Hospital::Hospital(ChainContext& ctx, PatientBook& patients) : ctx_(ctx), patients_(patients) {
  const HospitalParams& h = ctx_.p.hospital;
  const SimTime end = ctx_.config.end;
  resources_.emplace_back("resuscitation_bays", h.resuscitation_bays, end);
  resources_.emplace_back("operating_tables", std::min(h.operating_tables, h.surgical_teams_day), end);
  resources_.emplace_back("icu_beds", h.icu_beds, end);
  resources_.emplace_back("ward_beds", h.ward_beds, end);
}

std::size_t Hospital::index_of(HospitalResource r) {
  if (r == HospitalResource::Helicopters) throw std::logic_error("medical chain: the helicopters are not the hospital's");
  return static_cast<std::size_t>(r);
}

void Hospital::ask(PatientId id, HospitalResource r, int priority) {
  if (resource(r).request(static_cast<int>(id.value), priority, ctx_.now())) {
    start_service(r, id);
  } else {
    patients_[id].waiting_for = r;
    check_mass_casualty();
    if (r == HospitalResource::OperatingTables) call_on_call_team();
  }
}

void Hospital::start_all(HospitalResource r, const std::vector<int>& ids) {
  for (int id : ids) start_service(r, id_at<PatientId>(static_cast<std::size_t>(id)));
}

// A patient gets a server of `r` now.
void Hospital::start_service(HospitalResource r, PatientId id) {
  Patient& pt = patients_[id];
  pt.waiting_for.reset();
  pt.holding = r;
  const SimTime now = ctx_.now();
  const std::uint64_t subject = subject_of(id);
  switch (r) {
    case HospitalResource::ResuscitationBays:
      patients_.record(id).resuscitation = now;
      patients_.update_death(id);
      pt.next_event = ctx_.at(now + pt.draws.resuscitation_time, EventKind::MedResuscitationEnd, subject);
      break;
    case HospitalResource::OperatingTables:
      if (pt.routine) {
        ++routine_surgeries_;
      } else {
        patients_.record(id).surgery = now;
        patients_.update_death(id);
        ctx_.log("surgery_start", patients_.who(id));
      }
      pt.next_event = ctx_.at(now + pt.draws.surgery_time, EventKind::MedSurgeryEnd, subject);
      break;
    case HospitalResource::IcuBeds:
    case HospitalResource::WardBeds:
      if (!pt.routine) patients_.record(id).bed = now;
      if (pt.draws.flies) pt.next_event = ctx_.at(now + ctx_.p.air_evacuation.stabilization, EventKind::MedFitToFly, subject);
      else pt.next_event = ctx_.at(now + pt.draws.stay, EventKind::MedBedEnd, subject);
      break;
    case HospitalResource::Helicopters: break;  // never asked here (index_of)
  }
}

void Hospital::release_held(PatientId id) {
  Patient& pt = patients_[id];
  const std::optional<HospitalResource> held = pt.holding;
  pt.holding.reset();
  pt.next_event.reset();
  if (held) start_all(*held, resource(*held).release(static_cast<int>(id.value), ctx_.now()));
}

void Hospital::withdraw(PatientId id, HospitalResource r) { resource(r).withdraw(static_cast<int>(id.value), ctx_.now()); }

bool Hospital::on_triaged(PatientId id) {
  Patient& pt = patients_[id];
  pt.next_event.reset();
  if (pt.routine) {
    if (pt.draws.needs_surgery && surgery_lost()) return false;
    ask(id, pt.draws.needs_surgery ? HospitalResource::OperatingTables : HospitalResource::WardBeds, kRoutineRank);
    return true;
  }
  // Walking wounded who need no table, bed or flight (medical.care_needs.minimal): treated in
  // the minor area and sent back to duty.
  if (pt.triage == Triage::Minimal && minor_care_only(pt.draws.needs_surgery, pt.draws.needs_icu, pt.draws.flies)) {
    patients_.record(id).resuscitation = ctx_.now();
    patients_.update_death(id);
    pt.next_event = ctx_.at(ctx_.now() + pt.draws.minor_treatment, EventKind::MedMinorTreatmentEnd, subject_of(id));
    return true;
  }
  ask(id, HospitalResource::ResuscitationBays, triage_rank(pt.triage));
  return true;
}

void Hospital::to_bed(PatientId id) {
  const Patient& pt = patients_[id];
  const bool icu = pt.draws.needs_icu && !pt.routine;
  if (icu) patients_.record(id).icu_bed = true;
  ask(id, icu ? HospitalResource::IcuBeds : HospitalResource::WardBeds, pt.routine ? kRoutineRank : triage_rank(pt.triage));
}

bool Hospital::on_resuscitation_end(PatientId id) {
  release_held(id);
  if (!patients_[id].draws.needs_surgery) {
    to_bed(id);
    return true;
  }
  if (surgery_lost()) return false;
  ask(id, HospitalResource::OperatingTables, triage_rank(patients_[id].triage));
  return true;
}

void Hospital::on_surgery_end(PatientId id) {
  release_held(id);
  to_bed(id);
}

void Hospital::on_discharge(PatientId id) {
  release_held(id);
  patients_.leave(id, CareOutcome::Survived);
}

int Hospital::capacity_left(HospitalResource r, int nominal) const {
  return std::max(0, nominal - lost_[index_of(r)]);
}

void Hospital::lose(HospitalResource r, int count) {
  lost_[index_of(r)] += std::max(0, count);
  const HospitalParams& h = ctx_.p.hospital;
  if (r == HospitalResource::IcuBeds) start_all(r, resource(r).set_capacity(capacity_left(r, h.icu_beds), ctx_.now()));
  if (r == HospitalResource::WardBeds) start_all(r, resource(r).set_capacity(capacity_left(r, h.ward_beds), ctx_.now()));
}

bool Hospital::surgery_lost() const {
  return capacity_left(HospitalResource::OperatingTables, ctx_.p.hospital.operating_tables) == 0;
}

std::vector<PatientId> Hospital::take_table_queue() {
  CareResource& tables = resource(HospitalResource::OperatingTables);
  std::vector<PatientId> taken;
  for (const int id : tables.waiting_in_order()) {
    tables.withdraw(id, ctx_.now());
    const PatientId patient = id_at<PatientId>(static_cast<std::size_t>(id));
    patients_[patient].waiting_for.reset();
    taken.push_back(patient);
  }
  return taken;
}

void Hospital::finish(std::vector<CareResourceStats>& out) {
  for (CareResource& r : resources_) out.push_back(r.finish());
}

}  // namespace campsim::camp
