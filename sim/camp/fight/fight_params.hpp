#pragma once
// The fight's parameters: how people see, shoot and move under fire. Every default says where it
// comes from (docs/threats/fight.md has the sources and the reasons for what is assumed).
#include "sim/engine/sim_time.hpp"

namespace campsim::fight {

using engine::SimTime;

struct SightParams {
  // Hazard of making out a standing person in full view at close range, per second, for an
  // observer at vigilance 1 who is scanning a whole sector (assumed: about 10 s on average; it
  // falls linearly to nothing at the edge of sight range, with posture, clutter and light).
  double detection_rate_per_s = 0.1;
  // A person who fires is seen this many times faster (muzzle flash and report; assumed).
  double firing_boost = 20;
  double ground_sight_range_m = 300;  // a standing observer by day, in the open (assumed)
  double night_visibility = 0.5;      // multiplies detection hazard and sight range, 18:00-06:00 (assumed; night sights on towers)
  double sandstorm_visibility = 0.3;  // the same in a sandstorm (Clingendael 2015 names sandstorms at Gao; factor assumed)
  double tower_eye_height_m = 8;      // a sentry in a watchtower (assumed: a typical prefabricated tower)
  double ground_eye_height_m = 1.6;
  double target_height_m = 1.0;       // centre of mass of a standing or crouching person
  double indoor_reach_m = 10;         // people inside a building are found only this close (assumed)
};

struct FireParams {
  // Rifle dispersion: a circular normal cone, so the chance of hitting a man-sized target falls as
  // 1 - exp(-c / r^2), with c set by the range at which a marksman on a range hits half the time
  // (the definition of a rifle's effective range; 300 m for 7.62x39 / 5.8 mm service rifles).
  double effective_range_m = 300;
  // What combat leaves of range marksmanship (Rowland, The Stress of Battle, 2006: field trials
  // against historical battles give about a seventh; assumed 0.15).
  double combat_degradation = 0.15;
  double max_range_m = 500;          // nobody fires at what is farther (assumed)
  double shots_per_minute = 6;       // aimed shots per rifleman in a firefight (assumed: one every 10 s)
  // Against a vehicle bomb coming on, riflemen fire at the rapid rate: 45 aimed rounds a minute
  // for a 5.56 mm service rifle (US Army FM 3-22.9, Rifle Marksmanship, table 2-1; the Chinese
  // QBZ-95 is assumed alike). A few seconds decide the run, so nobody paces his fire.
  double rapid_shots_per_minute = 45;
  // Exposure of the target's body to aimed fire, by posture (assumed; the fraction of a standing
  // man's silhouette that shows).
  double exposure_standing = 1.0;
  double exposure_in_cover = 0.3;
  double exposure_booth = 0.25;      // a sentry in a tower or a gate booth behind sandbags
  double exposure_vehicle = 0.5;     // aboard a soft-skinned vehicle
  // A driver behind the windscreen of a vehicle coming head-on: head and upper chest, about a
  // fifth of a standing man's silhouette (assumed). A hit on him stops the vehicle.
  double exposure_driving = 0.2;
  double hit_lethality = 0.35;       // a hit kills (else wounds): the infiltration's calibrated default
  double armour_lethality = 0.6;     // body armour and helmet multiply lethality by this (assumed)
  // Suppression: each round aimed at a person (hit or miss) adds this much fear; it halves in
  // `suppression_half_life` and slows movement and spoils aim in proportion (assumed, after the
  // suppression models of combat simulation).
  double suppression_per_shot = 0.25;
  SimTime suppression_half_life = 10;
  double suppressed_accuracy = 0.7;  // at full suppression, aim is spoilt by this share
  // Half the width a round must pass within to strike a person: half an adult man's shoulder
  // breadth of about 0.5 m (assumed, rounded). It sets how far a miss spreads: a round that
  // misses flies on and may strike someone else near its line (stray_round.hpp).
  double body_half_width_m = 0.25;
};

struct MoveParams {
  double approach_speed_mps = 0.8;   // intruders walking bent low to the wire at night (assumed)
  double inside_speed_mps = 1.5;     // moving inside, tactically (as the QRF on foot)
  double approach_distance_m = 150;  // where intruders start outside the wire (assumed)
  SimTime breach_min = 60;           // cutting or climbing the wire (assumed: 1-5 min)
  SimTime breach_max = 300;
  double capture_range_m = 5;        // the QRF takes a wounded attacker this close
  // The QRF has secured a bomb's site once one of its members is this close to where it went off
  // (assumed: the inner cordon of a blast site).
  double secure_radius_m = 25;
  SimTime max_inside = 2 * engine::kHour;  // attackers still free this long after the breach withdraw
};

struct FightParams {
  SightParams sight;
  FireParams fire;
  MoveParams move;
  int qrf_team_size = 8;  // a section dismounts from the QRF's vehicle (assumed: one infantry section)
};

}  // namespace campsim::fight
