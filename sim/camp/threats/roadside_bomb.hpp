#pragma once
// IEDs on the routes outside the camp: escorted convoys and engineer work-site runs drive so many
// km a day, by day; bombs are met at a rate per km; route clearance finds some first; a strike
// hurts a random number of the vehicle's occupants.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/camp/threats/arrival_process.hpp"
#include "sim/camp/threats/blast.hpp"
#include "sim/camp/threats/common_readers.hpp"
#include "sim/camp/core/incident.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/scenario/reader.hpp"

namespace campsim::camp {

struct RoadsideBombParams {
  double km_per_day = 0;                 // driven outside the camp by the contingent's vehicles
  double bombs_per_1000_km = 0;          // encountered per 1000 km driven
  SimTime driving_from = 7 * engine::kHour;   // movements by day only
  SimTime driving_to = 17 * engine::kHour;
  double found_by_clearance = 0.3;       // share found and cleared before a vehicle reaches them
  engine::Distribution hurt_per_strike = engine::Distribution::empirical({0, 1, 2, 3, 4}, {0.2, 0.3, 0.25, 0.15, 0.1});
  double killed_share = 0.25;            // of those hurt
  WoundMix wounds;
  std::string contingent = "CHN";        // whose vehicles drive (engineers and their escort)
  std::string route = "outside routes";  // a name for reports
  std::vector<SimTime> scripted;         // fixed strike times for replays
};

// Strikes per day and their time-of-day profile, as an arrival process.
ArrivalProfile roadside_arrivals(const RoadsideBombParams& p);

RoadsideBombParams read_roadside_bomb(scenario::MapReader in);

// `exit_point` is where the route leaves the camp (used as the incident's location for maps).
// `crew_out` is how many fit people of the contingent are out of the camp at `time`: a strike
// hurts at most that many (the draw beyond it is the fact `hurt_beyond_crew`), so that every
// casualty can be a person of the world.
Incident resolve_roadside_bomb(const RoadsideBombParams& p, const ThreatContext& ctx, int incident_id, SimTime time,
                               Point exit_point, std::size_t crew_out, std::vector<Casualty>& casualties);

}  // namespace campsim::camp
