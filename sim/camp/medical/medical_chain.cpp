#include "sim/camp/medical/medical_chain.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "sim/camp/road_graph.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/random.hpp"

namespace campsim::camp {

namespace {

using engine::LogField;

// Event kinds of the chain's own queue; the subject is a patient, a request group, a trip, a
// vehicle or a shift, as named.
enum Kind : std::uint32_t {
  kFirstAid = 1,        // patient
  kApproved,            // request group
  kDeath,               // patient
  kOnScene,             // trip
  kAtHospital,          // trip
  kVehicleFree,         // trip: handed over at the hospital
  kVehicleHome,         // vehicle
  kTriaged,             // patient
  kResuscitationEnd,    // patient
  kSurgeryEnd,          // patient
  kFitToFly,            // patient
  kBedEnd,              // patient: discharged
  kHelicopterBack,      // patient whose flight it was
  kShiftChange,         // 0: day shift starts, 1: night shift starts
  kTeamArrives,         // on-call surgical team
  kSurgeReady,          // mass-casualty plan in force
  kRoutineArrival,      // patient
  kMinorTreatmentEnd,   // patient
  kInjured,             // patient: joins an already approved request
};

enum Resource : int { kBays = 0, kTables, kIcu, kWard, kHelicopters };

enum class Stage { Field, Pending, Assigned, Transit, Hospital, Gone };

int triage_rank(Triage t) {
  switch (t) {
    case Triage::Immediate: return 0;
    case Triage::Delayed: return 1;
    case Triage::Minimal: return 2;
    case Triage::Killed: return 4;
  }
  return 4;
}
constexpr int kRoutineRank = 3;  // routine patients yield to every casualty
// How long past the scenario's end the chain keeps its clock running for patients still inside.
constexpr SimTime kDrainLimit = 60 * engine::kDay;

// Everything a patient will need, drawn up front in a fixed order from its own stream, so a
// policy that changes the path (a shorter chain, another bed) leaves every other draw alone.
struct PatientDraws {
  double death_u = 0.5;
  bool buddy = false;
  SimTime buddy_delay = 0;
  SimTime resuscitation_time = 0;
  bool needs_surgery = false;
  SimTime surgery_time = 0;
  bool flies = false;
  SimTime stay = 0;
  SimTime loading = 0;
  SimTime minor_treatment = 0;
};

struct Patient {
  bool routine = false;
  int casualty = -1;  // index into the input, -1 for routine
  Triage triage = Triage::Delayed;
  SimTime injury = 0;  // or admission, for routine patients
  PatientDraws draws;
  Stage stage = Stage::Field;
  bool dead = false;
  std::optional<std::uint64_t> death_event;
  std::optional<std::uint64_t> next_event;  // the end of whatever it is doing now
  int holding = -1;     // resource held, or -1
  int waiting_for = -1; // resource waited for, or -1
  int group = -1;
  SimTime cleared = kNever;  // approved and waiting for an ambulance
  FirstAidBy planned_first_aid = FirstAidBy::None;  // who the scheduled first-aid event brings
};

struct RequestGroup {
  const Incident* incident = nullptr;  // may be null for a hand-made casualty list
  int incident_id = 0;
  bool same_nation = false;
  bool inside_camp = true;
  Point location;
  std::vector<int> patients;
  SimTime first_injury = kNever;
  bool approved = false;
};

struct Vehicle {
  bool armoured = false;
  int home_node = 0;
  bool idle = true;        // ready to be tasked where it stands
  int at_node = 0;         // where it stands when idle
  bool crew_aboard = false;
  bool crew_is_standby = true;
  bool out = false;  // away from its station on a job (or returning), since busy_since
  SimTime busy_since = 0;
};

struct Trip {
  int vehicle = 0;
  std::vector<int> patients;
  bool standby_crew = true;
};

class MedicalChain {
 public:
  MedicalChain(const MedicalParams& params, const CampLayout& layout, const QrfParams& qrf,
               const std::vector<Casualty>& casualties, const std::vector<Incident>& incidents,
               const MedicalRunConfig& config, engine::EventLog* log)
      : p_(params),
        layout_(layout),
        qrf_(qrf),
        casualties_(casualties),
        config_(config),
        log_(log),
        routes_(route_length_table(layout)),
        hospital_node_(std::max(0, find_road_node(layout, params.ambulances.hospital_node))),
        gate_node_(find_road_node(layout, params.ambulances.gate_node)) {
    for (const Incident& i : incidents) incidents_by_id_[i.id] = &i;
    const HospitalParams& h = p_.hospital;
    resources_.emplace_back("resuscitation_bays", h.resuscitation_bays, config.end);
    resources_.emplace_back("operating_tables", std::min(h.operating_tables, h.surgical_teams_day), config.end);
    resources_.emplace_back("icu_beds", h.icu_beds, config.end);
    resources_.emplace_back("ward_beds", h.ward_beds, config.end);
    resources_.emplace_back("helicopters", p_.air_evacuation.helicopters, config.end);
    for (const std::string& name : p_.first_aid.responder_posts)
      if (int n = find_road_node(layout, name); n >= 0) responder_nodes_.push_back(n);
    if (responder_nodes_.empty()) responder_nodes_.push_back(hospital_node_);
    setup_vehicles();
    crews_standby_free_ = p_.ambulances.standby_crews;
    crews_callable_ = p_.ambulances.called_in_crews;
    out_.casualties.resize(casualties.size());
    out_.ambulances.vehicles = p_.ambulances.vehicles;
  }

  MedicalOutcome run() {
    admit_casualties();
    schedule_routine_admissions();
    start_shifts();
    while (!queue_.empty()) {
      const engine::Event e = queue_.pop();
      now_ = e.time;
      handle(e);
    }
    out_.last_event = now_;
    for (CareResource& r : resources_) out_.resources.push_back(r.finish());
    for (Vehicle& v : vehicles_)
      if (v.out) busy_until(v, now_);
    return std::move(out_);
  }

 private:
  // ---- set-up -------------------------------------------------------------------------------
  void setup_vehicles() {
    const AmbulanceParams& a = p_.ambulances;
    const int home = a.station == AmbulanceStation::MainGate && gate_node_ >= 0 ? gate_node_ : hospital_node_;
    for (int i = 0; i < a.vehicles; ++i) {
      Vehicle v;
      v.armoured = i < a.armoured;
      v.home_node = home;
      v.at_node = home;
      vehicles_.push_back(v);
    }
  }

  engine::RandomStream stream(std::string_view purpose, std::uint64_t entity, std::uint64_t tick = 0) const {
    return engine::RandomStream({config_.seed, config_.replication, engine::purpose_tag(purpose), entity, tick});
  }

  bool is_night(SimTime t) const {
    const SimTime tod = engine::time_of_day(config_.start_time_of_day, t);
    const StaffShift& s = p_.hospital.shifts;
    return s.night_start > s.day_start ? (tod >= s.night_start || tod < s.day_start)
                                       : (tod >= s.night_start && tod < s.day_start);
  }

  PatientDraws draw_for(std::uint64_t entity, Triage triage, bool routine) const {
    engine::RandomStream rng = stream("medical.patient", entity);
    const HospitalParams& h = p_.hospital;
    PatientDraws d;
    d.death_u = rng.uniform01();
    d.buddy = rng.bernoulli(p_.first_aid.buddy_aid_share);
    d.buddy_delay = std::max(0.0, p_.first_aid.buddy_aid_delay.sample(rng));
    d.resuscitation_time = std::max(0.0, (triage == Triage::Immediate ? h.resuscitation_time_immediate
                                                                      : h.resuscitation_time_delayed).sample(rng));
    const double surgery_share = routine ? p_.routine_admissions.surgery_share
                                 : triage == Triage::Immediate ? h.surgery_share_immediate
                                 : triage == Triage::Delayed   ? h.surgery_share_delayed
                                                               : 0.0;
    d.needs_surgery = rng.bernoulli(surgery_share);
    d.surgery_time = std::max(0.0, (routine ? p_.routine_admissions.surgery_time
                                    : triage == Triage::Immediate ? h.surgery_time_immediate
                                                                  : h.surgery_time_delayed).sample(rng));
    const double fly_share = routine ? 0.0
                             : triage == Triage::Immediate ? p_.air_evacuation.share_immediate
                             : triage == Triage::Delayed   ? p_.air_evacuation.share_delayed
                                                           : 0.0;
    d.flies = rng.bernoulli(fly_share);
    d.stay = std::max(0.0, (routine ? p_.routine_admissions.stay
                            : triage == Triage::Immediate ? h.icu_stay
                                                          : h.ward_stay).sample(rng));
    d.loading = std::max(0.0, p_.ambulances.loading_per_casualty.sample(rng));
    d.minor_treatment = std::max(0.0, h.minor_treatment_time.sample(rng));
    return d;
  }

  SimTime attack_end(const RequestGroup& g) const {
    if (g.incident && g.incident->qrf) return g.incident->qrf->contained;
    return g.incident ? g.incident->time : g.first_injury;
  }

  void admit_casualties() {
    std::map<std::pair<int, bool>, int> group_of;
    for (std::size_t i = 0; i < casualties_.size(); ++i) {
      const Casualty& c = casualties_[i];
      CareRecord& r = out_.casualties[i];
      r.casualty = c.id;
      r.incident = c.incident;
      r.cause = c.cause;
      r.triage = c.triage;
      r.contingent = c.contingent;
      r.inside_camp = c.inside_camp;
      r.injury = c.time;
      r.same_nation = c.contingent == p_.casevac.hospital_nation;
      if (c.triage == Triage::Killed) {
        r.outcome = CareOutcome::Killed;
        r.died = c.time;
        continue;
      }
      Patient pt;
      pt.casualty = static_cast<int>(i);
      pt.triage = c.triage;
      pt.injury = c.time;
      pt.draws = draw_for(static_cast<std::uint64_t>(c.id), c.triage, false);
      r.needs_surgery = pt.draws.needs_surgery;
      const int id = static_cast<int>(patients_.size());
      const auto key = std::make_pair(c.incident, r.same_nation);
      auto [it, fresh] = group_of.try_emplace(key, static_cast<int>(groups_.size()));
      if (fresh) {
        RequestGroup g;
        const auto inc = incidents_by_id_.find(c.incident);
        g.incident = inc != incidents_by_id_.end() ? inc->second : nullptr;
        g.incident_id = c.incident;
        g.same_nation = r.same_nation;
        g.inside_camp = c.inside_camp;
        g.location = g.incident ? g.incident->location : c.position;
        groups_.push_back(g);
      }
      pt.group = it->second;
      RequestGroup& g = groups_[static_cast<std::size_t>(pt.group)];
      g.patients.push_back(id);
      g.first_injury = std::min(g.first_injury, c.time);
      patients_.push_back(pt);
      ++active_;
      update_death(id);
      schedule_first_aid(id);
      queue_.schedule(c.time, 0, kInjured, static_cast<std::uint64_t>(id));
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) request_casevac(static_cast<int>(g));
  }

  void schedule_first_aid(int id) {
    const Patient& pt = patients_[static_cast<std::size_t>(id)];
    const Casualty& c = casualties_[static_cast<std::size_t>(pt.casualty)];
    const RequestGroup& g = groups_[static_cast<std::size_t>(pt.group)];
    SimTime best = pt.draws.buddy ? c.time + pt.draws.buddy_delay : kNever;
    FirstAidBy by = pt.draws.buddy ? FirstAidBy::Buddy : FirstAidBy::None;
    if (c.inside_camp && !layout_.road_nodes.empty()) {
      const int scene = nearest_road_node(layout_, c.position);
      double metres = kNever;
      for (int post : responder_nodes_) metres = std::min(metres, route(post, scene));
      metres += distance(layout_.road_nodes[static_cast<std::size_t>(scene)].position, c.position);
      SimTime leave = c.time + p_.first_aid.responder_mobilization;
      if (p_.first_aid.responders_wait_for_containment) leave = std::max(leave, attack_end(g));
      const SimTime arrive = leave + metres / p_.first_aid.responder_speed_mps;
      if (arrive < best) {
        best = arrive;
        by = FirstAidBy::Responder;
      }
    }
    patients_[static_cast<std::size_t>(id)].planned_first_aid = by;
    if (std::isfinite(best)) queue_.schedule(best, 0, kFirstAid, static_cast<std::uint64_t>(id));
  }

  ApprovalPolicy policy_at(SimTime t) const {
    ApprovalPolicy policy = p_.casevac.approval;
    if (!is_night(t)) return policy;
    for (ApprovalChain* chain : {&policy.same_nation, &policy.other_nation})
      for (ApprovalLevel& level : chain->levels)
        level.unavailable_probability =
            std::min(1.0, level.unavailable_probability * p_.casevac.night_unavailability_factor);
    return policy;
  }

  void request_casevac(int gi) {
    RequestGroup& g = groups_[static_cast<std::size_t>(gi)];
    const std::uint64_t entity = static_cast<std::uint64_t>(g.incident_id) * 2 + (g.same_nation ? 1 : 0);
    engine::RandomStream request_rng = stream("medical.request", entity);
    const SimTime requested = g.first_injury + std::max(0.0, p_.casevac.request_delay.sample(request_rng));
    engine::RandomStream approval_rng = stream("medical.approval", entity);
    const ApprovalTimeline approval = approve(policy_at(requested), g.same_nation, requested, approval_rng);
    for (int id : g.patients) {
      CareRecord& r = record(id);
      r.requested = requested;
      r.approved = approval.approved;
      r.approval = approval;
    }
    queue_.schedule(approval.approved, 0, kApproved, static_cast<std::uint64_t>(gi));
    log("casevac_requested", requested, {{"incident", std::int64_t{g.incident_id}},
                                         {"same_nation", g.same_nation},
                                         {"casualties", static_cast<std::int64_t>(g.patients.size())},
                                         {"approval_delay_s", approval.total_delay}});
  }

  void schedule_routine_admissions() {
    const double per_day = p_.routine_admissions.per_day;
    if (!(per_day > 0)) return;
    engine::RandomStream rng = stream("medical.routine_arrivals", 0);
    const double mean_gap = engine::kDay / per_day;
    for (SimTime t = rng.exponential(mean_gap); t < config_.end; t += rng.exponential(mean_gap)) {
      Patient pt;
      pt.routine = true;
      pt.triage = Triage::Minimal;
      pt.injury = t;
      pt.draws = draw_for((std::uint64_t{1} << 40) + static_cast<std::uint64_t>(routine_count_), Triage::Delayed, true);
      ++routine_count_;
      const int id = static_cast<int>(patients_.size());
      patients_.push_back(pt);
      ++active_;
      queue_.schedule(t, 0, kRoutineArrival, static_cast<std::uint64_t>(id));
    }
  }

  void start_shifts() {
    // Shift changes and the helicopters' flying windows follow the clock; the first of each is
    // at its next time of day after the start.
    const StaffShift& s = p_.hospital.shifts;
    const SimTime tod0 = engine::time_of_day(config_.start_time_of_day, 0);
    auto next = [&](SimTime at) { return std::fmod(at - tod0 + engine::kDay, engine::kDay); };
    queue_.schedule(next(s.day_start), 0, kShiftChange, 0);
    queue_.schedule(next(s.night_start), 0, kShiftChange, 1);
    apply_staffing();
  }

  // ---- helpers --------------------------------------------------------------------------------
  Patient& patient(int id) { return patients_[static_cast<std::size_t>(id)]; }
  CareRecord& record(int id) { return out_.casualties[static_cast<std::size_t>(patient(id).casualty)]; }
  double route(int from, int to) const {
    if (from < 0 || to < 0) return 0;
    return routes_[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
  }

  void log(std::string_view type, SimTime t, std::vector<LogField> fields) {
    if (log_) log_->record(t, type, std::move(fields));
  }

  CareTimes care_times(const Patient& pt) const {
    const CareRecord& r = out_.casualties[static_cast<std::size_t>(pt.casualty)];
    CareTimes c;
    auto since = [&](SimTime t) { return std::isfinite(t) ? t - pt.injury : kNever; };
    c.first_aid = since(r.first_aid);
    c.resuscitation = since(r.resuscitation);
    c.surgery = since(r.surgery);
    return c;
  }

  // Re-inverts the casualty's own uniform with the care reached so far (see survival.hpp).
  void update_death(int id) {
    Patient& pt = patient(id);
    if (pt.routine || pt.dead) return;
    if (pt.death_event) queue_.cancel(*pt.death_event);
    pt.death_event.reset();
    const auto t = death_time_for_uniform(p_.survival, pt.triage, care_times(pt), pt.draws.death_u);
    if (t) pt.death_event = queue_.schedule(std::max(now_, pt.injury + *t), 0, kDeath, static_cast<std::uint64_t>(id));
  }

  void reach_first_aid(int id, FirstAidBy by) {
    CareRecord& r = record(id);
    if (r.first_aid <= now_) return;
    r.first_aid = now_;
    r.first_aid_by = by;
    update_death(id);
  }

  void leave(int id, CareOutcome outcome) {
    Patient& pt = patient(id);
    pt.stage = Stage::Gone;
    if (pt.death_event) queue_.cancel(*pt.death_event);
    pt.death_event.reset();
    --active_;
    if (pt.routine) return;
    CareRecord& r = record(id);
    r.left_hospital = now_;
    r.outcome = outcome;
  }

  // ---- events ---------------------------------------------------------------------------------
  void handle(const engine::Event& e) {
    const int subject = static_cast<int>(e.subject);
    switch (static_cast<Kind>(e.kind)) {
      case kFirstAid:
        if (!patient(subject).dead) reach_first_aid(subject, patient(subject).planned_first_aid);
        break;
      case kApproved: on_approved(subject); break;
      case kDeath: on_death(subject); break;
      case kOnScene: on_scene(subject); break;
      case kAtHospital: on_hospital_arrival(subject); break;
      case kVehicleFree: on_vehicle_free(subject); break;
      case kVehicleHome: on_vehicle_home(subject); break;
      case kTriaged: on_triaged(subject); break;
      case kResuscitationEnd: on_resuscitation_end(subject); break;
      case kSurgeryEnd: on_surgery_end(subject); break;
      case kFitToFly: ask(subject, kHelicopters, triage_rank(patient(subject).triage)); break;
      case kBedEnd: on_discharge(subject); break;
      case kHelicopterBack: start_all(kHelicopters, resources_[kHelicopters].release(subject, now_)); break;
      case kShiftChange: on_shift_change(subject == 0); break;
      case kTeamArrives:
        ++on_call_arrived_;
        apply_staffing();
        break;
      case kSurgeReady:
        surge_ready_ = true;
        apply_staffing();
        break;
      case kRoutineArrival: on_routine_arrival(subject); break;
      case kMinorTreatmentEnd: leave(subject, CareOutcome::Survived); break;
      case kInjured:
        // Hurt after the incident's request was approved (a long firefight): the clearance
        // already given covers this casualty too.
        if (groups_[static_cast<std::size_t>(patient(subject).group)].approved) clear_for_pickup(subject);
        try_dispatch();
        break;
    }
  }

  void clear_for_pickup(int id) {
    Patient& pt = patient(id);
    if (pt.dead || pt.stage != Stage::Field || pt.injury > now_) return;
    pt.stage = Stage::Pending;
    pt.cleared = now_;
    pending_.push_back(id);
  }

  void on_approved(int gi) {
    groups_[static_cast<std::size_t>(gi)].approved = true;
    for (int id : groups_[static_cast<std::size_t>(gi)].patients) clear_for_pickup(id);
    try_dispatch();
  }

  void on_death(int id) {
    Patient& pt = patient(id);
    pt.death_event.reset();
    pt.dead = true;
    CareRecord& r = record(id);
    r.died = now_;
    r.outcome = CareOutcome::DiedOfWounds;
    // Tasked but not yet picked up counts as before pickup.
    r.died_where = pt.stage == Stage::Hospital  ? DeathPlace::AtHospital
                   : pt.stage == Stage::Transit ? DeathPlace::InTransit
                                                : DeathPlace::BeforePickup;
    if (pt.next_event) queue_.cancel(*pt.next_event);
    pt.next_event.reset();
    if (pt.stage == Stage::Pending) std::erase(pending_, id);
    if (pt.waiting_for >= 0) resources_[static_cast<std::size_t>(pt.waiting_for)].withdraw(id, now_);
    if (pt.holding >= 0) {
      const int held = pt.holding;
      pt.holding = -1;
      start_all(held, resources_[static_cast<std::size_t>(held)].release(id, now_));
    }
    pt.waiting_for = -1;
    if (pt.stage != Stage::Assigned && pt.stage != Stage::Transit) {
      pt.stage = Stage::Gone;
      --active_;
    }
    log("died_of_wounds", now_, {{"casualty", std::int64_t{r.casualty}},
                                 {"triage", std::string(triage_name(r.triage))},
                                 {"where", std::string(death_place_name(r.died_where))}});
  }

  // ---- ambulances -----------------------------------------------------------------------------
  int scene_node(const RequestGroup& g) const {
    if (!g.inside_camp) return gate_node_ >= 0 ? gate_node_ : hospital_node_;
    return layout_.road_nodes.empty() ? -1 : nearest_road_node(layout_, g.location);
  }

  void busy_until(Vehicle& v, SimTime t) {
    const SimTime from = std::min(v.busy_since, config_.end), to = std::min(t, config_.end);
    if (to > from) out_.ambulances.busy_seconds += to - from;
  }

  // Tasks idle vehicles with the most urgent cleared casualties, as long as vehicles and crews last.
  void try_dispatch() {
    const AmbulanceParams& a = p_.ambulances;
    while (!pending_.empty()) {
      std::sort(pending_.begin(), pending_.end(), [&](int x, int y) {
        const Patient &px = patient(x), &py = patient(y);
        if (triage_rank(px.triage) != triage_rank(py.triage)) return triage_rank(px.triage) < triage_rank(py.triage);
        if (px.cleared != py.cleared) return px.cleared < py.cleared;
        return x < y;
      });
      const int first = pending_.front();
      const RequestGroup& g = groups_[static_cast<std::size_t>(patient(first).group)];
      const int scene = scene_node(g);
      const std::uint64_t trip_id = trips_.size();
      engine::RandomStream rng = stream("medical.trip", trip_id);
      const int roving_node = layout_.road_nodes.empty()
                                  ? 0
                                  : static_cast<int>(rng.uniform_index(layout_.road_nodes.size()));
      const SimTime call_in = std::max(0.0, a.call_in_delay.sample(rng));
      const SimTime outside_out = std::max(0.0, a.outside_drive.sample(rng));
      const SimTime outside_back = std::max(0.0, a.outside_drive.sample(rng));

      // Choose the vehicle that reaches the scene first.
      int best = -1;
      SimTime best_on_scene = kNever, best_depart = 0, best_ready = 0;
      bool best_standby = true;
      for (int vi = 0; vi < static_cast<int>(vehicles_.size()); ++vi) {
        const Vehicle& v = vehicles_[static_cast<std::size_t>(vi)];
        if (!v.idle) continue;
        SimTime ready = now_;
        bool standby = v.crew_is_standby;
        if (!v.crew_aboard) {
          if (a.station == AmbulanceStation::Roving && crews_standby_free_ > 0) {
            standby = true;  // a roving crew is in its vehicle and awake
          } else if (crews_standby_free_ > 0) {
            ready += is_night(now_) ? a.mobilization_night : a.mobilization_day;
            standby = true;
          } else if (crews_callable_ > 0) {
            ready += call_in;
            standby = false;
          } else {
            continue;  // no crew for it
          }
        }
        SimTime depart = ready;
        const bool attack_on = now_ < attack_end(g);
        if (a.escort_required_during_attack && !v.armoured && attack_on) depart = std::max(depart, attack_end(g));
        if (!g.inside_camp)  // every trip outside waits for its escort
          depart = std::max(depart, now_ + (is_night(now_) ? qrf_.notice_to_move_night : qrf_.notice_to_move_day));
        const int from = a.station == AmbulanceStation::Roving && !v.crew_aboard ? roving_node : v.at_node;
        const SimTime on_scene =
            depart + route(from, scene) / a.drive_speed_mps + (g.inside_camp ? 0.0 : outside_out);
        if (on_scene < best_on_scene) {
          best = vi;
          best_on_scene = on_scene;
          best_depart = depart;
          best_ready = ready;
          best_standby = standby;
        }
      }
      if (best < 0) return;  // wait for a vehicle or a crew to come free

      Vehicle& v = vehicles_[static_cast<std::size_t>(best)];
      if (!v.crew_aboard) {
        if (best_standby) --crews_standby_free_;
        else {
          --crews_callable_;
          ++out_.ambulances.crew_call_ins;
        }
        v.crew_aboard = true;
        v.crew_is_standby = best_standby;
      }
      if (!v.out) {
        v.out = true;
        v.busy_since = now_;
      }
      v.idle = false;

      // Load the most urgent of this incident's cleared casualties, up to the vehicle's litters.
      Trip trip{best, {}, v.crew_is_standby};
      SimTime loading = 0;
      for (int id : pending_) {
        if (static_cast<int>(trip.patients.size()) >= a.capacity) break;
        if (groups_[static_cast<std::size_t>(patient(id).group)].incident_id != g.incident_id) continue;
        trip.patients.push_back(id);
        loading += patient(id).draws.loading;
      }
      for (int id : trip.patients) {
        std::erase(pending_, id);
        Patient& pt = patient(id);
        pt.stage = Stage::Assigned;
        CareRecord& r = record(id);
        r.assigned = now_;
        r.dispatched = best_depart;
        r.escort_wait = std::max(0.0, best_depart - best_ready);
        r.on_scene = best_on_scene;
        r.left_scene = best_on_scene + loading;
        r.ambulance = best;
        r.at_hospital = r.left_scene + route(scene, hospital_node_) / a.drive_speed_mps +
                        (g.inside_camp ? 0.0 : outside_back);
      }
      const CareRecord& lead = record(trip.patients.front());
      queue_.schedule(best_on_scene, 0, kOnScene, trip_id);
      queue_.schedule(lead.at_hospital, 0, kAtHospital, trip_id);
      ++out_.ambulances.trips;
      log("ambulance_tasked", now_, {{"vehicle", std::int64_t{best}},
                                     {"incident", std::int64_t{g.incident_id}},
                                     {"casualties", static_cast<std::int64_t>(trip.patients.size())},
                                     {"departs_s", best_depart - now_},
                                     {"on_scene_s", best_on_scene - now_}});
      trips_.push_back(std::move(trip));
    }
  }

  void on_scene(int trip_id) {
    for (int id : trips_[static_cast<std::size_t>(trip_id)].patients) {
      Patient& pt = patient(id);
      if (pt.dead) continue;
      pt.stage = Stage::Transit;
      reach_first_aid(id, FirstAidBy::AmbulanceCrew);
    }
  }

  void on_hospital_arrival(int trip_id) {
    const Trip& trip = trips_[static_cast<std::size_t>(trip_id)];
    for (int id : trip.patients) {
      Patient& pt = patient(id);
      if (pt.dead) {
        if (pt.stage != Stage::Gone) {
          pt.stage = Stage::Gone;
          --active_;
        }
        continue;
      }
      pt.stage = Stage::Hospital;
      reach_first_aid(id, FirstAidBy::Hospital);
      pt.next_event = queue_.schedule(now_ + p_.hospital.triage_time, 0, kTriaged, static_cast<std::uint64_t>(id));
      log("hospital_arrival", now_, {{"casualty", std::int64_t{record(id).casualty}},
                                     {"triage", std::string(triage_name(pt.triage))}});
    }
    queue_.schedule(now_ + p_.ambulances.handover_at_hospital, 0, kVehicleFree, static_cast<std::uint64_t>(trip_id));
  }

  void on_vehicle_free(int trip_id) {
    Vehicle& v = vehicles_[static_cast<std::size_t>(trips_[static_cast<std::size_t>(trip_id)].vehicle)];
    v.idle = true;
    v.at_node = hospital_node_;
    try_dispatch();  // the crew aboard may go straight back out
    if (!v.idle) return;
    const int vi = trips_[static_cast<std::size_t>(trip_id)].vehicle;
    const SimTime back = route(hospital_node_, v.home_node) / p_.ambulances.drive_speed_mps;
    if (p_.ambulances.station == AmbulanceStation::Roving || back <= 0) {
      on_vehicle_home(vi);
      return;
    }
    v.idle = false;
    queue_.schedule(now_ + back, 0, kVehicleHome, static_cast<std::uint64_t>(vi));
  }

  void on_vehicle_home(int vi) {
    Vehicle& v = vehicles_[static_cast<std::size_t>(vi)];
    v.idle = true;
    v.at_node = v.home_node;
    if (v.out) busy_until(v, now_);
    v.out = false;
    if (v.crew_aboard) {
      (v.crew_is_standby ? crews_standby_free_ : crews_callable_) += 1;
      v.crew_aboard = false;
    }
    try_dispatch();
  }

  // ---- hospital -------------------------------------------------------------------------------
  void ask(int id, int resource, int priority) {
    Patient& pt = patient(id);
    if (resources_[static_cast<std::size_t>(resource)].request(id, priority, now_)) {
      start(resource, id);
    } else {
      pt.waiting_for = resource;
      check_mass_casualty();
      if (resource == kTables) call_on_call_team();
    }
  }

  void start_all(int resource, const std::vector<int>& ids) {
    for (int id : ids) start(resource, id);
  }

  // A patient gets a server of `resource` now.
  void start(int resource, int id) {
    Patient& pt = patient(id);
    pt.waiting_for = -1;
    if (resource == kHelicopters) {
      fly_out(id);
      return;
    }
    pt.holding = resource;
    const std::uint64_t subject = static_cast<std::uint64_t>(id);
    switch (resource) {
      case kBays:
        record(id).resuscitation = now_;
        update_death(id);
        pt.next_event = queue_.schedule(now_ + pt.draws.resuscitation_time, 0, kResuscitationEnd, subject);
        break;
      case kTables:
        if (pt.routine) ++out_.routine_surgeries;
        else {
          record(id).surgery = now_;
          update_death(id);
          log("surgery_start", now_, {{"casualty", std::int64_t{record(id).casualty}}});
        }
        pt.next_event = queue_.schedule(now_ + pt.draws.surgery_time, 0, kSurgeryEnd, subject);
        break;
      case kIcu:
      case kWard:
        if (!pt.routine) record(id).bed = now_;
        if (pt.draws.flies) pt.next_event = queue_.schedule(now_ + p_.air_evacuation.stabilization, 0, kFitToFly, subject);
        else pt.next_event = queue_.schedule(now_ + pt.draws.stay, 0, kBedEnd, subject);
        break;
      default: break;
    }
  }

  void release_held(int id) {
    Patient& pt = patient(id);
    const int held = pt.holding;
    pt.holding = -1;
    pt.next_event.reset();
    if (held >= 0) start_all(held, resources_[static_cast<std::size_t>(held)].release(id, now_));
  }

  void on_triaged(int id) {
    Patient& pt = patient(id);
    pt.next_event.reset();
    if (pt.routine) {
      if (pt.draws.needs_surgery) ask(id, kTables, kRoutineRank);
      else ask(id, kWard, kRoutineRank);
      return;
    }
    if (pt.triage == Triage::Minimal) {  // walking wounded: treated in the minor area, sent home
      record(id).resuscitation = now_;
      update_death(id);
      pt.next_event = queue_.schedule(now_ + pt.draws.minor_treatment, 0, kMinorTreatmentEnd, static_cast<std::uint64_t>(id));
      return;
    }
    ask(id, kBays, triage_rank(pt.triage));
  }

  void to_bed(int id) {
    Patient& pt = patient(id);
    ask(id, pt.triage == Triage::Immediate && !pt.routine ? kIcu : kWard, pt.routine ? kRoutineRank : triage_rank(pt.triage));
  }

  void on_resuscitation_end(int id) {
    release_held(id);
    Patient& pt = patient(id);
    if (pt.draws.needs_surgery) ask(id, kTables, triage_rank(pt.triage));
    else to_bed(id);
  }

  void on_surgery_end(int id) {
    release_held(id);
    to_bed(id);
  }

  void on_discharge(int id) {
    release_held(id);
    leave(id, CareOutcome::Survived);
  }

  void fly_out(int id) {
    release_held(id);  // frees the ICU or ward bed
    leave(id, CareOutcome::EvacuatedL3);
    queue_.schedule(now_ + std::max(0.0, p_.air_evacuation.mission_time.sample(flight_rng_)), 0, kHelicopterBack,
                    static_cast<std::uint64_t>(id));
    log("air_evacuation", now_, {{"casualty", std::int64_t{record(id).casualty}}});
  }

  void on_routine_arrival(int id) {
    ++out_.routine_admissions;
    patient(id).stage = Stage::Hospital;
    patient(id).next_event = queue_.schedule(now_ + p_.hospital.triage_time, 0, kTriaged, static_cast<std::uint64_t>(id));
  }

  // ---- staff, shifts and surge ------------------------------------------------------------------
  bool grounded_today() {
    const auto day = static_cast<std::uint64_t>(std::floor((now_ + config_.start_time_of_day) / engine::kDay));
    engine::RandomStream rng = stream("medical.sandstorm", day);
    return rng.bernoulli(p_.air_evacuation.sandstorm_day_share);
  }

  void apply_staffing() {
    const HospitalParams& h = p_.hospital;
    const bool night = is_night(now_);
    int teams = night ? h.surgical_teams_night + on_call_arrived_ : h.surgical_teams_day;
    int bays = h.resuscitation_bays;
    if (surge_ready_) {
      teams = std::max(teams, std::max(h.surgical_teams_day, h.surgical_teams_night));
      bays += h.surge_bays;
    }
    start_all(kTables, resources_[kTables].set_capacity(std::min(h.operating_tables, teams), now_));
    start_all(kBays, resources_[kBays].set_capacity(bays, now_));
    const bool can_fly = (!night || p_.air_evacuation.night_flying) && !grounded_today();
    start_all(kHelicopters, resources_[kHelicopters].set_capacity(can_fly ? p_.air_evacuation.helicopters : 0, now_));
  }

  void call_on_call_team() {
    const HospitalParams& h = p_.hospital;
    if (!is_night(now_) || surge_declared_) return;
    const int on_call = std::max(0, h.surgical_teams_day - h.surgical_teams_night);
    const int staffed = h.surgical_teams_night + on_call_called_;
    if (on_call_called_ >= on_call || staffed >= h.operating_tables) return;
    ++on_call_called_;
    queue_.schedule(now_ + h.team_call_in, 0, kTeamArrives, 0);
  }

  void check_mass_casualty() {
    if (surge_declared_) return;
    const int waiting = resources_[kBays].waiting() + resources_[kTables].waiting();
    if (waiting < p_.hospital.mass_casualty_threshold) return;
    surge_declared_ = true;
    ++out_.mass_casualty_declarations;
    queue_.schedule(now_ + p_.hospital.team_call_in, 0, kSurgeReady, 0);
    log("mass_casualty_declared", now_, {{"waiting", std::int64_t{waiting}}});
  }

  void on_shift_change(bool day_starts) {
    if (day_starts) {
      on_call_called_ = 0;
      on_call_arrived_ = 0;
    }
    // The surge plan stands down at a shift change once nobody waits for a bay or a table.
    if (surge_declared_ && surge_ready_ && resources_[kBays].waiting() == 0 && resources_[kTables].waiting() == 0) {
      surge_declared_ = false;
      surge_ready_ = false;
    }
    apply_staffing();
    // Shifts go on while anyone is still in the chain, but not for ever: a patient waiting for a
    // flight that never comes (every day grounded) stays where it is once the drain limit passes.
    const bool draining = now_ >= config_.end + kDrainLimit;
    if (now_ < config_.end || (active_ > 0 && !draining))
      queue_.schedule(now_ + engine::kDay, 0, kShiftChange, day_starts ? 0 : 1);
  }

  const MedicalParams& p_;
  const CampLayout& layout_;
  const QrfParams& qrf_;
  const std::vector<Casualty>& casualties_;
  MedicalRunConfig config_;
  engine::EventLog* log_;
  std::vector<std::vector<double>> routes_;
  int hospital_node_;
  int gate_node_;
  std::vector<int> responder_nodes_;
  std::map<int, const Incident*> incidents_by_id_;

  engine::EventQueue queue_;
  SimTime now_ = 0;
  std::vector<Patient> patients_;
  std::vector<RequestGroup> groups_;
  std::vector<int> pending_;
  std::vector<Vehicle> vehicles_;
  std::vector<Trip> trips_;
  std::vector<CareResource> resources_;
  engine::RandomStream flight_rng_ = stream("medical.flights", 0);
  int crews_standby_free_ = 0;
  int crews_callable_ = 0;
  int on_call_called_ = 0;
  int on_call_arrived_ = 0;
  bool surge_declared_ = false;
  bool surge_ready_ = false;
  long active_ = 0;
  long routine_count_ = 0;
  MedicalOutcome out_;
};

}  // namespace

MedicalOutcome run_medical_chain(const MedicalParams& params, const CampLayout& layout, const QrfParams& qrf,
                                 const std::vector<Casualty>& casualties, const std::vector<Incident>& incidents,
                                 const MedicalRunConfig& config, engine::EventLog* log) {
  return MedicalChain(params, layout, qrf, casualties, incidents, config, log).run();
}

}  // namespace campsim::camp
