// The steps of a patient's own clock: its death re-timed as care is reached, first aid reached,
// and leaving the chain (the world hears of its own casualties' exits).
#include "sim/camp/medical/chain_patients.hpp"

#include <algorithm>
#include <cmath>

namespace campsim::camp {

PatientId PatientBook::add(Patient patient) {
  const PatientId id = id_at<PatientId>(list_.size());
  list_.push_back(std::move(patient));
  ++active_;
  return id;
}

CareRecord& PatientBook::record(PatientId id) {
  const Patient& pt = list_[id.value];
  return pt.external ? external[*pt.record] : casualties[*pt.record];
}

std::vector<engine::LogField> PatientBook::who(PatientId id) const {
  const Patient& pt = list_[id.value];
  const CareRecord& r = pt.external ? external[*pt.record] : casualties[*pt.record];
  std::vector<engine::LogField> fields{{"casualty", std::int64_t{r.casualty}}};
  if (r.external) fields.push_back({"external", true});
  return fields;
}

void PatientBook::update_death(PatientId id) {
  Patient& pt = list_[id.value];
  if (pt.routine || pt.dead) return;
  ctx_.cancel(pt.death_event);
  const CareRecord& r = record(id);
  auto since = [&](SimTime t) { return std::isfinite(t) ? t - pt.injury : kNever; };
  const CareTimes care{since(r.first_aid), since(r.resuscitation), since(r.surgery)};
  if (const auto t = death_time_for_uniform(ctx_.p.survival, pt.triage, care, pt.draws.death_u))
    pt.death_event = ctx_.at(std::max(ctx_.now(), pt.injury + *t), EventKind::MedDeath, subject_of(id));
}

void PatientBook::reach_first_aid(PatientId id, FirstAidBy by) {
  CareRecord& r = record(id);
  if (r.first_aid <= ctx_.now()) return;
  r.first_aid = ctx_.now();
  r.first_aid_by = by;
  update_death(id);
}

void PatientBook::on_first_aid_event(PatientId id) {
  Patient& pt = list_[id.value];
  pt.first_aid_event.reset();
  if (!pt.dead) reach_first_aid(id, pt.planned_first_aid);
}

void PatientBook::report_exit(const CareRecord& r, CareOutcome outcome) {
  if (r.external) return;
  ctx_.post(CareExit{CasualtyId{static_cast<std::uint32_t>(r.casualty)}, r.incident, ctx_.now(), outcome});
}

void PatientBook::gone(PatientId id) {
  list_[id.value].stage = PatientStage::Gone;
  --active_;
}

void PatientBook::leave(PatientId id, CareOutcome outcome) {
  Patient& pt = list_[id.value];
  pt.stage = PatientStage::Gone;
  pt.next_event.reset();
  ctx_.cancel(pt.death_event);
  --active_;
  if (pt.routine) return;
  CareRecord& r = record(id);
  r.left_hospital = ctx_.now();
  r.outcome = outcome;
  report_exit(r, outcome);
}

}  // namespace campsim::camp
