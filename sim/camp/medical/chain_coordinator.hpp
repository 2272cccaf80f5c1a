#pragma once
// Inside the medical chain (medical_chain.hpp is the interface): its parts, each with the state
// it owns, and the coordinator that owns them and routes the chain's events between them.
//   chain_context.*         the shared plumbing: parameters, layout, queue and clock, log, streams
//   chain_patients.*        patients and their care records; death, first aid and leaving
//   chain_requests.*        CASEVAC requests and their approval, first responders, containment
//   chain_fleet.hpp,
//   chain_dispatch.cpp      ambulances, crews and trips
//   chain_hospital.*,
//   chain_staffing.cpp      bays, tables and teams, beds, the queue for each; shifts and surge
//   chain_air_evacuation.*  helicopters to Level 3, night and sandstorms
//   chain_routine.*         routine (non-combat) admissions
//   chain_external.*        casualties from outside the camp arriving at the hospital door
//   chain_coordinator.cpp   set-up, event routing, drain, outcome, death (it touches every part)
//   chain_views.cpp         read-only views for snapshots
#include <optional>
#include <vector>

#include "sim/camp/medical/chain_air_evacuation.hpp"
#include "sim/camp/medical/chain_external.hpp"
#include "sim/camp/medical/chain_fleet.hpp"
#include "sim/camp/medical/chain_hospital.hpp"
#include "sim/camp/medical/chain_requests.hpp"
#include "sim/camp/medical/chain_routine.hpp"

namespace campsim::camp {

class ChainCoordinator {
 public:
  ChainCoordinator(const MedicalParams& params, const CampLayout& layout, const MedicalSites& sites, const QrfParams& qrf,
                   const MedicalRunConfig& config, engine::EventLog* log, const ModuleContext& context);

  // The interface (medical_chain.hpp).
  void start(engine::EventQueue& queue);
  void on_casualty(const Casualty& c, const Incident* incident, engine::EventQueue& queue);
  void on_incident_contained(int incident, SimTime t, engine::EventQueue& queue);
  void on_event(const engine::Event& e, engine::EventQueue& queue);
  void drain(engine::EventQueue& queue, const OtherEvents& on_other);
  const MedicalOutcome& outcome();
  void lose_capacity(HospitalResource resource, int count, SimTime t, engine::EventQueue& queue);
  void lose_ambulance(AmbulanceId vehicle, SimTime t, engine::EventQueue& queue);
  std::vector<VehicleView> vehicles_at(SimTime t) const { return fleet_.views_at(t); }
  HospitalView hospital_view(SimTime t) const;
  std::vector<PatientView> patients() const;
  std::optional<PatientStage> stage_of(CasualtyId casualty) const;
  const PatientDraws* draws_of(CasualtyId casualty) const;
  const std::vector<Ambulance>& ambulances() const { return fleet_.vehicles(); }

 private:
  // The attack `incident` is contained at `t`, learnt now: responders and trips waiting for it go.
  void learn_containment(int incident, SimTime t);
  void start_shifts();
  void apply_staffing();  // the hospital's staff, then the helicopters
  void on_shift_change(bool day_starts);
  void on_death(PatientId id);
  void surgery_elsewhere(PatientId id);  // no table left: flown out (a casualty) or referred (routine)
  void finish();

  ChainContext ctx_;
  PatientBook patients_;
  CasevacRequests requests_;
  AmbulanceFleet fleet_;
  Hospital hospital_;
  AirEvacuation air_;
  RoutineAdmissions routine_;
  ExternalInflow external_;
  long surgery_elsewhere_ = 0;  // casualties flown out for an operation (no table left)
  long routine_referred_ = 0;   // routine admissions referred elsewhere for one
  MedicalOutcome out_;          // assembled from the parts when the chain closes
};

}  // namespace campsim::camp
