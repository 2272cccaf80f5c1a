#pragma once
// Walking around walls: the shortest way on foot between two points of the layout when a wall
// stands between them (the perimeter wall, with its openings at the gates). A visibility graph:
// its nodes are the walls' corners, each pushed out a little (`clearance_m`) so a walker rounds
// a corner without touching it; two nodes are joined when the straight walk between them
// crosses no wall. A walk from a to b goes straight when nothing is in the way; else by Dijkstra
// over the graph with a and b joined to every node they see. The shortest path among polygonal
// obstacles runs through their corners, so on this graph it is exact up to the clearance.
//
// Built once per fight, when someone first has a wall in the way (most walks inside the camp
// are straight: the built-up zones are clutter one walks through, not walls).
#include <vector>

#include "sim/camp/fight/line_of_sight.hpp"

namespace campsim::fight {

class Walkways {
 public:
  explicit Walkways(const Terrain& terrain, double clearance_m = 0.5);

  // No wall stands across the straight walk from a to b.
  bool clear(Point a, Point b) const;
  // The waypoints of the shortest walk from `from` to `to` around the walls, ending with `to`;
  // just {to} when the straight walk is clear, empty when no walk exists (`from` or `to` inside
  // a wall, or shut in).
  std::vector<Point> route(Point from, Point to) const;
  const std::vector<Point>& corners() const { return corners_; }

 private:
  const Terrain& terrain_;
  std::vector<Point> corners_;
  std::vector<std::vector<std::pair<std::size_t, double>>> edges_;  // node -> (node, metres)
};

// No wall stands across the straight walk from a to b (what Walkways::clear asks, without the
// graph: most walks need no more).
bool walk_clear(const Terrain& terrain, Point a, Point b);
// Is `p` inside any wall's footprint?
bool inside_a_wall(const Terrain& terrain, Point p);

}  // namespace campsim::fight
