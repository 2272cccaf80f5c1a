#pragma once
// A fight in the world: intruders and the camp's armed people, each seeing by line of sight,
// firing aimed shots at what they see, moving under fire. One step per tick:
//   1. timers: intruders through the wire, QRF members dismounted;
//   2. seeing: every armed fighter looks for enemies it does not yet see (a hazard per second
//      from vigilance, range, light, clutter, posture, and whether the enemy just fired) and
//      loses those that went out of sight;
//   3. shooting: every armed fighter with a seen enemy in range fires when its next aimed shot is
//      due (a Poisson stream of shots); a hit kills or wounds, every shot suppresses;
//   4. moving: intruders to the wire, then to their goal; the QRF to the last place an intruder
//      was seen; anyone in a firefight stops in cover;
//   5. suppression fades.
// Fighters are processed in id order and every random draw comes from a stream keyed by the
// fight, the fighter and the step's time, so a fight gives the same bytes however it is run.
// The engagement knows nothing of the camp's people or the medical chain: its events say who
// was hit, and the caller (the threats module) turns hits into casualties.
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/camp/fight/fight_movement.hpp"
#include "sim/camp/fight/fight_params.hpp"
#include "sim/camp/fight/fighter.hpp"
#include "sim/camp/fight/line_of_sight.hpp"
#include "sim/camp/fight/sighting.hpp"
#include "sim/engine/random.hpp"

namespace campsim::fight {

enum class FightEventKind : std::uint8_t { Detection, Shot };
enum class HitOutcome : std::uint8_t { Miss, Wounded, Killed };

struct FightEvent {
  FightEventKind kind = FightEventKind::Detection;
  SimTime time = 0;
  FighterId by;       // observer or shooter
  FighterId target;
  HitOutcome outcome = HitOutcome::Miss;  // shots only
  double range_m = 0;
  // A round that missed the one it was aimed at and struck `target` instead (shots only).
  bool stray = false;
};

// Light and weather for this step: multiplies sight ranges and detection hazards.
struct Conditions {
  double visibility = 1;
};

// What the rules of the fight are for this engagement.
struct Rules {
  // Attackers hold fire until they reach their goal, are seen, or are shot at (surprise).
  bool attackers_hold_fire_until_seen = true;
  // Intruders at their goal with nobody in sight move on to the nearest bystander this close
  // (metres; assumed, no source: a few minutes' walk inside the camp, within the sight of a tower).
  double hunt_radius_m = 150;
  // A round that misses flies on and may strike someone else near its line (stray_round.hpp).
  // Off only where a theory assumes every round strikes its mark or nobody (Lanchester's law).
  bool stray_rounds = true;
};

struct FightTally {
  long shots = 0, hits = 0;
  long shots_by_camp = 0, hits_by_camp = 0;
  long shots_by_attackers = 0, hits_by_attackers = 0;
  // Stray rounds: misses that flew on and struck someone else (counted in hits and in the
  // shooter's side's hits too); friendly_hits are those that struck the shooter's own side.
  long stray_hits = 0;
  long friendly_hits = 0;
  long detections = 0;
  std::optional<SimTime> first_shot, first_detection_of_attacker;
};

class Engagement {
 public:
  // `fight` keys the random streams (the incident's number).
  Engagement(const FightParams& params, const Terrain& terrain, Rules rules, std::uint64_t seed,
             std::uint64_t replication, std::uint64_t fight);

  FighterId add(const Fighter& f);
  Fighter& at(FighterId id) { return fighters_[id.value]; }
  const Fighter& at(FighterId id) const { return fighters_[id.value]; }
  const std::vector<Fighter>& fighters() const { return fighters_; }
  std::size_t size() const { return fighters_.size(); }

  // Advances the fight by dt seconds from `now`, appending what happened to `events`.
  void step(SimTime now, SimTime dt, const Conditions& conditions, std::vector<FightEvent>& events);

  // An attacker still on the field and fighting (not neutralized, not gone).
  bool attackers_active() const;
  int attackers() const;
  int attackers_in(FighterState s) const;
  // Has the camp seen an attacker yet, and where was one last seen?
  bool camp_has_seen() const { return last_seen_.has_value(); }
  std::optional<Point> last_seen() const { return last_seen_; }
  // Everyone in the camp knows where something happened (a bomb went off): the QRF closes on it
  // until an attacker is seen somewhere else.
  void report_seen_at(Point where) { last_seen_ = where; }
  // Attackers told they are seen (an alarm, a shot at them): they stop holding fire.
  void alert_attackers() { attackers_alerted_ = true; }
  bool attackers_alerted() const { return attackers_alerted_; }
  bool sees(FighterId observer, FighterId target) const { return sightings_.sees(observer, target); }
  const FightTally& tally() const { return tally_; }

  // The chance that one aimed shot at range r hits, before posture, clutter and suppression.
  static double range_hit_probability(const FireParams& fire, double range_m);

 private:
  void look(SimTime now, SimTime dt, const Conditions& conditions, std::vector<FightEvent>& events);
  void shoot(SimTime now, SimTime dt, std::vector<FightEvent>& events);
  // A round aimed at `aimed` from `shooter` missed at `at`: it flies on and may strike someone
  // else near its line (stray_round.hpp). `aim_chance` is the chance the aimed fire had of
  // hitting a standing man at the mark's range, which sets how far misses spread.
  void fly_on(FighterId shooter, FighterId aimed, SimTime at, double aim_chance, engine::RandomStream& rng,
              std::vector<FightEvent>& events);
  // One of the shooter's own side stands in the line of fire short of the target.
  bool own_side_in_the_way(FighterId shooter, FighterId target) const;
  void strike(FighterId shooter, FighterId target, SimTime at, double range_m, double u_kill, bool stray,
              std::vector<FightEvent>& events);
  void fade(SimTime dt);
  bool may_fire(const Fighter& f) const;
  std::optional<FighterId> choose_target(FighterId shooter) const;

  const FightParams& params_;
  const Terrain& terrain_;
  Rules rules_;
  std::uint64_t seed_, replication_, fight_;
  std::vector<Fighter> fighters_;
  // Each side's fighters in id order: an observer or shooter looks only through its enemies'
  // list (a few intruders, or the camp's people near them), in the same order as the ids.
  std::vector<std::uint32_t> camp_ids_, attacker_ids_;
  const std::vector<std::uint32_t>& enemies_of(Side side) const { return side == Side::Camp ? attacker_ids_ : camp_ids_; }
  Routes routes_;  // the ways round the walls (fight_movement.hpp)
  // fly_on's kept buffer: whoever stands near a round's line, with his place on it (nearest the
  // muzzle first; equal distances in id order, so the order never depends on the sort).
  struct NearLine {
    double along = 0;
    std::uint32_t id = 0;
    double across = 0;
  };
  std::vector<NearLine> near_line_;
  Sightings sightings_;
  std::optional<Point> last_seen_;
  bool attackers_alerted_ = false;
  FightTally tally_;
};

}  // namespace campsim::fight
