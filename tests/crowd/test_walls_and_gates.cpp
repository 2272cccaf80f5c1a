// Property: nobody passes through a wall or a closed gate. Many random crowds, each pushed at
// walls, closed gates and an inner maze of random segments; every step's move of every agent
// is checked against every blocking segment with an intersection test written here, not the
// kernel's.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/crowd/crowd_placement.hpp"
#include "sim/crowd/crowd_world.hpp"
#include "sim/engine/random.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

// Orientation of (c - a) against (b - a), exactly in double (float inputs: products of two
// differences of floats are exact enough to carry the sign; ties count as touching).
int orientation(Point2 a, Point2 b, Point2 c) {
  const double v = (static_cast<double>(b.x) - a.x) * (static_cast<double>(c.y) - a.y) -
                   (static_cast<double>(b.y) - a.y) * (static_cast<double>(c.x) - a.x);
  return (v > 0) - (v < 0);
}

bool within_box(Point2 a, Point2 b, Point2 c) {
  return std::min(a.x, b.x) <= c.x && c.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= c.y &&
         c.y <= std::max(a.y, b.y);
}

// Do the closed segments [p, q] and [a, b] share a point?
bool touches(Point2 p, Point2 q, Point2 a, Point2 b) {
  const int o1 = orientation(a, b, p), o2 = orientation(a, b, q), o3 = orientation(p, q, a), o4 = orientation(p, q, b);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;  // proper crossing
  return (o1 == 0 && within_box(a, b, p)) || (o2 == 0 && within_box(a, b, q)) || (o3 == 0 && within_box(p, q, a)) ||
         (o4 == 0 && within_box(p, q, b));
}

// Starting points at least 0.25 m from a segment (the kernel keeps whoever starts clear of a
// wall clear of it; it does not rescue agents placed on one).
bool point_distance_ok(Point2 p, const Segment& s) {
  const double ex = static_cast<double>(s.b.x) - s.a.x, ey = static_cast<double>(s.b.y) - s.a.y;
  const double len2 = ex * ex + ey * ey;
  double t = len2 > 0 ? ((p.x - s.a.x) * ex + (p.y - s.a.y) * ey) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double dx = s.a.x + t * ex - p.x, dy = s.a.y + t * ey - p.y;
  return dx * dx + dy * dy >= 0.25 * 0.25;
}

struct Crossing {
  std::uint64_t seed;
  int step;
  std::uint32_t agent;
};

}  // namespace

TEST_CASE("no agent ever crosses a wall or a closed gate (random crowds, random mazes)", "[crowd][walls]") {
  engine::Parallelism par(2);
  std::vector<Crossing> crossings;
  std::size_t moves_checked = 0, blocked_targets = 0;
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    engine::RandomStream rng(engine::StreamKey{seed, 0, engine::purpose_tag("test.walls"), 0, 0});
    CrowdWorld world(-2, -2, 32, 32);
    CrowdGeometry g;
    const Point2 box[] = {{0, 0}, {30, 0}, {30, 30}, {0, 30}};
    g.add_wall_loop(box);
    // A dividing wall at x = 15 with a closed gate in the middle (and, on odd seeds, an open
    // one near the top, which agents may use).
    g.add_wall({15, 0}, {15, 12});
    const GateId closed = g.add_gate({15, 12}, {15, 18}, false);
    if (seed % 2 == 1) {
      g.add_wall({15, 18}, {15, 25});
      g.add_gate({15, 25}, {15, 28}, true);
      g.add_wall({15, 28}, {15, 30});
    } else {
      g.add_wall({15, 18}, {15, 30});
    }
    // Random short segments (any angle, some very short) inside the left half.
    for (int k = 0; k < 12; ++k) {
      const Point2 a{static_cast<float>(rng.uniform(1, 14)), static_cast<float>(rng.uniform(1, 29))};
      const double angle = rng.uniform(0, 6.283185307179586), length = rng.uniform(0.05, 6.0);
      g.add_wall(a, {a.x + static_cast<float>(length * std::cos(angle)), a.y + static_cast<float>(length * std::sin(angle))});
    }
    std::vector<Segment> blocking;
    for (const Barrier& b : g.barriers())
      if (g.blocks(b)) blocking.push_back(b.segment);
    CHECK_FALSE(g.gate_open(closed));
    world.set_geometry(g);

    // Crowd on the left, everyone heading for a point on the right behind the closed gate.
    const auto positions = scatter_without_overlap(Rectangle{0.5f, 0.5f, 14.5f, 29.5f}, 150, 0.42f, rng);
    std::vector<CrowdAgentId> ids;
    for (const Point2 p : positions) {
      bool clear = true;  // skip starting points on or right next to a random wall
      for (const Segment& s : blocking)
        clear = clear && point_distance_ok(p, s);
      if (!clear) continue;
      // Walkers to sprinters: a fast step (up to 0.6 m) is what a finite-range wall repulsion
      // alone cannot stop.
      const auto speed = static_cast<float>(rng.uniform(1.0, 6.0));
      ids.push_back(world.add_agent(AgentSpec{p, {25, 15}, speed, 0.2f, 0}));
    }
    std::vector<Point2> before(ids.size());
    for (int step = 0; step < 120; ++step) {
      for (std::size_t k = 0; k < ids.size(); ++k) before[k] = world.position(ids[k]);
      world.step(0.1f, par);
      for (std::size_t k = 0; k < ids.size(); ++k) {
        const Point2 after = world.position(ids[k]);
        ++moves_checked;
        for (const Segment& s : blocking)
          if (touches(before[k], after, s.a, s.b)) crossings.push_back({seed, step, ids[k].value});
      }
    }
    for (const CrowdAgentId id : ids) blocked_targets += world.position(id).x < 15.0f ? 1 : 0;
  }
  INFO("moves checked: " << moves_checked);
  CHECK(moves_checked > 300000);
  CHECK(crossings.empty());
  if (!crossings.empty()) FAIL("seed " << crossings[0].seed << " step " << crossings[0].step << " agent " << crossings[0].agent);
  CHECK(blocked_targets > 0);  // the closed gate really held people back
}
