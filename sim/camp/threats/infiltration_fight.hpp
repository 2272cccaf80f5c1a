#pragma once
// An infiltration fought out in the world. Intruders start outside the wire opposite a breach
// point, walk to it, cut through, and make for their objective (a built-up zone, picked in
// proportion to who is there at that hour). The sentries on post watch and shoot from where
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
#include "sim/camp/threats/casualty.hpp"
#include "sim/camp/threats/incident.hpp"
#include "sim/camp/threats/infiltration.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/camp/world/world_snapshot.hpp"

namespace campsim::camp {

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
};

class InfiltrationFight {
 public:
  InfiltrationFight(const InfiltrationParams& p, const fight::FightParams& fight_params, const fight::Terrain& terrain,
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

 private:
  void place_intruders(SimTime start);
  void add_sentries(const std::vector<ArmedSentry>& sentries);
  void sync_bystanders(const std::vector<Person>& people);
  void raise_alarm(SimTime at);
  void finish(SimTime at);
  std::optional<Casualty> casualty_of(const fight::FightEvent& shot) const;

  const InfiltrationParams& p_;
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
};

}  // namespace campsim::camp
