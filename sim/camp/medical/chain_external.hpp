#pragma once
// Casualties from outside the camp (medical.external), arriving at the hospital door by their
// own units' means (chain_external.cpp says how they are drawn).
#include <cstdint>

#include "sim/camp/medical/chain_patients.hpp"

namespace campsim::camp {

class ExternalInflow {
 public:
  ExternalInflow(ChainContext& ctx, PatientBook& patients);
  void start();
  void on_incident(std::uint64_t incident);
  void on_arrival(PatientId id);
  long incidents() const { return incidents_; }  // scripted and Poisson

 private:
  void schedule_next(SimTime after);
  void add_patient(std::uint64_t incident, int k, Triage triage, Cause cause, bool by_helicopter, SimTime delay);

  ChainContext& ctx_;
  PatientBook& patients_;
  engine::RandomStream rng_;  // the inflow's incident times, in order (keyed by nothing else)
  SimTime next_ = kNever;
  std::uint64_t poisson_incidents_ = 0;  // Poisson incidents so far (their numbers)
  long incidents_ = 0;
};

}  // namespace campsim::camp
