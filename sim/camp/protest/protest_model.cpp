#include "sim/camp/protest/protest_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "sim/camp/protest/mobilisation.hpp"
#include "sim/camp/core/event_kinds.hpp"
#include "sim/crowd/crowd_placement.hpp"
#include "sim/engine/poisson.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::camp::protest {

namespace {

// ProtestMarch's subject for a march the town decided (scripted marches carry their index).
constexpr std::uint64_t kTownMarch = std::numeric_limits<std::uint32_t>::max();
// The gate's opening (assumed: a two-lane vehicle gate).
constexpr double kGateWidth_m = 8.0;
// Sentries within this distance of the gate stand in the crowd's view and the stones' reach
// (assumed: the gate's own post and its sangar).
constexpr double kGatePostReach_m = 30.0;
// How far stones and bottles are thrown (assumed: a strong throw by hand).
constexpr double kThrowRange_m = 30.0;
// Fewer than this many left in front of the gate: the protest has melted away (assumed).
constexpr int kMinStanding = 20;
// Radius in front of the gate over which the crowd's density is measured (assumed).
constexpr double kDensityRadius_m = 10.0;
// How the hurt are triaged (assumed: stones mostly bruise, fire burns, a bullet wound is serious).
constexpr double kStoneDelayedShare = 0.15;           // else minimal
constexpr double kFireImmediateShare = 0.1, kFireDelayedShare = 0.7;  // else minimal
constexpr double kGunshotImmediateShare = 0.5;        // of the wounded; else delayed
// Marchers walk at the mean free walking speed (Weidmann 1993), as the world's people do.
constexpr float kMarchSpeed_mps = 1.34f;
// Those who leave walk this far beyond the standing crowd's edge before they are out of the scene (assumed).
constexpr double kLeaveBeyond_m = 40.0;
constexpr SimTime kLeaveWithin = 3 * engine::kMinute;
// A canister's cloud repels for the interval it was fired in (strength like the neighbour term).
constexpr float kGasStrength = 8.0f;

constexpr std::uint8_t byte(ProtesterState s) { return static_cast<std::uint8_t>(s); }
double dist(crowd::Point2 a, crowd::Point2 b) { return std::hypot(double(a.x) - b.x, double(a.y) - b.y); }
// For the many-to-many counts of an assessment: compares squares, no root.
bool within(crowd::Point2 a, crowd::Point2 b, double r) {
  const double dx = double(a.x) - b.x, dy = double(a.y) - b.y;
  return dx * dx + dy * dy <= r * r;
}

engine::RandomStream stream(const ProtestRunConfig& c, std::string_view purpose, std::uint64_t entity) {
  return engine::RandomStream(engine::StreamKey{c.seed, c.replication, engine::purpose_tag(purpose), entity, 0});
}

}  // namespace

std::string_view name(ProtestEnd end) {
  switch (end) {
    case ProtestEnd::Ongoing: return "ongoing";
    case ProtestEnd::Dispersed: return "dispersed";
    case ProtestEnd::MeltedAway: return "melted_away";
    case ProtestEnd::Dusk: return "dusk";
    case ProtestEnd::Breach: return "breach";
    case ProtestEnd::RunEnded: return "run_ended";
  }
  return "?";
}

ProtestModel::ProtestModel(const ProtestParams& params, const CampLayout& layout, GateId gate, CampPeople& people,
                           IncidentLedger& incidents,
                           const ProtestRunConfig& config, engine::Parallelism& parallelism, engine::EventLog& log)
    : params_(params),
      people_(people),
      incidents_(incidents),
      config_(config),
      parallelism_(parallelism),
      log_(log),
      gate_(&layout.gate(gate)),
      legitimacy_(params.legitimacy),
      decisions_(stream(config, "protest.unexplained", 0)),
      settling_(params.crowd.settle_window, params.crowd.settle_progress_m) {
  ground_ = gate_ground(layout, *gate_, kGateWidth_m, params.crowd.gathers_m, params.town.max_crowd);
  lowest_legitimacy_ = legitimacy_.value();
  engine::RandomStream town = stream(config, "protest.town", 0);
  if (params.town_decides) town_ = draw_town(params.town.residents, town);
}

void ProtestModel::schedule_initial_events(engine::EventQueue& queue) {
  if (params_.town_decides) {
    const SimTime first = std::fmod(params_.town.decides_at - config_.start_time_of_day + engine::kDay, engine::kDay);
    if (first < config_.end) schedule(queue, first, EventKind::TownDecides);
  }
  if (params_.town.unexplained_per_year > 0) {
    const SimTime next = decisions_.exponential(365 * engine::kDay / params_.town.unexplained_per_year);
    if (next < config_.end) schedule(queue, next, EventKind::UnexplainedDecision);
  }
  for (std::size_t i = 0; i < params_.scripted.size(); ++i)
    if (params_.scripted[i].at < config_.end) schedule(queue, params_.scripted[i].at, EventKind::ProtestMarch, i);
}

std::optional<SimTime> ProtestModel::on_event(const engine::Event& event, engine::EventQueue& queue) {
  const SimTime now = event.time;
  switch (kind_of(event)) {
    case EventKind::TownDecides: {
      // A day of community engagement (or none) before the town weighs today's grievance; full
      // engagement while the mission responds to a death it caused.
      const bool responding = full_engagement_until_ && now < *full_engagement_until_;
      legitimacy_.engage(1.0, responding ? 1.0 : params_.town.engagement);
      engine::RandomStream day = stream(config_, "protest.day", static_cast<std::uint64_t>(town_days_));
      ++town_days_;
      const Turnout t = daily_turnout(town_, legitimacy_.value(), params_.town, params_.activation, day);
      if (t.active >= params_.town.min_crowd && !crowd_)
        start_march(std::min(t.active, params_.town.max_crowd), false, 0, now, queue);
      if (now + engine::kDay < config_.end) schedule(queue, now + engine::kDay, EventKind::TownDecides);
      break;
    }
    case EventKind::UnexplainedDecision: {
      legitimacy_.unexplained_decision();
      lowest_legitimacy_ = std::min(lowest_legitimacy_, legitimacy_.value());
      ++unexplained_;
      log_.record(now, "unexplained_decision", {{"legitimacy", legitimacy_.value()}});
      const SimTime next = now + decisions_.exponential(365 * engine::kDay / params_.town.unexplained_per_year);
      if (next < config_.end) schedule(queue, next, EventKind::UnexplainedDecision);
      break;
    }
    case EventKind::ProtestMarch: {
      if (event.subject == kTownMarch || crowd_) break;  // the town is already out
      const ScriptedProtest& s = params_.scripted.at(static_cast<std::size_t>(event.subject));
      start_march(std::min(s.size, params_.town.max_crowd), true, s.unexplained_decisions_before, now, queue);
      break;
    }
    case EventKind::ProtestAssess:
      if (crowd_ && static_cast<int>(event.subject) == records_.back().id) assess(now, queue);
      break;
    default: break;
  }
  return std::nullopt;
}

void ProtestModel::start_march(int size, bool scripted, int unexplained_before, SimTime now, engine::EventQueue& queue) {
  if (size <= 0) return;
  for (int i = 0; i < unexplained_before; ++i) legitimacy_.unexplained_decision();
  lowest_legitimacy_ = std::min(lowest_legitimacy_, legitimacy_.value());
  const GateGround& g = *ground_;
  ProtestRecord r;
  r.id = static_cast<int>(records_.size());
  r.scripted = scripted;
  r.marched = now;
  r.size = size;
  r.legitimacy_before = legitimacy_.value();
  r.understanding = understanding(params_.languages, params_.rules.interpreters);
  Incident incident;
  incident.kind = ThreatKind::Protest;
  incident.time = now;
  incident.location = to_point(g.gate_at);
  incident.target = params_.crowd.gate;
  r.incident = incidents_.open_incident(std::move(incident));
  records_.push_back(r);

  random_.emplace(stream(config_, "protest.crowd", static_cast<std::uint64_t>(r.id)));
  crowd_.emplace(g.min_x, g.min_y, g.max_x, g.max_y);
  crowd_->set_geometry(g.geometry);
  crowd_->reserve(static_cast<std::size_t>(size));
  crowd::Interactions& rules = crowd_->interactions();
  rules.speed_factor[byte(ProtesterState::Leaving)] = 1.3f;  // assumed: those who leave hurry
  force_.emplace(params_.rules);

  // They gather in town at one person per m^2 and march; each has a standing place at the gate,
  // the nearest places going to those who start nearest (no one has to cross the crowd).
  const crowd::Point2 centre = march_start_centre(g, params_.crowd.gathers_m);
  const float half = march_start_half_side(size);
  std::vector<crowd::Point2> starts = crowd::scatter_without_overlap(
      {centre.x - half, centre.y - half, centre.x + half, centre.y + half}, static_cast<std::size_t>(size), 0.5f, *random_);
  std::stable_sort(starts.begin(), starts.end(),
                   [&](crowd::Point2 a, crowd::Point2 b) { return dist(a, g.gate_at) < dist(b, g.gate_at); });
  const std::vector<crowd::Point2> places = standing_places(g, size, params_.crowd.stand_density);
  protesters_.clear();
  settling_.clear();
  for (int i = 0; i < size; ++i) {
    // Those who march passed the town's rule; their H and R are drawn afresh for the march
    // (a replay has no town), from the protest's own stream.
    protesters_.push_back(draw_resident(*random_));
    const crowd::CrowdAgentId id = crowd_->add_agent(
        {starts[static_cast<std::size_t>(i)], places[static_cast<std::size_t>(i)], kMarchSpeed_mps, 0.2f, byte(ProtesterState::Quiet)});
    settling_.set_off(id, starts[static_cast<std::size_t>(i)], places[static_cast<std::size_t>(i)], now);
  }
  walking_ = size;
  walk_until_ = now + params_.crowd.settle_within;
  phase_ = ProtestPhase::Marching;
  level_ = CrowdLevel::gathering;
  last_action_ = ForceAction::none;
  barrier_up_ = false;
  losses_since_ = 0;
  next_round_ends_ = now;
  last_assess_ = now;
  log_.record(now, "protest_march", {{"protest", static_cast<std::int64_t>(r.id)},
                                     {"size", static_cast<std::int64_t>(size)},
                                     {"scripted", scripted},
                                     {"legitimacy", legitimacy_.value()}});
  schedule(queue, now + params_.crowd.evaluate_every, EventKind::ProtestAssess, static_cast<std::uint64_t>(r.id));
}

void ProtestModel::step_crowd(float dt, int steps) {
  for (int k = 0; k < steps; ++k) {
    crowd_->step(dt, parallelism_);
    agent_steps_ += crowd_->agent_count();
    for (crowd::CrowdAgentId id : crowd_->arrivals()) {
      if (walking_ > 0) --walking_;
      if (crowd_->state(id) == byte(ProtesterState::Leaving)) crowd_->remove_agent(id);
    }
  }
}

void ProtestModel::move(SimTime now, SimTime dt) {
  if (!wants_ticks()) return;
  const int steps = std::max(1, static_cast<int>(std::lround(dt / params_.crowd.step)));
  step_crowd(static_cast<float>(dt / steps), steps);
  // A jam must not keep the engine ticking: once the crowd has come to rest short of its places
  // (its walkers no nearer them on average over a whole window), or at the latest after the
  // settling time,
  // whoever still walks stops counting (those going home are taken as gone).
  if (now + dt >= walk_until_ || settling_.at_rest(*crowd_, now + dt)) {
    std::vector<crowd::CrowdAgentId> gone;
    crowd_->for_each_agent([&](crowd::CrowdAgentId id, crowd::Point2, std::uint8_t state) {
      if (state == byte(ProtesterState::Leaving)) gone.push_back(id);
    });
    for (crowd::CrowdAgentId id : gone) crowd_->remove_agent(id);
    walking_ = 0;
  }
}

void ProtestModel::send_home(crowd::CrowdAgentId id, SimTime now) {
  if (crowd_->state(id) == byte(ProtesterState::Leaving)) return;
  // The engine ticks while they walk, for at most kLeaveWithin from the last to set off: one
  // caught at the front of a standing crowd squeezes out in a way the kernel's discs cannot.
  walk_until_ = std::max(walk_until_, now + kLeaveWithin);
  // They walk out of the scene (past the crowd's far edge, toward town) and are gone: what they
  // do in town is not the camp's concern, and walking them home would cost steps for nothing.
  const GateGround& g = *ground_;
  const double out = std::sqrt(2.0 * records_.back().size / (std::numbers::pi * params_.crowd.stand_density)) + kLeaveBeyond_m;
  const double side = random_->uniform(-out, out);
  const crowd::Point2 away{static_cast<float>(g.gate_at.x + g.outward.x * out + g.along.x * side),
                           static_cast<float>(g.gate_at.y + g.outward.y * out + g.along.y * side)};
  crowd_->set_state(id, byte(ProtesterState::Leaving));
  crowd_->set_target(id, away);
  settling_.set_off(id, crowd_->position(id), away, now);
  ++walking_;
}

int ProtestModel::police_standing() const {
  return std::max(0, params_.effects.police_at_gate - records_.back().police_hurt);
}

std::vector<Point> ProtestModel::force_points(const std::vector<Person>& sentries) const {
  std::vector<Point> points = police_places(*ground_, police_standing());
  for (const Person& p : sentries) points.push_back(p.position);
  return points;
}

// The crowd as the force faces it at an assessment: who stands where, who is active after
// this assessment's decisions, and the situation the escalation ladder reads.
struct ProtestModel::CrowdPicture {
  std::vector<crowd::CrowdAgentId> ids, actives, quiet;
  std::vector<crowd::Point2> where;
  // The sentries at the gate, read once per assessment: the force the crowd sees, and whom its
  // stones and fire can hit (those hit leave it).
  std::vector<Person> sentries;
  int active = 0, throwers = 0;
  CrowdSituation situation;
};

// Every assess_every minutes at the gate: the crowd decides, the force acts, both are hurt,
// the ladder moves, and the protest goes on or ends. The random draws come in a fixed order
// (provocations, the force's act, talks, gas, gunfire, stones, fire, breach), so each step's
// draws are the same whatever the steps before them did.
void ProtestModel::assess(SimTime now, engine::EventQueue& queue) {
  ProtestRecord& r = records_.back();
  const double dt_h = (now - last_assess_) / engine::kHour;
  last_assess_ = now;
  if (phase_ == ProtestPhase::Marching) {
    if (walking_ > 0 && now < walk_until_) {
      schedule(queue, now + params_.crowd.evaluate_every, EventKind::ProtestAssess, static_cast<std::uint64_t>(r.id));
      return;
    }
    phase_ = ProtestPhase::AtGate;
    r.at_gate = now;
    r.first_at[static_cast<std::size_t>(CrowdLevel::gathering)] = now;
  }
  crowd_->interactions().sources.clear();

  CrowdPicture picture = perceive(now, dt_h);
  const ForceAction action = force_->act(level_, now, *random_);
  negotiate(now, picture.quiet);
  if (action >= ForceAction::barrier) barrier_up_ = true;
  const double shielded = barrier_up_ ? 1.0 - params_.effects.barrier_protection : 1.0;
  if (action == ForceAction::tear_gas) use_tear_gas(now, picture);
  if (action == ForceAction::warning_shots || action == ForceAction::lethal_force) use_gunfire(action, now, picture, queue);
  throw_missiles(picture.throwers, dt_h, shielded, now, picture.sentries, queue);
  const bool breached = level_ == CrowdLevel::breach_attempt &&
                        random_->bernoulli(1.0 - math::exp(-params_.effects.breach_per_hour * dt_h * shielded));
  climb_ladder(now, picture, action);

  if (breached) return close(ProtestEnd::Breach, now);
  if (level_ == CrowdLevel::dispersed) return close(ProtestEnd::Dispersed, now);
  int standing = 0;
  crowd_->for_each_agent([&](crowd::CrowdAgentId, crowd::Point2, std::uint8_t st) {
    standing += st != byte(ProtesterState::Leaving) ? 1 : 0;
  });
  if (standing < kMinStanding) return close(ProtestEnd::MeltedAway, now);
  if (now - r.marched >= params_.crowd.max_duration) return close(ProtestEnd::Dusk, now);
  schedule(queue, now + params_.crowd.evaluate_every, EventKind::ProtestAssess, static_cast<std::uint64_t>(r.id));
}

ProtestModel::CrowdPicture ProtestModel::perceive(SimTime now, double dt_h) {
  const GateGround& g = *ground_;
  CrowdPicture pic;
  for (const Person& p : people_.people_at(now))
    if (p.sentry && distance(p.position, to_point(g.gate_at)) <= kGatePostReach_m) pic.sentries.push_back(p);
  const std::vector<Point> force = force_points(pic.sentries);
  const double vision = params_.crowd.vision_m;
  std::vector<crowd::Point2> active_at;
  crowd_->for_each_agent([&](crowd::CrowdAgentId id, crowd::Point2 p, std::uint8_t state) {
    if (state == byte(ProtesterState::Leaving)) return;
    pic.ids.push_back(id), pic.where.push_back(p);
    if (state == byte(ProtesterState::Active)) active_at.push_back(p);
  });
  // Epstein's local vision, one radius for both counts: the police and soldiers a protester
  // sees (C) and the active protesters around them (A - 1), as they stood at the last
  // assessment. Everyone decides from the same picture, so the order of decisions is irrelevant.
  const std::size_t n = pic.ids.size();
  int front = 0, front_active = 0, near_gate = 0;
  std::vector<bool> now_active(n);
  std::vector<int> cops_seen(n);
  for (std::size_t i = 0; i < n; ++i) {
    int cops = 0, others = 0;
    for (const Point& f : force) cops += within(to2(f), pic.where[i], vision) ? 1 : 0;
    cops_seen[i] = cops;
    for (crowd::Point2 a : active_at) others += within(a, pic.where[i], vision) ? 1 : 0;
    if (crowd_->state(pic.ids[i]) == byte(ProtesterState::Active)) --others;  // not oneself
    now_active[i] =
        is_active(protesters_[pic.ids[i].value], legitimacy_.value(), cops, std::max(others, 0), params_.activation);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const bool is = now_active[i];
    crowd_->set_state(pic.ids[i], byte(is ? ProtesterState::Active : ProtesterState::Quiet));
    (is ? pic.actives : pic.quiet).push_back(pic.ids[i]);
    pic.active += is ? 1 : 0;
    if (cops_seen[i] > 0) ++front, front_active += is ? 1 : 0;
    if (dist(pic.where[i], g.gate_at) <= kDensityRadius_m) ++near_gate;
    // Stones and bottles come from the actives within a throw of the gate.
    if (is && dist(pic.where[i], g.gate_at) <= kThrowRange_m) ++pic.throwers;
  }
  CrowdSituation& s = pic.situation;
  s.size = static_cast<int>(n);
  s.density = near_gate / (std::numbers::pi * kDensityRadius_m * kDensityRadius_m / 2);
  // The crowd's mood at the gate is set by the rows that face the force.
  s.active_share = front > 0 ? static_cast<double>(front_active) / front : 0.0;
  s.provocations = engine::poisson_count(*random_, params_.crowd.provocations_per_hour * dt_h);
  s.losses = losses_since_;
  losses_since_ = 0;
  return pic;
}

// Talking goes on beside whatever else the force does, in rounds, once it is permitted.
void ProtestModel::negotiate(SimTime now, const std::vector<crowd::CrowdAgentId>& quiet) {
  if (!params_.rules.rule(ForceStep::negotiate).permitted || now < next_round_ends_) return;
  ProtestRecord& r = records_.back();
  ++r.negotiation_rounds;
  next_round_ends_ = now + negotiation_round_minutes(r.understanding, params_.negotiation) * engine::kMinute;
  if (!random_->bernoulli(negotiation_success_chance(r.understanding, params_.negotiation))) return;
  ++r.negotiation_successes;
  for (crowd::CrowdAgentId id : quiet)
    if (random_->bernoulli(params_.effects.negotiation_home_share)) send_home(id, now);
}

// A canister among the active: where they stand thickest, taken as their mean position.
void ProtestModel::use_tear_gas(SimTime now, const CrowdPicture& pic) {
  const ProtestEffects& e = params_.effects;
  ++records_.back().tear_gas_uses;
  double cx = 0, cy = 0;
  const auto& aim = pic.actives.empty() ? pic.ids : pic.actives;
  for (crowd::CrowdAgentId id : aim) cx += crowd_->position(id).x, cy += crowd_->position(id).y;
  const crowd::Point2 at{static_cast<float>(cx / std::max<std::size_t>(aim.size(), 1)),
                         static_cast<float>(cy / std::max<std::size_t>(aim.size(), 1))};
  crowd_->interactions().sources.push_back({at, kGasStrength, static_cast<float>(e.tear_gas_radius_m), crowd::kAllStates});
  for (std::size_t i = 0; i < pic.ids.size(); ++i)
    if (dist(pic.where[i], at) <= e.tear_gas_radius_m && random_->bernoulli(e.tear_gas_flee_share))
      send_home(pic.ids[i], now);
}

// Gunfire: those hit fall where they stand; those near enough to hear it run (before the hits
// are drawn, so those who run are the ones who heard it, not the ones hit).
void ProtestModel::use_gunfire(ForceAction action, SimTime now, const CrowdPicture& pic, engine::EventQueue& queue) {
  const ProtestEffects& e = params_.effects;
  ProtestRecord& r = records_.back();
  const bool lethal = action == ForceAction::lethal_force;
  (lethal ? r.lethal_force_uses : r.warning_shot_uses) += 1;
  const double flee = lethal ? e.lethal_flee_share : e.warning_shot_flee_share;
  for (std::size_t i = 0; i < pic.ids.size(); ++i)
    if (dist(pic.where[i], ground_->gate_at) <= e.gunfire_flee_radius_m && random_->bernoulli(flee))
      send_home(pic.ids[i], now);
  const double hits = lethal ? e.lethal_hits_per_use : e.warning_shot_hits_per_use;
  hurt_protesters(engine::poisson_count(*random_, std::min(100.0, hits)), now, queue);
}

// Stones and fire over the interval just gone, from the throwers, less what the barrier stops.
void ProtestModel::throw_missiles(int throwers, double dt_h, double shielded, SimTime now, std::vector<Person>& sentries,
                                  engine::EventQueue& queue) {
  const ProtestEffects& e = params_.effects;
  if (level_ >= CrowdLevel::stone_throwing)
    hurt_force(engine::poisson_count(*random_, std::min(100.0, throwers * e.stone_hits_per_active_hour * dt_h * shielded)),
               Cause::Stones, now, sentries, queue);
  if (level_ >= CrowdLevel::molotov)
    hurt_force(engine::poisson_count(*random_, std::min(100.0, throwers * e.fire_hits_per_active_hour * dt_h * shielded)),
               Cause::Fire, now, sentries, queue);
}

// The escalation ladder's next rung from what the crowd and the force just did; logged when
// either changes, and each rung's first time kept for the record.
void ProtestModel::climb_ladder(SimTime now, const CrowdPicture& pic, ForceAction action) {
  ProtestRecord& r = records_.back();
  const CrowdLevel next = next_level(level_, pic.situation, action, r.understanding, params_.escalation);
  if (next != level_ || action != last_action_)
    log_.record(now, "protest_state", {{"protest", static_cast<std::int64_t>(r.id)},
                                       {"level", std::string(name(next))},
                                       {"action", std::string(name(action))},
                                       {"crowd", static_cast<std::int64_t>(pic.situation.size)},
                                       {"active", static_cast<std::int64_t>(pic.active)},
                                       {"front_active_share", pic.situation.active_share}});
  level_ = next;
  last_action_ = action;
  if (level_ > r.peak) r.peak = level_;
  if (!r.first_at[static_cast<std::size_t>(level_)]) r.first_at[static_cast<std::size_t>(level_)] = now;
}

void ProtestModel::hurt_force(int hits, Cause cause, SimTime now, std::vector<Person>& sentries,
                              engine::EventQueue& queue) {
  ProtestRecord& r = records_.back();
  const GateGround& g = *ground_;
  for (int h = 0; h < hits; ++h) {
    // The sentries at the gate and the police line are hit alike: one drawn uniformly.
    const int police = police_standing();
    const auto pool = static_cast<std::uint64_t>(sentries.size()) + static_cast<std::uint64_t>(police);
    if (pool == 0) return;
    const std::uint64_t pick = random_->uniform_index(pool);
    const double u = random_->uniform01();
    Triage triage = Triage::Minimal;
    if (cause == Cause::Stones) triage = u < kStoneDelayedShare ? Triage::Delayed : Triage::Minimal;
    else triage = u < kFireImmediateShare ? Triage::Immediate
                  : u < kFireImmediateShare + kFireDelayedShare ? Triage::Delayed : Triage::Minimal;
    Casualty c;
    c.incident = r.incident;
    c.time = now;
    c.cause = cause;
    c.triage = triage;
    c.inside_camp = true;
    if (pick < sentries.size()) {
      const Person& p = sentries[pick];
      c.position = p.position;
      c.contingent = p.contingent;
      c.person = p.person;
      ++r.peacekeepers_hurt;
      // Hurt, he is off his post at once (the casualty takes effect now): not hit again.
      sentries.erase(sentries.begin() + static_cast<std::ptrdiff_t>(pick));
    } else {
      c.position = {g.gate_at.x - g.outward.x * kPoliceInside_m, g.gate_at.y - g.outward.y * kPoliceInside_m};
      c.contingent = params_.effects.police_contingent;
      ++r.police_hurt;
    }
    incidents_.add_casualty(std::move(c), now, queue);
  }
}

void ProtestModel::hurt_protesters(int hits, SimTime now, engine::EventQueue& queue) {
  ProtestRecord& r = records_.back();
  const ProtestEffects& e = params_.effects;
  for (int h = 0; h < hits; ++h) {
    // Shots go at the front: the standing protester nearest the gate, ties by id.
    std::optional<crowd::CrowdAgentId> target;
    double best = std::numeric_limits<double>::infinity();
    crowd_->for_each_agent([&](crowd::CrowdAgentId id, crowd::Point2 p, std::uint8_t st) {
      const double d = dist(p, ground_->gate_at);
      if (st != byte(ProtesterState::Leaving) && d < best) best = d, target = id;
    });
    if (!target) return;
    const crowd::Point2 at = crowd_->position(*target);
    crowd_->remove_agent(*target);
    const bool killed = random_->bernoulli(e.gunshot_lethality);
    const Triage triage = killed ? Triage::Killed
                          : random_->bernoulli(kGunshotImmediateShare) ? Triage::Immediate : Triage::Delayed;
    ++losses_since_;
    if (killed) {
      ++r.civilians_killed;
      legitimacy_.civilians_killed(1);
      full_engagement_until_ = now + params_.town.response_days * engine::kDay;
    } else {
      ++r.civilians_wounded;
      legitimacy_.civilians_injured(1);
    }
    lowest_legitimacy_ = std::min(lowest_legitimacy_, legitimacy_.value());
    const bool to_camp = !killed && random_->bernoulli(e.civilians_to_un_hospital);
    log_.record(now, "protester_hit", {{"protest", static_cast<std::int64_t>(r.id)},
                                       {"triage", std::string(triage_name(triage))},
                                       {"taken_to", std::string(to_camp ? "camp_hospital" : killed ? "family" : "gao_hospital")},
                                       {"x_m", double(at.x)},
                                       {"y_m", double(at.y)}});
    if (!to_camp) continue;
    ++r.civilians_to_un_hospital;
    Casualty c;
    c.incident = r.incident;
    c.time = now;
    c.position = to_point(at);
    c.cause = Cause::Gunfire;
    c.triage = triage;
    c.contingent = "civilian";
    c.inside_camp = false;
    incidents_.add_casualty(std::move(c), now, queue);
  }
}

void ProtestModel::close(ProtestEnd end, SimTime now) {
  ProtestRecord& r = records_.back();
  r.end = end;
  r.ended = now;
  r.legitimacy_after = legitimacy_.value();
  r.force_used.assign(force_->uses().begin(), force_->uses().end());
  for (int s = 0; s < kForceSteps; ++s) {
    r.requested[static_cast<std::size_t>(s)] = force_->authorizations().requested_at(static_cast<ForceStep>(s));
    r.granted[static_cast<std::size_t>(s)] = force_->authorizations().granted_at(static_cast<ForceStep>(s));
  }
  Incident& incident = incidents_.incident(r.incident);
  incident.fact("crowd", r.size);
  incident.fact("peak_level", static_cast<double>(r.peak));
  incident.fact("civilians_killed", r.civilians_killed);
  incident.fact("civilians_wounded", r.civilians_wounded);
  incident.fact("breach", end == ProtestEnd::Breach ? 1.0 : 0.0);
  log_.record(now, "protest_end", {{"protest", static_cast<std::int64_t>(r.id)},
                                   {"end", std::string(name(end))},
                                   {"peak", std::string(name(r.peak))},
                                   {"minutes", (now - r.marched) / engine::kMinute},
                                   {"civilians_killed", static_cast<std::int64_t>(r.civilians_killed)},
                                   {"civilians_wounded", static_cast<std::int64_t>(r.civilians_wounded)},
                                   {"police_hurt", static_cast<std::int64_t>(r.police_hurt)},
                                   {"peacekeepers_hurt", static_cast<std::int64_t>(r.peacekeepers_hurt)},
                                   {"legitimacy", legitimacy_.value()}});
  crowd_.reset();
  force_.reset();
  walking_ = 0;
  phase_ = ProtestPhase::Over;
  level_ = CrowdLevel::dispersed;
}

void ProtestModel::finish(SimTime end) {
  if (crowd_) close(ProtestEnd::RunEnded, end);
}

ProtestView ProtestModel::view() const {
  ProtestView v;
  v.gate = to_point(ground_->gate_at);
  v.legitimacy = legitimacy_.value();
  if (!crowd_) return v;
  v.live = true;
  v.id = records_.back().id;
  v.level = phase_ == ProtestPhase::Marching ? CrowdLevel::gathering : level_;
  v.action = last_action_;
  const std::vector<Point> police = police_places(*ground_, police_standing());
  if (!police.empty()) v.police = {police.front(), police.back(), static_cast<int>(police.size())};
  crowd_->for_each_agent([&](crowd::CrowdAgentId, crowd::Point2 p, std::uint8_t st) {
    const auto state = static_cast<ProtesterState>(st);
    v.protesters.push_back({to_point(p), state});
    if (state != ProtesterState::Leaving && dist(p, ground_->gate_at) <= kThrowRange_m) ++v.at_gate;
    if (state == ProtesterState::Active) ++v.active;
  });
  return v;
}

}  // namespace campsim::camp::protest
