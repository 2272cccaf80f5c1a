#pragma once
// One person in a fight: an intruder, a sentry, a member of the quick reaction force, or an
// unarmed bystander who happens to be where the shooting is. Plain data; the engagement
// (engagement.hpp) moves, sees and shoots with them.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/engine/sim_time.hpp"
#include "sim/engine/typed_id.hpp"

namespace campsim::fight {

using camp::Point;
using engine::SimTime;

struct FighterTag {};
using FighterId = engine::Id<FighterTag>;

enum class Side : std::uint8_t { Camp, Attacker };
// A Vehicle is an attacker's vehicle bomb: its driver is the fighter (a hit on him stops it), its
// kinematics are the caller's (the approach road, the chicane, the barrier), not the engagement's.
enum class Role : std::uint8_t { Intruder, Sentry, Qrf, Bystander, Vehicle };

enum class FighterState : std::uint8_t {
  Waiting,        // not on the field yet (the QRF mobilizing or driving)
  Approaching,    // an intruder outside, walking to the wire
  Breaching,      // at the wire, cutting or climbing it
  Advancing,      // on the move to a goal (an intruder inside, the QRF closing)
  Holding,        // in place, watching: a sentry at a post, a bystander, an intruder at its goal
  Engaging,       // in cover, firing at an enemy it sees
  Incapacitated,  // wounded, out of the fight
  Killed,
  Captured,       // an incapacitated attacker the QRF has reached
  Gone,           // left the field: an attacker who withdrew, a bystander who got under cover
};

// How much of the body shows to an aimed shot, and what stops fragments.
// Driving: at the wheel of a vehicle coming on (what a rifle must hit is the driver behind the
// windscreen; what an observer sees is the whole vehicle).
enum class Posture : std::uint8_t { Standing, InCover, Booth, Vehicle, Indoors, Driving };

struct Fighter {
  Side side = Side::Camp;
  Role role = Role::Bystander;
  FighterState state = FighterState::Holding;
  Posture posture = Posture::Standing;
  Point position;
  Point goal;
  Point objective;               // an intruder's goal once through the wire
  // The way to `goal` on foot around walls (walkways.hpp): waypoints, the last one the goal as it
  // was when the way was planned (`routed_to`); empty until the fighter first moves.
  // A QRF member's place in the section's extended line, metres to the right (negative: left) of
  // the line of advance: he closes on the point that far abreast of where the enemy was seen.
  double abreast_m = 0;
  std::vector<Point> route;
  Point routed_to;
  SimTime breach_s = 0;          // how long the wire takes this intruder
  double eye_height_m = 1.6;
  double facing_deg = 0;
  double field_of_view_deg = 360;
  double sight_range_m = 300;
  double vigilance = 1;          // 0..1: multiplies the detection hazard
  // How readily others make this fighter out, relative to a standing person (a vehicle bomb: how
  // soon a sentry reads a vehicle coming on as an attack).
  double conspicuity = 1;
  double speed_mps = 1.5;
  bool armed = false;
  bool armour = false;
  double suppression = 0;        // 0..1
  SimTime ready_at = 0;          // Waiting: arrives; Breaching: through the wire
  std::optional<SimTime> next_shot;  // when the next aimed shot goes, while it has a target
  std::optional<SimTime> fired_at;   // its last shot (muzzle flash and report give it away)
  std::optional<SimTime> entered_at; // an intruder through the wire
  std::uint64_t key = 0;         // random stream entity: the person id, or the intruder's number
  std::optional<std::uint32_t> person;  // the world's person, for camp fighters and bystanders
};

bool is_active(FighterState s);  // on the field and able to fight or be fought
bool is_neutralized(FighterState s);
std::string_view side_name(Side s);
std::string_view role_name(Role r);
std::string_view fighter_state_name(FighterState s);

}  // namespace campsim::fight
