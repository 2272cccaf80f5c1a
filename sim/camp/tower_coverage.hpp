#pragma once
// Which parts of the perimeter the watchtowers can see: a point is watched when it lies within a
// tower's range and inside its field-of-view sector. Walls and buildings do not block sight here
// (assumed: the towers stand above the HESCO wall precisely so that they see over it).
#include "sim/camp/layout.hpp"

namespace campsim::camp {

bool tower_sees(const Watchtower& tower, Point p);

struct PerimeterCoverage {
  double perimeter_m = 0;
  double watched_m = 0;            // length seen by at least one tower
  double watched_by_two_m = 0;     // length seen by two or more (redundancy against one inattentive sentry)
  double watched_share() const { return perimeter_m > 0 ? watched_m / perimeter_m : 0; }
};

// Walks the perimeter in steps of at most `step_m` metres and tests the midpoint of each step.
PerimeterCoverage perimeter_coverage(const CampLayout& layout, double step_m = 1.0);

// perimeter_coverage(layout) remembered by what it reads (the perimeter's corners, each tower's
// position, facing, field of view and range), at the default step: every run reports it in its
// metrics, and the runs of a batch share a few layouts, so the walk (about 5 million
// instructions for the Gao camp, some 5% of a 30-day replication) is done once per layout, not
// once per run (issue 25). Safe to call from several threads; keeps at most a few dozen layouts.
PerimeterCoverage perimeter_coverage_remembered(const CampLayout& layout);

}  // namespace campsim::camp
