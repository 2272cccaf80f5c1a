#pragma once
// A read-only picture of the whole world at one instant: what a viewer draws and what a
// recording stores. Taking one only reads the model and draws no random numbers, so watching a
// run never changes it. Plain data, no references into the model: a snapshot outlives the run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/camp/geometry.hpp"
#include "sim/camp/guard_params.hpp"
#include "sim/camp/core/protest_view.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

// What a person does in the camp (their role decides their schedule).
enum class PersonRole : std::uint8_t { Guard, Staff, Medical, Logistics, Resident };
// How many roles there are (Resident is the last): for tables indexed by role.
inline constexpr std::size_t kPersonRoles = static_cast<std::size_t>(PersonRole::Resident) + 1;
// What a person is doing now. Exactly one per person at every instant.
enum class PersonActivity : std::uint8_t {
  Asleep,      // at home, in bed
  AtHome,      // at home, awake (off duty, meals)
  AtWork,      // at their workplace
  OnPost,      // a sentry standing a post
  OffCamp,     // outside the camp (patrol, convoy, town): not exposed to attacks on the camp
  Moving,      // walking (to a bunker, back from one)
  Sheltered,   // inside a bunker
  Casualty,    // wounded: waiting for or in the medical chain
  Killed,
};

struct PersonView {
  std::uint32_t id = 0;
  Point position;
  PersonRole role = PersonRole::Resident;
  PersonActivity activity = PersonActivity::AtHome;
};

enum class VehicleKind : std::uint8_t { Qrf, Ambulance, Escort };
enum class VehicleState : std::uint8_t { AtBase, Mobilizing, EnRoute, OnScene, Returning, OutOfService };

struct VehicleView {
  std::uint32_t id = 0;
  VehicleKind kind = VehicleKind::Qrf;
  VehicleState state = VehicleState::AtBase;
  Point position;
};

// Someone in a fight (sim/camp/fight): an attacker, a member of the QRF on foot, a sentry
// firing from his post.
enum class CombatantKind : std::uint8_t { Intruder, Qrf, Sentry, BombVehicle };
enum class CombatantState : std::uint8_t {
  Moving,     // approaching the wire, advancing, closing
  Breaching,  // at the wire, cutting
  Holding,    // in place, watching
  Firing,     // fired within the last few seconds
  Down,       // wounded or captured
  Killed,
};

struct CombatantView {
  std::uint32_t id = 0;  // incident * 1000 + fighter: unique in a snapshot, stable through the fight
  CombatantKind kind = CombatantKind::Intruder;
  CombatantState state = CombatantState::Moving;
  Point position;
};

struct IncidentView {
  int id = 0;
  ThreatKind kind = ThreatKind::IndirectFire;
  Point place;
  std::string phase;  // e.g. "inbound", "impacts", "awaiting QRF", "contained"
  SimTime started = 0;
};

// A blast or impact, kept in snapshots for a short while after it happens so a viewer can fade it.
struct ImpactView {
  Point at;
  double radius_m = 0;  // lethal radius of the round or charge
  SimTime time = 0;
};

// A rocket or mortar round in the air: where it is over the ground, how high, and where it will
// land (format version 4).
struct RoundView {
  Point at;             // the point on the ground below it
  double height_m = 0;
  Point lands;          // its impact point
  SimTime lands_at = 0;
};

struct PostView {
  std::string name;
  PostKind kind = PostKind::Tower;
  Point position;
  int required = 0;            // guards the plan asks for at this hour
  int on_post = 0;             // sentries actually there
  double mean_vigilance = 0;   // of those sentries (0 when none)
};

// The medical chain at a glance.
struct HospitalView {
  int awaiting_approval = 0;   // casualties whose CASEVAC request is still going up the chain
  int awaiting_ambulance = 0;  // approved, no vehicle yet
  int in_transit = 0;
  int in_hospital = 0;
  int in_surgery = 0;
  int icu_beds_used = 0, icu_beds = 0;
  int ward_beds_used = 0, ward_beds = 0;
  int met_10 = 0, met_1 = 0, met_2 = 0, casualties = 0;  // 10-1-2 counters so far
};

struct WorldSnapshot {
  SimTime time = 0;
  SimTime time_of_day = 0;
  std::vector<PostView> posts;
  std::vector<PersonView> people;
  std::vector<VehicleView> vehicles;
  std::vector<IncidentView> incidents;  // open incidents
  std::vector<ImpactView> impacts;      // recent impacts (for the fade)
  std::vector<CombatantView> combatants;  // everyone in a fight now (format version 3)
  std::vector<RoundView> rounds;          // indirect-fire rounds in flight (format version 4)
  HospitalView hospital;
  protest::ProtestView protest;         // the protest at the gate, if one is going on
};

std::string_view person_role_name(PersonRole role);
std::string_view person_activity_name(PersonActivity activity);
std::string_view vehicle_kind_name(VehicleKind kind);
std::string_view vehicle_state_name(VehicleState state);
std::string_view combatant_kind_name(CombatantKind kind);
std::string_view combatant_state_name(CombatantState state);

}  // namespace campsim::camp
