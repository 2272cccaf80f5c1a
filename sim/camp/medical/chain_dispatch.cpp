// Ambulances: choosing the vehicle that reaches the scene first, tasking it with the most urgent
// cleared casualties of one incident, its trip (each step an event and a state of the vehicle
// agent), coming free at the hospital, driving home, and being lost to a hit.
#include <algorithm>
#include <cmath>
#include <utility>

#include "sim/camp/medical/chain_fleet.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/core/qrf_force.hpp"
#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

AmbulanceFleet::AmbulanceFleet(ChainContext& ctx, PatientBook& patients, CasevacRequests& requests)
    : ctx_(ctx), patients_(patients), requests_(requests) {
  const AmbulanceParams& a = ctx_.p.ambulances;
  const MedicalSites& sites = ctx_.sites;
  const RoadNodeId home = a.station == AmbulanceStation::MainGate && sites.gate ? *sites.gate : sites.hospital;
  for (int i = 0; i < a.vehicles; ++i)
    vehicles_.emplace_back(id_at<AmbulanceId>(static_cast<std::size_t>(i)), i < a.armoured, home, ctx_.node_position(home));
  crews_standby_free_ = a.standby_crews;
  crews_callable_ = a.called_in_crews;
  stats_.vehicles = a.vehicles;
}

// The layout has roads here: the hospital stands at one of its nodes (resolve_sites).
RoadNodeId AmbulanceFleet::scene_node(const RequestGroup& g) const {
  if (!g.inside_camp) return ctx_.sites.gate ? *ctx_.sites.gate : ctx_.sites.hospital;
  return nearest_road_node(ctx_.layout, g.location).value_or(ctx_.sites.hospital);
}

// Where a roving ambulance happens to be when it is called for `lead`: the vehicle's own stream,
// at the casualty it is called for.
RoadNodeId AmbulanceFleet::roving_node(AmbulanceId v, PatientId lead) const {
  engine::RandomStream rng = ctx_.stream("medical.roving_position", v.value, casualty_entity(static_cast<int>(patients_[lead].casualty.value)));
  return id_at<RoadNodeId>(rng.uniform_index(ctx_.layout.road_nodes.size()));
}

// Its time away ends at `t` (back at its station, lost, or the run over): busy time within [0, end].
void AmbulanceFleet::busy_until(Ambulance& v, SimTime t) {
  if (!v.away_since) return;
  const SimTime from = std::min(*v.away_since, ctx_.config.end), to = std::min(t, ctx_.config.end);
  if (to > from) stats_.busy_seconds += to - from;
  v.away_since.reset();
}

void AmbulanceFleet::release_crew(Ambulance& v) {
  if (v.crew == AmbulanceCrew::None) return;
  (v.crew == AmbulanceCrew::Standby ? crews_standby_free_ : crews_callable_) += 1;
  v.crew = AmbulanceCrew::None;
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
void AmbulanceFleet::try_dispatch() {
  const AmbulanceParams& a = ctx_.p.ambulances;
  while (!requests_.pending.empty()) {
    std::sort(requests_.pending.begin(), requests_.pending.end(), [&](PatientId x, PatientId y) {
      const Patient &px = patients_[x], &py = patients_[y];
      if (triage_rank(px.triage) != triage_rank(py.triage)) return triage_rank(px.triage) < triage_rank(py.triage);
      if (px.cleared != py.cleared) return px.cleared < py.cleared;
      return x < y;
    });
    const PatientId lead = requests_.pending.front();
    const RequestId gi = patients_[lead].group;
    const RequestGroup& g = requests_.group(gi);
    const RoadNodeId scene = scene_node(g);
    const PatientDraws& draws = patients_[lead].draws;
    const std::optional<SimTime> end = requests_.attack_end(g);
    const bool attack_on = !end || ctx_.now() < *end;

    // Choose the vehicle that reaches the scene first. One whose departure waits for an attack
    // whose end is not known yet comes after every vehicle with a known time; among those, the
    // one that would be there first if the attack ended now.
    std::optional<Choice> best;
    for (const Ambulance& v : vehicles_) {
      if (!v.available()) continue;
      Choice c;
      c.vehicle = v.id();
      c.ready = ctx_.now();
      c.standby = v.crew != AmbulanceCrew::CalledIn;
      if (v.crew == AmbulanceCrew::None) {
        if (a.station == AmbulanceStation::Roving && crews_standby_free_ > 0) {
          c.standby = true;  // a roving crew is in its vehicle and awake
        } else if (crews_standby_free_ > 0) {
          c.ready += ctx_.is_night(ctx_.now()) ? a.mobilization_night : a.mobilization_day;
          c.standby = true;
        } else if (crews_callable_ > 0) {
          c.ready += draws.crew_call_in;
          c.standby = false;
        } else {
          continue;  // no crew for it
        }
      }
      c.earliest = c.ready;
      if (!g.inside_camp) c.earliest = std::max(c.earliest, ctx_.escort_ready(ctx_.now()));  // every trip outside waits for its escort
      const bool waits = a.escort_required_during_attack && !v.armoured() && attack_on;
      c.from = a.station == AmbulanceStation::Roving && v.crew == AmbulanceCrew::None ? roving_node(v.id(), lead) : v.at_node();
      const SimTime outside = g.inside_camp ? 0.0 : draws.outside_out;
      if (!std::isfinite(ctx_.route(c.from, scene))) continue;  // cannot reach the scene
      c.known = !waits || end.has_value();
      c.depart = waits && end ? std::max(c.earliest, *end) : c.earliest;
      c.on_scene = c.known ? c.depart + ctx_.route(c.from, scene) / a.drive_speed_mps + outside : kNever;
      c.estimate = c.earliest + ctx_.route(c.from, scene) / a.drive_speed_mps + outside;
      const bool better = !best || (c.known && !best->known) ||
                          (c.known == best->known && (c.known ? c.on_scene < best->on_scene : c.estimate < best->estimate));
      if (better) best = c;
    }
    if (!best) return;  // wait for a vehicle or a crew to come free

    Ambulance& v = vehicles_[best->vehicle.value];
    if (v.crew == AmbulanceCrew::None) {
      if (best->standby) {
        --crews_standby_free_;
      } else {
        --crews_callable_;
        ++stats_.crew_call_ins;
      }
      v.crew = best->standby ? AmbulanceCrew::Standby : AmbulanceCrew::CalledIn;
    }
    if (!v.away_since) v.away_since = ctx_.now();
    v.apply(AmbulanceEvent::Tasked);  // throws if it were in use: never dispatched twice

    // Load the most urgent of this incident's cleared casualties, up to the vehicle's litters.
    const TripId ti = id_at<TripId>(trips_.size());
    Trip t;
    t.vehicle = v.id();
    t.group = gi;
    t.scene = scene;
    t.from = best->from;
    t.tasked = ctx_.now();
    t.ready = best->ready;
    t.earliest = best->earliest;
    t.outside_out = g.inside_camp ? 0.0 : draws.outside_out;
    t.outside_back = g.inside_camp ? 0.0 : draws.outside_back;
    for (PatientId id : requests_.pending) {
      if (static_cast<int>(t.patients.size()) >= a.capacity) break;
      if (requests_.group(patients_[id].group).incident_id != g.incident_id) continue;
      t.patients.push_back(id);
      t.loading += patients_[id].draws.loading;
    }
    for (PatientId id : t.patients) {
      std::erase(requests_.pending, id);
      patients_[id].stage = PatientStage::Assigned;
      CareRecord& r = patients_.record(id);
      r.assigned = ctx_.now();
      r.ambulance = v.id();
    }
    v.trip = ti.value;
    v.follow({{ctx_.now(), ctx_.node_position(t.from)}});
    trips_.push_back(std::move(t));
    ++stats_.trips;
    std::vector<engine::LogField> fields{{"vehicle", std::int64_t{v.id().value}},
                                         {"incident", std::int64_t{g.incident_id}},
                                         {"casualties", static_cast<std::int64_t>(trips_[ti.value].patients.size())}};
    if (best->known) {
      time_trip(ti, best->depart);
      fields.push_back({"departs_s", best->depart - ctx_.now()});
      fields.push_back({"on_scene_s", best->on_scene - ctx_.now()});
    } else {
      requests_.wait_for_containment(g.incident_id, ti);
      fields.push_back({"waits_for_containment", true});
    }
    ctx_.log("ambulance_tasked", std::move(fields));
  }
}

// The trip's departure is known (now, or when the attack's end became known): every step of
// it follows, as the old whole-list chain computed it, and the vehicle's path to the scene.
void AmbulanceFleet::time_trip(TripId ti, SimTime depart) {
  Trip& t = trips_[ti.value];
  const AmbulanceParams& a = ctx_.p.ambulances;
  const RequestGroup& g = requests_.group(t.group);
  // The escort may have been taken by an incident since the trip was tasked.
  if (!g.inside_camp) depart = std::max(depart, ctx_.escort_ready(t.tasked));
  const SimTime on_scene = depart + ctx_.route(t.from, t.scene) / a.drive_speed_mps + t.outside_out;
  const SimTime left_scene = on_scene + t.loading;
  const SimTime at_hospital = left_scene + ctx_.route(t.scene, ctx_.sites.hospital) / a.drive_speed_mps + t.outside_back;
  for (PatientId id : t.patients) {
    CareRecord& r = patients_.record(id);
    r.dispatched = depart;
    r.escort_wait = std::max(0.0, depart - t.ready);
    r.on_scene = on_scene;
    r.left_scene = left_scene;
    r.at_hospital = at_hospital;
  }
  if (!g.inside_camp && ctx_.qrf_force != nullptr)
    ctx_.qrf_force->book_escort(t.tasked, ctx_.is_night(t.tasked), t.scene, depart, on_scene, left_scene, at_hospital);
  t.events = {ctx_.at(depart, EventKind::MedDeparts, subject_of(ti)), ctx_.at(on_scene, EventKind::MedOnScene, subject_of(ti)),
              ctx_.at(left_scene, EventKind::MedLeftScene, subject_of(ti)),
              ctx_.at(at_hospital, EventKind::MedAtHospital, subject_of(ti))};
  std::vector<Waypoint> leg = road_leg(ctx_.layout, t.from, t.scene, depart, a.drive_speed_mps);
  if (!g.inside_camp) leg.push_back({on_scene, g.location});  // beyond the gate, straight to the scene
  leg.back().time = on_scene;  // the route table's time, to the last bit
  vehicles_[t.vehicle.value].follow(std::move(leg));
}

void AmbulanceFleet::on_departs(TripId ti) { vehicles_[trips_[ti.value].vehicle.value].apply(AmbulanceEvent::Departs); }

void AmbulanceFleet::on_scene(TripId ti) {
  vehicles_[trips_[ti.value].vehicle.value].apply(AmbulanceEvent::ArrivesOnScene);
  for (PatientId id : trips_[ti.value].patients) {
    Patient& pt = patients_[id];
    if (pt.dead) continue;
    pt.stage = PatientStage::Transit;
    patients_.reach_first_aid(id, FirstAidBy::AmbulanceCrew);
  }
}

void AmbulanceFleet::on_left_scene(TripId ti) {
  const Trip& t = trips_[ti.value];
  const RequestGroup& g = requests_.group(t.group);
  Ambulance& v = vehicles_[t.vehicle.value];
  v.apply(AmbulanceEvent::LeavesScene);
  const SimTime at_gate = ctx_.now() + t.outside_back;
  std::vector<Waypoint> leg = road_leg(ctx_.layout, t.scene, ctx_.sites.hospital, at_gate, ctx_.p.ambulances.drive_speed_mps);
  if (!g.inside_camp) leg.insert(leg.begin(), Waypoint{ctx_.now(), g.location});
  v.follow(std::move(leg));
}

void AmbulanceFleet::on_hospital_arrival(TripId ti) {
  const Trip& t = trips_[ti.value];
  for (PatientId id : t.patients) {
    Patient& pt = patients_[id];
    if (pt.dead) {
      if (pt.stage != PatientStage::Gone) patients_.gone(id);
      continue;
    }
    pt.stage = PatientStage::Hospital;
    patients_.reach_first_aid(id, FirstAidBy::Hospital);
    pt.next_event = ctx_.at(ctx_.now() + ctx_.p.hospital.triage_time, EventKind::MedTriaged, subject_of(id));
    ctx_.log("hospital_arrival", {{"casualty", std::int64_t{patients_.record(id).casualty}},
                                   {"triage", std::string(triage_name(pt.triage))}});
  }
  ctx_.at(ctx_.now() + ctx_.p.ambulances.handover_at_hospital, EventKind::MedVehicleFree, subject_of(ti));
}

void AmbulanceFleet::on_vehicle_free(TripId ti) {
  Ambulance& v = vehicles_[trips_[ti.value].vehicle.value];
  v.trip.reset();
  v.handed_over(ctx_.sites.hospital, ctx_.node_position(ctx_.sites.hospital), ctx_.now());
  if (v.lost_pending) {  // hit on the way in: it delivered its patients and is done
    v.apply(AmbulanceEvent::Hit);
    release_crew(v);
    busy_until(v, ctx_.now());
    return;
  }
  try_dispatch();  // the crew aboard may go straight back out
  if (!v.available()) return;
  const SimTime back = ctx_.route(ctx_.sites.hospital, v.home_node()) / ctx_.p.ambulances.drive_speed_mps;
  if (ctx_.p.ambulances.station == AmbulanceStation::Roving || back <= 0) {
    on_vehicle_home(v.id());
    return;
  }
  v.drive_home(road_leg(ctx_.layout, ctx_.sites.hospital, v.home_node(), ctx_.now(), ctx_.p.ambulances.drive_speed_mps));
  v.home_event = ctx_.at(ctx_.now() + back, EventKind::MedVehicleHome, subject_of(v.id()));
}

void AmbulanceFleet::on_vehicle_home(AmbulanceId vi) {
  Ambulance& v = vehicles_[vi.value];
  v.home_event.reset();
  if (v.state() == VehicleState::Returning) v.arrive_home(ctx_.node_position(v.home_node()), ctx_.now());
  busy_until(v, ctx_.now());
  release_crew(v);
  try_dispatch();
}

// A trip whose vehicle was lost before the pickup: its events go, its living patients go back
// to the queue (keeping their place: cleared when they were), the dead leave the chain.
void AmbulanceFleet::cancel_trip(TripId ti) {
  Trip& t = trips_[ti.value];
  t.cancelled = true;
  for (std::uint64_t handle : t.events) ctx_.cancel(handle);
  t.events.clear();
  for (PatientId id : t.patients) {
    Patient& pt = patients_[id];
    CareRecord& r = patients_.record(id);
    r.assigned = r.dispatched = r.on_scene = r.left_scene = r.at_hospital = kNever;
    r.escort_wait = 0;
    r.ambulance.reset();
    if (pt.dead) {
      patients_.gone(id);
      continue;
    }
    pt.stage = PatientStage::Pending;
    requests_.pending.push_back(id);
  }
}

void AmbulanceFleet::lose(AmbulanceId vi) {
  Ambulance& v = vehicles_[vi.value];
  const Point where = v.position_at(ctx_.now());
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
  ctx_.cancel(v.home_event);
  v.apply(AmbulanceEvent::Hit);
  v.follow({{ctx_.now(), where}});
  release_crew(v);
  busy_until(v, ctx_.now());
  ctx_.log("ambulance_lost", {{"vehicle", std::int64_t{vi.value}}});
  try_dispatch();
}

void AmbulanceFleet::finish() {
  for (Ambulance& v : vehicles_)
    busy_until(v, ctx_.now());
}

}  // namespace campsim::camp
