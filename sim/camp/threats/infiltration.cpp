// Infiltration: breach point, tower detection while cutting the wire, time inside, QRF, gunfire.
// Every step is described in docs/threats/vehicle-bomb-infiltration-complex.md.
#include "sim/camp/threats/infiltration.hpp"
#include "sim/camp/threats/first_event.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <string>

#include "sim/camp/threats/stream_purpose.hpp"
#include <utility>

#include "sim/camp/human_factors.hpp"
#include "sim/camp/tower_coverage.hpp"

namespace campsim::camp {

namespace {

// Intruders still unfound this long after entry are found then (assumed: by then daylight, a
// roll call or their own actions give them away). Keeps the time inside finite when the
// finding hazard is set to zero.
constexpr SimTime kMaxUndetectedInside = 6 * engine::kHour;
// Darkness for the towers' eyes: 18:00 to 06:00 (sunset and sunrise at Gao, approximately).
constexpr SimTime kDarkFrom = 18 * engine::kHour;
constexpr SimTime kDarkTo = 6 * engine::kHour;


// The towers that see `breach`, and the summed vigilance of the tower sentries on them at `t`.
struct Watch {
  int towers = 0;
  double vigilance_sum = 0;
};

Watch watch_on(const ThreatContext& ctx, Point breach, SimTime t) {
  Watch w;
  std::set<TowerId> seeing;
  for (std::size_t i = 0; i < ctx.layout->towers.size(); ++i)
    if (tower_sees(ctx.layout->towers[i], breach)) seeing.insert(id_at<TowerId>(i));
  w.towers = static_cast<int>(seeing.size());
  if (seeing.empty() || !ctx.sentries_at) return w;
  for (const Sentry& s : ctx.sentries_at(t))
    if (const TowerId* tower = std::get_if<TowerId>(&s.at); s.kind == PostKind::Tower && tower != nullptr && seeing.count(*tower) > 0)
      w.vigilance_sum += s.vigilance;
  return w;
}

// Nearest first, ties by index, so the order is deterministic.
std::vector<std::size_t> by_distance(const std::vector<Person>& people, Point origin) {
  std::vector<std::size_t> order(people.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return distance(people[a].position, origin) < distance(people[b].position, origin);
  });
  return order;
}

}  // namespace

void record_casualty(Incident& incident, std::vector<Casualty>& casualties, Casualty c) {
  c.id = static_cast<int>(casualties.size());
  if (c.triage == Triage::Killed)
    ++incident.killed;
  else
    ++incident.wounded;
  casualties.push_back(std::move(c));
}

Triage wound_triage(const WoundMix& mix, double u) {
  if (u < mix.immediate) return Triage::Immediate;
  if (u < mix.immediate + mix.delayed) return Triage::Delayed;
  return Triage::Minimal;
}

Point point_on_perimeter(const std::vector<Point>& perimeter, double s) {
  const double total = perimeter_length(perimeter);
  if (perimeter.empty() || total <= 0) return perimeter.empty() ? Point{} : perimeter.front();
  s = std::fmod(s, total);
  if (s < 0) s += total;
  for (std::size_t i = 0; i < perimeter.size(); ++i) {
    const Point& a = perimeter[i];
    const Point& b = perimeter[(i + 1) % perimeter.size()];
    const double edge = distance(a, b);
    if (s <= edge && edge > 0) return {a.x + (b.x - a.x) * s / edge, a.y + (b.y - a.y) * s / edge};
    s -= edge;
  }
  return perimeter.front();  // only reached through rounding at the very end of the loop
}

int gunfire(const GunfireParams& g, const std::vector<Person>& people, std::vector<bool>& hurt, Point origin,
            SimTime from, SimTime to, const ThreatContext& ctx, int incident_id, std::string_view prefix,
            Incident& incident, std::vector<Casualty>& casualties) {
  const double rate = g.shooters * g.shots_per_minute / engine::kMinute;  // hits per second, all gunmen
  if (rate <= 0 || to <= from) return 0;
  const std::vector<std::size_t> order = by_distance(people, origin);
  std::size_t next = 0;  // position in `order` of the next candidate victim
  engine::RandomStream shots = ctx.stream(stream_purpose(prefix, "shots"), incident_id);
  const std::string hit_purpose = stream_purpose(prefix, "hit");
  int hits = 0;
  // Exponential gaps between hits: a homogeneous Poisson process over the window.
  for (SimTime t = from + shots.exponential(1 / rate); t < to; t += shots.exponential(1 / rate)) {
    ++hits;
    while (next < order.size() && hurt[order[next]]) ++next;
    if (next == order.size()) continue;  // nobody left near enough to hit
    const std::size_t victim = order[next];
    hurt[victim] = true;
    engine::RandomStream rng = ctx.stream(hit_purpose, incident_id, static_cast<std::uint64_t>(hits));
    const double u_kill = rng.uniform01();
    const double u_triage = rng.uniform01();
    const Triage triage = u_kill < g.hit_lethality ? Triage::Killed : wound_triage(g.wounds, u_triage);
    const Person& person = people[victim];
    Casualty c{0, incident_id, t, person.position, Cause::Gunfire, triage, person.contingent, true};
    c.person = person.person;
    record_casualty(incident, casualties, std::move(c));
  }
  return hits;
}

Incident resolve_infiltration(const InfiltrationParams& p, const ThreatContext& ctx, int incident_id, SimTime start,
                              std::vector<Casualty>& casualties) {
  const CampLayout& layout = *ctx.layout;
  Incident incident;
  incident.id = incident_id;
  incident.kind = ThreatKind::Infiltration;
  incident.time = start;

  // 1. Breach point: uniform along the perimeter's length.
  engine::RandomStream breach = ctx.stream("infiltration.breach", incident_id);
  incident.location = point_on_perimeter(layout.perimeter, breach.uniform01() * perimeter_length(layout.perimeter));

  // 2. Detection while approaching and cutting: constant hazard over the exposure.
  const Watch watch = watch_on(ctx, incident.location, start);
  const bool dark = in_daily_window(ctx.time_of_day(start), kDarkFrom, kDarkTo);
  engine::RandomStream approach = ctx.stream("infiltration.approach", incident_id);
  const double u_sandstorm = approach.uniform01();  // three draws always, in this order
  const double u_detect = approach.uniform01();
  const double u_found = approach.uniform01();
  const bool sandstorm = u_sandstorm < p.sandstorm_probability;
  const double visibility = (dark ? p.night_visibility : 1.0) * (sandstorm ? p.sandstorm_visibility : 1.0);
  const double t_detect = first_event(p.detection_rate_per_s * watch.vigilance_sum * visibility, u_detect);
  incident.detected = t_detect < p.exposure;
  incident.detected_at = incident.detected ? start + t_detect : 0;

  // 3. Inside at the end of the exposure. Unseen intruders make for a target and open fire
  // `time_to_attack` after entry, unless found first; either way the shooting, or the finding,
  // raises the alarm: gunfire is never unseen.
  const SimTime entry = start + p.exposure;
  const SimTime found_after = std::min(first_event(p.undetected_inside_rate_per_s, u_found), kMaxUndetectedInside);
  const SimTime attack_after = incident.detected ? 0.0 : std::min(found_after, p.time_to_attack);
  const SimTime alarm = incident.detected ? incident.detected_at : entry + attack_after;

  // 4. QRF to the breach point.
  engine::RandomStream qrf = ctx.stream("infiltration.qrf", incident_id);
  incident.qrf = ctx.call_qrf(incident.location, alarm, is_night_occupancy(ctx.time_of_day(alarm)), qrf);

  // 5. Gunfire from the moment they open fire until containment, nearest people to the breach first.
  // Who is near is read when the gunmen open fire; they then work outwards from the breach.
  const std::vector<Person> people = ctx.people_at ? ctx.people_at(entry + attack_after) : std::vector<Person>{};
  std::vector<bool> hurt(people.size(), false);
  const SimTime contained = incident.qrf->contained;
  const int hits = gunfire({p.intruders, p.shots_per_minute, p.hit_lethality, p.wounds}, people, hurt,
                           incident.location, entry + attack_after, contained, ctx, incident_id, "infiltration", incident,
                           casualties);

  incident.fact("towers_seeing", watch.towers);
  incident.fact("tower_vigilance_sum", watch.vigilance_sum);
  incident.fact("night", dark ? 1 : 0);
  incident.fact("sandstorm", sandstorm ? 1 : 0);
  incident.fact("visibility", visibility);
  incident.fact("found_inside_s", incident.detected ? 0 : found_after);
  incident.fact("inside_s", std::max(0.0, contained - entry));
  incident.fact("firing_s", std::max(0.0, contained - (entry + attack_after)));
  incident.fact("hits", hits);
  return incident;
}

}  // namespace campsim::camp
