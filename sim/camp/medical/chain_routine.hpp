#pragma once
// Routine (non-combat) admissions: a Poisson stream of patients over [0, end) who share the
// hospital's tables and beds (their care is the hospital's, chain_hospital.hpp).
#include "sim/camp/medical/chain_patients.hpp"

namespace campsim::camp {

class RoutineAdmissions {
 public:
  RoutineAdmissions(ChainContext& ctx, PatientBook& patients);
  void start() { schedule_next(0); }
  void on_arrival();
  long count() const { return count_; }

 private:
  void schedule_next(SimTime after);

  ChainContext& ctx_;
  PatientBook& patients_;
  engine::RandomStream rng_;  // the arrival times, in order (the stream belongs to the admissions, not to any casualty)
  SimTime next_ = kNever;
  long count_ = 0;
};

}  // namespace campsim::camp
