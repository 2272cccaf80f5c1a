// Ambulances: choosing the vehicle that reaches the scene first, tasking it with the most urgent
// cleared casualties of one incident, its trip (each step an event and a state of the vehicle
// agent), coming free at the hospital, driving home, and being lost to a hit.
#include <algorithm>
#include <cmath>
#include <utility>

#include "sim/camp/medical/chain_core.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

void ChainCore::setup_vehicles() {
  const AmbulanceParams& a = p_.ambulances;
  const RoadNodeId home = a.station == AmbulanceStation::MainGate && sites_.gate ? *sites_.gate : sites_.hospital;
  for (int i = 0; i < a.vehicles; ++i)
    vehicles_.emplace_back(id_at<AmbulanceId>(static_cast<std::size_t>(i)), i < a.armoured, home, node_position(home));
}

Point ChainCore::node_position(RoadNodeId node) const { return layout_.road_node(node).position; }

// The layout has roads here: the hospital stands at one of its nodes (resolve_sites).
RoadNodeId ChainCore::scene_node(const RequestGroup& g) const {
  if (!g.inside_camp) return sites_.gate ? *sites_.gate : sites_.hospital;
  return nearest_road_node(layout_, g.location).value_or(sites_.hospital);
}

// Where a roving ambulance happens to be when it is called for `lead`: the vehicle's own stream,
// at the casualty it is called for.
RoadNodeId ChainCore::roving_node(AmbulanceId v, PatientId lead) const {
  engine::RandomStream rng = stream("medical.roving_position", v.value, casualty_entity(static_cast<int>(patient(lead).casualty.value)));
  return id_at<RoadNodeId>(rng.uniform_index(layout_.road_nodes.size()));
}

void ChainCore::busy_until(Ambulance& v, SimTime t) {
  const SimTime from = std::min(v.busy_since, config_.end), to = std::min(t, config_.end);
  if (to > from) out_.ambulances.busy_seconds += to - from;
}

void ChainCore::release_crew(Ambulance& v) {
  if (!v.crew_aboard) return;
  (v.crew_is_standby ? crews_standby_free_ : crews_callable_) += 1;
  v.crew_aboard = false;
}

namespace {

// A vehicle that could take the lead casualty's trip: when it could leave and be on scene.
struct Choice {
  AmbulanceId vehicle;
  bool known = false;  // its departure does not wait for an attack whose end is unknown
  SimTime depart = 0, on_scene = kNever, estimate = kNever, ready = 0, earliest = 0;
  bool standby = true;
  RoadNodeId from;
};

}  // namespace

// Tasks available vehicles with the most urgent cleared casualties, as long as vehicles and crews last.
void ChainCore::try_dispatch() {
  const AmbulanceParams& a = p_.ambulances;
  while (!pending_.empty()) {
    std::sort(pending_.begin(), pending_.end(), [&](PatientId x, PatientId y) {
      const Patient &px = patient(x), &py = patient(y);
      if (triage_rank(px.triage) != triage_rank(py.triage)) return triage_rank(px.triage) < triage_rank(py.triage);
      if (px.cleared != py.cleared) return px.cleared < py.cleared;
      return x < y;
    });
    const PatientId lead = pending_.front();
    const RequestId gi = patient(lead).group;
    const RequestGroup& g = group(gi);
    const RoadNodeId scene = scene_node(g);
    const PatientDraws& draws = patient(lead).draws;
    const std::optional<SimTime> end = attack_end(g);
    const bool attack_on = !end || now_ < *end;

    // Choose the vehicle that reaches the scene first. One whose departure waits for an attack
    // whose end is not known yet comes after every vehicle with a known time; among those, the
    // one that would be there first if the attack ended now.
    std::optional<Choice> best;
    for (const Ambulance& v : vehicles_) {
      if (!v.available()) continue;
      Choice c;
      c.vehicle = v.id();
      c.ready = now_;
      c.standby = v.crew_is_standby;
      if (!v.crew_aboard) {
        if (a.station == AmbulanceStation::Roving && crews_standby_free_ > 0) {
          c.standby = true;  // a roving crew is in its vehicle and awake
        } else if (crews_standby_free_ > 0) {
          c.ready += is_night(now_) ? a.mobilization_night : a.mobilization_day;
          c.standby = true;
        } else if (crews_callable_ > 0) {
          c.ready += draws.crew_call_in;
          c.standby = false;
        } else {
          continue;  // no crew for it
        }
      }
      c.earliest = c.ready;
      if (!g.inside_camp) c.earliest = std::max(c.earliest, escort_ready(now_));  // every trip outside waits for its escort
      const bool waits = a.escort_required_during_attack && !v.armoured() && attack_on;
      c.from = a.station == AmbulanceStation::Roving && !v.crew_aboard ? roving_node(v.id(), lead) : v.at_node();
      const SimTime outside = g.inside_camp ? 0.0 : draws.outside_out;
      if (!std::isfinite(route(c.from, scene))) continue;  // cannot reach the scene
      c.known = !waits || end.has_value();
      c.depart = waits && end ? std::max(c.earliest, *end) : c.earliest;
      c.on_scene = c.known ? c.depart + route(c.from, scene) / a.drive_speed_mps + outside : kNever;
      c.estimate = c.earliest + route(c.from, scene) / a.drive_speed_mps + outside;
      const bool better = !best || (c.known && !best->known) ||
                          (c.known == best->known && (c.known ? c.on_scene < best->on_scene : c.estimate < best->estimate));
      if (better) best = c;
    }
    if (!best) return;  // wait for a vehicle or a crew to come free

    Ambulance& v = vehicle(best->vehicle);
    if (!v.crew_aboard) {
      if (best->standby) {
        --crews_standby_free_;
      } else {
        --crews_callable_;
        ++out_.ambulances.crew_call_ins;
      }
      v.crew_aboard = true;
      v.crew_is_standby = best->standby;
    }
    if (!v.away) {
      v.away = true;
      v.busy_since = now_;
    }
    v.apply(AmbulanceEvent::Tasked);  // throws if it were in use: never dispatched twice

    // Load the most urgent of this incident's cleared casualties, up to the vehicle's litters.
    const TripId ti = id_at<TripId>(trips_.size());
    Trip t;
    t.vehicle = v.id();
    t.group = gi;
    t.scene = scene;
    t.from = best->from;
    t.tasked = now_;
    t.ready = best->ready;
    t.earliest = best->earliest;
    t.outside_out = g.inside_camp ? 0.0 : draws.outside_out;
    t.outside_back = g.inside_camp ? 0.0 : draws.outside_back;
    for (PatientId id : pending_) {
      if (static_cast<int>(t.patients.size()) >= a.capacity) break;
      if (group(patient(id).group).incident_id != g.incident_id) continue;
      t.patients.push_back(id);
      t.loading += patient(id).draws.loading;
    }
    for (PatientId id : t.patients) {
      std::erase(pending_, id);
      patient(id).stage = PatientStage::Assigned;
      CareRecord& r = record(id);
      r.assigned = now_;
      r.ambulance = v.id();
    }
    v.trip = ti.value;
    v.follow({{now_, node_position(t.from)}});
    trips_.push_back(std::move(t));
    ++out_.ambulances.trips;
    std::vector<engine::LogField> fields{{"vehicle", std::int64_t{v.id().value}},
                                         {"incident", std::int64_t{g.incident_id}},
                                         {"casualties", static_cast<std::int64_t>(trip(ti).patients.size())}};
    if (best->known) {
      time_trip(ti, best->depart);
      fields.push_back({"departs_s", best->depart - now_});
      fields.push_back({"on_scene_s", best->on_scene - now_});
    } else {
      incidents_[g.incident_id].awaiting_departure.push_back(ti);
      fields.push_back({"waits_for_containment", true});
    }
    log("ambulance_tasked", now_, std::move(fields));
  }
}

// The trip's departure is known (now, or when the attack's end became known): every step of
// it follows, as the old whole-list chain computed it, and the vehicle's path to the scene.
void ChainCore::time_trip(TripId ti, SimTime depart) {
  Trip& t = trip(ti);
  const AmbulanceParams& a = p_.ambulances;
  const RequestGroup& g = group(t.group);
  // The escort may have been taken by an incident since the trip was tasked.
  if (!g.inside_camp) depart = std::max(depart, escort_ready(t.tasked));
  const SimTime on_scene = depart + route(t.from, t.scene) / a.drive_speed_mps + t.outside_out;
  const SimTime left_scene = on_scene + t.loading;
  const SimTime at_hospital = left_scene + route(t.scene, sites_.hospital) / a.drive_speed_mps + t.outside_back;
  for (PatientId id : t.patients) {
    CareRecord& r = record(id);
    r.dispatched = depart;
    r.escort_wait = std::max(0.0, depart - t.ready);
    r.on_scene = on_scene;
    r.left_scene = left_scene;
    r.at_hospital = at_hospital;
  }
  if (!g.inside_camp && qrf_force_ != nullptr)
    qrf_force_->book_escort(t.tasked, is_night(t.tasked), t.scene, depart, on_scene, left_scene, at_hospital);
  t.events = {at(depart, EventKind::MedDeparts, subject_of(ti)), at(on_scene, EventKind::MedOnScene, subject_of(ti)),
              at(left_scene, EventKind::MedLeftScene, subject_of(ti)),
              at(at_hospital, EventKind::MedAtHospital, subject_of(ti))};
  std::vector<Waypoint> leg = road_leg(layout_, t.from, t.scene, depart, a.drive_speed_mps);
  if (!g.inside_camp) leg.push_back({on_scene, g.location});  // beyond the gate, straight to the scene
  leg.back().time = on_scene;  // the route table's time, to the last bit
  vehicle(t.vehicle).follow(std::move(leg));
}

void ChainCore::on_departs(TripId ti) { vehicle(trip(ti).vehicle).apply(AmbulanceEvent::Departs); }

void ChainCore::on_scene(TripId ti) {
  vehicle(trip(ti).vehicle).apply(AmbulanceEvent::ArrivesOnScene);
  for (PatientId id : trip(ti).patients) {
    Patient& pt = patient(id);
    if (pt.dead) continue;
    pt.stage = PatientStage::Transit;
    reach_first_aid(id, FirstAidBy::AmbulanceCrew);
  }
}

void ChainCore::on_left_scene(TripId ti) {
  const Trip& t = trip(ti);
  const RequestGroup& g = group(t.group);
  Ambulance& v = vehicle(t.vehicle);
  v.apply(AmbulanceEvent::LeavesScene);
  const SimTime at_gate = now_ + t.outside_back;
  std::vector<Waypoint> leg = road_leg(layout_, t.scene, sites_.hospital, at_gate, p_.ambulances.drive_speed_mps);
  if (!g.inside_camp) leg.insert(leg.begin(), Waypoint{now_, g.location});
  v.follow(std::move(leg));
}

void ChainCore::on_hospital_arrival(TripId ti) {
  const Trip& t = trip(ti);
  for (PatientId id : t.patients) {
    Patient& pt = patient(id);
    if (pt.dead) {
      if (pt.stage != PatientStage::Gone) {
        pt.stage = PatientStage::Gone;
        --active_;
      }
      continue;
    }
    pt.stage = PatientStage::Hospital;
    reach_first_aid(id, FirstAidBy::Hospital);
    pt.next_event = at(now_ + p_.hospital.triage_time, EventKind::MedTriaged, subject_of(id));
    log("hospital_arrival", now_, {{"casualty", std::int64_t{record(id).casualty}},
                                   {"triage", std::string(triage_name(pt.triage))}});
  }
  at(now_ + p_.ambulances.handover_at_hospital, EventKind::MedVehicleFree, subject_of(ti));
}

void ChainCore::on_vehicle_free(TripId ti) {
  Ambulance& v = vehicle(trip(ti).vehicle);
  v.trip.reset();
  v.handed_over(sites_.hospital, node_position(sites_.hospital), now_);
  if (v.lost_pending) {  // hit on the way in: it delivered its patients and is done
    v.apply(AmbulanceEvent::Hit);
    release_crew(v);
    busy_until(v, now_);
    v.away = false;
    return;
  }
  try_dispatch();  // the crew aboard may go straight back out
  if (!v.available()) return;
  const SimTime back = route(sites_.hospital, v.home_node()) / p_.ambulances.drive_speed_mps;
  if (p_.ambulances.station == AmbulanceStation::Roving || back <= 0) {
    on_vehicle_home(v.id());
    return;
  }
  v.drive_home(road_leg(layout_, sites_.hospital, v.home_node(), now_, p_.ambulances.drive_speed_mps));
  v.home_event = at(now_ + back, EventKind::MedVehicleHome, subject_of(v.id()));
}

void ChainCore::on_vehicle_home(AmbulanceId vi) {
  Ambulance& v = vehicle(vi);
  v.home_event.reset();
  if (v.state() == VehicleState::Returning) v.arrive_home(node_position(v.home_node()), now_);
  if (v.away) busy_until(v, now_);
  v.away = false;
  release_crew(v);
  try_dispatch();
}

// A trip whose vehicle was lost before the pickup: its events go, its living patients go back
// to the queue (keeping their place: cleared when they were), the dead leave the chain.
void ChainCore::cancel_trip(TripId ti) {
  Trip& t = trip(ti);
  t.cancelled = true;
  for (std::uint64_t handle : t.events) queue_->cancel(handle);
  t.events.clear();
  for (PatientId id : t.patients) {
    Patient& pt = patient(id);
    CareRecord& r = record(id);
    r.assigned = r.dispatched = r.on_scene = r.left_scene = r.at_hospital = kNever;
    r.escort_wait = 0;
    r.ambulance.reset();
    if (pt.dead) {
      pt.stage = PatientStage::Gone;
      --active_;
      continue;
    }
    pt.stage = PatientStage::Pending;
    pending_.push_back(id);
  }
}

void ChainCore::lose_ambulance(AmbulanceId vi, SimTime t, engine::EventQueue& queue) {
  enter(queue, t);
  Ambulance& v = vehicle(vi);
  const Point where = v.position_at(now_);
  switch (v.state()) {
    case VehicleState::OutOfService: return;
    case VehicleState::OnScene:
      v.lost_pending = true;  // loading: it drives its patients in, then is done
      return;
    case VehicleState::Returning:
      if (v.trip) {
        v.lost_pending = true;
        return;
      }
      break;
    case VehicleState::Mobilizing:
    case VehicleState::EnRoute:
      cancel_trip(id_from<TripId>(*v.trip));
      v.trip.reset();
      break;
    case VehicleState::AtBase: break;
  }
  cancel(v.home_event);
  v.apply(AmbulanceEvent::Hit);
  v.follow({{now_, where}});
  release_crew(v);
  if (v.away) busy_until(v, now_);
  v.away = false;
  log("ambulance_lost", now_, {{"vehicle", std::int64_t{vi.value}}});
  try_dispatch();
}

SimTime ChainCore::escort_ready(SimTime asked) const {
  if (qrf_force_ != nullptr) return qrf_force_->escort_ready(asked, is_night(asked));
  return asked + qrf_.notice_to_move(is_night(asked));
}

}  // namespace campsim::camp
