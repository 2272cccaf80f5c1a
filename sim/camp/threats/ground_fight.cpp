// Every step is described in docs/threats/fight.md.
#include "sim/camp/threats/ground_fight.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/camp/human_factors.hpp"
#include "sim/camp/core/qrf_force.hpp"
#include "sim/camp/road_graph.hpp"
#include "sim/camp/threats/stream_purpose.hpp"

namespace campsim::camp {

using fight::Fighter;
using fight::FighterId;
using fight::FighterState;
using fight::Posture;
using fight::Role;
using fight::Side;

namespace {

// Darkness for everyone's eyes: 18:00 to 06:00 (sunset and sunrise at Gao, approximately).
constexpr SimTime kFightDarkFrom = 18 * engine::kHour;
constexpr SimTime kFightDarkTo = 6 * engine::kHour;
// Spacing of intruders abreast on the approach (metres; assumed).
constexpr double kIntrudersAbreast = 3.0;
// A combatant who fired this recently shows as firing in snapshots (seconds).
constexpr SimTime kShowsFiring = 3;
// Spacing of the QRF's members in their extended line as they close (metres; assumed: a section
// in extended line keeps about 5 m between men, so one grenade or burst takes one man).
constexpr double kQrfAbreast = 5.0;
// Snapshot ids: incident * kIdsPerIncident + fighter.
constexpr std::uint32_t kIdsPerIncident = 1000;

Point centroid(const std::vector<Point>& polygon) {
  Point c;
  for (const Point& p : polygon) {
    c.x += p.x / static_cast<double>(polygon.size());
    c.y += p.y / static_cast<double>(polygon.size());
  }
  return c;
}

Posture posture_of(Protection p) {
  switch (p) {
    case Protection::Open: return Posture::Standing;
    case Protection::Container: return Posture::Indoors;
    case Protection::Vehicle: return Posture::Vehicle;
    case Protection::Hardened: return Posture::InCover;  // not reached: the sheltered are not bystanders
  }
  return Posture::Standing;
}

// An armed member of the camp's side on the ground (a sentry or a QRF member): body armour, the
// ground's eye height and sight range; the caller sets where, and what differs.
Fighter armed_camp_fighter(Role role, FighterState state, Point at, const fight::FightParams& fp) {
  Fighter f;
  f.side = Side::Camp;
  f.role = role;
  f.state = state;
  f.armed = true;
  f.armour = true;
  f.position = at;
  f.eye_height_m = fp.sight.ground_eye_height_m;
  f.sight_range_m = fp.sight.ground_sight_range_m;
  return f;
}

}  // namespace

GroundFight::GroundFight(GroundAttack attack, const fight::FightParams& fight_params, const fight::Terrain& terrain,
                         const ThreatContext& ctx, int incident, SimTime start, const std::vector<ArmedSentry>& sentries)
    : attack_(std::move(attack)),
      fp_(fight_params),
      ctx_(ctx),
      engagement_(fight_params, terrain, fight::Rules{}, ctx.seed, ctx.replication, static_cast<std::uint64_t>(incident)) {
  incident_.id = incident;
  incident_.kind = attack_.kind;
  incident_.time = start;
  incident_.fight = FightSummary{};
  if (attack_.bomb != nullptr) {
    place_vehicle(start);
  } else {
    // Breach point: uniform along the perimeter's length (the same draw as the closed form had).
    engine::RandomStream breach = ctx.stream(purpose("breach"), incident);
    incident_.location =
        point_on_perimeter(ctx.layout->perimeter, breach.uniform01() * perimeter_length(ctx.layout->perimeter));
    const Point centre = centroid(ctx.layout->perimeter);
    const double d = std::max(1e-9, distance(centre, incident_.location));
    place_intruders(start, incident_.location,
                    {(incident_.location.x - centre.x) / d, (incident_.location.y - centre.y) / d}, false);
  }
  engine::RandomStream weather = ctx.stream(purpose("approach"), incident);
  sandstorm_ = weather.uniform01() < attack_.sandstorm_probability;
  add_sentries(sentries);
}

std::string GroundFight::purpose(std::string_view what) const { return stream_purpose(attack_.stream_prefix, what); }

void GroundFight::place_intruders(SimTime start, Point breach, Point outward, bool wait_for_bomb) {
  const CampLayout& layout = *ctx_.layout;
  const double ox = outward.x, oy = outward.y;
  // The objective: a built-up zone, in proportion to who is in it at this hour.
  const bool night = is_night_occupancy(ctx_.time_of_day(start));
  double total = 0;
  for (const Zone& z : layout.zones) total += night ? z.occupants_night : z.occupants_day;
  engine::RandomStream pick = ctx_.stream(purpose("objective"), incident_.id);
  double u = pick.uniform01() * total;
  Point objective = centroid(layout.perimeter);
  for (const Zone& z : layout.zones) {
    const double w = night ? z.occupants_night : z.occupants_day;
    if (w <= 0) continue;
    objective = centroid(z.polygon);
    if (!wait_for_bomb) incident_.target = z.name;  // a bomb's target is its gate
    if ((u -= w) <= 0) break;
  }
  // Numbered after the vehicle, if there is one: the event log tells every attacker apart.
  const std::uint64_t first_key = vehicle_ ? 1 : 0;
  for (int i = 0; i < attack_.intruders; ++i) {
    engine::RandomStream rng = ctx_.stream(purpose("intruder"), incident_.id, static_cast<std::uint64_t>(i));
    const double lateral = (i - (attack_.intruders - 1) / 2.0) * kIntrudersAbreast;
    Fighter f;
    f.side = Side::Attacker;
    f.role = Role::Intruder;
    f.state = FighterState::Approaching;
    f.posture = Posture::InCover;  // bent low or crawling to the wire
    f.armed = true;
    f.position = {breach.x + ox * fp_.move.approach_distance_m - oy * lateral,
                  breach.y + oy * fp_.move.approach_distance_m + ox * lateral};
    f.goal = {breach.x + ox - oy * lateral, breach.y + oy + ox * lateral};  // a metre outside
    f.objective = objective;
    f.breach_s = rng.uniform(fp_.move.breach_min, fp_.move.breach_max);
    f.speed_mps = fp_.move.approach_speed_mps;
    f.sight_range_m = fp_.sight.ground_sight_range_m;
    f.eye_height_m = fp_.sight.ground_eye_height_m;
    f.key = first_key + static_cast<std::uint64_t>(i);
    if (wait_for_bomb) {
      // Out of sight off the road until the bomb goes off (released by detonate()).
      f.state = FighterState::Waiting;
      f.ready_at = std::numeric_limits<double>::infinity();
      f.speed_mps = fp_.move.inside_speed_mps;  // a rush, not a crawl
    }
    const FighterId id = engagement_.add(f);
    if (wait_for_bomb) gunmen_.push_back(id);
  }
}

void GroundFight::add_sentries(const std::vector<ArmedSentry>& sentries) {
  for (const ArmedSentry& s : sentries) {
    Fighter f = armed_camp_fighter(Role::Sentry, FighterState::Holding, s.position, fp_);
    f.vigilance = s.vigilance;
    f.posture = s.mounted ? Posture::Vehicle : Posture::Booth;
    if (s.tower != nullptr) {
      f.eye_height_m = fp_.sight.tower_eye_height_m;
      f.facing_deg = s.tower->facing_deg;
      f.field_of_view_deg = s.tower->field_of_view_deg;
      f.sight_range_m = s.tower->range_m;
    }
    f.key = s.person;
    f.person = s.person;
    contingent_[s.person] = s.contingent;
    const FighterId id = engagement_.add(f);
    fighter_of(s.person) = id;
  }
}

void GroundFight::sync_bystanders(const std::vector<Person>& people) {
  // Only people within reach of a free intruder matter (beyond it nobody can see or shoot them).
  std::vector<Point> intruders;
  for (const Fighter& f : engagement_.fighters())
    if (f.side == Side::Attacker && fight::is_active(f.state)) intruders.push_back(f.position);
  const double reach = fp_.fire.max_range_m;
  std::vector<std::uint8_t> present(engagement_.size(), 0);
  for (const Person& person : people) {
    if (!person.person || person.protection == Protection::Hardened) continue;
    // Squared distances: this runs over everyone in camp every tick of a fight.
    const bool near = std::any_of(intruders.begin(), intruders.end(), [&](Point q) {
      const double dx = q.x - person.position.x, dy = q.y - person.position.y;
      return dx * dx + dy * dy <= reach * reach;
    });
    if (!near) continue;
    const std::uint32_t id = person.person->value;
    const std::optional<FighterId> known = id < by_person_.size() ? by_person_[id] : std::nullopt;
    // A sentry or a QRF member is placed by the fight, not by the world's schedule.
    if (known && engagement_.at(*known).role != Role::Bystander) continue;
    FighterId fid;
    if (!known) {
      Fighter f;
      f.side = Side::Camp;
      f.role = Role::Bystander;
      f.key = id;
      f.person = id;
      contingent_[id] = person.contingent;
      fid = engagement_.add(f);
      fighter_of(id) = fid;
      present.push_back(0);
    } else {
      fid = *known;
    }
    present[fid.value] = 1;
    Fighter& f = engagement_.at(fid);
    f.position = person.position;
    f.posture = posture_of(person.protection);
    if (f.state == FighterState::Gone) f.state = FighterState::Holding;
  }
  // Bystanders not near any more, or under cover in a bunker, are off the field.
  for (std::size_t i = 0; i < engagement_.size(); ++i) {
    Fighter& f = engagement_.at(FighterId{static_cast<std::uint32_t>(i)});
    if (f.role == Role::Bystander && !present[i] && f.state == FighterState::Holding) f.state = FighterState::Gone;
  }
}

FighterId& GroundFight::fighter_of(std::uint32_t person) {
  if (person >= by_person_.size()) by_person_.resize(person + 1);
  if (!by_person_[person]) by_person_[person] = FighterId{};
  return *by_person_[person];
}

std::vector<const Person*> GroundFight::qrf_members(const std::vector<Person>& people) const {
  std::vector<const Person*> off_duty;
  for (const Person& p : people)
    if (p.guard && !p.sentry && p.person && p.contingent == ctx_.guard_contingent) off_duty.push_back(&p);
  // A draw without replacement, in the order of the people (ascending ids): its own stream, so
  // the QRF's timeline draws stay what they were.
  engine::RandomStream pick = ctx_.stream(purpose("qrf_team"), incident_.id);
  std::vector<const Person*> team;
  while (static_cast<int>(team.size()) < fp_.qrf_team_size && !off_duty.empty()) {
    const auto k = static_cast<std::ptrdiff_t>(pick.uniform_index(off_duty.size()));
    team.push_back(off_duty[static_cast<std::size_t>(k)]);
    off_duty.erase(off_duty.begin() + k);
  }
  return team;
}

void GroundFight::raise_alarm(SimTime at, const std::vector<Person>& people) {
  incident_.detected = true;
  incident_.detected_at = at;
  engagement_.alert_attackers();
  const Point where = engagement_.last_seen().value_or(incident_.location);
  engine::RandomStream qrf_rng = ctx_.stream(purpose("qrf"), incident_.id);
  const bool night = is_night_occupancy(ctx_.time_of_day(at));
  // Held until the fight ends: the team is busy for everyone else meanwhile.
  incident_.qrf = ctx_.qrf_force->dispatch_open(where, at, night, qrf_rng, fp_.move.max_inside);
  const QrfTimeline& t = *incident_.qrf;
  const std::optional<RoadNodeId> node = nearest_road_node(*ctx_.layout, where);
  const Point dismount = node ? ctx_.layout->road_node(*node).position : where;
  const SimTime arrives = t.launched + t.road_m / ctx_.qrf.drive_speed_mps;
  const std::vector<const Person*> members = qrf_members(people);
  for (int i = 0; i < fp_.qrf_team_size; ++i) {
    // Dismounting in two ranks of four, 1.5 m apart.
    Fighter f = armed_camp_fighter(Role::Qrf, FighterState::Waiting,
                                   {dismount.x + (i % 4) * 1.5, dismount.y + (i / 4) * 1.5}, fp_);
    f.ready_at = arrives;
    f.goal = where;
    f.speed_mps = ctx_.qrf.foot_speed_mps;
    f.key = (std::uint64_t{1} << 32) | static_cast<std::uint64_t>(i);
    // An extended line: nobody closes on the enemy behind a comrade (who would mask his fire).
    f.abreast_m = (i - (fp_.qrf_team_size - 1) / 2.0) * kQrfAbreast;
    // A member who is a person of the world is hit as that person (he leaves the population and,
    // a guard, the roster); with too few guards off duty the rest of the section carries none.
    const Person* member = static_cast<std::size_t>(i) < members.size() ? members[static_cast<std::size_t>(i)] : nullptr;
    if (member != nullptr) {
      const std::uint32_t id = member->person->value;
      f.person = id;
      contingent_[id] = member->contingent;
    }
    const FighterId fid = engagement_.add(f);
    if (member != nullptr) fighter_of(member->person->value) = fid;
    qrf_.push_back(fid);
  }
}

std::optional<Casualty> GroundFight::casualty_of(const fight::FightEvent& shot) const {
  const Fighter& target = engagement_.at(shot.target);
  if (shot.kind != fight::FightEventKind::Shot || shot.outcome == fight::HitOutcome::Miss || target.side != Side::Camp)
    return std::nullopt;
  Triage triage = Triage::Killed;
  if (shot.outcome == fight::HitOutcome::Wounded) {
    // A wound is never "killed outright"; T3 minimal hits still take the person out of the fight.
    engine::RandomStream rng = ctx_.stream(purpose("wound"), incident_.id, target.key);
    triage = wound_triage(attack_.wounds, rng.uniform01());
  }
  // A QRF member with no person (too few guards off duty to make up the section) is of the guard
  // contingent and carries no person.
  const std::string& contingent = target.person ? contingent_.at(*target.person) : ctx_.guard_contingent;
  Casualty c{0, incident_.id, shot.time, target.position, Cause::Gunfire, triage, contingent, true};
  if (target.person) c.person = PersonId{*target.person};
  return c;
}

FightTick GroundFight::step(SimTime now, SimTime dt, const std::vector<Person>& people) {
  FightTick out;
  if (ended_) return out;
  sync_bystanders(people);
  const bool dark = in_daily_window(ctx_.time_of_day(now), kFightDarkFrom, kFightDarkTo);
  const double visibility = (dark ? fp_.sight.night_visibility : 1.0) * (sandstorm_ ? fp_.sight.sandstorm_visibility : 1.0);
  engagement_.step(now, dt, fight::Conditions{visibility}, out.events);
  // The sentries saw and fired on the vehicle where it was; now it drives on, or goes off.
  if (vehicle_ && !bomb_outcome_) drive_vehicle(now, dt, people, out);
  const fight::FightTally& tally = engagement_.tally();
  if (!incident_.detected) {
    // The camp sees an intruder, or hears the first shot: gunfire is never unseen.
    std::optional<SimTime> first = tally.first_detection_of_attacker;
    if (tally.first_shot && (!first || *tally.first_shot < *first)) first = tally.first_shot;
    if (first) {
      raise_alarm(std::max(now, *first), people);
      out.alarm = incident_.detected_at;
    }
  }
  for (const fight::FightEvent& e : out.events) {
    if (const auto c = casualty_of(e)) out.casualties.push_back(*c);
    const bool qrf_acts = engagement_.at(e.by).role == Role::Qrf;
    if (qrf_acts && !qrf_contact_) qrf_contact_ = e.time;
  }
  // From the dismount on: until then the team musters and drives, and the fighter's place (the
  // dismount point, near the fight) is not yet where he is.
  for (const FighterId id : qrf_) {
    const Fighter& f = engagement_.at(id);
    if (f.person && f.state != FighterState::Waiting) out.qrf_members.emplace_back(PersonId{*f.person}, f.position);
  }
  if (!engagement_.attackers_active() && site_secured(now + dt)) finish(now + dt);
  return out;
}

void GroundFight::finish(SimTime at) {
  ended_ = at;
  const fight::FightTally& tally = engagement_.tally();
  FightSummary& s = *incident_.fight;
  s.attackers = engagement_.attackers();
  s.attackers_killed = engagement_.attackers_in(FighterState::Killed);
  s.attackers_wounded = engagement_.attackers_in(FighterState::Incapacitated);
  s.attackers_captured = engagement_.attackers_in(FighterState::Captured);
  s.attackers_gone = engagement_.attackers_in(FighterState::Gone);
  s.shots = tally.shots;
  s.hits = tally.hits;
  s.shots_by_camp = tally.shots_by_camp;
  s.hits_by_camp = tally.hits_by_camp;
  s.hits_by_attackers = tally.hits_by_attackers;
  s.stray_hits = tally.stray_hits;
  s.friendly_hits = tally.friendly_hits;
  s.detections = tally.detections;
  s.first_shot = tally.first_shot;
  s.qrf_contact = qrf_contact_;
  s.ended = at;
  // Stopped outside the wire: no intruder got through.
  s.stopped_outside = std::none_of(engagement_.fighters().begin(), engagement_.fighters().end(),
                                   [](const Fighter& f) { return f.side == Side::Attacker && f.entered_at.has_value(); });
  if (incident_.qrf) {
    incident_.qrf = ctx_.qrf_force->stand_down(incident_.qrf->unit, incident_.qrf->mission, at);
    // The incident is over when its attackers are, even if the team was still getting ready
    // (its own mission cannot end before it launched; the incident's record can).
    incident_.qrf->contained = at;
  }
}

void GroundFight::close_unfinished(SimTime at) {
  if (ended_) return;
  finish(at);
  incident_.fight->ended.reset();
}

std::vector<CombatantView> GroundFight::views(SimTime t) const {
  std::vector<CombatantView> views;
  const auto& fighters = engagement_.fighters();
  for (std::size_t i = 0; i < fighters.size(); ++i) {
    const Fighter& f = fighters[i];
    if (f.role == Role::Bystander || f.state == FighterState::Waiting || f.state == FighterState::Gone) continue;
    if (f.role == Role::Sentry && !f.fired_at && fight::is_active(f.state)) continue;  // a quiet post shows as a post
    CombatantView v;
    v.id = static_cast<std::uint32_t>(incident_.id) * kIdsPerIncident + static_cast<std::uint32_t>(i);
    switch (f.role) {
      case Role::Intruder: v.kind = CombatantKind::Intruder; break;
      case Role::Qrf: v.kind = CombatantKind::Qrf; break;
      case Role::Vehicle: v.kind = CombatantKind::BombVehicle; break;
      case Role::Sentry:
      case Role::Bystander: v.kind = CombatantKind::Sentry; break;
    }
    v.position = f.position;
    switch (f.state) {
      case FighterState::Killed: v.state = CombatantState::Killed; break;
      case FighterState::Incapacitated:
      case FighterState::Captured: v.state = CombatantState::Down; break;
      case FighterState::Breaching: v.state = CombatantState::Breaching; break;
      case FighterState::Approaching:
      case FighterState::Advancing: v.state = CombatantState::Moving; break;
      default: v.state = CombatantState::Holding; break;
    }
    if (fight::is_active(f.state) && f.fired_at && t - *f.fired_at <= kShowsFiring) v.state = CombatantState::Firing;
    views.push_back(v);
  }
  return views;
}

std::string GroundFight::phase(SimTime t) const {
  if (vehicle_ && !bomb_outcome_) return incident_.detected ? "vehicle bomb under fire" : "vehicle bomb inbound";
  if (!incident_.detected) return "intruders unseen";
  const QrfTimeline& q = *incident_.qrf;
  if (t < q.alerted) return "alarm going up";
  if (t < q.launched) return "QRF mobilizing";
  if (t < q.launched + q.road_m / ctx_.qrf.drive_speed_mps) return "QRF en route";
  return engagement_.tally().first_shot ? "firefight" : "QRF searching";
}

std::int64_t GroundFight::identity(FighterId id) const {
  const Fighter& f = engagement_.at(id);
  return f.person ? static_cast<std::int64_t>(*f.person) : static_cast<std::int64_t>(f.key);
}

}  // namespace campsim::camp
