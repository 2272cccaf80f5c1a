// The QRF is shared: a second incident waits for the team busy at the first.
#include <catch2/catch.hpp>

#include "sim/camp/core/qrf_force.hpp"

using namespace campsim;
using namespace campsim::camp;

namespace {

// Base at (0, 0), the scene's road node 800 m east; 8 m/s driving, 1 m/s on foot.
CampLayout road() {
  CampLayout layout;
  layout.road_nodes = {{"base", {0, 0}}, {"east", {800, 0}}};
  layout.road_edges = {{RoadNodeId{0}, RoadNodeId{1}, 800}};
  return layout;
}

QrfParams fixed_qrf(int units) {
  QrfParams q;
  q.base = "base";
  q.notice_to_move_day = 300;
  q.alarm_delay = engine::Distribution::fixed(60);
  q.containment = engine::Distribution::fixed(1200);
  q.drive_speed_mps = 8;
  q.foot_speed_mps = 1;
  q.units = units;
  return q;
}

engine::RandomStream rng() { return engine::RandomStream(engine::StreamKey{1, 0, 1, 0, 0}); }

}  // namespace

TEST_CASE("two incidents and one QRF: the second is reached only after the first is contained", "[world][qrf]") {
  const CampLayout layout = road();
  const QrfParams q = fixed_qrf(1);
  QrfForce force(q, layout, RoadNodeId{0});
  auto r1 = rng(), r2 = rng();
  // First: alerted 60, rolling 360, 100 s to drive, 10 m on foot: on scene 470, contained 1670,
  // home 1670 + 10 + 100 = 1780.
  const QrfTimeline first = force.dispatch({800, 10}, 0, false, r1);
  CHECK(first.on_scene == Approx(470));
  CHECK(first.contained == Approx(1670));
  CHECK(first.home == Approx(1780));
  // Second, at the same place, detected at 10: alerted 70; a free team would roll at 370; this
  // one is busy and comes straight from the first scene when it is contained: launched 1670,
  // 0 m to drive, 10 m on foot: on scene 1680.
  const QrfTimeline second = force.dispatch({800, 10}, 10, false, r2);
  CHECK(second.launched == Approx(1670));
  CHECK(second.on_scene >= first.contained);
  CHECK(second.on_scene == Approx(1680));
  CHECK(second.waited == Approx(1670 - 370));
  CHECK(force.waited() == 1);
  CHECK(force.state_at(0, 1000) == VehicleState::OnScene);
  CHECK(force.state_at(0, 1675) == VehicleState::EnRoute);  // walking in to the second scene
}

TEST_CASE("with a reserve team the second incident does not wait", "[world][qrf]") {
  const CampLayout layout = road();
  const QrfParams q = fixed_qrf(2);
  QrfForce force(q, layout, RoadNodeId{0});
  auto r1 = rng(), r2 = rng();
  force.dispatch({800, 10}, 0, false, r1);
  const QrfTimeline second = force.dispatch({800, 10}, 10, false, r2);
  CHECK(second.unit == 1);
  CHECK(second.launched == Approx(370));
  CHECK(second.waited == 0);
  CHECK(force.waited() == 0);
}

TEST_CASE("the QRF vehicle's state and place follow its timeline along the road", "[world][qrf]") {
  const CampLayout layout = road();
  const QrfParams q = fixed_qrf(1);
  QrfForce force(q, layout, RoadNodeId{0});
  auto r = rng();
  force.dispatch({800, 10}, 0, false, r);
  auto at = [&](double t) { return force.vehicles_at(t).front(); };
  CHECK(at(30).state == VehicleState::AtBase);
  CHECK(at(100).state == VehicleState::Mobilizing);
  CHECK(at(410).state == VehicleState::EnRoute);
  CHECK(at(410).position.x == Approx(400));  // 50 s at 8 m/s
  CHECK(at(1000).state == VehicleState::OnScene);
  CHECK(at(1000).position.x == Approx(800));
  CHECK(at(1730).state == VehicleState::Returning);
  CHECK(at(1730).position.x == Approx(800 - 8 * 50));  // left the scene's node at 1680
  CHECK(at(1800).state == VehicleState::AtBase);
}

TEST_CASE("an ambulance escort takes the QRF: an incident during the escort waits until the convoy is home",
          "[world][qrf][escort]") {
  const CampLayout layout = road();  // the gate is the "east" node, 800 m (100 s) from base
  const QrfParams q = fixed_qrf(1);
  QrfForce force(q, layout, RoadNodeId{0});
  // Asked for at 0: a team at base is ready after its notice to move, 300.
  CHECK(force.escort_ready(0, false) == Approx(300));
  // The convoy leaves at 400, is at its scene beyond the gate at 2,000, leaves it at 2,600 and
  // is back at 4,000.
  CHECK(force.book_escort(0, false, RoadNodeId{1}, 400, 2000, 2600, 4000) == 0);
  CHECK(force.escorts() == 1);
  CHECK(force.escorts_waited() == 0);
  CHECK(force.state_at(0, 350) == VehicleState::Mobilizing);
  CHECK(force.state_at(0, 1000) == VehicleState::EnRoute);
  CHECK(force.state_at(0, 3000) == VehicleState::Returning);
  // Beyond the gate with the convoy until the last 100 s home: shown at the gate, then on the road.
  CHECK(force.vehicles_at(3000).front().position.x == Approx(800));
  CHECK(force.vehicles_at(3950).front().position.x == Approx(400));
  // An incident detected at 1,000 (alerted 1,060; a free team would roll at 1,360): the team
  // stays with the convoy and launches when it is home, 4,000.
  auto r = rng();
  const QrfTimeline t = force.dispatch({800, 10}, 1000, false, r);
  CHECK(t.launched == Approx(4000));
  CHECK(t.waited == Approx(4000 - 1360));
  CHECK(t.on_scene == Approx(4000 + 100 + 10));
  CHECK(force.waited() == 1);
}

TEST_CASE("an escort asked for while the QRF is out waits for it to come home: a reserve does not",
          "[world][qrf][escort]") {
  const CampLayout layout = road();
  auto r = rng();
  {
    const QrfParams q = fixed_qrf(1);
    QrfForce force(q, layout, RoadNodeId{0});
    const QrfTimeline incident = force.dispatch({800, 10}, 0, false, r);  // home at 1,780 (above)
    REQUIRE(incident.home == Approx(1780));
    // Asked for at 500: the only team is out; it goes again once home, already mobilized.
    CHECK(force.escort_ready(500, false) == Approx(1780));
    force.book_escort(500, false, RoadNodeId{1}, 1780, 3000, 3600, 5000);
    CHECK(force.escorts_waited() == 1);
    CHECK(force.escort_wait_total_s() == Approx(1780 - (500 + 300)));
  }
  {
    const QrfParams q = fixed_qrf(2);
    QrfForce force(q, layout, RoadNodeId{0});
    force.dispatch({800, 10}, 0, false, r);
    CHECK(force.escort_ready(500, false) == Approx(800));  // the reserve, after its notice to move
    CHECK(force.book_escort(500, false, RoadNodeId{1}, 800, 2000, 2600, 4000) == 1);
    CHECK(force.escorts_waited() == 0);
  }
}
