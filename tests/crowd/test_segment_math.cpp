#include <catch2/catch.hpp>

#include <cmath>

#include "sim/crowd/fast_exp.hpp"
#include "sim/crowd/lanes4.hpp"
#include "sim/crowd/segment_math.hpp"

using namespace campsim::crowd;

TEST_CASE("segment predicates on hand-drawn cases", "[crowd][geometry]") {
  // A cross, a T, touching ends, collinear overlap, parallel apart.
  CHECK(segments_intersect({0, 0}, {2, 2}, {0, 2}, {2, 0}));
  CHECK(segments_intersect({0, 0}, {2, 0}, {1, 0}, {1, 5}));   // T: end point on the other
  CHECK(segments_intersect({0, 0}, {1, 0}, {1, 0}, {2, 3}));   // shared end point
  CHECK(segments_intersect({0, 0}, {3, 0}, {2, 0}, {5, 0}));   // collinear overlap
  CHECK_FALSE(segments_intersect({0, 0}, {1, 0}, {2, 0}, {3, 0}));  // collinear apart
  CHECK_FALSE(segments_intersect({0, 0}, {2, 0}, {0, 1}, {2, 1}));  // parallel
  CHECK_FALSE(segments_intersect({0, 0}, {1, 1}, {2, 0}, {3, -5}));

  CHECK(point_segment_distance2({1, 1}, {0, 0}, {2, 0}) == Approx(1.0));
  CHECK(point_segment_distance2({3, 4}, {0, 0}, {0, 0}) == Approx(25.0));  // degenerate segment
  CHECK(point_segment_distance2({-3, 4}, {0, 0}, {2, 0}) == Approx(25.0));  // beyond the end

  CHECK(segment_segment_distance({0, 1}, {2, 1}, {0, 0}, {2, 0}) == Approx(1.0));
  CHECK(segment_segment_distance({0, 0}, {2, 2}, {0, 2}, {2, 0}) == 0.0);
  CHECK(box_segment_distance(0, 0, 1, 1, {3, 0.5}, {5, 0.5}) == Approx(2.0));
  CHECK(box_segment_distance(0, 0, 1, 1, {-1, 0.5}, {5, 0.5}) == 0.0);  // passes through
  CHECK(box_segment_distance(0, 0, 1, 1, {4, 5}, {4, 5}) == Approx(5.0));  // corner (1,1) to (4,5)
}

TEST_CASE("fast_exp is within 5e-6 of exp where the kernel uses it, and exp4 gives the same bits", "[crowd]") {
  double worst = 0.0;
  for (int k = -8000; k <= 8000; ++k) {
    const float x = static_cast<float>(k) * 0.01f;  // [-80, 80]
    const double exact = std::exp(static_cast<double>(x));
    worst = std::max(worst, std::fabs(fast_exp(x) - exact) / exact);
    float lanes[4];
    store4(lanes, exp4(splat4(x)));
    CHECK(lanes[0] == fast_exp(x));
  }
  CHECK(worst < 5e-6);
  CHECK(fast_exp(-200.0f) < 1e-37f);  // clamped, never a denormal or NaN
  CHECK(std::isfinite(fast_exp(200.0f)));
}
