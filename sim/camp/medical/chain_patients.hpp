#pragma once
// The medical chain's patients: each one's place in the chain (Patient) and care record
// (CareRecord, the run's output), and the steps of a casualty's own clock that every part may
// take: death re-timed as care is reached, first aid reached, leaving the chain.
#include <map>
#include <optional>
#include <vector>

#include "sim/camp/medical/chain_context.hpp"

namespace campsim::camp {

struct Patient {
  bool routine = false;
  bool external = false;              // from outside the camp: its record is in PatientBook::external
  std::optional<std::size_t> record;  // its CareRecord (casualties only)
  CasualtyId casualty;
  Triage triage = Triage::Delayed;
  SimTime injury = 0;  // or admission, for routine patients
  Point position;
  PatientDraws draws;
  PatientStage stage = PatientStage::Field;
  bool dead = false;
  std::optional<std::uint64_t> death_event;
  std::optional<std::uint64_t> next_event;  // the end of whatever it is doing now
  std::optional<HospitalResource> holding;
  std::optional<HospitalResource> waiting_for;
  RequestId group;
  SimTime cleared = kNever;  // approved and waiting for an ambulance
  FirstAidBy planned_first_aid = FirstAidBy::None;  // who the scheduled first-aid event brings
  std::optional<std::uint64_t> first_aid_event;
  SimTime planned_first_aid_at = kNever;
  double responder_metres = kNever;  // a responder's walk to the patient (kNever: none comes)
};

class PatientBook {
 public:
  explicit PatientBook(ChainContext& ctx) : ctx_(ctx) {}

  PatientId add(Patient patient);  // counts it as active
  Patient& operator[](PatientId id) { return list_[id.value]; }
  const Patient& operator[](PatientId id) const { return list_[id.value]; }
  CareRecord& record(PatientId id);
  std::vector<engine::LogField> who(PatientId id) const;  // the log's fields naming a patient

  // Re-inverts the casualty's own uniform with the care reached so far (see survival.hpp).
  void update_death(PatientId id);
  void reach_first_aid(PatientId id, FirstAidBy by);
  void on_first_aid_event(PatientId id);  // the planned first aid arrives
  void leave(PatientId id, CareOutcome outcome);
  void gone(PatientId id);  // out of the chain, without a record's exit (a body handed over)
  // The world hears of its own casualties only: an external casualty is nobody in the camp.
  void report_exit(const CareRecord& r, CareOutcome outcome);

  const std::vector<Patient>& all() const { return list_; }
  long active() const { return active_; }

  std::map<CasualtyId, PatientId> of_casualty;
  std::vector<CareRecord> casualties;  // the camp's, in the order they arrived (killed outright too)
  std::vector<CareRecord> external;    // from outside the camp (medical.external), in the order they were hurt

 private:
  ChainContext& ctx_;
  std::vector<Patient> list_;
  long active_ = 0;
};

}  // namespace campsim::camp
