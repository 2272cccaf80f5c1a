// Indirect fire, step by step (docs/threats/indirect-fire.md):
//   1. the salvo: rounds, aim point, flight time, each round's impact point;
//   2. the sense-and-warn radar: detection and the alarm time;
//   3. the people: who is where, who runs to which bunker and when they get there;
//   4. each impact: the Carleton blast outcome for every person not yet killed, worst one kept;
//   5. the casualties and the incident record.
//
// Random streams, one per purpose so that changing one input never shifts another's draws:
//   indirect_fire_rounds  (entity 0)       the number of rounds
//   indirect_fire_aim     (entity 0)       the target zone
//   indirect_fire_flight  (entity 0)       the flight time
//   indirect_fire_impact  (entity = round) the round's miss vector (two normal draws)
//   indirect_fire_detect  (entity 0)       the radar's detection
//   indirect_fire_blast   (entity = person) two draws per round that reaches the person
// Who is where comes from ctx.people_at (the world's people at the launch).
#include "sim/camp/threats/indirect_fire.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <optional>

#include "sim/engine/portable_math.hpp"

namespace campsim::camp {

namespace {

// Mean of the vertices: the aim when the layout has no zones (the middle of the perimeter).
Point vertex_centroid(const std::vector<Point>& polygon) {
  Point c;
  if (polygon.empty()) return c;
  for (const Point& v : polygon) {
    c.x += v.x;
    c.y += v.y;
  }
  c.x /= static_cast<double>(polygon.size());
  c.y /= static_cast<double>(polygon.size());
  return c;
}

// Area centroid of a polygon (the shoelace moments); the vertex mean when it has no area.
Point area_centroid(const std::vector<Point>& polygon) {
  const double a = signed_area(polygon);
  if (polygon.size() < 3 || std::abs(a) < 1e-9) return vertex_centroid(polygon);
  double cx = 0, cy = 0;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const Point& p = polygon[i];
    const Point& q = polygon[(i + 1) % polygon.size()];
    const double cross = p.x * q.y - q.x * p.y;
    cx += (p.x + q.x) * cross;
    cy += (p.y + q.y) * cross;
  }
  return {cx / (6 * a), cy / (6 * a)};
}

// A zone drawn with probability proportional to its area (one draw), or none when no zone has any:
// without intelligence on where people are, the crews aim at whatever is biggest on the map.
std::optional<ZoneId> draw_target_zone(const CampLayout& layout, engine::RandomStream& rng) {
  std::vector<double> areas;
  for (const Zone& z : layout.zones) areas.push_back(z.polygon.size() < 3 ? 0.0 : std::abs(signed_area(z.polygon)));
  const double total = std::accumulate(areas.begin(), areas.end(), 0.0);
  const double u = rng.uniform01() * total;
  if (total <= 0) return std::nullopt;
  double cumulative = 0;
  for (std::size_t z = 0; z < areas.size(); ++z) {
    cumulative += areas[z];
    if (u < cumulative && areas[z] > 0) return id_at<ZoneId>(z);
  }
  // Rounding can leave u at the very top: the last zone with any area.
  for (std::size_t z = areas.size(); z-- > 0;)
    if (areas[z] > 0) return id_at<ZoneId>(z);
  return std::nullopt;
}

int draw_rounds(const IndirectFireParams& p, engine::RandomStream& rng) {
  return std::max(1, static_cast<int>(std::lround(p.rounds_per_salvo.sample(rng))));
}

// The round's miss vector: independent normal errors east and north, so the miss distance is
// Rayleigh distributed with median CEP.
Point draw_impact(Point aim, double sigma, engine::RandomStream& rng) {
  const double dx = rng.normal(0, 1) * sigma;
  const double dy = rng.normal(0, 1) * sigma;
  return {aim.x + dx, aim.y + dy};
}

// Everyone in the camp at the launch, where they are then (the world's people, sentries included).
std::vector<Person> people_present(const ThreatContext& ctx, SimTime launch) {
  return ctx.people_at ? ctx.people_at(launch) : std::vector<Person>{};
}

// Nearest bunker with room for anyone, by straight line; none if there is none.
std::optional<BunkerId> nearest_bunker(const CampLayout& layout, Point from) {
  std::optional<BunkerId> best;
  double best_d = 0;
  for (std::size_t b = 0; b < layout.bunkers.size(); ++b) {
    if (layout.bunkers[b].capacity <= 0) continue;
    const double d = distance(from, layout.bunkers[b].position);
    if (!best || d < best_d) {
      best = id_at<BunkerId>(b);
      best_d = d;
    }
  }
  return best;
}

struct Exposure {
  Point at;
  Protection protection = Protection::Open;
};

// Where a person is and what covers them at time t: their own place and cover until they leave,
// in the open on the straight line to the bunker while running, hardened once inside.
Exposure exposure_at(const Person& person, const ShelterRun& run, const CampLayout& layout, SimTime t) {
  if (!run.bunker || t < run.leaves) return {person.position, person.protection};
  const Point bunker = layout.bunker(*run.bunker).position;
  if (t >= run.arrives) return {bunker, Protection::Hardened};
  // Here leaves <= t < arrives, so the run takes a positive time.
  const double share = (t - run.leaves) / (run.arrives - run.leaves);
  return {{person.position.x + share * (bunker.x - person.position.x),
           person.position.y + share * (bunker.y - person.position.y)},
          Protection::Open};
}

struct Hit {
  Triage triage = Triage::Minimal;
  SimTime time = 0;
  Point at;
};

// Triage lists the worst first (Killed, Immediate, Delayed, Minimal), so lower is worse.
bool worse(Triage a, Triage b) { return static_cast<int>(a) < static_cast<int>(b); }

// Every round in turn, until one kills: the person's worst outcome over the salvo, if any. The
// person's own stream gives two draws per round that reaches them (blast_outcome), so the
// result does not depend on how many other people there are or in what order they are treated.
std::optional<Hit> strike(const IndirectFireParams& p, const Salvo& salvo, const Person& person, const ShelterRun& run,
                          const CampLayout& layout, engine::RandomStream& rng) {
  std::optional<Hit> worst;
  for (std::size_t r = 0; r < salvo.impacts.size(); ++r) {
    if (worst && worst->triage == Triage::Killed) break;
    const Exposure e = exposure_at(person, run, layout, salvo.impact_times[r]);
    const auto outcome = blast_outcome(p.round, distance(e.at, salvo.impacts[r]), p.protection.factor(e.protection),
                                       p.wounds, rng);
    if (outcome && (!worst || worse(*outcome, worst->triage))) worst = Hit{*outcome, salvo.impact_times[r], e.at};
  }
  return worst;
}

int rounds_inside(const CampLayout& layout, const Salvo& salvo) {
  if (layout.perimeter.size() < 3) return 0;
  return static_cast<int>(std::count_if(salvo.impacts.begin(), salvo.impacts.end(),
                                        [&](Point q) { return contains(layout.perimeter, q); }));
}

int sheltered_at(const std::vector<ShelterRun>& runs, SimTime t) {
  return static_cast<int>(std::count_if(runs.begin(), runs.end(), [t](const ShelterRun& r) { return r.arrives <= t; }));
}

}  // namespace

ArrivalProfile default_indirect_fire_arrivals() {
  ArrivalProfile a;
  a.per_day = 0.02;
  // Local hours 18:00-06:59 weigh 2, 07:00-17:59 weigh 1: crews prefer to fire in the dark and
  // slip away before daylight, though reported attacks on Gao also came at dawn and by day.
  for (std::size_t h = 0; h < 24; ++h) a.hour_weights[h] = (h >= 7 && h <= 17) ? 1.0 : 2.0;
  return a;
}

// For a circular normal with sigma in each axis the miss distance is Rayleigh:
// P(R <= r) = 1 - exp(-r^2 / (2 sigma^2)); setting this to 1/2 at r = CEP gives
// sigma = CEP / sqrt(2 ln 2) = CEP / 1.1774.
double cep_sigma(double cep_m) { return cep_m / std::sqrt(2 * std::numbers::ln2); }

Salvo plan_salvo(const IndirectFireParams& p, const ThreatContext& ctx, int incident_id, SimTime launch) {
  const CampLayout& layout = *ctx.layout;
  Salvo salvo;
  engine::RandomStream rounds_rng = ctx.stream("indirect_fire_rounds", incident_id);
  const int n = draw_rounds(p, rounds_rng);

  engine::RandomStream aim_rng = ctx.stream("indirect_fire_aim", incident_id);
  salvo.zone = draw_target_zone(layout, aim_rng);
  salvo.aim = salvo.zone ? area_centroid(layout.zone(*salvo.zone).polygon) : vertex_centroid(layout.perimeter);

  engine::RandomStream flight_rng = ctx.stream("indirect_fire_flight", incident_id);
  salvo.flight = std::max(0.0, p.flight_time.sample(flight_rng));
  const SimTime first = launch + salvo.flight;
  // The firing point: out along a bearing of its own draw, at the range the flight covers.
  engine::RandomStream launcher_rng = ctx.stream("indirect_fire_launcher", incident_id);
  const double bearing = launcher_rng.uniform01() * 2 * std::numbers::pi;
  const double range = p.ground_speed_mps * salvo.flight;
  salvo.launcher = {salvo.aim.x + range * math::sin(bearing), salvo.aim.y + range * math::cos(bearing)};
  const double sigma = cep_sigma(p.cep_m);
  for (int r = 0; r < n; ++r) {
    engine::RandomStream impact_rng = ctx.stream("indirect_fire_impact", incident_id, static_cast<std::uint64_t>(r));
    salvo.impacts.push_back(draw_impact(salvo.aim, sigma, impact_rng));
    salvo.impact_times.push_back(first + r * kIndirectFireRoundSpacing);
    salvo.launch_times.push_back(salvo.impact_times.back() - salvo.flight);
  }

  // The radar tracks the rounds in flight; the warning cannot come before the launch.
  engine::RandomStream detect_rng = ctx.stream("indirect_fire_detect", incident_id);
  salvo.detected = detect_rng.bernoulli(p.detection_probability);
  if (salvo.detected) salvo.alarm = std::max(launch, first - p.warning_time);
  return salvo;
}

std::optional<RoundInFlight> round_in_flight(const Salvo& salvo, std::size_t round, SimTime t) {
  if (round >= salvo.impacts.size() || salvo.flight <= 0) return std::nullopt;
  const SimTime launched = salvo.launch_times[round];
  if (t < launched || t >= salvo.impact_times[round]) return std::nullopt;
  const double s = (t - launched) / salvo.flight;
  const Point to = salvo.impacts[round];
  constexpr double kGravity = 9.81;  // m/s^2
  const double apex = kGravity * salvo.flight * salvo.flight / 8;
  return RoundInFlight{{salvo.launcher.x + s * (to.x - salvo.launcher.x), salvo.launcher.y + s * (to.y - salvo.launcher.y)},
                       4 * apex * s * (1 - s)};
}

std::vector<ShelterRun> plan_shelter(const IndirectFireParams& p, const CampLayout& layout,
                                     const std::vector<Person>& people, SimTime alarm) {
  std::vector<ShelterRun> runs(people.size());
  std::vector<std::size_t> runners;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& person = people[i];
    const std::optional<BunkerId> b = person.sentry ? std::nullopt : nearest_bunker(layout, person.position);
    if (!b) continue;  // sentries hold their posts; nowhere to go without a bunker
    runs[i].bunker = b;
    runs[i].leaves = alarm + (person.asleep ? p.reaction_asleep : p.reaction_awake);
    const Point bunker = layout.bunker(*b).position;
    runs[i].arrives = runs[i].leaves + distance(person.position, bunker) / p.run_speed_mps;
    runners.push_back(i);
  }
  // First come, first in; ties by person order, so the result is deterministic.
  std::stable_sort(runners.begin(), runners.end(),
                   [&](std::size_t a, std::size_t b) { return runs[a].arrives < runs[b].arrives; });
  std::vector<int> taken(layout.bunkers.size(), 0);
  for (std::size_t i : runners) {
    int& used = taken[runs[i].bunker->value];
    if (used < layout.bunker(*runs[i].bunker).capacity) {
      ++used;
    } else {
      runs[i] = ShelterRun{};  // the bunker is full: stays where they are, with their own cover
    }
  }
  return runs;
}

Incident resolve_indirect_fire(const IndirectFireParams& p, const ThreatContext& ctx, int incident_id, SimTime launch,
                               std::vector<Casualty>& casualties) {
  const CampLayout& layout = *ctx.layout;
  const Salvo salvo = plan_salvo(p, ctx, incident_id, launch);
  const std::vector<Person> people = people_present(ctx, launch);
  // Without a warning nobody moves before the first impact.
  const std::vector<ShelterRun> runs =
      salvo.detected ? plan_shelter(p, layout, people, salvo.alarm) : std::vector<ShelterRun>(people.size());

  Incident incident;
  incident.id = incident_id;
  incident.kind = ThreatKind::IndirectFire;
  incident.time = launch;
  incident.location = salvo.aim;
  if (salvo.zone) incident.target = layout.zone(*salvo.zone).name;
  incident.detected = salvo.detected;
  if (salvo.detected) incident.detected_at = salvo.alarm;

  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::uint64_t entity = stream_entity(people[i], i);
    engine::RandomStream rng = ctx.stream("indirect_fire_blast", incident_id, entity);
    const auto hit = strike(p, salvo, people[i], runs[i], layout, rng);
    if (!hit) continue;
    Casualty c;
    c.id = static_cast<int>(casualties.size());
    c.incident = incident_id;
    c.time = hit->time;
    c.position = hit->at;
    c.cause = Cause::IndirectFire;
    c.triage = hit->triage;
    c.contingent = people[i].contingent;
    c.inside_camp = true;
    c.person = people[i].person;
    casualties.push_back(std::move(c));
    if (hit->triage == Triage::Killed) {
      ++incident.killed;
    } else {
      ++incident.wounded;
    }
  }

  incident.fact("rounds", static_cast<double>(salvo.impacts.size()));
  incident.fact("rounds_inside_perimeter", rounds_inside(layout, salvo));
  incident.fact("warned", salvo.detected ? 1 : 0);
  incident.fact("sheltered", sheltered_at(runs, salvo.impact_times.front()));
  incident.fact("people_exposed", static_cast<double>(people.size()));
  return incident;
}

}  // namespace campsim::camp
