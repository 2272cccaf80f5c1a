#pragma once
// How many attacks a scenario asks for, before it is run. Every attack is simulated, with its
// incident, casualties and log records, so the count bounds a run's time and memory. Rates
// compound (annual_growth, up to x101 a year) and per_day goes up to 1000, so a scenario inside
// every documented range could still ask for billions of attacks over a long run and exhaust
// memory; such a run is refused up front with a message naming the limit instead.
#include "sim/camp/threats/threat_params.hpp"

namespace campsim::camp {

// Mean attacks of all kinds in a run this long above which it is refused: about a thousand times
// the Gao baseline's year (~100 attacks of all kinds), and still a run that fits in memory.
// Assumed (docs/reliability.md).
inline constexpr double kMaxExpectedAttacks = 100000;

// Mean number of arrivals of one process in [0, end): its scripted times before `end` plus the
// integral of its rate (the hour-of-day weights average to one over each day, so the integral
// is per_day times the integral of the yearly growth factor).
double expected_arrivals(const ArrivalProfile& profile, SimTime end);

// The sum over every kind of attack.
double expected_attacks(const ThreatParams& threats, SimTime end);

}  // namespace campsim::camp
