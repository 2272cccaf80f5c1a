#pragma once
// The Level 2 hospital: triage, resuscitation bays, operating tables with their surgical teams,
// ICU and ward beds (each a CareResource with priorities), discharge, the staff on shifts, the
// on-call team, the mass-casualty (surge) plan, and capacity lost to a hit. The helicopters are
// the air evacuation's (chain_air_evacuation.hpp); routine admissions' arrivals are
// chain_routine.hpp's, their care is here.
#include <array>
#include <optional>
#include <vector>

#include "sim/camp/medical/chain_patients.hpp"

namespace campsim::camp {

class Hospital {
 public:
  Hospital(ChainContext& ctx, PatientBook& patients);

  // A patient asks for `r` (not the helicopters) with `priority` (lower first): served now or waits.
  void ask(PatientId id, HospitalResource r, int priority);
  // Frees what the patient holds; whoever waited for it starts.
  void release_held(PatientId id);
  void withdraw(PatientId id, HospitalResource r);  // a waiting patient leaves the queue (died)
  // Triage, and the end of resuscitation, send the patient on to the next step here; they return
  // false when that step is an operation and no table is left (surgery_lost): the caller sends
  // the patient elsewhere for it.
  [[nodiscard]] bool on_triaged(PatientId id);
  [[nodiscard]] bool on_resuscitation_end(PatientId id);
  void on_surgery_end(PatientId id);
  void on_discharge(PatientId id);

  // Staffed tables and open bays now (shift, on-call team, surge plan), less a hit's losses.
  void staff();
  void on_shift_change(bool day_starts);  // before the staff is set for the new shift
  void on_team_arrives() { ++on_call_arrived_; }
  void on_surge_ready() { surge_ready_ = true; }
  // Declares the surge plan when enough patients wait for a bay or a table at once.
  void check_mass_casualty();
  // `count` of `r` (not the helicopters) out of service from now on; beds at once, the others
  // at the next staffing (the caller's).
  void lose(HospitalResource r, int count);
  // Every operating table is out of service: no operation here for the rest of the run (no
  // repair within a run, assumed as for the other means; docs/odd.md 7.8).
  bool surgery_lost() const;
  // Takes everyone waiting for a table out of its queue, in the queue's order (the tables are
  // gone); the caller sends them elsewhere.
  std::vector<PatientId> take_table_queue();

  const CareResource& resource(HospitalResource r) const { return resources_[index_of(r)]; }
  void finish(std::vector<CareResourceStats>& out);  // in the order of MedicalOutcome::resources
  long routine_surgeries() const { return routine_surgeries_; }
  int mass_casualty_declarations() const { return mass_casualty_declarations_; }

 private:
  static std::size_t index_of(HospitalResource r);
  CareResource& resource(HospitalResource r) { return resources_[index_of(r)]; }
  void start_all(HospitalResource r, const std::vector<int>& ids);
  void start_service(HospitalResource r, PatientId id);
  void to_bed(PatientId id);
  void call_on_call_team();
  int capacity_left(HospitalResource r, int nominal) const;

  ChainContext& ctx_;
  PatientBook& patients_;
  std::vector<CareResource> resources_;  // bays, tables, ICU beds, ward beds
  std::array<int, 4> lost_{};            // per resource: out of service after a hit
  int on_call_called_ = 0;
  int on_call_arrived_ = 0;
  bool surge_declared_ = false;
  bool surge_ready_ = false;
  long routine_surgeries_ = 0;
  int mass_casualty_declarations_ = 0;
};

}  // namespace campsim::camp
