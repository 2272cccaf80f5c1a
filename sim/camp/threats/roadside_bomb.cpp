#include "sim/camp/threats/roadside_bomb.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sim/camp/human_factors.hpp"

namespace campsim::camp {

using scenario::Need;
using scenario::Range;
using scenario::ValueUnit;

ArrivalProfile roadside_arrivals(const RoadsideBombParams& p) {
  ArrivalProfile profile;
  profile.per_day = p.km_per_day * p.bombs_per_1000_km / 1000.0;
  for (int h = 0; h < 24; ++h)
    profile.hour_weights[h] = in_daily_window(h * engine::kHour, p.driving_from, p.driving_to) ? 1.0 : 0.0;
  profile.scripted = p.scripted;
  return profile;
}

RoadsideBombParams read_roadside_bomb(scenario::MapReader in) {
  RoadsideBombParams p;
  in.number("km_per_day", p.km_per_day, Need::Optional, Range{0, 100000});
  in.number("bombs_per_1000_km", p.bombs_per_1000_km, Need::Optional, Range{0, 1000});
  in.duration("driving_from", p.driving_from, Need::Optional, Range{0, engine::kDay});
  in.duration("driving_to", p.driving_to, Need::Optional, Range{0, engine::kDay});
  in.number("found_by_clearance", p.found_by_clearance, Need::Optional, Range{0, 1});
  in.distribution("hurt_per_strike", p.hurt_per_strike, Need::Optional, ValueUnit::Number, Range{0, 100});
  in.number("killed_share", p.killed_share, Need::Optional, Range{0, 1});
  scenario::MapReader wounds = in.map("wounds");
  read_wound_mix(wounds, p.wounds);
  in.text("contingent", p.contingent);
  in.text("route", p.route);
  in.durations("scripted", p.scripted, Need::Optional, Range{0, 100 * 365 * engine::kDay});
  int driving_hours = 0;
  for (int h = 0; h < 24; ++h) driving_hours += in_daily_window(h * engine::kHour, p.driving_from, p.driving_to) ? 1 : 0;
  if (p.km_per_day > 0 && driving_hours == 0)
    in.fail("driving_to", "a driving window of at least one whole hour", "an empty window");
  return p;
}

Incident resolve_roadside_bomb(const RoadsideBombParams& p, const ThreatContext& ctx, int incident_id, SimTime time,
                               Point exit_point, std::size_t crew_out, std::vector<Casualty>& casualties) {
  Incident incident;
  incident.id = incident_id;
  incident.kind = ThreatKind::RoadsideBomb;
  incident.time = time;
  incident.location = exit_point;
  incident.target = p.route;
  auto rng = ctx.stream("roadside_bomb", incident_id);
  // Found by route clearance: "detected", nobody hurt.
  if (rng.bernoulli(p.found_by_clearance)) {
    incident.detected = true;
    incident.detected_at = time;
    incident.fact("found_by_clearance", 1);
    return incident;
  }
  incident.fact("found_by_clearance", 0);
  const long drawn = std::lround(std::max(0.0, p.hurt_per_strike.sample(rng)));
  // A bomb hurts only people who are on the road: never more than the contingent has out.
  const int hurt = static_cast<int>(std::min(drawn, static_cast<long>(crew_out)));
  for (int i = 0; i < hurt; ++i) {
    auto person = ctx.stream("roadside_bomb_person", incident_id, static_cast<std::uint64_t>(i));
    const double fate = person.uniform01(), severity = person.uniform01();
    Triage triage = Triage::Killed;
    if (fate >= p.killed_share)
      triage = severity < p.wounds.immediate                     ? Triage::Immediate
               : severity < p.wounds.immediate + p.wounds.delayed ? Triage::Delayed
                                                                  : Triage::Minimal;
    casualties.push_back({static_cast<int>(casualties.size()), incident_id, time, exit_point, Cause::RoadsideBomb,
                          triage, p.contingent, false});
    (triage == Triage::Killed ? incident.killed : incident.wounded) += 1;
  }
  incident.fact("hurt", hurt);
  incident.fact("hurt_beyond_crew", static_cast<double>(drawn - hurt));
  return incident;
}

}  // namespace campsim::camp
