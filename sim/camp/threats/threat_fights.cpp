// The threats module's fights: an infiltration starts as agents outside the wire and is stepped
// every tick until its attackers are down or gone (ground_fight.hpp). Its hits become
// casualties of the world at their shots' times; its alarm, all-clear and end are events.
#include <algorithm>
#include <string>

#include "sim/camp/threats/threat_model.hpp"
#include "sim/camp/core/event_kinds.hpp"

namespace campsim::camp {

namespace {

// How often a fight reads again where the camp's people are (seconds; assumed: a walker covers
// about 7 m meanwhile, an intruder inside 7.5 m).
constexpr SimTime kPeopleRefresh = 5;

std::string_view outcome_name(fight::HitOutcome o) {
  switch (o) {
    case fight::HitOutcome::Miss: return "miss";
    case fight::HitOutcome::Wounded: return "wounded";
    case fight::HitOutcome::Killed: return "killed";
  }
  return "miss";
}

}  // namespace

GroundAttack ThreatModel::ground_attack(ThreatKind kind) const {
  GroundAttack a;
  a.kind = kind;
  a.sandstorm_probability = params_.infiltration.sandstorm_probability;
  switch (kind) {
    case ThreatKind::VehicleBomb:
      a.stream_prefix = "vbied";
      a.bomb = &params_.vehicle_bomb;
      a.wounds = params_.vehicle_bomb.wounds;
      break;
    case ThreatKind::ComplexAttack:
      a.stream_prefix = "complex";
      a.bomb = &params_.vehicle_bomb;
      a.intruders = params_.complex_attack.gunmen;
      a.wounds = params_.complex_attack.wounds;
      break;
    default:
      a.intruders = params_.infiltration.intruders;
      a.wounds = params_.infiltration.wounds;
      break;
  }
  return a;
}

void ThreatModel::start_fight(ThreatKind kind, int id, SimTime t) {
  auto fight = std::make_unique<GroundFight>(ground_attack(kind), params_.fight.fight, terrain_, context_, id, t,
                                             armed_sentries(t));
  incidents_.push_back(fight->incident());
  fights_.emplace(id, std::move(fight));
}

void ThreatModel::log_fight_event(int incident, const GroundFight& fight, const fight::FightEvent& e) {
  const fight::Fighter& by = fight.engagement().at(e.by);
  const fight::Fighter& target = fight.engagement().at(e.target);
  // Who: the world's person id for camp people, the intruder's number for attackers; the role
  // says which.
  if (e.kind == fight::FightEventKind::Shot) {
    std::vector<engine::LogField> fields{{"incident", static_cast<std::int64_t>(incident)},
                                         {"shooter", fight.identity(e.by)},
                                         {"shooter_role", std::string(fight::role_name(by.role))},
                                         {"target", fight.identity(e.target)},
                                         {"target_role", std::string(fight::role_name(target.role))},
                                         {"hit", e.outcome != fight::HitOutcome::Miss},
                                         {"outcome", std::string(outcome_name(e.outcome))},
                                         {"range_m", e.range_m}};
    // A round that missed its mark and struck someone else: only such shots carry the field.
    if (e.stray) fields.push_back({"stray", true});
    log_.record(e.time, "shot", std::move(fields));
  } else {
    log_.record(e.time, "detection",
                {{"incident", static_cast<std::int64_t>(incident)},
                 {"observer", fight.identity(e.by)},
                 {"observer_role", std::string(fight::role_name(by.role))},
                 {"target", fight.identity(e.target)},
                 {"target_role", std::string(fight::role_name(target.role))},
                 {"range_m", e.range_m}});
  }
}

void ThreatModel::step_fights(SimTime now, SimTime dt, engine::EventQueue& queue) {
  // The fight phase runs in every tick (shelter runs, protests): with no fight open, reading
  // everyone's place would be a cost on every one of them for nothing.
  if (fights_.empty()) return;
  // Who is around is read again every few seconds, not every tick: the camp's people keep their
  // scheduled places, and reading everyone's place is most of a fight's cost. Exactly, in every
  // tick, while a vehicle bomb is on its run (it may go off in any of them).
  const bool bomb_running =
      std::any_of(fights_.begin(), fights_.end(), [](const auto& f) { return f.second->bomb_on_its_run(); });
  if (bomb_running || !people_read_at_ || now >= *people_read_at_ + kPeopleRefresh || now < *people_read_at_) {
    people_.people_at(now, fight_people_);
    people_read_at_ = now;
  }
  const std::vector<Person>& people = fight_people_;
  for (auto it = fights_.begin(); it != fights_.end();) {
    GroundFight& fight = *it->second;
    const int id = it->first;
    FightTick tick = fight.step(now, dt, people);
    if (tick.alarm) {
      Incident& incident = incidents_[static_cast<std::size_t>(id)];
      incident.detected = true;
      incident.detected_at = *tick.alarm;
      incident.qrf = fight.incident().qrf;
      // Against intruders the camp locks down where it is (stay indoors, lights out) instead of
      // running for the bunkers across open ground the gunmen may be covering (assumed: the
      // usual drill for a ground attack; the siren's bunker run is for indirect fire).
    }
    if (tick.detonation) {
      const Detonation& d = *tick.detonation;
      landed_.push_back({d.at, d.lethal_radius_m, d.time});
      // The blast reaches what is not a person (ambulances, the hospital) when it goes off.
      events_.post(ImpactAt{d.at, d.lethal_radius_m, d.time}, queue);
    }
    for (const fight::FightEvent& e : tick.events) log_fight_event(id, fight, e);
    for (Casualty& c : tick.casualties) add_casualty(std::move(c), now, queue);
    // One world: a QRF member's person is where the member fights (hit there, seen there by
    // another fight, counted there), and walks back when the fight is over.
    for (const auto& [person, at] : tick.qrf_members) people_.with_unit(person, at);
    if (fight.over()) {
      for (const auto& [person, at] : tick.qrf_members) people_.released_from_unit(person, fight.ended_at());
      end_fight(fight, &queue);
      it = fights_.erase(it);
    } else {
      ++it;
    }
  }
}

void ThreatModel::end_fight(GroundFight& fight, engine::EventQueue* queue) {
  const Incident& fought = fight.incident();
  Incident& incident = incidents_[static_cast<std::size_t>(fought.id)];
  incident.target = fought.target;
  incident.location = fought.location;
  incident.qrf = fought.qrf;
  incident.fight = fought.fight;
  const FightSummary& s = *fought.fight;
  incident.fact("attackers", s.attackers);
  incident.fact("attackers_killed", s.attackers_killed);
  incident.fact("attackers_wounded", s.attackers_wounded);
  incident.fact("attackers_captured", s.attackers_captured);
  incident.fact("attackers_gone", s.attackers_gone);
  incident.fact("shots", static_cast<double>(s.shots));
  incident.fact("hits", static_cast<double>(s.hits));
  incident.fact("stopped_outside", s.stopped_outside ? 1 : 0);
  if (s.ended) incident.fact("duration_s", *s.ended - fought.time);
  if (s.qrf_contact) incident.fact("qrf_contact_s", *s.qrf_contact - fought.time);
  if (const auto& bomb = fight.bomb()) {
    incident.fact("stopped_by_fire", bomb->stopped_by_fire ? 1 : 0);
    incident.fact("stopped_before_gate_m", bomb->short_of_gate_m);
    incident.fact("barrier_held", bomb->barrier_held ? 1 : 0);
    incident.fact("penetrated", bomb->penetrated ? 1 : 0);
    incident.fact("detonation_after_s", bomb->detonated - fought.time);
  }
  if (queue != nullptr && s.ended) {
    // The medical chain learns the end from this event.
    schedule(*queue, *s.ended, EventKind::QrfContained, static_cast<std::uint64_t>(fought.id));

  }
  log_incident(incident);
}

void ThreatModel::close_open_fights(SimTime end, engine::EventQueue& queue) {
  for (auto& entry : fights_) {
    entry.second->close_unfinished(end);
    end_fight(*entry.second, nullptr);
    // For the medical chain, which carries on after the run: the fight stops with the run.
    schedule(queue, end, EventKind::QrfContained, static_cast<std::uint64_t>(entry.first));
  }
  fights_.clear();
}

std::vector<CombatantView> ThreatModel::combatants(SimTime t) const {
  std::vector<CombatantView> all;
  for (const auto& [id, fight] : fights_) {
    (void)id;
    for (const CombatantView& v : fight->views(t)) all.push_back(v);
  }
  return all;
}

}  // namespace campsim::camp
