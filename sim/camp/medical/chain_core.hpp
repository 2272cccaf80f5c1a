#pragma once
// Inside the medical chain (medical_chain.hpp is the interface): its state, and its steps, one
// file per job:
//   chain_core.cpp            set-up, event routing, drain, outcome; death, first aid and leaving
//   chain_requests.cpp        casualties arriving, request groups, CASEVAC request and approval,
//                             first responders, incidents' containment
//   chain_dispatch.cpp        choosing and tasking ambulances, trips, vehicles coming free, losses
//   chain_hospital.cpp        triage, bays, tables, beds, discharge, routine admissions, lost beds
//   chain_staffing.cpp        shifts, on-call surgical teams, the mass-casualty (surge) plan
//   chain_air_evacuation.cpp  flights to Level 3, night and sandstorms
//   chain_external.cpp        casualties from outside the camp arriving at the hospital door
//   chain_views.cpp           read-only views for snapshots
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "sim/camp/medical/medical_chain.hpp"
#include "sim/camp/core/qrf_force.hpp"
#include "sim/camp/core/event_kinds.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

using PatientId = engine::Id<struct PatientTag>;
using RequestId = engine::Id<struct RequestTag>;
using TripId = engine::Id<struct TripTag>;

template <class Tag>
constexpr std::uint64_t subject_of(engine::Id<Tag> id) { return id.value; }
template <class Id>
constexpr Id id_from(std::uint64_t subject) { return Id{static_cast<std::uint32_t>(subject)}; }
// id_at (the id of the i-th of a list) is layout.hpp's.

constexpr std::size_t index_of(HospitalResource r) { return static_cast<std::size_t>(r); }

// Queue priority at the hospital (lower first): casualties by triage, routine patients after them.
constexpr int triage_rank(Triage t) {
  switch (t) {
    case Triage::Immediate: return 0;
    case Triage::Delayed: return 1;
    case Triage::Minimal: return 2;
    case Triage::Killed: return 4;
  }
  return 4;
}
constexpr int kRoutineRank = 3;
// How long past the scenario's end the chain keeps its clock running for patients still inside.
constexpr SimTime kDrainLimit = 60 * engine::kDay;

// Road nodes the chain uses, resolved from the scenario's names once (the reader has checked them).
struct MedicalSites {
  RoadNodeId hospital;
  std::optional<RoadNodeId> gate;
  std::vector<RoadNodeId> responders;  // first responders' posts (the hospital when none are named)
};
MedicalSites resolve_sites(const MedicalParams& params, const CampLayout& layout);

struct Patient {
  bool routine = false;
  bool external = false;              // from outside the camp: its record is in MedicalOutcome::external
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

struct RequestGroup {
  bool has_incident = false;  // false for a hand-made casualty with no incident: over when hurt
  int incident_id = 0;
  bool same_nation = false;
  bool inside_camp = true;
  Point location;
  std::vector<PatientId> patients;
  SimTime first_injury = kNever;
  SimTime requested = kNever;
  ApprovalTimeline approval;
  bool approved = false;
};

// What the chain knows of an incident's attack: when it was contained, once known, and who waits for it.
struct IncidentWatch {
  std::optional<SimTime> contained;
  std::vector<PatientId> awaiting_responder;
  std::vector<TripId> awaiting_departure;
};

struct Trip {
  AmbulanceId vehicle;
  RequestId group;
  std::vector<PatientId> patients;
  RoadNodeId scene;        // the road node nearest the casualties (set when the trip is made)
  RoadNodeId from;         // the road node it leaves from (likewise)
  SimTime tasked = 0;      // when the vehicle was tasked (and, outside the camp, its escort asked for)
  SimTime ready = 0;       // crew aboard
  SimTime earliest = 0;    // crew aboard and, outside the camp, escort ready (before any wait for the attack)
  SimTime loading = 0;
  SimTime outside_out = 0, outside_back = 0;
  bool cancelled = false;  // its vehicle was lost before the pickup
  std::vector<std::uint64_t> events;  // departs, on scene, left scene, at hospital
};

class ChainCore {
 public:
  ChainCore(const MedicalParams& params, const CampLayout& layout, const QrfParams& qrf, const MedicalRunConfig& config,
            engine::EventLog* log, const ModuleContext& context);

  // The interface (medical_chain.hpp).
  void start(engine::EventQueue& queue);
  void on_casualty(const Casualty& c, const Incident* incident, engine::EventQueue& queue);
  void on_incident_contained(int incident, SimTime t, engine::EventQueue& queue);
  void on_event(const engine::Event& e, engine::EventQueue& queue);
  void drain(engine::EventQueue& queue, const OtherEvents& on_other);
  const MedicalOutcome& outcome();
  void lose_capacity(HospitalResource resource, int count, SimTime t, engine::EventQueue& queue);
  void lose_ambulance(AmbulanceId vehicle, SimTime t, engine::EventQueue& queue);
  std::vector<VehicleView> vehicles_at(SimTime t) const;
  HospitalView hospital_view(SimTime t) const;
  std::vector<PatientView> patients() const;
  std::optional<PatientStage> stage_of(CasualtyId casualty) const;
  const PatientDraws* draws_of(CasualtyId casualty) const;
  const Ambulance& ambulance(AmbulanceId id) const { return vehicles_.at(id.value); }
  int ambulance_count() const { return static_cast<int>(vehicles_.size()); }

 private:
  // ---- chain_core.cpp: plumbing and the steps every part shares
  void enter(engine::EventQueue& queue, SimTime t);
  std::uint64_t at(SimTime t, EventKind kind, std::uint64_t subject);
  void cancel(std::optional<std::uint64_t>& handle);
  Patient& patient(PatientId id) { return patients_[id.value]; }
  const Patient& patient(PatientId id) const { return patients_[id.value]; }
  RequestGroup& group(RequestId id) { return groups_[id.value]; }
  Trip& trip(TripId id) { return trips_[id.value]; }
  Ambulance& vehicle(AmbulanceId id) { return vehicles_[id.value]; }
  CareResource& resource(HospitalResource r) { return resources_[index_of(r)]; }
  CareRecord& record(PatientId id) {
    const Patient& pt = patient(id);
    return pt.external ? out_.external[*pt.record] : out_.casualties[*pt.record];
  }
  std::vector<engine::LogField> who(PatientId id);  // the log's fields naming a patient
  double route(RoadNodeId from, RoadNodeId to) const;
  bool is_night(SimTime t) const;
  // When an escort asked for at `asked` could leave with a trip outside the camp.
  SimTime escort_ready(SimTime asked) const;
  void log(std::string_view type, SimTime t, std::vector<engine::LogField> fields);
  void update_death(PatientId id);
  void reach_first_aid(PatientId id, FirstAidBy by);
  void leave(PatientId id, CareOutcome outcome);
  void report_exit(const CareRecord& r, SimTime t, CareOutcome outcome);
  void on_death(PatientId id);
  void finish();

  // ---- chain_requests.cpp
  RequestId group_for(const Casualty& c, const Incident* incident, bool same_nation);
  void request_casevac(RequestId g);
  ApprovalPolicy policy_at(SimTime t) const;
  void plan_first_aid(PatientId id);
  void plan_responder(PatientId id, SimTime contained);
  std::optional<SimTime> attack_end(const RequestGroup& g) const;
  void on_requested(RequestId g);
  void on_approved(RequestId g);
  void on_injured(PatientId id);
  void clear_for_pickup(PatientId id);

  // ---- chain_dispatch.cpp
  void setup_vehicles();
  RoadNodeId scene_node(const RequestGroup& g) const;
  Point node_position(RoadNodeId node) const;
  RoadNodeId roving_node(AmbulanceId v, PatientId lead) const;
  void try_dispatch();
  void time_trip(TripId t, SimTime depart);
  void on_departs(TripId t);
  void on_scene(TripId t);
  void on_left_scene(TripId t);
  void on_hospital_arrival(TripId t);
  void on_vehicle_free(TripId t);
  void on_vehicle_home(AmbulanceId v);
  void release_crew(Ambulance& v);
  void busy_until(Ambulance& v, SimTime t);
  void cancel_trip(TripId t);

  // ---- chain_hospital.cpp
  void ask(PatientId id, HospitalResource r, int priority);
  void start_all(HospitalResource r, const std::vector<int>& ids);
  void start_service(HospitalResource r, PatientId id);
  void release_held(PatientId id);
  void on_triaged(PatientId id);
  void to_bed(PatientId id);
  void on_resuscitation_end(PatientId id);
  void on_surgery_end(PatientId id);
  void on_discharge(PatientId id);
  void schedule_next_routine(SimTime after);
  void on_routine_arrival();
  int capacity_left(HospitalResource r, int nominal) const;

  // ---- chain_external.cpp
  void start_external();
  void schedule_next_external(SimTime after);
  void on_external_incident(std::uint64_t incident);
  void add_external_patient(std::uint64_t incident, int k, Triage triage, Cause cause, bool by_helicopter,
                            SimTime delay);
  void on_external_arrival(PatientId id);

  // ---- chain_staffing.cpp
  void start_shifts();
  void apply_staffing();
  void call_on_call_team();
  void check_mass_casualty();
  void on_shift_change(bool day_starts);

  // ---- chain_air_evacuation.cpp
  bool grounded_today() const;
  bool can_fly() const;
  void fly_out(PatientId id);
  void on_helicopter_back(PatientId id);

  engine::RandomStream stream(std::string_view purpose, std::uint64_t entity, std::uint64_t tick = 0) const;

  const MedicalParams& p_;
  const CampLayout& layout_;
  const QrfParams& qrf_;
  // The world's shared QRF, whose teams escort trips outside the camp; null for a chain run on
  // its own (a hand-made casualty list), where an escort is ready after the notice to move.
  QrfForce* qrf_force_ = nullptr;  // the camp's (ModuleContext), or none: escorts never wait
  CampEvents* events_ = nullptr;   // where care exits go (ModuleContext), or nobody
  MedicalRunConfig config_;
  engine::EventLog* log_;
  std::vector<std::vector<double>> routes_;
  MedicalSites sites_;

  engine::EventQueue* queue_ = nullptr;  // the world's queue, fixed by start()
  SimTime now_ = 0;
  std::vector<Patient> patients_;
  std::map<CasualtyId, PatientId> patient_of_;
  std::vector<RequestGroup> groups_;
  std::map<std::pair<int, bool>, RequestId> group_of_;  // (incident, same nation)
  std::map<int, IncidentWatch> incidents_;
  std::vector<PatientId> pending_;
  std::vector<Ambulance> vehicles_;
  std::vector<Trip> trips_;
  std::vector<CareResource> resources_;
  std::vector<int> lost_;  // per HospitalResource: out of service after a hit
  engine::RandomStream routine_rng_;
  SimTime next_routine_ = kNever;
  engine::RandomStream external_rng_;  // the inflow's incident times, in order (keyed by nothing else)
  SimTime next_external_ = kNever;
  std::uint64_t external_incidents_ = 0;  // Poisson incidents so far (their numbers)
  int crews_standby_free_ = 0;
  int crews_callable_ = 0;
  int on_call_called_ = 0;
  int on_call_arrived_ = 0;
  bool surge_declared_ = false;
  bool surge_ready_ = false;
  long active_ = 0;
  long routine_count_ = 0;
  bool finished_ = false;
  MedicalOutcome out_;
};

}  // namespace campsim::camp
