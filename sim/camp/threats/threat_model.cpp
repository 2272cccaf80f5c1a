#include "sim/camp/threats/threat_model.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "sim/camp/threats/fight_terrain.hpp"
#include "sim/camp/core/event_kinds.hpp"

namespace campsim::camp {

namespace {

// A round's event subject: the incident in the high bits, the round in the low 16.
constexpr unsigned kRoundBits = 16;
std::uint64_t round_subject(int incident, int round) {
  return (static_cast<std::uint64_t>(incident) << kRoundBits) | static_cast<std::uint64_t>(round);
}

const ArrivalProfile& arrivals_of(const ThreatParams& p, ThreatKind kind, ArrivalProfile& roadside) {
  switch (kind) {
    case ThreatKind::IndirectFire: return p.indirect_fire.arrivals;
    case ThreatKind::VehicleBomb: return p.vehicle_bomb.arrivals;
    case ThreatKind::Infiltration: return p.infiltration.arrivals;
    case ThreatKind::ComplexAttack: return p.complex_attack.arrivals;
    case ThreatKind::RoadsideBomb: return roadside = roadside_arrivals(p.roadside_bomb);
    case ThreatKind::Protest: break;  // not an attack: the protest model decides when
  }
  return p.indirect_fire.arrivals;
}

AlarmResponse alarm_response(const IndirectFireParams& p) {
  return {p.reaction_awake, p.reaction_asleep, p.run_speed_mps};
}

const ModuleContext& linked(const ModuleContext& context) {
  if (context.state == nullptr || context.events == nullptr)
    throw std::invalid_argument("the threat model needs the camp's state (its QRF) and an event router");
  return context;
}

}  // namespace

ThreatModel::ThreatModel(const ThreatParams& params, const CampLayout& layout, const GuardParams& guard_params,
                         const GuardModel& guards, CampPeople& people, const ResolvedLayout& places,
                         SimTime all_clear_after, const ThreatModelConfig& config, engine::EventLog& log,
                         const ModuleContext& context)
    : params_(params),
      layout_(layout),
      guard_params_(guard_params),
      guards_(guards),
      people_(people),
      places_(places),
      post_positions_(places.post_positions),
      all_clear_after_(all_clear_after),
      config_(config),
      log_(log),
      qrf_force_(linked(context).state->qrf),
      events_(*context.events) {
  context_.layout = &layout_;
  context_.seed = config.seed;
  context_.replication = config.replication;
  context_.start_time_of_day = config.start_time_of_day;
  context_.guard_contingent = guard_params.force.contingent;
  context_.qrf = qrf_force_.params();
  context_.qrf_base = qrf_force_.base_node();
  context_.qrf_force = &qrf_force_;
  context_.bomb_gates = places.bomb_gates;
  context_.sentries_at = [this](SimTime t) { return sentries_now(t); };
  context_.people_at = [this](SimTime t) { return people_.people_at(t); };
  // Convoys leave by the first gate (the main gate in the shipped layouts).
  route_exit_ = layout.gates.empty() ? Point{} : layout.gates.front().position;
  terrain_ = fight_terrain(layout, params.fight.terrain);
  // Each tower post's tower.
  for (const PostPlace& place : places.posts) {
    const TowerId* tower = std::get_if<TowerId>(&place);
    post_tower_.push_back(tower != nullptr ? &layout.tower(*tower) : nullptr);
  }
}

std::vector<ArmedSentry> ThreatModel::armed_sentries(SimTime now) const {
  std::vector<ArmedSentry> sentries;
  for (std::size_t p = 0; p < guard_params_.posts.size(); ++p) {
    const Post& post = guard_params_.posts[p];
    for (int duty : guards_.sentries_on_post(static_cast<int>(p))) {
      const std::optional<int> soldier = guards_.duties()[static_cast<std::size_t>(duty)].soldier;
      if (!soldier) continue;
      const PersonId person = people_.person_of_soldier(*soldier);
      // A patrol is where the world has it on its route; a tower or gate sentry at his post.
      const Point at = post.kind == PostKind::Patrol ? people_.position_of(person, now) : post_positions_[p];
      sentries.push_back({person.value, at, post.kind, post_tower_[p], post.mounted, guards_.sentry_vigilance_now(duty, now),
                          guard_params_.force.contingent});
    }
  }
  return sentries;
}

std::vector<Sentry> ThreatModel::sentries_now(SimTime now) const {
  std::vector<Sentry> sentries;
  for (std::size_t p = 0; p < guard_params_.posts.size(); ++p)
    for (int duty : guards_.sentries_on_post(static_cast<int>(p)))
      sentries.push_back({static_cast<int>(p), guard_params_.posts[p].kind, places_.posts[p], post_positions_[p],
                          guards_.sentry_vigilance_now(duty, now)});
  return sentries;
}

void ThreatModel::schedule_initial_events(engine::EventQueue& queue) {
  for (ThreatKind kind : {ThreatKind::IndirectFire, ThreatKind::VehicleBomb, ThreatKind::Infiltration,
                          ThreatKind::ComplexAttack, ThreatKind::RoadsideBomb}) {
    ArrivalProfile roadside;
    const ArrivalProfile& profile = arrivals_of(params_, kind, roadside);
    const engine::StreamKey key{config_.seed, config_.replication, engine::purpose_tag("threat_arrivals"),
                                static_cast<std::uint64_t>(kind), 0};
    for (SimTime t : arrival_times(profile, config_.end, config_.start_time_of_day, key))
      schedule(queue, t, EventKind::ThreatArrival, static_cast<std::uint64_t>(kind));
  }
}

std::optional<SimTime> ThreatModel::on_event(const engine::Event& event, engine::EventQueue& queue) {
  // A fight's end is news for the responders whenever it comes, after the run's end too.
  if (kind_of(event) == EventKind::QrfContained)
    events_.post(IncidentContained{static_cast<int>(event.subject), event.time}, queue);
  // An attack begun within the run still wounds after its end (gunfire, a late detonation): its
  // casualties take effect whenever they occur, so the medical chain receives every one of them.
  if (kind_of(event) == EventKind::CasualtyOccurs) {
    take_effect(static_cast<std::size_t>(event.subject), queue);
    return std::nullopt;
  }
  if (event.time >= config_.end) return std::nullopt;
  switch (kind_of(event)) {
    case EventKind::ThreatArrival: start_attack(static_cast<ThreatKind>(event.subject), event.time, queue); break;
    case EventKind::Alarm: people_.sound_alarm(event.time, alarm_response(params_.indirect_fire)); break;
    case EventKind::Impact:
      land_round(static_cast<int>(event.subject >> kRoundBits),
                 static_cast<int>(event.subject & ((std::uint64_t{1} << kRoundBits) - 1)), event.time, queue);
      break;
    case EventKind::AllClear: people_.all_clear(event.time); break;
    case EventKind::Detonation: {
      const ImpactView& blast = landed_[static_cast<std::size_t>(event.subject)];
      events_.post(ImpactAt{blast.at, blast.radius_m, event.time}, queue);
      break;
    }
    default: break;  // not a threat event
  }
  return std::nullopt;
}

void ThreatModel::start_attack(ThreatKind kind, SimTime t, engine::EventQueue& queue) {
  const int id = static_cast<int>(incidents_.size());
  const std::size_t first = casualties_.size();
  if (kind == ThreatKind::IndirectFire) {
    OpenSalvo open{plan_salvo(params_.indirect_fire, context_, id, t), 0, 0};
    Incident incident;
    incident.id = id;
    incident.kind = kind;
    incident.time = t;
    incident.location = open.salvo.aim;
    if (open.salvo.zone) incident.target = layout_.zone(*open.salvo.zone).name;
    incident.detected = open.salvo.detected;
    if (open.salvo.detected) {
      incident.detected_at = open.salvo.alarm;
      schedule(queue, open.salvo.alarm, EventKind::Alarm, static_cast<std::uint64_t>(id));
    }
    for (std::size_t r = 0; r < open.salvo.impacts.size(); ++r)
      schedule(queue, open.salvo.impact_times[r], EventKind::Impact, round_subject(id, static_cast<int>(r)));
    incidents_.push_back(std::move(incident));
    salvos_.emplace(id, std::move(open));
    return;
  }
  Incident incident;
  switch (kind) {
    case ThreatKind::VehicleBomb:
    case ThreatKind::Infiltration:
    case ThreatKind::ComplexAttack: start_fight(kind, id, t); return;
    case ThreatKind::RoadsideBomb: {
      std::vector<PersonId> crew = route_crew(t);
      incident = resolve_roadside_bomb(params_.roadside_bomb, context_, id, t, route_exit_, crew.size(), casualties_);
      name_route_casualties(first, id, crew);
      break;
    }
    case ThreatKind::IndirectFire:
    case ThreatKind::Protest: break;
  }
  incidents_.push_back(incident);
  log_incident(incidents_.back());
  settle_casualties(first, t, queue);
}

// A roadside bomb hits people of the world: those of the convoy's contingent whom the schedule has
// out of the camp at that moment and who are fit (the strike hurts no more than there are), each
// casualty taking one of them by a draw of its own, so a soldier killed on a route leaves the
// population (and, a guard, the roster).
std::vector<PersonId> ThreatModel::route_crew(SimTime t) const {
  return people_.fit_and_away(params_.roadside_bomb.contingent, t);
}

void ThreatModel::name_route_casualties(std::size_t first, int incident, std::vector<PersonId>& crew) {
  for (std::size_t k = first; k < casualties_.size(); ++k) {
    engine::RandomStream who = context_.stream("roadside_bomb.who", incident, k - first);
    const auto pick = static_cast<std::ptrdiff_t>(who.uniform_index(crew.size()));
    casualties_[k].person = crew[static_cast<std::size_t>(pick)];
    crew.erase(crew.begin() + pick);
  }
}

// Casualties drawn now take effect now; those later in the attack (gunfire, a detonation after
// the approach) at their own time.
void ThreatModel::settle_casualties(std::size_t first, SimTime now, engine::EventQueue& queue) {
  for (std::size_t i = first; i < casualties_.size(); ++i) {
    if (casualties_[i].time <= now)
      take_effect(i, queue);
    else
      schedule(queue, casualties_[i].time, EventKind::CasualtyOccurs, i);
  }
}

int ThreatModel::open_incident(Incident incident) {
  incident.id = static_cast<int>(incidents_.size());
  incidents_.push_back(std::move(incident));
  return incidents_.back().id;
}

void ThreatModel::add_casualty(Casualty c, SimTime now, engine::EventQueue& queue) {
  c.id = static_cast<int>(casualties_.size());
  Incident& owner = incidents_.at(static_cast<std::size_t>(c.incident));
  (c.triage == Triage::Killed ? owner.killed : owner.wounded) += 1;
  casualties_.push_back(std::move(c));
  settle_casualties(casualties_.size() - 1, now, queue);
}

void ThreatModel::take_effect(std::size_t index, engine::EventQueue& queue) {
  const Casualty& c = casualties_[index];
  people_.apply_casualty(c);
  log_.record(c.time, "casualty",
              {{"casualty", static_cast<std::int64_t>(c.id)},
               {"incident", static_cast<std::int64_t>(c.incident)},
               {"cause", std::string(cause_name(c.cause))},
               {"triage", std::string(triage_name(c.triage))},
               {"contingent", c.contingent},
               {"person", logged_person(c.person)},
               {"x_m", c.position.x},
               {"y_m", c.position.y}});
  const Incident& owner = incidents_[static_cast<std::size_t>(c.incident)];
  // An attack without a QRF call-out or a fight (indirect fire, a protest) is over for the
  // responders when its casualties occur: they may drive in at once. A fight's end comes with
  // its own event (QrfContained).
  if (!owner.qrf && !owner.fight) events_.post(IncidentContained{owner.id, c.time}, queue);
  events_.post(CasualtyOccurred{c, owner}, queue);
}

void ThreatModel::land_round(int id, int round, SimTime t, engine::EventQueue& queue) {
  OpenSalvo& open = salvos_.at(id);
  Incident& incident = incidents_[static_cast<std::size_t>(id)];
  const IndirectFireParams& p = params_.indirect_fire;
  const std::vector<Person> people = people_.people_at(t);
  if (round == 0) {
    open.exposed_at_first_impact = static_cast<int>(people.size());
    open.sheltered_at_first_impact = static_cast<int>(
        std::count_if(people.begin(), people.end(), [](const Person& q) { return q.protection == Protection::Hardened; }));
    // Unwarned, the first explosion is the alarm.
    if (!open.salvo.detected) people_.sound_alarm(t, alarm_response(p));
  }
  const Point impact = open.salvo.impacts[static_cast<std::size_t>(round)];
  landed_.push_back({impact, std::sqrt(p.round.lethal_area_m2 / std::numbers::pi), t});
  events_.post(ImpactAt{impact, landed_.back().radius_m, t}, queue);
  const std::size_t first = casualties_.size();
  for (const Person& person : people) {
    // Two draws per person and round from a stream of their own: who else is around never
    // changes one person's luck.
    // (Someone of a hand-made list keys all ones, as before ids were typed.)
    const std::uint64_t entity =
        (stream_entity(person, ~std::uint64_t{0}) << kRoundBits) | static_cast<std::uint64_t>(round);
    engine::RandomStream rng = context_.stream("indirect_fire_blast", id, entity);
    const auto outcome = blast_outcome(p.round, distance(person.position, impact), p.protection.factor(person.protection),
                                       p.wounds, rng);
    if (!outcome) continue;
    Casualty c{0, id, t, person.position, Cause::IndirectFire, *outcome, person.contingent, true};
    c.person = person.person;
    record_casualty(incident, casualties_, std::move(c));
  }
  settle_casualties(first, t, queue);

  if (static_cast<std::size_t>(round) + 1 == open.salvo.impacts.size()) {
    schedule(queue, t + all_clear_after_, EventKind::AllClear, static_cast<std::uint64_t>(id));
    incident.fact("rounds", static_cast<double>(open.salvo.impacts.size()));
    incident.fact("rounds_inside_perimeter", static_cast<double>(std::count_if(
        open.salvo.impacts.begin(), open.salvo.impacts.end(),
        [&](Point q) { return layout_.perimeter.size() >= 3 && contains(layout_.perimeter, q); })));
    incident.fact("warned", open.salvo.detected ? 1 : 0);
    incident.fact("launcher_range_m", distance(open.salvo.launcher, open.salvo.aim));
    incident.fact("flight_s", open.salvo.flight);
    incident.fact("sheltered", open.sheltered_at_first_impact);
    incident.fact("people_exposed", open.exposed_at_first_impact);
    log_incident(incident);
    salvos_.erase(id);
  }
}

void ThreatModel::log_incident(const Incident& incident) {
  std::vector<engine::LogField> fields{{"incident", static_cast<std::int64_t>(incident.id)},
                                       {"kind", std::string(threat_kind_name(incident.kind))},
                                       {"target", incident.target},
                                       {"x_m", incident.location.x},
                                       {"y_m", incident.location.y},
                                       {"detected", incident.detected},
                                       {"killed", static_cast<std::int64_t>(incident.killed)},
                                       {"wounded", static_cast<std::int64_t>(incident.wounded)}};
  if (incident.detected) fields.push_back({"detected_after_s", incident.detected_at - incident.time});
  if (incident.qrf) {
    fields.push_back({"qrf_team", static_cast<std::int64_t>(incident.qrf->unit)});
    fields.push_back({"qrf_waited_s", incident.qrf->waited});
    fields.push_back({"qrf_alerted_s", incident.qrf->alerted - incident.time});
    fields.push_back({"qrf_on_scene_s", incident.qrf->on_scene - incident.time});
    fields.push_back({"contained_s", incident.qrf->contained - incident.time});
  }
  // A module fact never overwrites a standard field: JSON objects must not repeat a key.
  for (const auto& fact : incident.facts) {
    const std::string& name = fact.first;  // a plain reference: clang 14 cannot capture a structured binding
    const bool taken = std::any_of(fields.begin(), fields.end(), [&](const engine::LogField& f) { return f.key == name; });
    fields.push_back({taken ? "fact_" + name : name, fact.second});
  }
  log_.record(incident.time, "incident", std::move(fields));
}

std::vector<IncidentView> ThreatModel::open_incidents(SimTime t) const {
  std::vector<IncidentView> views;
  for (const Incident& incident : incidents_) {
    if (incident.time > t) continue;
    std::string phase;
    if (const auto fight = fights_.find(incident.id); fight != fights_.end()) {
      phase = fight->second->phase(t);
    } else if (incident.fight) {
      // A fight that is over: its incident is closed.
    } else if (incident.kind == ThreatKind::IndirectFire) {
      const auto it = salvos_.find(incident.id);
      if (it != salvos_.end()) phase = t < it->second.salvo.impact_times.front() ? "inbound" : "impacts";
      else if (t < incident.time + engine::kHour) phase = "all clear pending";
    } else if (incident.qrf) {
      const QrfTimeline& q = *incident.qrf;
      if (t < q.alerted) phase = "alarm going up";
      else if (t < q.launched) phase = "QRF mobilizing";
      else if (t < q.on_scene) phase = "QRF en route";
      else if (t < q.contained) phase = "QRF on scene";
    }
    if (!phase.empty()) views.push_back({incident.id, incident.kind, incident.location, phase, incident.time});
  }
  return views;
}

std::vector<RoundView> ThreatModel::rounds_in_flight(SimTime t) const {
  std::vector<RoundView> views;
  for (const auto& [id, open] : salvos_) {
    (void)id;
    for (std::size_t r = 0; r < open.salvo.impacts.size(); ++r)
      if (const auto round = round_in_flight(open.salvo, r, t))
        views.push_back({round->over, round->height_m, open.salvo.impacts[r], open.salvo.impact_times[r]});
  }
  return views;
}

std::vector<ImpactView> ThreatModel::recent_impacts(SimTime t, SimTime window) const {
  std::vector<ImpactView> views;
  for (const ImpactView& impact : landed_)
    if (impact.time <= t && t - impact.time <= window) views.push_back(impact);
  return views;
}

}  // namespace campsim::camp
