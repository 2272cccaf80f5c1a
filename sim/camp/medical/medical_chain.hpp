#pragma once
// The medical chain as a module of the one world: from each casualty's injury through first aid,
// the CASEVAC request and its approval, the ambulance, the Level 2 hospital (triage,
// resuscitation bays, operating tables and teams on shifts, ICU and ward beds) to discharge, air
// evacuation to Level 3, or death of wounds. Routine (non-combat) admissions share the
// hospital's tables and beds.
//
// It lives in the world's loop and its shared event queue: `start` schedules routine arrivals
// and shift changes, casualties arrive as they happen (`on_casualty`, at the casualty's time),
// incidents report their containment when it becomes known (`on_incident_contained`), and the
// loop hands every medical event kind (`is_medical`, core/event_kinds.hpp) to `on_event`. After
// the world's loop ends, `drain` carries on with the medical events alone, past `end`, until
// every patient has left (at most 60 days more); occupancy and queue averages cover [0, end].
// The world hears back through the camp's events when a casualty leaves the chain (CareExit:
// returned to duty, evacuated, died), and may hit the hospital (`lose_capacity`, `lose_beds`) or an ambulance
// (`lose_ambulance`). Ambulances are vehicle agents with explicit states (ambulance.hpp).
//
// `run_medical_chain` keeps the old whole-list interface: it feeds a casualty list to the module
// at the right times in a queue of its own and drains it (hand-worked tests, tools).
//
// Random numbers: one stream per purpose and entity (casualty, incident, vehicle), never a
// stream shared in the order of use, so two policies differing only in, say, the approval chain
// see the same injuries, first aid, surgery, flights and drives (common random numbers).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/medical/ambulance.hpp"
#include "sim/camp/medical/care_record.hpp"
#include "sim/camp/medical/care_resource.hpp"
#include "sim/camp/medical/medical_params.hpp"
#include "sim/camp/medical/patient_draws.hpp"
#include "sim/camp/module_run_config.hpp"
#include "sim/camp/core/camp_state.hpp"
#include "sim/camp/core/resolved_layout.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/core/world_snapshot.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::camp {

using MedicalRunConfig = ModuleRunConfig;  // routine admissions stop at `end`; averages are over [0, end]

struct AmbulanceStats {
  long trips = 0;
  long crew_call_ins = 0;
  double busy_seconds = 0;  // summed over vehicles, from tasking to back at the station (within [0, end])
  int vehicles = 0;
};

struct MedicalOutcome {
  std::vector<CareRecord> casualties;   // one per casualty, in the order they arrived (the adapter: input order)
  // Casualties from outside the camp (medical.external), in the order they were hurt; apart from
  // `casualties` so that every camp figure keeps meaning the camp's own casualties.
  std::vector<CareRecord> external;
  long external_incidents = 0;
  long routine_admissions = 0;
  long routine_surgeries = 0;
  int mass_casualty_declarations = 0;
  long surgery_elsewhere = 0;  // casualties flown out for an operation: no operating table left
  long routine_referred = 0;   // routine admissions referred elsewhere for an operation (the same)
  AmbulanceStats ambulances;
  // resuscitation_bays, operating_tables, icu_beds, ward_beds, helicopters (in that order)
  std::vector<CareResourceStats> resources;
  SimTime last_event = 0;  // when the last patient left
};

// The hospital's counted resources, in the order of MedicalOutcome::resources.
enum class HospitalResource : std::uint8_t { ResuscitationBays, OperatingTables, IcuBeds, WardBeds, Helicopters };

// Where a patient is in the chain.
enum class PatientStage : std::uint8_t {
  Field,      // injured: first aid, request and approval under way
  Pending,    // cleared for pickup, waiting for a vehicle
  Assigned,   // a vehicle is on its way
  Transit,    // picked up (loading or driving to the hospital)
  Hospital,   // at the Level 2 hospital
  Gone,       // left: discharged, flown out or died
};
std::string_view patient_stage_name(PatientStage stage);
std::string_view hospital_resource_name(HospitalResource resource);

struct PatientView {
  CasualtyId casualty;
  Triage triage = Triage::Delayed;
  PatientStage stage = PatientStage::Field;
};

// Events of other modules met while the chain drains the queue after the world's loop.
using OtherEvents = std::function<void(const engine::Event&, engine::EventQueue&)>;

class ChainCoordinator;
class QrfForce;

// The road nodes the chain uses, from the scenario's names (the reader has checked them): once,
// when a run is set up (resolve_layout), or for a chain assembled by hand (run_medical_chain).
MedicalSites resolve_medical_sites(const MedicalParams& params, const CampLayout& layout);

class MedicalChain {
 public:
  // `params`, `layout` and `qrf` are kept by reference: they must outlive the chain (the scenario
  // does). `qrf` gives the escort's notice to move for trips outside the camp. `log`, if given,
  // receives one record per step of every casualty, at the step's own time. `context`: the
  // camp's QRF escorts trips outside the camp (its teams are then busy with the convoy, and an
  // escort waits for a team that is out; without it, an escort is ready after the notice to
  // move), and every casualty leaving the chain is posted as a CareExit (without it, nobody hears).
  // `sites`: the road nodes it uses, as typed ids (resolve_layout, or resolve_medical_sites for a
  // chain assembled by hand); no name is looked up after this.
  MedicalChain(const MedicalParams& params, const CampLayout& layout, const MedicalSites& sites, const QrfParams& qrf,
               const MedicalRunConfig& config, engine::EventLog* log = nullptr, const ModuleContext& context = {});
  ~MedicalChain();
  MedicalChain(MedicalChain&&) noexcept;
  MedicalChain& operator=(MedicalChain&&) noexcept;

  // Schedules the first routine arrival and the shift changes. Every later call passes the same queue.
  void start(engine::EventQueue& queue);
  // A casualty, at its own time (never earlier than the last event handled). The incident may
  // be open: containment known only if `incident->qrf` is set, otherwise it waits for
  // on_incident_contained. No incident (a hand-made list): over when the casualty is hurt.
  void on_casualty(const Casualty& casualty, const Incident* incident, engine::EventQueue& queue);
  // The attack `incident` is contained at `t` (now): releases responders and unarmoured
  // ambulances that wait for it. Idempotent; a later call for a known incident changes nothing.
  void on_incident_contained(int incident, SimTime t, engine::EventQueue& queue);
  // Handles one event of a medical kind (is_medical). Never asks to be rescheduled.
  std::optional<SimTime> on_event(const engine::Event& event, engine::EventQueue& queue);
  // After the world's loop: pops the queue to the end, handling medical events and handing the
  // rest to `on_other` (if given; e.g. an attack's casualties that occur after the run's end
  // still reach the chain), until every patient has left or the drain limit passes.
  void drain(engine::EventQueue& queue, const OtherEvents& on_other = {});
  // Everything so far, closed at the last event (call after drain; the first call closes it).
  const MedicalOutcome& outcome();

  // The hospital is hit: `count` of `resource` out of service from `t` (now) on. Nobody is
  // interrupted: fewer start until those in service have finished.
  void lose_capacity(HospitalResource resource, int count, SimTime t, engine::EventQueue& queue);
  void lose_beds(int icu, int ward, SimTime t, engine::EventQueue& queue);
  // An ambulance is hit at `t` (now). Idle: out of service at once. Tasked but without patients
  // aboard: its patients go back to the head of the queue for another vehicle. Carrying
  // patients: it delivers them, then goes out of service.
  void lose_ambulance(AmbulanceId vehicle, SimTime t, engine::EventQueue& queue);

  // Read-only views: state as of the last event handled, positions exact at `t` (t at or after
  // the last event, before the next).
  std::vector<VehicleView> vehicles_at(SimTime t) const;
  HospitalView hospital_view(SimTime t) const;
  std::vector<PatientView> patients() const;  // casualties still in the chain, by arrival
  std::optional<PatientStage> stage_of(CasualtyId casualty) const;
  const PatientDraws* draws_of(CasualtyId casualty) const;  // nullptr: unknown or killed outright
  const Ambulance& ambulance(AmbulanceId id) const;
  int ambulance_count() const;
  // Whether any ambulance is driving now (en route, or returning). Positions are exact at any
  // instant without ticks; this only tells a recorder when there is motion worth sampling.
  bool vehicles_moving() const;

 private:
  std::unique_ptr<ChainCoordinator> core_;
};

// The whole-list adapter: the casualties (any order) reach the module at their own times,
// each incident's containment at its QRF's containment (or its start, with no QRF), then it
// drains. Same results as the module driven from the world's loop with those arrivals.
MedicalOutcome run_medical_chain(const MedicalParams& params, const CampLayout& layout, const QrfParams& qrf,
                                 const std::vector<Casualty>& casualties, const std::vector<Incident>& incidents,
                                 const MedicalRunConfig& config, engine::EventLog* log = nullptr);

// How a world loop drives the module (the adapter uses it): `arrivals` are world events that
// carry casualties and containments, already in the queue with their own kinds; `on_world` is
// called for every non-medical event (it may call on_casualty / on_incident_contained); the
// loop stops at `end`, then the chain drains.
void run_world_with_medical_chain(MedicalChain& chain, engine::EventQueue& queue, SimTime end,
                                  const std::function<void(const engine::Event&)>& on_world);

}  // namespace campsim::camp
