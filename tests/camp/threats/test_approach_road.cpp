// The vehicle bomb's road, worked by hand: a gate at (0, 0) with the camp's centre 100 m south of
// it, so the road comes in from the north along x = 0.
#include <catch2/catch.hpp>

#include "sim/camp/threats/approach_road.hpp"
#include "sim/camp/threats/vehicle_bomb.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_threats_test_approach_road {

using namespace campsim::camp;
using Catch::Detail::Approx;

namespace {

VehicleBombParams road_params() {
  VehicleBombParams p;
  p.approach_distance_m = 300;
  p.speed_mps = 15;
  p.chicane_length_m = 60;
  p.chicane_speed_mps = 4;
  p.barrier_standoff_m = 20;
  p.penetration_m = 80;
  return p;
}

}  // namespace

TEST_CASE("the approach road runs straight in from the camp's centre through the gate", "[vehicle_bomb][road]") {
  const Gate gate{"g", {0, 0}, true, true};
  const ApproachRoad road = approach_road(road_params(), gate, {0, -100});
  CHECK(road.outward.x == Approx(0).margin(1e-12));
  CHECK(road.outward.y == Approx(1));
  CHECK(road.start.y == Approx(300));
  REQUIRE(road.barrier_m.has_value());
  CHECK(*road.barrier_m == Approx(280));            // 20 m out in front of the gate
  CHECK(road.end_m == Approx(380));                 // 80 m inside (the centre is 100 m in)
  CHECK(position_on(road, 0).y == Approx(300));
  CHECK(position_on(road, 300).y == Approx(0).margin(1e-12));
  CHECK(position_on(road, 350).y == Approx(-50));   // inside, toward the centre
}

TEST_CASE("the vehicle drives the open road at speed and the chicane at its forced speed", "[vehicle_bomb][road]") {
  const Gate gate{"g", {0, 0}, true, true};
  const ApproachRoad road = approach_road(road_params(), gate, {0, -100});
  // 240 m of open road at 15 m/s take 16 s; the chicane's 60 m at 4 m/s take 15 s.
  CHECK(drive_on(road, 0, 16, 1000) == Approx(240));
  CHECK(drive_on(road, 0, 20, 1000) == Approx(240 + 4 * 4));
  CHECK(drive_on(road, 0, 31, 1000) == Approx(300));
  // From 10 m short of the gate: 2.5 s in the chicane, then 2.5 s at full speed inside.
  CHECK(drive_on(road, 290, 5, 1000) == Approx(300 + 2.5 * 15));
  // Never past the limit: the barrier holds it at 280 m.
  CHECK(drive_on(road, 0, 100, 280) == Approx(280));
  CHECK(drive_on(road, 280, 1, 280) == Approx(280));
}

TEST_CASE("without a chicane the whole road is driven at speed: inside, never past the centre", "[vehicle_bomb][road]") {
  const Gate gate{"g", {0, 0}, false, false};
  const ApproachRoad road = approach_road(road_params(), gate, {0, -50});
  CHECK(road.chicane_m == 0);
  CHECK_FALSE(road.barrier_m.has_value());
  CHECK(drive_on(road, 0, 20, 1000) == Approx(300));
  CHECK(road.end_m == Approx(350));  // the centre is only 50 m in
}

}  // namespace unity_camp_threats_test_approach_road
