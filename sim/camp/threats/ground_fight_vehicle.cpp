// The vehicle bomb of a ground fight: placed on its approach road, driven tick by tick, and set
// off where it is when its driver is hit, the barrier holds it, or its run inside ends. Every
// step is described in docs/threats/fight.md ("The vehicle bomb").
#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/camp/threats/ground_fight.hpp"

namespace campsim::camp {

using fight::Fighter;
using fight::FighterId;
using fight::FighterState;
using fight::Posture;
using fight::Role;
using fight::Side;

void GroundFight::place_vehicle(SimTime start) {
  const VehicleBombParams& bomb = *attack_.bomb;
  const CampLayout& layout = *ctx_.layout;
  engine::RandomStream target = ctx_.stream(purpose("target"), incident_.id);
  const Gate& gate = layout.gate(draw_target_gate(ctx_, target));
  road_ = approach_road(bomb, gate, camp_centroid(layout));
  incident_.target = gate.name;
  incident_.location = gate.position;
  // One draw, whatever happens: does the barrier hold the vehicle if it gets there?
  engine::RandomStream barrier = ctx_.stream(purpose("barrier"), incident_.id);
  barrier_will_hold_ = barrier.uniform01() < bomb.barrier_stop_probability;

  Fighter f;
  f.side = Side::Attacker;
  f.role = Role::Vehicle;
  f.state = FighterState::Approaching;
  f.posture = Posture::Driving;
  f.armed = false;
  f.position = road_.start;
  f.speed_mps = road_.speed_mps;
  // The bomb's own recognition rate (a sentry at vigilance 1, close, in full view, reading a
  // vehicle that does not slow as an attack), relative to making out a standing man; range,
  // light and sight lines then act on it as on any sighting.
  f.conspicuity = fp_.sight.detection_rate_per_s > 0 ? bomb.detection_rate_per_s / fp_.sight.detection_rate_per_s : 0;
  f.key = 0;
  vehicle_ = engagement_.add(f);
  if (attack_.intruders > 0) place_intruders(start, gate.position, road_.outward, true);
}

void GroundFight::drive_vehicle(SimTime now, SimTime dt, const std::vector<Person>& people, FightTick& out) {
  Fighter& v = engagement_.at(*vehicle_);
  // Hit at the wheel this tick: it stops where it is and the bomb goes off there (assumed: a
  // second trigger or a dead man's switch, as the ATF and UN counter-IED guidance warn).
  if (v.state == FighterState::Killed || v.state == FighterState::Incapacitated) {
    detonate(now, people, out);
    return;
  }
  const bool held = road_.barrier_m && barrier_will_hold_;
  const double limit = held ? *road_.barrier_m : road_.end_m;
  const double before = driven_m_;
  driven_m_ = drive_on(road_, driven_m_, dt, limit);
  v.position = position_on(road_, driven_m_);
  if (before <= road_.to_gate_m && driven_m_ > road_.to_gate_m) v.entered_at = now + dt;
  if (driven_m_ >= limit) detonate(now + dt, people, out);
}

void GroundFight::detonate(SimTime at, const std::vector<Person>& people, FightTick& out) {
  Fighter& v = engagement_.at(*vehicle_);
  const bool by_fire = v.state == FighterState::Killed || v.state == FighterState::Incapacitated;
  v.state = FighterState::Killed;  // the driver dies with his bomb
  BombOutcome b;
  b.detonated = at;
  b.at = v.position;
  b.stopped_by_fire = by_fire;
  b.short_of_gate_m = std::max(0.0, road_.to_gate_m - driven_m_);
  b.barrier_held = !by_fire && road_.barrier_m && barrier_will_hold_ && driven_m_ >= *road_.barrier_m;
  b.penetrated = driven_m_ > road_.to_gate_m;
  bomb_outcome_ = b;
  incident_.location = b.at;
  const VehicleBombParams& bomb = *attack_.bomb;
  out.detonation = Detonation{b.at, std::sqrt(bomb.charge.lethal_area_m2 / std::numbers::pi), at};

  // The blast among the camp's people where they are now; those who were fighting are out of it.
  for (BlastHit& hit : bomb_blast(bomb, ctx_, incident_.id, attack_.stream_prefix, b.at, at, people)) {
    const Casualty& c = hit.casualty;
    if (c.person) {
      const std::uint32_t person = c.person->value;
      if (person < by_person_.size() && by_person_[person])
        engagement_.at(*by_person_[person]).state =
            c.triage == Triage::Killed ? FighterState::Killed : FighterState::Incapacitated;
    }
    out.casualties.push_back(std::move(hit.casualty));
  }
  // Gunmen waiting outside go in at the gate: through it if the bomb opened it (at the barrier
  // or inside), through the wire beside it if the bomb was stopped short.
  const bool gate_open = b.barrier_held || b.penetrated;
  for (const FighterId id : gunmen_) {
    Fighter& g = engagement_.at(id);
    if (g.state != FighterState::Waiting) continue;
    g.state = FighterState::Approaching;
    if (gate_open) g.breach_s = 0;
  }
  engagement_.alert_attackers();
  engagement_.report_seen_at(b.at);
  // The explosion is heard by the whole camp.
  if (!incident_.detected) {
    raise_alarm(at, people);
    out.alarm = at;
  }
}

// A bomb's site is secured (every attacker already down or gone) when a QRF member on his feet
// has reached it; after gunmen, their fight was the sweep. Without a bomb there is nothing to
// secure beyond the fight itself. A site nobody reaches is given up after the attackers' own
// time limit (max_inside), so no incident stays open for ever.
bool GroundFight::site_secured(SimTime now) const {
  if (!vehicle_) return true;
  if (!bomb_outcome_) return false;
  if (!gunmen_.empty() || now - bomb_outcome_->detonated >= fp_.move.max_inside) return true;
  return std::any_of(qrf_.begin(), qrf_.end(), [&](FighterId id) {
    const Fighter& f = engagement_.at(id);
    return fight::is_active(f.state) && distance(f.position, bomb_outcome_->at) <= fp_.move.secure_radius_m;
  });
}

}  // namespace campsim::camp
