// The coordinator: set-up, the routing of the chain's events to the part that owns their state,
// the drain after the world's loop, the outcome, and a casualty's death (which touches every part).
#include "sim/camp/medical/chain_coordinator.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace campsim::camp {

ChainCoordinator::ChainCoordinator(const MedicalParams& params, const CampLayout& layout, const MedicalSites& sites,
                                   const QrfParams& qrf, const MedicalRunConfig& config, engine::EventLog* log,
                                   const ModuleContext& context)
    : ctx_(params, layout, sites, qrf, config, log, context),
      patients_(ctx_),
      requests_(ctx_, patients_),
      fleet_(ctx_, patients_, requests_),
      hospital_(ctx_, patients_),
      air_(ctx_, patients_, hospital_),
      routine_(ctx_, patients_),
      external_(ctx_, patients_) {}

void ChainCoordinator::start(engine::EventQueue& queue) {
  ctx_.enter(queue, ctx_.now());
  routine_.start();
  start_shifts();
  external_.start();
}

void ChainCoordinator::on_casualty(const Casualty& c, const Incident* incident, engine::EventQueue& queue) {
  ctx_.enter(queue, c.time);
  const MedicalParams& p = ctx_.p;
  CareRecord r;
  r.casualty = c.id;
  r.incident = c.incident;
  r.cause = c.cause;
  r.triage = c.triage;
  r.contingent = c.contingent;
  r.inside_camp = c.inside_camp;
  r.injury = c.time;
  r.same_nation = c.contingent == p.casevac.hospital_nation;
  if (c.triage == Triage::Killed) {
    r.outcome = CareOutcome::Killed;
    r.died = c.time;
    patients_.casualties.push_back(std::move(r));
    patients_.report_exit(patients_.casualties.back(), CareOutcome::Killed);
    return;
  }
  const CasualtyId casualty{static_cast<std::uint32_t>(c.id)};
  if (patients_.of_casualty.contains(casualty))
    throw std::invalid_argument("medical chain: casualty " + std::to_string(c.id) + " arrived twice");
  Patient pt;
  pt.record = patients_.casualties.size();
  pt.casualty = casualty;
  pt.triage = c.triage;
  pt.injury = c.time;
  pt.position = c.position;
  pt.draws = draw_patient(p, ctx_.config.seed, ctx_.config.replication, casualty_entity(c.id), c.triage, false);
  r.needs_surgery = pt.draws.needs_surgery;
  patients_.casualties.push_back(std::move(r));
  const PatientId id = patients_.add(std::move(pt));
  patients_.of_casualty.emplace(casualty, id);

  // What this casualty's incident says of its containment, if anything yet.
  if (incident && incident->qrf && !incident->fight) learn_containment(incident->id, incident->qrf->contained);  // a fight's end comes by event

  requests_.join(id, c, incident);
  patients_.update_death(id);
  requests_.plan_first_aid(id);
  // Hurt after the request was approved (a long firefight): the clearance covers it too, in
  // the chain's own turn at this instant.
  ctx_.at(c.time, EventKind::MedInjured, subject_of(id));
}

void ChainCoordinator::on_incident_contained(int incident, SimTime t, engine::EventQueue& queue) {
  ctx_.enter(queue, t);
  learn_containment(incident, t);
}

void ChainCoordinator::learn_containment(int incident, SimTime t) {
  for (TripId waiting : requests_.contain(incident, t))
    if (!fleet_.trip(waiting).cancelled) fleet_.time_trip(waiting, std::max(fleet_.trip(waiting).earliest, t));
}

void ChainCoordinator::on_event(const engine::Event& e, engine::EventQueue& queue) {
  ctx_.enter(queue, e.time);
  const std::uint64_t s = e.subject;
  const PatientId patient = id_from<PatientId>(s);
  const TripId trip = id_from<TripId>(s);
  switch (kind_of(e)) {
    // A casualty's own clock, its request and its approval.
    case EventKind::MedInjured:
      requests_.on_injured(patient);
      fleet_.try_dispatch();
      break;
    case EventKind::MedFirstAid: patients_.on_first_aid_event(patient); break;
    case EventKind::MedDeath: on_death(patient); break;
    case EventKind::MedRequested: requests_.on_requested(id_from<RequestId>(s)); break;
    case EventKind::MedApproved:
      requests_.on_approved(id_from<RequestId>(s));
      fleet_.try_dispatch();
      break;
    // The ambulances.
    case EventKind::MedDeparts: fleet_.on_departs(trip); break;
    case EventKind::MedOnScene: fleet_.on_scene(trip); break;
    case EventKind::MedLeftScene: fleet_.on_left_scene(trip); break;
    case EventKind::MedAtHospital: fleet_.on_hospital_arrival(trip); break;
    case EventKind::MedVehicleFree: fleet_.on_vehicle_free(trip); break;
    case EventKind::MedVehicleHome: fleet_.on_vehicle_home(id_from<AmbulanceId>(s)); break;
    // The hospital, its staff and the helicopters.
    case EventKind::MedTriaged:
      if (!hospital_.on_triaged(patient)) surgery_elsewhere(patient);
      break;
    case EventKind::MedResuscitationEnd:
      if (!hospital_.on_resuscitation_end(patient)) surgery_elsewhere(patient);
      break;
    case EventKind::MedSurgeryEnd: hospital_.on_surgery_end(patient); break;
    case EventKind::MedMinorTreatmentEnd: patients_.leave(patient, CareOutcome::Survived); break;
    case EventKind::MedBedEnd: hospital_.on_discharge(patient); break;
    case EventKind::MedFitToFly:
      patients_[patient].next_event.reset();
      if (!air_.ask(patient)) hospital_.check_mass_casualty();
      break;
    case EventKind::MedHelicopterBack: air_.on_helicopter_back(patient); break;
    case EventKind::MedShiftChange: on_shift_change(s == 0); break;
    case EventKind::MedTeamArrives:
      hospital_.on_team_arrives();
      apply_staffing();
      break;
    case EventKind::MedSurgeReady:
      hospital_.on_surge_ready();
      apply_staffing();
      break;
    // Patients who come by other ways.
    case EventKind::MedRoutineArrival: routine_.on_arrival(); break;
    case EventKind::MedExternalIncident: external_.on_incident(s); break;
    case EventKind::MedExternalArrival: external_.on_arrival(patient); break;
    default: throw std::logic_error("medical chain: not a medical event kind");
  }
}

void ChainCoordinator::lose_capacity(HospitalResource r, int count, SimTime t, engine::EventQueue& queue) {
  ctx_.enter(queue, t);
  ctx_.log("hospital_hit", {{"resource", std::string(hospital_resource_name(r))}, {"lost", std::int64_t{count}}});
  if (r == HospitalResource::Helicopters) air_.lose(count);
  else hospital_.lose(r, count);  // beds: at once
  if (r != HospitalResource::IcuBeds && r != HospitalResource::WardBeds) apply_staffing();
  // The last table gone: whoever waits for one is sent elsewhere now, not left waiting for a
  // table that will not come back.
  if (r == HospitalResource::OperatingTables && hospital_.surgery_lost())
    for (const PatientId id : hospital_.take_table_queue()) surgery_elsewhere(id);
}

// No operating table is left. A casualty who needs an operation is flown out for it, as soon as
// a helicopter can fly (the air evacuation's queue, by triage; a Level 2 that cannot operate
// passes its surgical cases on: docs/medical/chain.md, "A hospital that cannot operate"); the
// chain follows them no further than the flight, as any evacuee. A routine admission who needs
// an operation is referred elsewhere and leaves at once.
void ChainCoordinator::surgery_elsewhere(PatientId id) {
  Patient& pt = patients_[id];
  if (pt.routine) {
    ++routine_referred_;
    patients_.leave(id, CareOutcome::Survived);
    return;
  }
  ++surgery_elsewhere_;
  ctx_.log("surgery_elsewhere", patients_.who(id));
  if (!air_.ask(id)) hospital_.check_mass_casualty();
}

void ChainCoordinator::lose_ambulance(AmbulanceId vehicle, SimTime t, engine::EventQueue& queue) {
  ctx_.enter(queue, t);
  fleet_.lose(vehicle);
}

void ChainCoordinator::on_death(PatientId id) {
  Patient& pt = patients_[id];
  pt.death_event.reset();
  pt.dead = true;
  CareRecord& r = patients_.record(id);
  r.died = ctx_.now();
  r.outcome = CareOutcome::DiedOfWounds;
  // Tasked but not yet picked up counts as before pickup.
  r.died_where = pt.stage == PatientStage::Hospital  ? DeathPlace::AtHospital
                 : pt.stage == PatientStage::Transit ? DeathPlace::InTransit
                                                     : DeathPlace::BeforePickup;
  ctx_.cancel(pt.next_event);
  ctx_.cancel(pt.first_aid_event);
  if (pt.stage == PatientStage::Pending) std::erase(requests_.pending, id);
  if (pt.waiting_for == HospitalResource::Helicopters) air_.withdraw(id);
  else if (pt.waiting_for) hospital_.withdraw(id, *pt.waiting_for);
  pt.waiting_for.reset();
  hospital_.release_held(id);
  // A body aboard or awaited by a vehicle leaves the chain when the vehicle reaches the hospital;
  // an external casualty's own transport is not the chain's: its arrival was cancelled above.
  if (pt.external || (pt.stage != PatientStage::Assigned && pt.stage != PatientStage::Transit)) patients_.gone(id);
  std::vector<engine::LogField> fields = patients_.who(id);
  fields.push_back({"triage", std::string(triage_name(r.triage))});
  fields.push_back({"where", std::string(death_place_name(r.died_where))});
  ctx_.log("died_of_wounds", std::move(fields));
  patients_.report_exit(r, CareOutcome::DiedOfWounds);
}

void ChainCoordinator::drain(engine::EventQueue& queue, const OtherEvents& on_other) {
  ctx_.enter(queue, ctx_.now());
  while (!queue.empty()) {
    const engine::Event e = queue.pop();
    if (is_medical(kind_of(e)))
      on_event(e, queue);
    else if (on_other)
      on_other(e, queue);
  }
  finish();
}

// The outcome is assembled once, from each part's own records and counts.
void ChainCoordinator::finish() {
  if (ctx_.closed()) return;
  // Whoever the chain still holds when the run ends has no outcome yet: not "survived" (back on
  // duty), but in care.
  for (std::size_t i = 0; i < patients_.all().size(); ++i) {
    const Patient& pt = patients_.all()[i];
    if (pt.routine || !pt.record || pt.dead || pt.stage == PatientStage::Gone) continue;
    patients_.record(id_at<PatientId>(i)).outcome = CareOutcome::InCare;
  }
  out_.casualties = patients_.casualties;
  out_.external = patients_.external;
  out_.external_incidents = external_.incidents();
  out_.routine_admissions = routine_.count();
  out_.routine_surgeries = hospital_.routine_surgeries();
  out_.mass_casualty_declarations = hospital_.mass_casualty_declarations();
  out_.surgery_elsewhere = surgery_elsewhere_;
  out_.routine_referred = routine_referred_;
  out_.last_event = ctx_.now();
  hospital_.finish(out_.resources);
  out_.resources.push_back(air_.finish());
  fleet_.finish();
  out_.ambulances = fleet_.stats();
  ctx_.close();
}

const MedicalOutcome& ChainCoordinator::outcome() {
  finish();
  return out_;
}

}  // namespace campsim::camp
