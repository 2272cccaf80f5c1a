// Routine admissions: each arrival schedules the next, from one stream drawn in order.
#include "sim/camp/medical/chain_routine.hpp"

namespace campsim::camp {

RoutineAdmissions::RoutineAdmissions(ChainContext& ctx, PatientBook& patients)
    : ctx_(ctx), patients_(patients), rng_(ctx.stream("medical.routine_arrivals", 0)) {}

void RoutineAdmissions::schedule_next(SimTime after) {
  const double per_day = ctx_.p.routine_admissions.per_day;
  if (!(per_day > 0)) return;
  next_ = after + rng_.exponential(engine::kDay / per_day);
  if (next_ < ctx_.config.end) ctx_.at(next_, EventKind::MedRoutineArrival, 0);
}

void RoutineAdmissions::on_arrival() {
  const MedicalRunConfig& config = ctx_.config;
  Patient pt;
  pt.routine = true;
  pt.triage = Triage::Minimal;
  pt.injury = ctx_.now();
  pt.draws = draw_patient(ctx_.p, config.seed, config.replication, routine_entity(count_), Triage::Delayed, true);
  pt.stage = PatientStage::Hospital;
  ++count_;
  const PatientId id = patients_.add(std::move(pt));
  patients_[id].next_event = ctx_.at(ctx_.now() + ctx_.p.hospital.triage_time, EventKind::MedTriaged, subject_of(id));
  schedule_next(next_);
}

}  // namespace campsim::camp
