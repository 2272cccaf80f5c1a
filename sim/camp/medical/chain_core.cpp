// The chain's set-up, the routing of its events, the drain after the world's loop, and the steps
// every part shares: a casualty's death clock, first aid reached, and leaving the chain.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/camp/medical/chain_core.hpp"
#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

MedicalSites resolve_sites(const MedicalParams& params, const CampLayout& layout) {
  MedicalSites s;
  s.hospital = road_node_named(layout, params.ambulances.hospital_node, "medical.ambulances.hospital_node");
  // The gate node is optional (needed only for an ambulance stationed at the main gate; the reader
  // requires it then); a name given is one the reader checked.
  if (!params.ambulances.gate_node.empty())
    s.gate = road_node_named(layout, params.ambulances.gate_node, "medical.ambulances.gate_node");
  for (const std::string& name : params.first_aid.responder_posts)
    s.responders.push_back(road_node_named(layout, name, "medical.first_aid.responder_posts"));
  if (s.responders.empty()) s.responders.push_back(s.hospital);
  return s;
}

ChainCore::ChainCore(const MedicalParams& params, const CampLayout& layout, const QrfParams& qrf,
                     const MedicalRunConfig& config, engine::EventLog* log, const ModuleContext& context)
    : p_(params),
      layout_(layout),
      qrf_(qrf),
      config_(config),
      log_(log),
      routes_(route_length_table(layout)),
      sites_(resolve_sites(params, layout)),
      lost_(5, 0),
      routine_rng_(stream("medical.routine_arrivals", 0)),
      external_rng_(stream("medical.external.arrivals", 0)) {
  if (context.state != nullptr) qrf_force_ = &context.state->qrf;
  events_ = context.events;
  const HospitalParams& h = p_.hospital;
  resources_.emplace_back("resuscitation_bays", h.resuscitation_bays, config.end);
  resources_.emplace_back("operating_tables", std::min(h.operating_tables, h.surgical_teams_day), config.end);
  resources_.emplace_back("icu_beds", h.icu_beds, config.end);
  resources_.emplace_back("ward_beds", h.ward_beds, config.end);
  resources_.emplace_back("helicopters", p_.air_evacuation.helicopters, config.end);
  setup_vehicles();
  crews_standby_free_ = p_.ambulances.standby_crews;
  crews_callable_ = p_.ambulances.called_in_crews;
  out_.ambulances.vehicles = p_.ambulances.vehicles;
}

engine::RandomStream ChainCore::stream(std::string_view purpose, std::uint64_t entity, std::uint64_t tick) const {
  return engine::RandomStream({config_.seed, config_.replication, engine::purpose_tag(purpose), entity, tick});
}

// Every entry point: one queue for the chain's whole life, and time never runs backwards.
void ChainCore::enter(engine::EventQueue& queue, SimTime t) {
  if (queue_ != nullptr && queue_ != &queue) throw std::logic_error("medical chain: every call must pass the same event queue");
  if (t < now_) throw std::logic_error("medical chain: a call at an earlier time than the last event");
  if (finished_) throw std::logic_error("medical chain: called after its outcome was closed");
  queue_ = &queue;
  now_ = t;
}

std::uint64_t ChainCore::at(SimTime t, EventKind kind, std::uint64_t subject) { return schedule(*queue_, t, kind, subject); }

void ChainCore::cancel(std::optional<std::uint64_t>& handle) {
  if (handle) queue_->cancel(*handle);
  handle.reset();
}

void ChainCore::start(engine::EventQueue& queue) {
  enter(queue, now_);
  schedule_next_routine(0);
  start_shifts();
  start_external();
}

void ChainCore::on_event(const engine::Event& e, engine::EventQueue& queue) {
  enter(queue, e.time);
  const std::uint64_t s = e.subject;
  switch (kind_of(e)) {
    case EventKind::MedInjured: on_injured(id_from<PatientId>(s)); break;
    case EventKind::MedFirstAid: {
      Patient& pt = patient(id_from<PatientId>(s));
      pt.first_aid_event.reset();
      if (!pt.dead) reach_first_aid(id_from<PatientId>(s), pt.planned_first_aid);
      break;
    }
    case EventKind::MedRequested: on_requested(id_from<RequestId>(s)); break;
    case EventKind::MedApproved: on_approved(id_from<RequestId>(s)); break;
    case EventKind::MedDeath: on_death(id_from<PatientId>(s)); break;
    case EventKind::MedDeparts: on_departs(id_from<TripId>(s)); break;
    case EventKind::MedOnScene: on_scene(id_from<TripId>(s)); break;
    case EventKind::MedLeftScene: on_left_scene(id_from<TripId>(s)); break;
    case EventKind::MedAtHospital: on_hospital_arrival(id_from<TripId>(s)); break;
    case EventKind::MedVehicleFree: on_vehicle_free(id_from<TripId>(s)); break;
    case EventKind::MedVehicleHome: on_vehicle_home(id_from<AmbulanceId>(s)); break;
    case EventKind::MedTriaged: on_triaged(id_from<PatientId>(s)); break;
    case EventKind::MedResuscitationEnd: on_resuscitation_end(id_from<PatientId>(s)); break;
    case EventKind::MedSurgeryEnd: on_surgery_end(id_from<PatientId>(s)); break;
    case EventKind::MedFitToFly: {
      const PatientId id = id_from<PatientId>(s);
      patient(id).next_event.reset();
      ask(id, HospitalResource::Helicopters, triage_rank(patient(id).triage));
      break;
    }
    case EventKind::MedBedEnd: on_discharge(id_from<PatientId>(s)); break;
    case EventKind::MedHelicopterBack: on_helicopter_back(id_from<PatientId>(s)); break;
    case EventKind::MedShiftChange: on_shift_change(s == 0); break;
    case EventKind::MedTeamArrives:
      ++on_call_arrived_;
      apply_staffing();
      break;
    case EventKind::MedSurgeReady:
      surge_ready_ = true;
      apply_staffing();
      break;
    case EventKind::MedRoutineArrival: on_routine_arrival(); break;
    case EventKind::MedMinorTreatmentEnd: leave(id_from<PatientId>(s), CareOutcome::Survived); break;
    case EventKind::MedExternalIncident: on_external_incident(s); break;
    case EventKind::MedExternalArrival: on_external_arrival(id_from<PatientId>(s)); break;
    default: throw std::logic_error("medical chain: not a medical event kind");
  }
}

void ChainCore::drain(engine::EventQueue& queue, const OtherEvents& on_other) {
  enter(queue, now_);
  while (!queue.empty()) {
    const engine::Event e = queue.pop();
    if (is_medical(kind_of(e)))
      on_event(e, queue);
    else if (on_other)
      on_other(e, queue);
  }
  finish();
}

void ChainCore::finish() {
  if (finished_) return;
  out_.last_event = now_;
  for (CareResource& r : resources_) out_.resources.push_back(r.finish());
  for (Ambulance& v : vehicles_)
    if (v.away) busy_until(v, now_);
  finished_ = true;
}

const MedicalOutcome& ChainCore::outcome() {
  finish();
  return out_;
}

double ChainCore::route(RoadNodeId from, RoadNodeId to) const {
  return routes_[from.value][to.value];
}

bool ChainCore::is_night(SimTime t) const {
  const SimTime tod = engine::time_of_day(config_.start_time_of_day, t);
  const StaffShift& s = p_.hospital.shifts;
  return s.night_start > s.day_start ? (tod >= s.night_start || tod < s.day_start)
                                     : (tod >= s.night_start && tod < s.day_start);
}

void ChainCore::log(std::string_view type, SimTime t, std::vector<engine::LogField> fields) {
  if (log_) log_->record(t, type, std::move(fields));
}

// Re-inverts the casualty's own uniform with the care reached so far (see survival.hpp).
void ChainCore::update_death(PatientId id) {
  Patient& pt = patient(id);
  if (pt.routine || pt.dead) return;
  cancel(pt.death_event);
  const CareRecord& r = record(id);
  auto since = [&](SimTime t) { return std::isfinite(t) ? t - pt.injury : kNever; };
  const CareTimes care{since(r.first_aid), since(r.resuscitation), since(r.surgery)};
  if (const auto t = death_time_for_uniform(p_.survival, pt.triage, care, pt.draws.death_u))
    pt.death_event = at(std::max(now_, pt.injury + *t), EventKind::MedDeath, subject_of(id));
}

void ChainCore::reach_first_aid(PatientId id, FirstAidBy by) {
  CareRecord& r = record(id);
  if (r.first_aid <= now_) return;
  r.first_aid = now_;
  r.first_aid_by = by;
  update_death(id);
}

std::vector<engine::LogField> ChainCore::who(PatientId id) {
  const CareRecord& r = record(id);
  std::vector<engine::LogField> fields{{"casualty", std::int64_t{r.casualty}}};
  if (r.external) fields.push_back({"external", true});
  return fields;
}

// The world hears of its own casualties only: an external casualty is nobody in the camp.
void ChainCore::report_exit(const CareRecord& r, SimTime t, CareOutcome outcome) {
  if (r.external) return;
  if (events_ != nullptr)
    events_->post(CareExit{CasualtyId{static_cast<std::uint32_t>(r.casualty)}, r.incident, t, outcome}, *queue_);
}

void ChainCore::leave(PatientId id, CareOutcome outcome) {
  Patient& pt = patient(id);
  pt.stage = PatientStage::Gone;
  pt.next_event.reset();
  cancel(pt.death_event);
  --active_;
  if (pt.routine) return;
  CareRecord& r = record(id);
  r.left_hospital = now_;
  r.outcome = outcome;
  report_exit(r, now_, outcome);
}

void ChainCore::on_death(PatientId id) {
  Patient& pt = patient(id);
  pt.death_event.reset();
  pt.dead = true;
  CareRecord& r = record(id);
  r.died = now_;
  r.outcome = CareOutcome::DiedOfWounds;
  // Tasked but not yet picked up counts as before pickup.
  r.died_where = pt.stage == PatientStage::Hospital  ? DeathPlace::AtHospital
                 : pt.stage == PatientStage::Transit ? DeathPlace::InTransit
                                                     : DeathPlace::BeforePickup;
  cancel(pt.next_event);
  cancel(pt.first_aid_event);
  if (pt.stage == PatientStage::Pending) std::erase(pending_, id);
  if (pt.waiting_for) resource(*pt.waiting_for).withdraw(static_cast<int>(id.value), now_);
  pt.waiting_for.reset();
  if (pt.holding) {
    const HospitalResource held = *pt.holding;
    pt.holding.reset();
    start_all(held, resource(held).release(static_cast<int>(id.value), now_));
  }
  // A body aboard or awaited by a vehicle leaves the chain when the vehicle reaches the hospital;
  // an external casualty's own transport is not the chain's: its arrival was cancelled above.
  if (pt.external || (pt.stage != PatientStage::Assigned && pt.stage != PatientStage::Transit)) {
    pt.stage = PatientStage::Gone;
    --active_;
  }
  std::vector<engine::LogField> fields = who(id);
  fields.push_back({"triage", std::string(triage_name(r.triage))});
  fields.push_back({"where", std::string(death_place_name(r.died_where))});
  log("died_of_wounds", now_, std::move(fields));
  report_exit(r, now_, CareOutcome::DiedOfWounds);
}

}  // namespace campsim::camp
