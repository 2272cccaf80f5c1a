#include "sim/camp/fight/engagement.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "sim/camp/fight/stray_round.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::fight {

namespace {

// A fighter who fired this recently is given away by the flash and the report.
constexpr SimTime kGivenAwayFor = 5;
// Half the width of the lane a rifleman keeps clear of his own side before he fires (metres;
// assumed: nobody fires with a comrade within about a metre of his line, short of the mark).
constexpr double kFireLane = 1.0;
// A stray round is followed past people no farther off its line than this many spreads (the
// chance of passing within a body's width beyond it is below one in a million).
constexpr double kFarOffLine = 5.0;

}  // namespace

Engagement::Engagement(const FightParams& params, const Terrain& terrain, Rules rules, std::uint64_t seed,
                       std::uint64_t replication, std::uint64_t fight)
    : params_(params), terrain_(terrain), rules_(rules), seed_(seed), replication_(replication), fight_(fight),
      routes_(terrain) {}

FighterId Engagement::add(const Fighter& f) {
  const auto id = static_cast<std::uint32_t>(fighters_.size());
  fighters_.push_back(f);
  sightings_.add_observer();
  (f.side == Side::Camp ? camp_ids_ : attacker_ids_).push_back(id);
  return FighterId{id};
}

double Engagement::range_hit_probability(const FireParams& fire, double range_m) {
  if (range_m > fire.max_range_m) return 0;
  if (range_m <= 0) return 1;
  const double c = fire.effective_range_m * fire.effective_range_m * std::numbers::ln2;
  return 1 - math::exp(-c / (range_m * range_m));
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
      const double view = present ? visibility_to(params_, terrain_, observer, target, conditions.visibility) : 0;
      if (view <= 0) {
        if (sightings_.sees(oid, tid)) sightings_.set(oid, tid, false, fighters_.size());
        continue;
      }
      if (sightings_.sees(oid, tid)) {
        if (observer.side == Side::Camp && is_active(target.state)) last_seen_ = target.position;
        continue;
      }
      const double d = camp::distance(observer.position, target.position);
      const double range = observer.sight_range_m * conditions.visibility;
      const bool given_away = target.fired_at && now - *target.fired_at <= kGivenAwayFor;
      // A vehicle shows whole, whatever its driver's exposure to a rifle.
      const double shows = target.posture == Posture::Driving ? 1.0 : exposure(params_.fire, target.posture);
      const double hazard = s.detection_rate_per_s * observer.vigilance * conditions.visibility * view *
                            (1 - d / range) * shows * target.conspicuity * (given_away ? s.firing_boost : 1.0);
      const double u = rng.uniform01();  // one draw per enemy in view, in id order
      if (u >= 1 - math::exp(-hazard * dt)) continue;
      sightings_.set(oid, tid, true, fighters_.size());
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
    if (!sightings_.sees(shooter, tid) || !is_active(target.state)) continue;
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
      const double p = aim * exposure(fire, target.posture) * (sight.clear ? sight.transmission : 0);
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
                          exposure(fire, f.posture);
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

void Engagement::fade(SimTime dt) {
  const double keep = std::exp2(-dt / params_.fire.suppression_half_life);
  for (Fighter& f : fighters_) f.suppression *= keep;
}

void Engagement::step(SimTime now, SimTime dt, const Conditions& conditions, std::vector<FightEvent>& events) {
  advance_timers(fighters_, params_.move, now);
  look(now, dt, conditions, events);
  shoot(now, dt, events);
  move_fighters(fighters_, params_.move, rules_.hunt_radius_m, last_seen_, routes_, now, dt);
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
