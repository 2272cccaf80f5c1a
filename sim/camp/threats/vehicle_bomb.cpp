// Suicide vehicle bomb at a gate: target, approach, detection, stop, barrier, blast, QRF.
// Every step is described in docs/threats/vehicle-bomb-infiltration-complex.md.
#include "sim/camp/threats/vehicle_bomb.hpp"
#include "sim/camp/threats/first_event.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/camp/threats/stream_purpose.hpp"

#include "sim/camp/threats/infiltration.hpp"  // record_casualty

namespace campsim::camp {

namespace {


// The last stretch the chicane slows down (none without a chicane; never more than the approach).
double chicane_part(const VehicleBombParams& p, const Gate& gate) {
  return gate.chicane ? std::min(p.chicane_length_m, p.approach_distance_m) : 0.0;
}

// T = (D - c) / v + c / v_c: open road at full speed, then the chicane at its forced speed.
double time_in_view(const VehicleBombParams& p, const Gate& gate) {
  const double c = chicane_part(p, gate);
  return (p.approach_distance_m - c) / p.speed_mps + (c > 0 ? c / p.chicane_speed_mps : 0.0);
}

// Metres driven since coming into view, t seconds into the approach (piecewise linear).
double distance_driven(const VehicleBombParams& p, const Gate& gate, double t) {
  const double c = chicane_part(p, gate);
  const double open_road = p.approach_distance_m - c;
  const double t_open = open_road / p.speed_mps;
  if (t <= t_open) return p.speed_mps * t;
  return std::min(p.approach_distance_m, open_road + p.chicane_speed_mps * (t - t_open));
}

// Time to the first event of a constant hazard: invert the cumulative hazard H(t) = h t at an
// Exp(1) level -ln(u). A zero hazard never fires.

double gate_vigilance(const ThreatContext& ctx, SimTime t, GateId gate, int& sentries) {
  double sum = 0;
  sentries = 0;
  if (!ctx.sentries_at) return 0;
  for (const Sentry& s : ctx.sentries_at(t)) {
    const GateId* at = std::get_if<GateId>(&s.at);
    if (s.kind != PostKind::Gate || at == nullptr || *at != gate) continue;
    sum += s.vigilance;
    ++sentries;
  }
  return sum;
}

Point unit_or(Point v, Point fallback) {
  const double n = std::hypot(v.x, v.y);
  return n > 0 ? Point{v.x / n, v.y / n} : fallback;
}

// How the approach ended, in the vehicle's own terms.
struct Approach {
  double time_in_view = 0;
  bool detected = false;
  double detected_after = 0;        // seconds after coming into view
  bool stopped = false;
  double stopped_before_gate_m = 0;  // metres short of the gate
  bool barrier_held = false;
  bool penetrated = false;
  double detonation_after = 0;      // seconds after coming into view
  double offset_m = 0;              // detonation point: + outside the gate, - inside
};

// Draws exactly three uniforms (detection, stop, barrier) whatever happens, so the stream stays
// aligned when parameters change.
Approach drive(const VehicleBombParams& p, const Gate& gate, double vigilance_sum, double inside_room_m,
               engine::RandomStream& rng) {
  const double u_detect = rng.uniform01();
  const double u_stop = rng.uniform01();
  const double u_barrier = rng.uniform01();
  Approach a;
  a.time_in_view = time_in_view(p, gate);
  const double t_detect = first_event(p.detection_rate_per_s * vigilance_sum, u_detect);
  a.detected = t_detect < a.time_in_view;
  if (a.detected) {
    a.detected_after = t_detect;
    // Fire and obstacles act only after detection, for the rest of the approach.
    const double t_stop = t_detect + first_event(p.stop_rate_per_s, u_stop);
    if (t_stop < a.time_in_view) {
      a.stopped = true;
      a.stopped_before_gate_m = p.approach_distance_m - distance_driven(p, gate, t_stop);
      a.detonation_after = t_stop;
      a.offset_m = a.stopped_before_gate_m;
      return a;
    }
  }
  a.detonation_after = a.time_in_view;
  if (gate.barrier && u_barrier < p.barrier_stop_probability) {
    a.barrier_held = true;
    a.offset_m = p.barrier_standoff_m;
    return a;
  }
  // Through the gate: on at full speed toward the centre, never past it.
  const double inside = std::min(p.penetration_m, inside_room_m);
  a.penetrated = true;
  a.offset_m = -inside;
  a.detonation_after += inside / p.speed_mps;
  return a;
}

// The closed form's blast: bomb_blast among the people where they are at the detonation,
// each hit counted in the run's incident.
void blast_people(const VehicleBombParams& p, const ThreatContext& ctx, int id, std::string_view prefix, Point at,
                  SimTime when, BombRun& run, std::vector<Casualty>& casualties) {
  run.people = ctx.people_at ? ctx.people_at(when) : std::vector<Person>{};
  run.hurt.assign(run.people.size(), false);
  for (const BlastHit& hit : bomb_blast(p, ctx, id, prefix, at, when, run.people)) {
    run.hurt[hit.index] = true;
    record_casualty(run.incident, casualties, hit.casualty);
  }
}

void add_facts(Incident& incident, const Approach& a, int sentries, double vigilance_sum) {
  incident.fact("time_in_view_s", a.time_in_view);
  incident.fact("stopped_before_gate_m", a.stopped ? a.stopped_before_gate_m : 0);
  incident.fact("barrier_held", a.barrier_held ? 1 : 0);
  incident.fact("penetrated", a.penetrated ? 1 : 0);
  incident.fact("detonation_after_s", a.detonation_after);
  incident.fact("gate_sentries", sentries);
  incident.fact("gate_vigilance_sum", vigilance_sum);
}

}  // namespace

GateId draw_target_gate(const ThreatContext& ctx, engine::RandomStream& rng) {
  if (!ctx.bomb_gates.empty()) return ctx.bomb_gates[rng.uniform_index(ctx.bomb_gates.size())];
  if (ctx.layout->gates.empty()) throw std::invalid_argument("vehicle bomb: the layout has no gate to attack");
  return id_at<GateId>(rng.uniform_index(ctx.layout->gates.size()));
}

// Everyone within reach at the detonation: the camp's people where they are at that instant,
// the gate's sentries among them (in the open at the entry; a tower's cabin protects like a
// container). One stream per person, keyed by the world's person id: stable under reordering.
std::vector<BlastHit> bomb_blast(const VehicleBombParams& p, const ThreatContext& ctx, int id, std::string_view prefix,
                                 Point at, SimTime when, const std::vector<Person>& people) {
  std::vector<BlastHit> hits;
  const std::string blast = stream_purpose(prefix, "blast");
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& person = people[i];
    const std::uint64_t entity = stream_entity(person, i);
    engine::RandomStream rng = ctx.stream(blast, id, entity);
    const auto outcome =
        blast_outcome(p.charge, distance(person.position, at), p.protection.factor(person.protection), p.wounds, rng);
    if (!outcome) continue;
    Casualty c{0, id, when, person.position, Cause::VehicleBomb, *outcome, person.contingent, true};
    c.person = person.person;
    hits.push_back({i, std::move(c)});
  }
  return hits;
}

Point camp_centroid(const CampLayout& layout) {
  const auto& poly = layout.perimeter;
  if (poly.empty()) return {};
  double a2 = 0, cx = 0, cy = 0;  // twice the signed area, and the centroid's moments
  for (std::size_t i = 0; i < poly.size(); ++i) {
    const Point& p = poly[i];
    const Point& q = poly[(i + 1) % poly.size()];
    const double cross = p.x * q.y - q.x * p.y;
    a2 += cross;
    cx += (p.x + q.x) * cross;
    cy += (p.y + q.y) * cross;
  }
  if (std::abs(a2) > 1e-9) return {cx / (3 * a2), cy / (3 * a2)};
  Point mean;
  for (const Point& p : poly) mean = {mean.x + p.x / static_cast<double>(poly.size()), mean.y + p.y / static_cast<double>(poly.size())};
  return mean;
}

BombRun run_vehicle_bomb(const VehicleBombParams& p, const ThreatContext& ctx, int incident_id, SimTime start,
                         std::string_view prefix, std::vector<Casualty>& casualties) {
  const CampLayout& layout = *ctx.layout;
  // 1. Target: one draw, uniform over the candidate gates.
  engine::RandomStream target = ctx.stream(stream_purpose(prefix, "target"), incident_id);
  const GateId gate_id = draw_target_gate(ctx, target);
  const Gate& gate = layout.gate(gate_id);

  // 2. Geometry: the run comes straight in along the line from the camp's centre through the gate.
  const Point centre = camp_centroid(layout);
  const Point outward = unit_or({gate.position.x - centre.x, gate.position.y - centre.y}, {0, -1});
  const double inside_room = distance(gate.position, centre);

  // 3. Approach: detection, stop, barrier (sentries and their vigilance as the vehicle comes into view).
  int sentries = 0;
  const double vigilance_sum = gate_vigilance(ctx, start, gate_id, sentries);
  engine::RandomStream approach = ctx.stream(stream_purpose(prefix, "approach"), incident_id);
  const Approach a = drive(p, gate, vigilance_sum, inside_room, approach);

  BombRun run;
  run.gate = gate.position;
  run.detonation = start + a.detonation_after;
  run.stopped_before_gate = a.stopped;
  Incident& incident = run.incident;
  incident.id = incident_id;
  incident.kind = ThreatKind::VehicleBomb;
  incident.time = start;
  incident.target = gate.name;
  incident.location = {gate.position.x + outward.x * a.offset_m, gate.position.y + outward.y * a.offset_m};
  incident.detected = a.detected;
  incident.detected_at = a.detected ? start + a.detected_after : 0;

  // 4. Blast among the camp's people, sentries on post included, where they are at that moment.
  blast_people(p, ctx, incident_id, prefix, incident.location, run.detonation, run, casualties);

  // 5. QRF: alarmed at detection, or by the explosion itself.
  const SimTime alarm = a.detected ? incident.detected_at : run.detonation;
  engine::RandomStream qrf = ctx.stream(stream_purpose(prefix, "qrf"), incident_id);
  incident.qrf = ctx.call_qrf(incident.location, alarm, is_night_occupancy(ctx.time_of_day(alarm)), qrf);
  add_facts(incident, a, sentries, vigilance_sum);
  return run;
}

Incident resolve_vehicle_bomb(const VehicleBombParams& p, const ThreatContext& ctx, int incident_id, SimTime start,
                              std::vector<Casualty>& casualties) {
  return run_vehicle_bomb(p, ctx, incident_id, start, "vbied", casualties).incident;
}

}  // namespace campsim::camp
