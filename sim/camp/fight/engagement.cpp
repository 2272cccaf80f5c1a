#include "sim/camp/fight/engagement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "sim/camp/fight/stray_round.hpp"

namespace campsim::fight {

namespace {

// A fighter who fired this recently is given away by the flash and the report.
constexpr SimTime kGivenAwayFor = 5;
// Close enough to a goal to count as there (metres).
constexpr double kArrived = 1.0;
// The step an intruder takes across the wire once it is cut (metres: the wall and a little more).
constexpr double kThroughTheWire = 3.0;
// How far from a wall's corner a walker rounds it (metres; assumed: a shoulder's width).
constexpr double kWallClearance = 0.5;
// A straight way is checked again for walls once its goal has moved this far (metres; assumed).
constexpr double kRecheckStraight = 1.0;
// A way round walls is planned again once its goal has moved this far (metres; assumed).
constexpr double kReplanAfter = 5.0;
// Half the width of the lane a rifleman keeps clear of his own side before he fires (metres;
// assumed: nobody fires with a comrade within about a metre of his line, short of the mark).
constexpr double kFireLane = 1.0;
// A stray round is followed past people no farther off its line than this many spreads (the
// chance of passing within a body's width beyond it is below one in a million).
constexpr double kFarOffLine = 5.0;

Point step_towards(Point from, Point to, double metres) {
  const double d = camp::distance(from, to);
  if (d <= metres || d <= 0) return to;
  return {from.x + (to.x - from.x) * metres / d, from.y + (to.y - from.y) * metres / d};
}

// The point `abreast` metres to the right of `target`, seen from `from` (on the line through
// `target` square to the line from `from`).
Point abreast_of(Point from, Point target, double abreast) {
  const double d = camp::distance(from, target);
  if (abreast == 0 || d <= 0) return target;
  const double ux = (target.x - from.x) / d, uy = (target.y - from.y) / d;
  return {target.x + uy * abreast, target.y - ux * abreast};
}

}  // namespace

Engagement::Engagement(const FightParams& params, const Terrain& terrain, Rules rules, std::uint64_t seed,
                       std::uint64_t replication, std::uint64_t fight)
    : params_(params), terrain_(terrain), rules_(rules), seed_(seed), replication_(replication), fight_(fight) {}

FighterId Engagement::add(const Fighter& f) {
  const auto id = static_cast<std::uint32_t>(fighters_.size());
  fighters_.push_back(f);
  known_.emplace_back();
  (f.side == Side::Camp ? camp_ids_ : attacker_ids_).push_back(id);
  return FighterId{id};
}

double Engagement::range_hit_probability(const FireParams& fire, double range_m) {
  if (range_m > fire.max_range_m) return 0;
  if (range_m <= 0) return 1;
  const double c = fire.effective_range_m * fire.effective_range_m * std::numbers::ln2;
  return 1 - std::exp(-c / (range_m * range_m));
}

double Engagement::exposure(Posture p) const {
  switch (p) {
    case Posture::Standing: return params_.fire.exposure_standing;
    case Posture::InCover: return params_.fire.exposure_in_cover;
    case Posture::Booth: return params_.fire.exposure_booth;
    case Posture::Vehicle: return params_.fire.exposure_vehicle;
    case Posture::Indoors: return params_.fire.exposure_in_cover;  // through a door or a window
    case Posture::Driving: return params_.fire.exposure_driving;
  }
  return 1;
}

bool Engagement::sees(FighterId observer, FighterId target) const {
  const auto& row = known_[observer.value];
  return target.value < row.size() && row[target.value] != 0;
}

void Engagement::set_known(FighterId observer, FighterId target, bool known) {
  auto& row = known_[observer.value];
  if (row.size() < fighters_.size()) row.resize(fighters_.size(), 0);
  row[target.value] = known ? 1 : 0;
}

double Engagement::view_of(const Fighter& observer, const Fighter& target, double visibility) const {
  const double range = observer.sight_range_m * visibility;
  // Squared distance first: most of the camp's people are out of an intruder's sight.
  const double dx = observer.position.x - target.position.x, dy = observer.position.y - target.position.y;
  if (dx * dx + dy * dy > range * range) return 0;
  const double d = camp::distance(observer.position, target.position);
  if (d > range) return 0;
  if (target.posture == Posture::Indoors && d > params_.sight.indoor_reach_m) return 0;
  if (!in_field_of_view(observer.position, observer.facing_deg, observer.field_of_view_deg, target.position)) return 0;
  const Sight sight = line_of_sight(terrain_, Eye{observer.position, observer.eye_height_m}, target.position,
                                    params_.sight.target_height_m);
  return sight.clear ? sight.transmission : 0;
}

void Engagement::advance_timers(SimTime now) {
  for (Fighter& f : fighters_) {
    if (f.state == FighterState::Waiting && now >= f.ready_at) f.state = FighterState::Advancing;
    if (f.state == FighterState::Breaching && now >= f.ready_at) {
      // Through the wire: a step across it, then on to the objective.
      f.state = FighterState::Advancing;
      f.entered_at = f.ready_at;
      f.speed_mps = params_.move.inside_speed_mps;
      f.posture = Posture::Standing;  // on their feet inside, moving between buildings
      f.position = step_towards(f.position, f.objective, kThroughTheWire);
      f.goal = f.objective;
    }
  }
}

void Engagement::look(SimTime now, SimTime dt, const Conditions& conditions, std::vector<FightEvent>& events) {
  const SightParams& s = params_.sight;
  const auto tick = static_cast<std::uint64_t>(std::floor(now));
  for (std::size_t o = 0; o < fighters_.size(); ++o) {
    const Fighter& observer = fighters_[o];
    if (!observer.armed || !is_active(observer.state)) continue;
    engine::RandomStream rng(engine::StreamKey{seed_, replication_, engine::purpose_tag("fight.see"),
                                               (fight_ << 20) | o, tick});
    for (const std::uint32_t t : enemies_of(observer.side)) {
      const Fighter& target = fighters_[t];
      const FighterId oid{static_cast<std::uint32_t>(o)}, tid{t};
      // Out of the fight, or gone: nothing to look for (a wounded intruder stays visible to be taken).
      const bool present = is_active(target.state) || target.state == FighterState::Incapacitated;
      const double view = present ? view_of(observer, target, conditions.visibility) : 0;
      if (view <= 0) {
        if (sees(oid, tid)) set_known(oid, tid, false);
        continue;
      }
      if (sees(oid, tid)) {
        if (observer.side == Side::Camp && is_active(target.state)) last_seen_ = target.position;
        continue;
      }
      const double d = camp::distance(observer.position, target.position);
      const double range = observer.sight_range_m * conditions.visibility;
      const bool given_away = target.fired_at && now - *target.fired_at <= kGivenAwayFor;
      // A vehicle shows whole, whatever its driver's exposure to a rifle.
      const double shows = target.posture == Posture::Driving ? 1.0 : exposure(target.posture);
      const double hazard = s.detection_rate_per_s * observer.vigilance * conditions.visibility * view *
                            (1 - d / range) * shows * target.conspicuity * (given_away ? s.firing_boost : 1.0);
      const double u = rng.uniform01();  // one draw per enemy in view, in id order
      if (u >= 1 - std::exp(-hazard * dt)) continue;
      set_known(oid, tid, true);
      ++tally_.detections;
      events.push_back({FightEventKind::Detection, now, oid, tid, HitOutcome::Miss, d});
      if (observer.side == Side::Camp && is_active(target.state)) {
        last_seen_ = target.position;
        if (!tally_.first_detection_of_attacker) tally_.first_detection_of_attacker = now;
      }
    }
  }
}

bool Engagement::may_fire(const Fighter& f) const {
  if (!f.armed || !is_active(f.state)) return false;
  if (f.side == Side::Camp) return true;
  if (!rules_.attackers_hold_fire_until_seen || attackers_alerted_) return true;
  // Unseen, an intruder holds fire until it is through the wire and at its goal.
  return f.state == FighterState::Holding || f.state == FighterState::Engaging;
}

std::optional<FighterId> Engagement::choose_target(FighterId shooter) const {
  const Fighter& me = fighters_[shooter.value];
  std::optional<FighterId> best;
  double best_d = std::numeric_limits<double>::infinity();
  bool best_armed = false;
  for (const std::uint32_t t : enemies_of(me.side)) {
    const FighterId tid{t};
    const Fighter& target = fighters_[t];
    if (!sees(shooter, tid) || !is_active(target.state)) continue;
    const double d = camp::distance(me.position, target.position);
    if (d > params_.fire.max_range_m) continue;
    // The threat first (a gunman, a vehicle bomb), then the nearest; ties by id (the loop order).
    const bool threat = target.armed || target.role == Role::Vehicle;
    if ((threat && !best_armed) || (threat == best_armed && d < best_d)) {
      best = tid;
      best_d = d;
      best_armed = threat;
    }
  }
  return best;
}

void Engagement::shoot(SimTime now, SimTime dt, std::vector<FightEvent>& events) {
  const FireParams& fire = params_.fire;
  const auto tick = static_cast<std::uint64_t>(std::floor(now));
  for (std::size_t s = 0; s < fighters_.size(); ++s) {
    Fighter& shooter = fighters_[s];
    const FighterId sid{static_cast<std::uint32_t>(s)};
    if (!may_fire(shooter) || fire.shots_per_minute <= 0) {
      shooter.next_shot.reset();
      continue;
    }
    const std::optional<FighterId> target_id = choose_target(sid);
    if (!target_id) {
      shooter.next_shot.reset();
      if (shooter.state == FighterState::Engaging) shooter.state = FighterState::Advancing;
      continue;
    }
    // Nobody fires with one of his own in the line of fire short of the mark: with no clear shot
    // he does not stop to fight but keeps moving (the QRF closes on, and a step aside clears
    // the line), and a sentry holds his fire.
    // Checked when a shot is due (aimed fire paces itself; between shots he stays in cover).
    const bool shot_due = !shooter.next_shot || *shooter.next_shot < now + dt;
    if (rules_.stray_rounds && shot_due && own_side_in_the_way(sid, *target_id)) {
      shooter.next_shot.reset();
      if (shooter.state == FighterState::Engaging) shooter.state = FighterState::Advancing;
      continue;
    }
    engine::RandomStream rng(engine::StreamKey{seed_, replication_, engine::purpose_tag("fight.fire"),
                                               (fight_ << 20) | s, tick});
    // A vehicle bomb coming on draws rapid fire; a firefight, paced aimed fire.
    const bool rapid = fighters_[target_id->value].role == Role::Vehicle && fire.rapid_shots_per_minute > 0;
    const double mean_gap = engine::kMinute / (rapid ? fire.rapid_shots_per_minute : fire.shots_per_minute);
    // Acquiring a target takes an aimed shot's time; then shots come as a Poisson stream whose
    // times carry over from shot to shot, so a tick never rounds the rate away.
    if (!shooter.next_shot) shooter.next_shot = now + rng.exponential(mean_gap);
    // Inside the wire (or dismounted) a fighter stops in cover to fight; outside, an intruder
    // fires as it goes.
    if (shooter.role == Role::Qrf || (shooter.role == Role::Intruder && shooter.entered_at)) {
      shooter.state = FighterState::Engaging;
      if (shooter.posture == Posture::Standing) shooter.posture = Posture::InCover;
    }
    std::optional<engine::RandomStream> stray_rng;  // drawn from only when a round misses
    while (*shooter.next_shot < now + dt) {
      Fighter& target = fighters_[target_id->value];
      if (!is_active(target.state)) break;
      const double d = camp::distance(shooter.position, target.position);
      const Sight sight = line_of_sight(terrain_, Eye{shooter.position, shooter.eye_height_m}, target.position,
                                        params_.sight.target_height_m);
      // The chance of hitting a standing man here: the aim, before what shows of the target and
      // what the clutter leaves of the view.
      const double aim = range_hit_probability(fire, d) * fire.combat_degradation *
                         (1 - fire.suppressed_accuracy * shooter.suppression);
      const double p = aim * exposure(target.posture) * (sight.clear ? sight.transmission : 0);
      const double u_hit = rng.uniform01();  // three draws per shot whatever happens
      const double u_kill = rng.uniform01();
      const double gap = rng.exponential(mean_gap);
      const SimTime at = *shooter.next_shot;
      const bool hit = u_hit < p;
      target.suppression = std::min(1.0, target.suppression + fire.suppression_per_shot);
      if (target.side == Side::Attacker) attackers_alerted_ = true;  // shot at: they know they are seen
      ++tally_.shots;
      (shooter.side == Side::Camp ? tally_.shots_by_camp : tally_.shots_by_attackers) += 1;
      if (!tally_.first_shot) tally_.first_shot = at;
      // Gunfire is never unseen: whoever is shot at reports where it came from, so the camp
      // knows roughly where an attacker who fires is, even with nobody seeing him.
      if (shooter.side == Side::Attacker) last_seen_ = shooter.position;
      shooter.fired_at = at;
      if (hit) {
        strike(sid, *target_id, at, d, u_kill, false, events);
      } else {
        events.push_back({FightEventKind::Shot, at, sid, *target_id, HitOutcome::Miss, d});
        if (rules_.stray_rounds) {
          if (!stray_rng)
            stray_rng.emplace(engine::StreamKey{seed_, replication_, engine::purpose_tag("fight.stray"),
                                                (fight_ << 20) | s, tick});
          fly_on(sid, *target_id, at, aim, *stray_rng, events);
        }
      }
      *shooter.next_shot += gap;
      if (hit) {
        shooter.next_shot.reset();  // a new target needs a new aim
        break;
      }
    }
  }
}

bool Engagement::own_side_in_the_way(FighterId shooter_id, FighterId target_id) const {
  const Fighter& shooter = fighters_[shooter_id.value];
  const Point from = shooter.position, mark = fighters_[target_id.value].position;
  const double d = camp::distance(from, mark);
  if (d <= 0) return false;
  // The line's direction once; each of his own side by two dot products (this runs for every
  // shot due, over everyone of his side in the fight, bystanders included).
  const double ux = (mark.x - from.x) / d, uy = (mark.y - from.y) / d;
  for (const std::uint32_t i : shooter.side == Side::Camp ? camp_ids_ : attacker_ids_) {
    if (i == shooter_id.value || !is_active(fighters_[i].state)) continue;
    const double px = fighters_[i].position.x - from.x, py = fighters_[i].position.y - from.y;
    const double along = px * ux + py * uy;
    if (along > 0 && along < d && std::abs(px * uy - py * ux) < kFireLane) return true;
  }
  return false;
}

void Engagement::strike(FighterId shooter_id, FighterId target_id, SimTime at, double range_m, double u_kill,
                        bool stray, std::vector<FightEvent>& events) {
  const FireParams& fire = params_.fire;
  const Fighter& shooter = fighters_[shooter_id.value];
  Fighter& target = fighters_[target_id.value];
  const double lethality = fire.hit_lethality * (target.armour ? fire.armour_lethality : 1.0);
  const HitOutcome outcome = u_kill < lethality ? HitOutcome::Killed : HitOutcome::Wounded;
  target.state = outcome == HitOutcome::Killed ? FighterState::Killed : FighterState::Incapacitated;
  target.next_shot.reset();
  ++tally_.hits;
  (shooter.side == Side::Camp ? tally_.hits_by_camp : tally_.hits_by_attackers) += 1;
  if (stray) ++tally_.stray_hits;
  if (target.side == shooter.side) ++tally_.friendly_hits;
  FightEvent e{FightEventKind::Shot, at, shooter_id, target_id, outcome, range_m};
  e.stray = stray;
  events.push_back(e);
}

void Engagement::fly_on(FighterId shooter_id, FighterId aimed, SimTime at, double aim_chance,
                        engine::RandomStream& rng, std::vector<FightEvent>& events) {
  const FireParams& fire = params_.fire;
  const Fighter& shooter = fighters_[shooter_id.value];
  const Point from = shooter.position, mark = fighters_[aimed.value].position;
  const double d = camp::distance(from, mark);
  const double spread_at_mark = miss_spread_m(fire.body_half_width_m, aim_chance);
  if (d <= 0 || !std::isfinite(spread_at_mark)) return;
  // Whoever stands near the line, nearest the muzzle first: the first one struck stops it.
  near_line_.clear();
  const double ux = (mark.x - from.x) / d, uy = (mark.y - from.y) / d;
  for (std::uint32_t i = 0; i < fighters_.size(); ++i) {
    const Fighter& f = fighters_[i];
    if (i == shooter_id.value || i == aimed.value || !is_active(f.state)) continue;
    // place_on_line's arithmetic with the direction worked out once.
    const double px = f.position.x - from.x, py = f.position.y - from.y;
    const LinePlace place{px * ux + py * uy, px * uy - py * ux};
    if (place.along <= 0 || place.along > fire.max_range_m) continue;
    if (std::abs(place.across) > fire.body_half_width_m + kFarOffLine * spread_at_mark * place.along / d) continue;
    near_line_.push_back({place.along, i, place.across});
  }
  std::sort(near_line_.begin(), near_line_.end(),
            [](const NearLine& a, const NearLine& b) { return a.along != b.along ? a.along < b.along : a.id < b.id; });
  for (const auto& [along, i, across] : near_line_) {
    const Fighter& f = fighters_[i];
    const double p_open = passes_within(across, fire.body_half_width_m, spread_at_mark * along / d) *
                          exposure(f.posture);
    const double u_hit = rng.uniform01();  // two draws per person near the line whatever happens
    const double u_kill = rng.uniform01();
    if (u_hit >= p_open) continue;  // missed him even in the open: no need to trace the line
    // Walls stop the round; clutter (buildings, containers) stops it as it hides the person.
    const Sight sight = line_of_sight(terrain_, Eye{from, shooter.eye_height_m}, f.position,
                                      params_.sight.target_height_m);
    if (u_hit < p_open * (sight.clear ? sight.transmission : 0)) {
      fighters_[i].suppression = std::min(1.0, f.suppression + fire.suppression_per_shot);
      strike(shooter_id, FighterId{i}, at, along, u_kill, true, events);
      return;
    }
  }
}

void Engagement::move(SimTime now, SimTime dt) {
  const MoveParams& m = params_.move;
  for (std::size_t i = 0; i < fighters_.size(); ++i) {
    Fighter& f = fighters_[i];
    if (f.role == Role::Vehicle) continue;  // driven by its caller along the approach road
    // Attackers too long inside withdraw: they are gone from the fight.
    if (f.side == Side::Attacker && is_active(f.state) && f.entered_at && now - *f.entered_at >= m.max_inside) {
      f.state = FighterState::Gone;
      continue;
    }
    if (f.role == Role::Qrf && is_active(f.state)) {
      // Take any wounded attacker within reach.
      for (Fighter& other : fighters_)
        if (other.side == Side::Attacker && other.state == FighterState::Incapacitated &&
            camp::distance(other.position, f.position) <= m.capture_range_m)
          other.state = FighterState::Captured;
      if (f.state == FighterState::Advancing) {
        // Close on where an intruder was last seen; with none seen alive, on the nearest wounded
        // one still to be taken.
        if (last_seen_) f.goal = abreast_of(f.position, *last_seen_, f.abreast_m);
        double nearest = std::numeric_limits<double>::infinity();
        bool any_free = false;
        for (const Fighter& other : fighters_) {
          if (other.side != Side::Attacker) continue;
          if (is_active(other.state)) any_free = true;
          if (other.state == FighterState::Incapacitated && camp::distance(other.position, f.position) < nearest) {
            nearest = camp::distance(other.position, f.position);
            if (!any_free) f.goal = other.position;
          }
        }
      }
    }
    if (f.side == Side::Attacker && f.state == FighterState::Holding) {
      // At its goal with nobody in sight: on to the nearest bystander within the hunt radius.
      double best = rules_.hunt_radius_m;
      for (const Fighter& other : fighters_) {
        if (other.role != Role::Bystander || !is_active(other.state)) continue;
        const double d = camp::distance(other.position, f.position);
        if (d < best && d > m.capture_range_m) {
          best = d;
          f.goal = other.position;
          f.state = FighterState::Advancing;
        }
      }
    }
    if (f.state != FighterState::Approaching && f.state != FighterState::Advancing) continue;
    const double speed = f.speed_mps * (1 - f.suppression);
    walk(f, speed * dt);
    if (camp::distance(f.position, f.goal) > kArrived) continue;
    if (f.state == FighterState::Approaching) {
      f.state = FighterState::Breaching;
      f.ready_at = now + dt + f.breach_s;
    } else if (f.side == Side::Attacker) {
      f.state = FighterState::Holding;
      f.posture = Posture::InCover;
    }
  }
}

void Engagement::plan_route(Fighter& f) {
  f.routed_to = f.goal;
  if (walk_clear(terrain_, f.position, f.goal)) {
    f.route.assign(1, f.goal);
    return;
  }
  if (!walkways_) walkways_.emplace(terrain_, kWallClearance);
  f.route = walkways_->route(f.position, f.goal);
  // No way round (the walker stands in a wall's footprint, or is shut in): straight on, as a
  // climber would.
  if (f.route.empty()) f.route.assign(1, f.goal);
}

void Engagement::walk(Fighter& f, double metres) {
  if (f.route.empty()) {
    plan_route(f);
  } else if (!(f.goal.x == f.routed_to.x && f.goal.y == f.routed_to.y)) {
    // A goal that moved (an intruder seen somewhere new, a QRF member's place in the line): a
    // straight way is checked again once the goal has moved a metre, a way round walls once it
    // has moved far (a Dijkstra over the corners is dear); meanwhile the last leg follows it.
    const double moved = camp::distance(f.goal, f.routed_to);
    if (moved > (f.route.size() == 1 ? kRecheckStraight : kReplanAfter)) {
      plan_route(f);
    } else {
      f.route.back() = f.goal;
      f.routed_to = f.goal;
    }
  }
  while (metres > 0) {
    const Point next = f.route.front();
    const double d = camp::distance(f.position, next);
    if (d > metres) {
      f.position = step_towards(f.position, next, metres);
      return;
    }
    f.position = next;
    metres -= d;
    if (f.route.size() == 1) return;  // at the goal (the last waypoint stays: it is the goal)
    f.route.erase(f.route.begin());
  }
}

void Engagement::fade(SimTime dt) {
  const double keep = std::exp2(-dt / params_.fire.suppression_half_life);
  for (Fighter& f : fighters_) f.suppression *= keep;
}

void Engagement::step(SimTime now, SimTime dt, const Conditions& conditions, std::vector<FightEvent>& events) {
  advance_timers(now);
  look(now, dt, conditions, events);
  shoot(now, dt, events);
  move(now, dt);
  fade(dt);
}

bool Engagement::attackers_active() const {
  return std::any_of(fighters_.begin(), fighters_.end(),
                     [](const Fighter& f) { return f.side == Side::Attacker && is_active(f.state); });
}

int Engagement::attackers() const {
  return static_cast<int>(std::count_if(fighters_.begin(), fighters_.end(), [](const Fighter& f) { return f.side == Side::Attacker; }));
}

int Engagement::attackers_in(FighterState s) const {
  return static_cast<int>(std::count_if(fighters_.begin(), fighters_.end(),
                                        [s](const Fighter& f) { return f.side == Side::Attacker && f.state == s; }));
}

}  // namespace campsim::fight
