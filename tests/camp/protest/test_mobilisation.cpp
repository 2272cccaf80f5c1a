// The town's daily decision (Epstein's rule with a cascade) on hand-computed residents, and the
// gate's ground taken from a layout.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sim/camp/protest/gate_crowd.hpp"
#include "sim/camp/protest/mobilisation.hpp"

using namespace campsim;
using namespace campsim::camp;
using namespace campsim::camp::protest;

TEST_CASE("the town's turnout is the cascade's fixed point, hand-computed", "[protest]") {
  // L = 0.5, k = 2.3, T = 0.1, every resident sees one policeman and 4 others (N = 4, so the
  // active others seen = the active count).
  //  r0: H 1.0, R 0.0: G 0.5, no risk              -> active whatever others do.
  //  r1: H 0.9, R 0.5: G 0.45; alone P = 1 - e^-2.3 = 0.8997, G - RP = 0.0001 (quiet);
  //      with 1 active other P = 1 - e^-1.15 = 0.6834, G - RP = 0.108 (active).
  //  r2: H 0.8, R 0.5: G 0.4; with 1 other 0.0583 (quiet); with 2 others P = 1 - e^-0.7667 =
  //      0.5354, G - RP = 0.132 (active).
  //  r3: H 0.1: G 0.05 < T: never.
  // From nobody: {r0} -> {r0, r1} -> {r0, r1, r2} -> stays: 3 active after 4 rounds.
  const std::vector<Resident> town = {{1.0, 0.0}, {0.9, 0.5}, {0.8, 0.5}, {0.1, 0.0}};
  const std::vector<int> cops = {1, 1, 1, 1};
  const CivilViolenceParams params;
  const Turnout t = turnout_with(town, cops, 0.5, 1.0, 4, params);
  CHECK(t.active == 3);
  CHECK(t.iterations == 4);

  // r2 more risk-averse (R 0.6): with 2 others G - RP = 0.4 - 0.321 = 0.079, quiet; the cascade
  // stops at 2.
  const std::vector<Resident> timid = {{1.0, 0.0}, {0.9, 0.5}, {0.8, 0.6}, {0.1, 0.0}};
  CHECK(turnout_with(timid, cops, 0.5, 1.0, 4, params).active == 2);

  // Without police in view nobody weighs a risk: active iff G > T, i.e. H > 0.2 at L = 0.5.
  CHECK(turnout_with(town, std::vector<int>{0, 0, 0, 0}, 0.5, 1.0, 4, params).active == 3);

  // A hard day (factor 2.5) lifts r3 to H = 0.25 (G 0.125 > T: active with no police in view);
  // and H is capped at 1, so r0 is unchanged.
  CHECK(turnout_with(town, std::vector<int>{0, 0, 0, 0}, 0.5, 2.5, 4, params).active == 4);
}

TEST_CASE("the same town on the same day turns out more when legitimacy is lower", "[protest]") {
  engine::RandomStream draw(engine::StreamKey{7, 0, 1, 0, 0});
  const std::vector<Resident> town = draw_town(2000, draw);
  const TownParams p;
  const CivilViolenceParams params;
  for (std::uint64_t day = 0; day < 20; ++day) {
    engine::RandomStream a(engine::StreamKey{7, 0, 2, day, 0});
    engine::RandomStream b(engine::StreamKey{7, 0, 2, day, 0});
    const Turnout high = daily_turnout(town, 0.8, p, params, a);
    const Turnout low = daily_turnout(town, 0.6, p, params, b);
    CHECK(high.shock == low.shock);  // same draws, so only legitimacy differs
    CHECK(low.active >= high.active);
  }
}

TEST_CASE("the gate's ground: the perimeter as walls, the gate closed, the town outside", "[protest]") {
  CampLayout layout;
  layout.perimeter = {{0, 0}, {1500, 0}, {1500, 850}, {1350, 1000}, {0, 1000}};
  Gate gate;
  gate.name = "main_gate";
  gate.position = {0, 500};
  const GateGround g = gate_ground(layout, gate, 8.0, 300.0, 1000);
  // 5 sides, the west one split around the gate: 6 walls and 1 gate, closed.
  CHECK(g.geometry.barriers().size() == 7);
  REQUIRE(g.geometry.gate_count() == 1);
  CHECK_FALSE(g.geometry.gate_open(g.gate));
  CHECK(g.gate_at.x == Approx(0.0f));
  CHECK(g.gate_at.y == Approx(500.0f));
  CHECK(g.outward.x == Approx(-1.0f));  // the town is west of the west wall
  CHECK(g.outward.y == Approx(0.0f).margin(1e-6));

  // 1,000 standing places at 2 per m^2: all outside the wall, nearest first, none closer than the
  // spacing (0.707 m) to another.
  const std::vector<crowd::Point2> places = standing_places(g, 1000, 2.0);
  REQUIRE(places.size() == 1000);
  const double spacing = 1.0 / std::sqrt(2.0);
  for (std::size_t i = 0; i < places.size(); ++i) {
    CHECK(places[i].x < 0.0f);
    if (i > 0) {
      const double row_before = -places[i - 1].x, row = -places[i].x;
      CHECK(row >= row_before - 1e-4);
    }
  }
  double closest = 1e9;
  for (std::size_t i = 0; i < places.size(); ++i)
    for (std::size_t j = i + 1; j < places.size(); ++j)
      closest = std::min(closest, std::hypot(double(places[i].x) - places[j].x, double(places[i].y) - places[j].y));
  CHECK(closest >= spacing - 1e-4);

  Gate inside;
  inside.name = "nowhere";
  inside.position = {700, 500};
  CHECK_THROWS_WITH(gate_ground(layout, inside, 8.0, 300.0, 100), Catch::Contains("not on the perimeter"));
}
