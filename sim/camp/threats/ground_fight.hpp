#pragma once
// A ground attack fought out in the world: an infiltration, a vehicle bomb, or both (a complex
// attack). Intruders start outside the wire opposite a breach point, walk to it, cut through, and
// make for their objective (a built-up zone, picked in proportion to who is there at that hour).
// A vehicle bomb drives the approach road to a gate (approach_road.hpp); the sentries who make it
// out fire on it, a hit on its driver stops it, a closed barrier may hold it, and it goes off
// where it is then. In a complex attack gunmen wait outside until the bomb has gone off, then go
// in at its gate. The sentries on post watch and shoot from where
// they stand (towers over the wall, within their field of view); the people around are
// bystanders the intruders can see and shoot. The first sighting, or the first shot, raises the
// alarm: the camp takes cover and the QRF is called out, drives the road graph, dismounts at the
// road node nearest the incident and closes on the last place an intruder was seen. The incident
// ends when every intruder is killed, wounded, captured or gone, not at a drawn minute.
//
// The engagement (sim/camp/fight) does the seeing, shooting and moving; this file puts the camp
// into it and turns its hits into casualties of the world.
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "sim/camp/fight/engagement.hpp"
#include "sim/camp/guard_params.hpp"
#include "sim/camp/threats/approach_road.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/threats/infiltration.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/camp/threats/vehicle_bomb.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::camp {

// What attacks, and the parameters it brings (the fight's own are fight::FightParams).
struct GroundAttack {
  ThreatKind kind = ThreatKind::Infiltration;
  std::string stream_prefix = "infiltration";  // "<prefix>.<what>" names every draw of the attack
  int intruders = 0;                           // on foot: an infiltration's intruders, a complex attack's gunmen
  double sandstorm_probability = 0;
  WoundMix wounds;                             // for gunshot wounds
  const VehicleBombParams* bomb = nullptr;     // a vehicle bomb leads the attack
};

// How a vehicle bomb's run ended, for the incident's record.
struct BombOutcome {
  SimTime detonated = 0;           // scenario time
  Point at;
  bool stopped_by_fire = false;    // its driver hit before it reached the barrier or the gate
  double short_of_gate_m = 0;      // metres outside the gate where it went off (0 at or past it)
  bool barrier_held = false;
  bool penetrated = false;         // through the gate
};

// A charge going off in the fight, for what is not a person (ambulances, the hospital).
struct Detonation {
  Point at;
  double lethal_radius_m = 0;
  SimTime time = 0;
};

// A sentry on post when the fight starts, armed, as the threats module sees him.
struct ArmedSentry {
  std::uint32_t person = 0;
  Point position;
  PostKind kind = PostKind::Tower;
  const Watchtower* tower = nullptr;  // the tower he stands in (Tower posts)
  bool mounted = false;               // a patrol aboard a vehicle
  double vigilance = 1;
  std::string contingent;
};

// What one tick of the fight did that the world must know.
struct FightTick {
  std::optional<SimTime> alarm;           // the camp saw or heard the attack: the alarm sounds
  std::vector<Casualty> casualties;       // camp people hit, each at its shot's time
  std::vector<fight::FightEvent> events;  // shots and sightings, for the event log
  std::optional<Detonation> detonation;   // the vehicle bomb went off in this tick
  // The QRF's members who are people of the world, dismounted, and where they are at the tick's
  // end: the world has them there (CampPeople::with_unit), not at home or in a bunker.
  std::vector<std::pair<PersonId, Point>> qrf_members;
};

class GroundFight {
 public:
  GroundFight(GroundAttack attack, const fight::FightParams& fight_params, const fight::Terrain& terrain,
              const ThreatContext& ctx, int incident, SimTime start, const std::vector<ArmedSentry>& sentries);

  Incident& incident() { return incident_; }
  const fight::Engagement& engagement() const { return engagement_; }
  // One tick from `now`: the people around as they are now, the fight, its casualties.
  FightTick step(SimTime now, SimTime dt, const std::vector<Person>& people);
  bool over() const { return ended_.has_value(); }
  // The run ends with the fight still on: the summary as it stands, with no end.
  void close_unfinished(SimTime at);
  SimTime ended_at() const { return ended_.value_or(0); }
  // The attackers, the QRF on foot and the sentries in the fight, for snapshots.
  std::vector<CombatantView> views(SimTime t) const;
  // Where the fight stands at t, in words, for snapshots ("intruders unseen", "QRF en route", ...).
  std::string phase(SimTime t) const;
  // Who a fighter is, for the event log: the world's person, or the intruder's number.
  std::int64_t identity(fight::FighterId id) const;
  // A vehicle bomb still on its run: where everyone is matters to the tick (it may go off).
  bool bomb_on_its_run() const { return vehicle_ && !bomb_outcome_; }
  // The vehicle bomb's end, once it has gone off (never set without one).
  const std::optional<BombOutcome>& bomb() const { return bomb_outcome_; }

 private:
  // Intruders (or a complex attack's gunmen) outside the wire at `breach`, facing in along
  // -`outward`; gunmen wait out of sight until the bomb goes off.
  void place_intruders(SimTime start, Point breach, Point outward, bool wait_for_bomb);
  std::string purpose(std::string_view what) const;
  void place_vehicle(SimTime start);
  void hold_gunmen_at_gate();
  // The vehicle bomb: drive on, or go off where it is (stopped by fire, held at the barrier, or
  // at the end of its run inside); the blast hurts the people where they are now.
  void drive_vehicle(SimTime now, SimTime dt, const std::vector<Person>& people, FightTick& out);
  void detonate(SimTime at, const std::vector<Person>& people, FightTick& out);
  bool site_secured(SimTime now) const;
  void add_sentries(const std::vector<ArmedSentry>& sentries);
  void sync_bystanders(const std::vector<Person>& people);
  void raise_alarm(SimTime at, const std::vector<Person>& people);
  // The QRF's members are soldiers of the guard force off duty in camp when the alarm goes: the
  // standby section (assumed: the guard company provides the QRF, as at Gao), drawn from them.
  std::vector<const Person*> qrf_members(const std::vector<Person>& people) const;
  void finish(SimTime at);
  std::optional<Casualty> casualty_of(const fight::FightEvent& shot) const;

  GroundAttack attack_;
  const fight::FightParams& fp_;
  const ThreatContext& ctx_;
  Incident incident_;
  fight::Engagement engagement_;
  bool sandstorm_ = false;
  std::vector<std::optional<fight::FighterId>> by_person_;  // by the world's person id
  fight::FighterId& fighter_of(std::uint32_t person);  // by_person_ grown to hold `person`
  std::map<std::uint32_t, std::string> contingent_;
  std::vector<fight::FighterId> qrf_;
  std::optional<SimTime> ended_, qrf_contact_;
  // The vehicle bomb, when one leads the attack.
  std::optional<fight::FighterId> vehicle_;
  ApproachRoad road_;
  double driven_m_ = 0;
  bool barrier_will_hold_ = false;  // drawn at the start: does the barrier hold if the vehicle reaches it?
  std::optional<BombOutcome> bomb_outcome_;
  std::vector<fight::FighterId> gunmen_;  // a complex attack's assault team, waiting for the bomb
};

}  // namespace campsim::camp
