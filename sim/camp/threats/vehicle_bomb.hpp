#pragma once
// Suicide vehicle-borne IED at a gate. A vehicle runs straight at a gate; the gate's sentries may
// see it in time to engage, fire or obstacles may stop it short of the gate, a closed barrier may
// hold it at the gate, or it drives into the camp before detonating. Model and defaults:
// docs/threats/vehicle-bomb-infiltration-complex.md.
#include <string>
#include <string_view>
#include <vector>

#include "sim/camp/threats/arrival_process.hpp"
#include "sim/camp/threats/blast.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

// A flat (every hour alike) profile with the given mean rate.
inline ArrivalProfile flat_arrivals(double per_day) {
  ArrivalProfile profile;
  profile.per_day = per_day;
  return profile;
}

struct VehicleBombParams {
  ArrivalProfile arrivals = flat_arrivals(0.003);  // about one a year (assumed)
  std::vector<std::string> gates;     // candidate target gates (empty: any gate, equally likely)
  double approach_distance_m = 300;   // from where the vehicle is in the gate sentries' view
  double speed_mps = 15;              // approach speed (~55 km/h)
  double chicane_length_m = 60, chicane_speed_mps = 4;  // a gate with a chicane forces this speed over its last chicane_length_m
  double detection_rate_per_s = 0.05; // detection hazard per sentry at vigilance 1 (hazard = rate * sum of gate sentries' vigilance)
  double stop_rate_per_s = 0.08;      // once detected, hazard that fire/obstacles stop the vehicle before the gate
  double barrier_stop_probability = 0.8;  // a closed barrier stops a vehicle that reaches it (if the gate has one)
  // The vehicle barrier stands this far out in front of the gate (the entry control point's
  // access control zone, where vehicles stop to be searched): a bomb it holds goes off there,
  // not at the sentries' booth. Assumed 20 m (docs/threats/vehicle-bomb-infiltration-complex.md).
  double barrier_standoff_m = 20;
  double penetration_m = 80;          // a vehicle not stopped drives this far inside before detonating
  // A few hundred kg of explosive in a pickup. Carleton areas chosen so the equivalent radii
  // (sqrt(A/pi): 28 m lethal, 80 m casualty) match the ATF vehicle-bomb table's lethal air-blast
  // range of 30-38 m for a 230-450 kg car bomb (assumed; see the docs).
  BlastEffect charge{2500, 20000, 57500};  // light-wound area calibrated to 31 May 2016 (docs/calibration.md)
  ProtectionFactors protection;
  WoundMix wounds;
};

VehicleBombParams read_vehicle_bomb(scenario::MapReader in);

Incident resolve_vehicle_bomb(const VehicleBombParams& p, const ThreatContext& ctx, int incident_id, SimTime start,
                              std::vector<Casualty>& casualties);

// ---- Shared with the fight in the world (ground_fight_vehicle.cpp) ----

// One uniform draw over the candidate gates (ctx.bomb_gates, or every gate of the layout).
GateId draw_target_gate(const ThreatContext& ctx, engine::RandomStream& rng);

// The blast among `people` (where they are at `when`), each by a stream "<prefix>.blast" of their
// own keyed by the world's person id. Each hit gives the person's index in `people`.
struct BlastHit {
  std::size_t index = 0;
  Casualty casualty;
};
std::vector<BlastHit> bomb_blast(const VehicleBombParams& p, const ThreatContext& ctx, int id, std::string_view prefix,
                                 Point at, SimTime when, const std::vector<Person>& people);

// ---- Shared with the complex attack's closed form (complex_attack.cpp) ----

// The camp's area centroid (vertex mean for a degenerate perimeter): "inward" for gates.
Point camp_centroid(const CampLayout& layout);

// Where and how a vehicle-bomb run ended, and whom it was among, so a follow-on assault can use
// the same people (those the blast hurt are not shot again).
struct BombRun {
  Incident incident;
  Point gate;                  // the target gate's position
  SimTime detonation = 0;      // scenario time
  bool stopped_before_gate = false;
  std::vector<Person> people;  // placed at the detonation's time of day
  std::vector<bool> hurt;      // per person: killed or wounded by the blast
};

// The whole bomb run with streams named "<prefix>.target", "<prefix>.approach", "<prefix>.people",
// "<prefix>.blast", "<prefix>.sentry_blast" and "<prefix>.qrf", so an attack that embeds a bomb
// run draws independently of a lone vehicle bomb with the same incident id.
BombRun run_vehicle_bomb(const VehicleBombParams& p, const ThreatContext& ctx, int incident_id, SimTime start,
                         std::string_view prefix, std::vector<Casualty>& casualties);

}  // namespace campsim::camp
