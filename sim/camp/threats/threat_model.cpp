#include "sim/camp/threats/threat_model.hpp"

#include <algorithm>

#include "sim/camp/road_graph.hpp"

namespace campsim::camp {

namespace {
// After every guard event at the same instant, so attacks meet the sentries actually on post.
constexpr std::int32_t kThreatPriority = 20;

std::uint32_t event_kind(ThreatKind kind) { return ThreatModel::kFirstKind + static_cast<std::uint32_t>(kind); }

const ArrivalProfile& arrivals_of(const ThreatParams& p, ThreatKind kind, ArrivalProfile& roadside) {
  switch (kind) {
    case ThreatKind::IndirectFire: return p.indirect_fire.arrivals;
    case ThreatKind::VehicleBomb: return p.vehicle_bomb.arrivals;
    case ThreatKind::Infiltration: return p.infiltration.arrivals;
    case ThreatKind::ComplexAttack: return p.complex_attack.arrivals;
    case ThreatKind::RoadsideBomb: return roadside = roadside_arrivals(p.roadside_bomb);
  }
  return p.indirect_fire.arrivals;
}

}  // namespace

ThreatModel::ThreatModel(const ThreatParams& params, const QrfParams& qrf, const CampLayout& layout,
                         const GuardParams& guard_params, const GuardModel& guards, const std::vector<Point>& post_positions,
                         const ThreatModelConfig& config, engine::EventLog& log)
    : params_(params), layout_(layout), guard_params_(guard_params), guards_(guards), post_positions_(post_positions),
      config_(config), log_(log) {
  context_.layout = &layout_;
  context_.seed = config.seed;
  context_.replication = config.replication;
  context_.start_time_of_day = config.start_time_of_day;
  context_.guard_contingent = guard_params.force.contingent;
  context_.qrf = qrf;
  context_.qrf_base = std::max(0, find_road_node(layout, qrf.base));  // checked by the loader
  context_.sentries_at = [this](SimTime t) { return sentries_now(t); };
  // Convoys leave by the first gate (the main gate in the shipped layouts).
  route_exit_ = layout.gates.empty() ? Point{} : layout.gates.front().position;
}

std::vector<Sentry> ThreatModel::sentries_now(SimTime now) const {
  std::vector<Sentry> sentries;
  for (std::size_t p = 0; p < guard_params_.posts.size(); ++p)
    for (int duty : guards_.sentries_on_post(static_cast<int>(p)))
      sentries.push_back({static_cast<int>(p), guard_params_.posts[p].kind, guard_params_.posts[p].at, post_positions_[p],
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
      queue.schedule(t, kThreatPriority, event_kind(kind), 0);
  }
}

std::optional<SimTime> ThreatModel::on_event(const engine::Event& event, engine::EventQueue&) {
  if (event.time >= config_.end) return std::nullopt;
  const auto kind = static_cast<ThreatKind>(event.kind - kFirstKind);
  const int id = static_cast<int>(incidents_.size());
  const std::size_t first_casualty = casualties_.size();
  Incident incident;
  switch (kind) {
    case ThreatKind::IndirectFire:
      incident = resolve_indirect_fire(params_.indirect_fire, context_, id, event.time, casualties_);
      break;
    case ThreatKind::VehicleBomb:
      incident = resolve_vehicle_bomb(params_.vehicle_bomb, context_, id, event.time, casualties_);
      break;
    case ThreatKind::Infiltration:
      incident = resolve_infiltration(params_.infiltration, context_, id, event.time, casualties_);
      break;
    case ThreatKind::ComplexAttack:
      incident = resolve_complex_attack(params_.complex_attack, params_.vehicle_bomb, context_, id, event.time, casualties_);
      break;
    case ThreatKind::RoadsideBomb:
      incident = resolve_roadside_bomb(params_.roadside_bomb, context_, id, event.time, route_exit_, casualties_);
      break;
  }
  incidents_.push_back(incident);
  log_incident(incident, first_casualty);
  return std::nullopt;
}

void ThreatModel::log_incident(const Incident& incident, std::size_t first_casualty) {
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
    fields.push_back({"qrf_alerted_s", incident.qrf->alerted - incident.time});
    fields.push_back({"qrf_on_scene_s", incident.qrf->on_scene - incident.time});
    fields.push_back({"contained_s", incident.qrf->contained - incident.time});
  }
  // A module fact never overwrites a standard field: JSON objects must not repeat a key.
  for (const auto& [name, value] : incident.facts) {
    const bool taken = std::any_of(fields.begin(), fields.end(), [&](const engine::LogField& f) { return f.key == name; });
    fields.push_back({taken ? "fact_" + name : name, value});
  }
  log_.record(incident.time, "incident", std::move(fields));
  for (std::size_t i = first_casualty; i < casualties_.size(); ++i) {
    const Casualty& c = casualties_[i];
    log_.record(c.time, "casualty",
                {{"casualty", static_cast<std::int64_t>(c.id)},
                 {"incident", static_cast<std::int64_t>(c.incident)},
                 {"cause", std::string(cause_name(c.cause))},
                 {"triage", std::string(triage_name(c.triage))},
                 {"contingent", c.contingent},
                 {"x_m", c.position.x},
                 {"y_m", c.position.y}});
  }
}

}  // namespace campsim::camp
