#pragma once
// Indirect fire: a salvo of rockets or mortar bombs launched at the camp from outside it. Each
// round scatters about the aim point (a circular normal with the launcher's CEP), the
// sense-and-warn radar may sound the alarm a few seconds before the first impact, people then
// run for the nearest bunker, and each impact hurts people by the Carleton blast function
// according to where they are and what covers them at that moment. docs/threats/indirect-fire.md
// describes the model and the source (or the assumption) behind each default.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "sim/camp/threats/arrival_process.hpp"
#include "sim/camp/threats/blast.hpp"
#include "sim/camp/core/casualty.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/core/person.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

// Time between successive impacts of one salvo (assumed: improvised single-tube launchers and
// rocket rails fired one round after another, a few seconds apart).
inline constexpr SimTime kIndirectFireRoundSpacing = 3;

// About one salvo every seven weeks, twice as likely in an hour of darkness (18:00-06:59) as in a
// daylight hour (assumed; see the docs).
ArrivalProfile default_indirect_fire_arrivals();

struct IndirectFireParams {
  ArrivalProfile arrivals = default_indirect_fire_arrivals();  // salvos
  // Rounds per salvo, 1 to 4 with rising weights, mean 3 (assumed; press reports count 4-7 at Gao).
  engine::Distribution rounds_per_salvo = engine::Distribution::empirical({1, 2, 3, 4}, {1, 2, 3, 4});
  // Launch to first impact, seconds (assumed: 82 mm mortar / 107 mm rocket from 2-8 km).
  engine::Distribution flight_time = engine::Distribution::uniform(15, 40);
  // Circular error probable of each round about the aim point (assumed: unregistered fire from
  // improvised rails and tubes). Not the Gao baseline's 500 m, which is fitted to that camp's one
  // death in ten years and belongs to that scenario; no published CEP for such fire was found
  // (docs/threats/indirect-fire.md, "The CEP against published figures").
  double cep_m = 150;
  // Mean speed over the ground of a round in flight, so a flight time gives the launcher's range
  // (assumed: an 82 mm bomb or 107 mm rocket covers 2-8 km in 15-40 s; 150 m/s gives 2.3-6 km).
  double ground_speed_mps = 150;
  // The sense-and-warn radar detects the salvo (assumed; the Gao baseline's 0.79 is fitted).
  double detection_probability = 0.7;
  SimTime warning_time = 10;  // seconds of warning before the first impact when detected
  // From the alarm (or an unwarned first impact) to setting off for a bunker, under cover until
  // then: the reported drill, down on the floor for two minutes, then to a shelter (Reuters,
  // Kandahar Airfield, 17 Jul 2010; AP, Jan 2010; docs/provenance.md). Was 5 s and 40 s, assumed.
  SimTime reaction_awake = 2 * engine::kMinute;
  SimTime reaction_asleep = 2 * engine::kMinute;
  double run_speed_mps = 3.0;
  BlastEffect round{150, 800};  // an 82 mm bomb or 107 mm rocket (assumed; see the docs)
  ProtectionFactors protection;
  WoundMix wounds;
};

// Keys: arrivals, rounds_per_salvo, flight_time, cep_m, detection_probability, warning_time,
// reaction_awake, reaction_asleep, run_speed_mps, round, protection, wounds.
IndirectFireParams read_indirect_fire(scenario::MapReader in);

// sigma of the circular normal whose median miss distance is `cep_m`: CEP / sqrt(2 ln 2).
double cep_sigma(double cep_m);

// The salvo as fired: where it was aimed, where and when each round lands, and the alarm.
struct Salvo {
  std::optional<ZoneId> zone;  // the target zone; none when aimed at the perimeter
  Point aim;
  Point launcher;                     // where the rounds are fired from, outside the camp
  SimTime flight = 0;                 // each round's time of flight
  std::vector<SimTime> launch_times;  // one per round: its impact time less the flight time
  std::vector<Point> impacts;
  std::vector<SimTime> impact_times;  // ascending; the first is launch + flight time
  bool detected = false;
  SimTime alarm = 0;  // when detected: first impact - warning time, not before the launch
};

// Steps 1 and 2 of the model: rounds, aim, dispersion, flight time and the radar's warning.
Salvo plan_salvo(const IndirectFireParams& p, const ThreatContext& ctx, int incident_id, SimTime launch);

// A round in the air at t (launched, not yet landed): over which ground point, how high. The
// track is a straight line over the ground from the launcher to the impact and a parabola in
// height with apex g T^2 / 8 for a time of flight T (no drag).
struct RoundInFlight {
  Point over;
  double height_m = 0;
};
std::optional<RoundInFlight> round_in_flight(const Salvo& salvo, std::size_t round, SimTime t);

// One person's run for cover after the alarm.
struct ShelterRun {
  std::optional<BunkerId> bunker;  // none when staying put (sentry, no bunker, or full)
  SimTime leaves = std::numeric_limits<double>::infinity();   // alarm + reaction
  SimTime arrives = std::numeric_limits<double>::infinity();  // leaves + distance / run speed
};

// Step 3: every person except the sentries heads for the nearest bunker with any
// capacity; places go in order of arrival, and whoever finds the bunker full stays where they
// are. One entry per person, in the same order.
std::vector<ShelterRun> plan_shelter(const IndirectFireParams& p, const CampLayout& layout,
                                     const std::vector<Person>& people, SimTime alarm);

// The closed form of one salvo, for tests and as the theory the world is checked against:
// everyone runs in a straight line at once, bunkers fill first come first in, nobody crowds.
// The world (threat_model.cpp) simulates the same salvo with people moving tick by tick.
// Appends its casualties (ids continue from casualties.size()).
Incident resolve_indirect_fire(const IndirectFireParams& p, const ThreatContext& ctx, int incident_id, SimTime launch,
                               std::vector<Casualty>& casualties);

}  // namespace campsim::camp
