#pragma once
// Exact-enough 2-D segment predicates in double precision, for the hard wall guarantee and
// for line-of-sight between neighbours. Coordinates are the kernel's floats widened to double,
// so a test that repeats these computations on the stored positions sees the same answer.
#include "sim/crowd/crowd_types.hpp"

namespace campsim::crowd {

struct DPoint {
  double x = 0.0, y = 0.0;
};

inline DPoint widen(Point2 p) { return {p.x, p.y}; }

// Squared distance from p to the closed segment [a, b] (a == b allowed).
double point_segment_distance2(DPoint p, DPoint a, DPoint b);

// True when the closed segments [p1, p2] and [q1, q2] share at least one point.
bool segments_intersect(DPoint p1, DPoint p2, DPoint q1, DPoint q2);

// Distance between the closed segments [p1, p2] and [q1, q2].
double segment_segment_distance(DPoint p1, DPoint p2, DPoint q1, DPoint q2);

// Distance from the closed segment [a, b] to the axis-aligned box [x0, x1] x [y0, y1].
double box_segment_distance(double x0, double y0, double x1, double y1, DPoint a, DPoint b);

}  // namespace campsim::crowd
