#pragma once
// Infiltration of the perimeter: a few armed intruders cut through the wire at a random point;
// the towers that see that point may spot them while they approach and cut; once inside they
// shoot until the QRF contains them. Model and defaults: docs/threats/vehicle-bomb-infiltration-complex.md.
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

// Three times the daytime rate from 18:00 to 06:00 (assumed: intruders use darkness).
inline ArrivalProfile night_heavy_arrivals(double per_day) {
  ArrivalProfile profile;
  profile.per_day = per_day;
  for (int h = 0; h < 24; ++h) profile.hour_weights[static_cast<std::size_t>(h)] = (h >= 18 || h < 6) ? 3.0 : 1.0;
  return profile;
}

struct InfiltrationParams {
  ArrivalProfile arrivals = night_heavy_arrivals(0.01);
  int intruders = 3;
  SimTime exposure = 300;             // seconds the intruders are in view of the towers that see the breach point while approaching/cutting the wire
  double detection_rate_per_s = 0.01; // per sentry at vigilance 1, for a tower that sees the breach point
  double night_visibility = 0.5;      // multiplies the hazard 18:00-06:00 (sunset/sunrise approx., assumed)
  double sandstorm_probability = 0.05;  // chance that a sandstorm halves visibility (Clingendael 2015 names sandstorms)
  double sandstorm_visibility = 0.3;
  double undetected_inside_rate_per_s = 0.002;  // once inside undetected, hazard of being found anyway (patrols, people)
  SimTime time_to_attack = 600;       // unseen intruders open fire this long after entry at the latest (assumed)
  double shots_per_minute = 0.2;      // hits per intruder per minute while firing and not contained (assumed)...
  double hit_lethality = 0.35;        // ...each hit killing with this probability, else wounding
  WoundMix wounds;
};

InfiltrationParams read_infiltration(scenario::MapReader in);

Incident resolve_infiltration(const InfiltrationParams& p, const ThreatContext& ctx, int incident_id, SimTime start,
                              std::vector<Casualty>& casualties);

// ---- Shared with the vehicle bomb and the complex attack ----

// Appends `c` with id = its index in `casualties` and counts it in the incident.
void record_casualty(Incident& incident, std::vector<Casualty>& casualties, Casualty c);

// Wounded triage from one uniform u in (0,1): immediate below mix.immediate, then delayed, else minimal.
Triage wound_triage(const WoundMix& mix, double u);

// The point at arc length s (metres, wrapping) along the closed perimeter.
Point point_on_perimeter(const std::vector<Point>& perimeter, double s);

struct GunfireParams {
  int shooters = 0;
  double shots_per_minute = 0;  // hits per shooter per minute
  double hit_lethality = 0;
  WoundMix wounds;
};

// Gunmen inside the camp over [from, to): hits arrive as a Poisson process of rate
// shooters * shots_per_minute / 60 per second (stream "<prefix>.shots"); each hit falls on the
// nearest person to `origin` not yet hurt (marked in `hurt`) and kills with hit_lethality, else
// wounds with the mix (stream "<prefix>.hit", one per hit). Hits beyond the people present find
// nobody. Returns the number of hits (people hurt or not).
int gunfire(const GunfireParams& g, const std::vector<Person>& people, std::vector<bool>& hurt, Point origin,
            SimTime from, SimTime to, const ThreatContext& ctx, int incident_id, std::string_view prefix,
            Incident& incident, std::vector<Casualty>& casualties);

}  // namespace campsim::camp
