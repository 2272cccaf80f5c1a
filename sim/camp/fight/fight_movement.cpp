#include "sim/camp/fight/fight_movement.hpp"

#include <limits>

namespace campsim::fight {

namespace {

// Close enough to a goal to count as there (metres).
constexpr double kArrived = 1.0;
// The step an intruder takes across the wire once it is cut (metres: the wall and a little more).
constexpr double kThroughTheWire = 3.0;
// How far from a wall's corner a walker rounds it (metres; assumed: a shoulder's width).
constexpr double kWallClearance = 0.5;
// A straight way is checked again for walls once its goal has moved this far (metres; assumed).
constexpr double kRecheckStraight = 1.0;
// A way round walls is planned again once its goal has moved this far (metres; assumed).
constexpr double kReplanAfter = 5.0;

Point step_towards(Point from, Point to, double metres) {
  const double d = camp::distance(from, to);
  if (d <= metres || d <= 0) return to;
  return {from.x + (to.x - from.x) * metres / d, from.y + (to.y - from.y) * metres / d};
}

// The point `abreast` metres to the right of `target`, seen from `from` (on the line through
// `target` square to the line from `from`).
Point abreast_of(Point from, Point target, double abreast) {
  const double d = camp::distance(from, target);
  if (abreast == 0 || d <= 0) return target;
  const double ux = (target.x - from.x) / d, uy = (target.y - from.y) / d;
  return {target.x + uy * abreast, target.y - ux * abreast};
}

// A QRF member on the field takes any wounded attacker within reach and, advancing, closes on
// where an intruder was last seen; with none seen alive, on the nearest wounded one still to be
// taken.
void qrf_orders(Fighter& f, std::vector<Fighter>& fighters, const MoveParams& m, const std::optional<Point>& last_seen) {
  for (Fighter& other : fighters)
    if (other.side == Side::Attacker && other.state == FighterState::Incapacitated &&
        camp::distance(other.position, f.position) <= m.capture_range_m)
      other.state = FighterState::Captured;
  if (f.state != FighterState::Advancing) return;
  if (last_seen) f.goal = abreast_of(f.position, *last_seen, f.abreast_m);
  double nearest = std::numeric_limits<double>::infinity();
  bool any_free = false;
  for (const Fighter& other : fighters) {
    if (other.side != Side::Attacker) continue;
    if (is_active(other.state)) any_free = true;
    if (other.state == FighterState::Incapacitated && camp::distance(other.position, f.position) < nearest) {
      nearest = camp::distance(other.position, f.position);
      if (!any_free) f.goal = other.position;
    }
  }
}

// An intruder at its goal with nobody in sight: on to the nearest bystander within the hunt
// radius.
void hunt(Fighter& f, const std::vector<Fighter>& fighters, const MoveParams& m, double hunt_radius_m) {
  double best = hunt_radius_m;
  for (const Fighter& other : fighters) {
    if (other.role != Role::Bystander || !is_active(other.state)) continue;
    const double d = camp::distance(other.position, f.position);
    if (d < best && d > m.capture_range_m) {
      best = d;
      f.goal = other.position;
      f.state = FighterState::Advancing;
    }
  }
}

}  // namespace

void Routes::plan(Fighter& f) {
  f.routed_to = f.goal;
  if (walk_clear(terrain_, f.position, f.goal)) {
    f.route.assign(1, f.goal);
    return;
  }
  if (!walkways_) walkways_.emplace(terrain_, kWallClearance);
  f.route = walkways_->route(f.position, f.goal);
  // No way round (the walker stands in a wall's footprint, or is shut in): straight on, as a
  // climber would.
  if (f.route.empty()) f.route.assign(1, f.goal);
}

void Routes::walk(Fighter& f, double metres) {
  if (f.route.empty()) {
    plan(f);
  } else if (!(f.goal.x == f.routed_to.x && f.goal.y == f.routed_to.y)) {
    // A goal that moved (an intruder seen somewhere new, a QRF member's place in the line): a
    // straight way is checked again once the goal has moved a metre, a way round walls once it
    // has moved far (a Dijkstra over the corners is dear); meanwhile the last leg follows it.
    const double moved = camp::distance(f.goal, f.routed_to);
    if (moved > (f.route.size() == 1 ? kRecheckStraight : kReplanAfter)) {
      plan(f);
    } else {
      f.route.back() = f.goal;
      f.routed_to = f.goal;
    }
  }
  while (metres > 0) {
    const Point next = f.route.front();
    const double d = camp::distance(f.position, next);
    if (d > metres) {
      f.position = step_towards(f.position, next, metres);
      return;
    }
    f.position = next;
    metres -= d;
    if (f.route.size() == 1) return;  // at the goal (the last waypoint stays: it is the goal)
    f.route.erase(f.route.begin());
  }
}

void advance_timers(std::vector<Fighter>& fighters, const MoveParams& move, SimTime now) {
  for (Fighter& f : fighters) {
    if (f.state == FighterState::Waiting && now >= f.ready_at) f.state = FighterState::Advancing;
    if (f.state == FighterState::Breaching && now >= f.ready_at) {
      // Through the wire: a step across it, then on to the objective.
      f.state = FighterState::Advancing;
      f.entered_at = f.ready_at;
      f.speed_mps = move.inside_speed_mps;
      f.posture = Posture::Standing;  // on their feet inside, moving between buildings
      f.position = step_towards(f.position, f.objective, kThroughTheWire);
      f.goal = f.objective;
    }
  }
}

void move_fighters(std::vector<Fighter>& fighters, const MoveParams& m, double hunt_radius_m,
                   const std::optional<Point>& last_seen, Routes& routes, SimTime now, SimTime dt) {
  for (std::size_t i = 0; i < fighters.size(); ++i) {
    Fighter& f = fighters[i];
    if (f.role == Role::Vehicle) continue;  // driven by its caller along the approach road
    // Attackers too long inside withdraw: they are gone from the fight.
    if (f.side == Side::Attacker && is_active(f.state) && f.entered_at && now - *f.entered_at >= m.max_inside) {
      f.state = FighterState::Gone;
      continue;
    }
    if (f.role == Role::Qrf && is_active(f.state)) qrf_orders(f, fighters, m, last_seen);
    if (f.side == Side::Attacker && f.state == FighterState::Holding) hunt(f, fighters, m, hunt_radius_m);
    if (f.state != FighterState::Approaching && f.state != FighterState::Advancing) continue;
    const double speed = f.speed_mps * (1 - f.suppression);
    routes.walk(f, speed * dt);
    if (camp::distance(f.position, f.goal) > kArrived) continue;
    if (f.state == FighterState::Approaching) {
      f.state = FighterState::Breaching;
      f.ready_at = now + dt + f.breach_s;
    } else if (f.side == Side::Attacker) {
      f.state = FighterState::Holding;
      f.posture = Posture::InCover;
    }
  }
}

}  // namespace campsim::fight
