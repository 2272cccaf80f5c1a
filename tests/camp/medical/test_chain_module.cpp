// The medical chain as a module of the world's loop: fed incrementally in a queue shared with
// other modules' events it gives the adapter's bytes; containment learnt late releases the
// waiting; ambulances are agents with states and exact positions along the road (worked by
// hand on the straight road of chain_fixture.hpp); an ambulance in use is never tasked again;
// the world hears of every casualty leaving; the hospital and the ambulances can be hit; and
// under every shipped policy the same casualties get the same draws (common random numbers).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/stress_threats.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/camp/medical/medical_report.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/camp/core/event_kinds.hpp"
#include "tests/camp/medical/chain_fixture.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_medical_test_chain_module {

using namespace campsim;
using namespace campsim::camp;
using namespace campsim::camp::test;
using engine::kDay;
using engine::kHour;

namespace {
const CampLayout kRoad = straight_road();
const QrfParams kQrf{};
constexpr SimTime t0 = 8 * kHour;

// A tiny world around the chain: the test's own loop, the chain's events handled as they come.
struct World {
  MedicalParams params;  // the chain keeps a reference: the world owns them
  engine::EventQueue queue;
  MedicalChain chain;
  World(const MedicalParams& p, MedicalRunConfig config = day_config(), CampEvents* events = nullptr)
      : params(p), chain(params, kRoad, resolve_medical_sites(params, kRoad), kQrf, config, nullptr, ModuleContext{nullptr, events}) {
    chain.start(queue);
  }
  // Handles every medical event up to and including `t`.
  void advance_to(SimTime t) {
    while (!queue.empty() && queue.next_time() <= t) {
      const engine::Event e = queue.pop();
      REQUIRE(is_medical(kind_of(e)));
      chain.on_event(e, queue);
    }
  }
  void hurt(const Casualty& c, const Incident* incident = nullptr) {
    advance_to(std::nextafter(c.time, -1.0));
    chain.on_casualty(c, incident, queue);
  }
  const MedicalOutcome& finish() {
    chain.drain(queue);
    return chain.outcome();
  }
  VehicleView vehicle(SimTime t, std::uint32_t id = 0) {
    advance_to(t);
    return chain.vehicles_at(t).at(id);
  }
};

std::string bytes(const MedicalParams& p, const MedicalOutcome& out) {
  const engine::RecordTable table = care_record_table(p, out);
  std::string s = medical_metrics_json(p, out).dump();
  for (const auto& row : table.rows)
    for (const auto& cell : row) s += cell + ",";
  return s;
}

RunResult run_file(const std::string& file, std::uint64_t replication, double days) {
  const LoadedScenario loaded = load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/" + file, testing::stress_threats());
  RunOptions options;
  options.seed = 5;
  options.replication = replication;
  options.duration = days * kDay;
  return run_scenario(loaded.scenario, options);
}
}  // namespace

TEST_CASE("fed from a world loop with other modules' events, the chain gives the adapter's bytes", "[medical][module]") {
  const LoadedScenario loaded = load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml", testing::stress_threats());
  const Scenario& s = loaded.scenario;
  long compared = 0;
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    RunOptions options;
    options.seed = 9;
    options.replication = rep;
    options.duration = 120 * kDay;
    const RunResult camp = run_scenario(s, options);
    const MedicalRunConfig config{options.seed, rep, s.meta.start_time_of_day, options.duration};
    const MedicalOutcome whole =
        run_medical_chain(s.medical, s.layout, s.qrf, camp.casualties, camp.incidents, config);

    // The world: guards' roster every 6 h and samples every hour (events the chain must pass by),
    // each casualty at its Impact, each containment at its QrfContained.
    engine::EventQueue queue;
    MedicalChain chain(s.medical, s.layout, resolve_medical_sites(s.medical, s.layout), s.qrf, config);
    chain.start(queue);
    for (SimTime t = 0; t < options.duration; t += kHour) schedule(queue, t, EventKind::Sample);
    for (SimTime t = 0; t < options.duration; t += 6 * kHour) schedule(queue, t, EventKind::Roster);
    std::vector<std::size_t> order(camp.casualties.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return camp.casualties[a].time < camp.casualties[b].time; });
    for (std::size_t k = 0; k < order.size(); ++k) schedule(queue, camp.casualties[order[k]].time, EventKind::Impact, k);
    std::map<int, const Incident*> incident;
    for (std::size_t i = 0; i < camp.incidents.size(); ++i) {
      const Incident& inc = camp.incidents[i];
      incident[inc.id] = &inc;
      schedule(queue, inc.qrf ? inc.qrf->contained : inc.time, EventKind::QrfContained, i);
    }
    long foreign = 0;
    while (!queue.empty() && queue.next_time() <= options.duration) {
      const engine::Event e = queue.pop();
      if (is_medical(kind_of(e))) {
        chain.on_event(e, queue);
      } else if (kind_of(e) == EventKind::Impact) {
        const Casualty& c = camp.casualties[order[e.subject]];
        chain.on_casualty(c, incident.count(c.incident) ? incident[c.incident] : nullptr, queue);
      } else if (kind_of(e) == EventKind::QrfContained) {
        chain.on_incident_contained(camp.incidents[e.subject].id, e.time, queue);
      } else {
        ++foreign;
      }
    }
    chain.drain(queue);
    MedicalOutcome fed = chain.outcome();
    std::vector<CareRecord> by_input(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) by_input[order[k]] = fed.casualties[k];
    fed.casualties = by_input;
    CHECK(foreign > 0);
    CHECK(bytes(s.medical, fed) == bytes(s.medical, whole));
    compared += static_cast<long>(whole.casualties.size());
  }
  CHECK(compared > 5);
}

TEST_CASE("containment learnt late: the unarmoured ambulance and the responder leave when it comes", "[medical][module]") {
  MedicalParams p = fixed_chain();
  Incident open;
  open.id = 0;
  open.time = t0;
  open.location = {1000, 0};  // no QRF timeline yet: the attack is open
  const Casualty c = casualty_at(1, {1000, 0}, t0, Triage::Immediate);
  {
    World w(p);
    w.hurt(c, &open);
    w.advance_to(t0 + 2500);  // approved at t0 + 1920, crew ready at t0 + 2100, still waiting
    CHECK(w.chain.vehicles_at(t0 + 2500)[0].state == VehicleState::Mobilizing);
    CHECK(w.chain.stage_of(CasualtyId{1}) == PatientStage::Assigned);
    w.chain.on_incident_contained(0, t0 + 3000, w.queue);
    const CareRecord r = w.finish().casualties[0];
    CHECK(r.assigned == Approx(t0 + 1920));
    CHECK(r.dispatched == Approx(t0 + 3000));
    CHECK(r.escort_wait == Approx(3000 - 2100));
    CHECK(r.on_scene == Approx(t0 + 3100));
  }
  {
    // Learnt from a later casualty's incident, whose QRF timeline is known by then.
    World w(p);
    w.hurt(c, &open);
    Incident later = open;
    later.qrf = QrfTimeline{};
    later.qrf->contained = t0 + 3000;
    w.hurt(casualty_at(2, {1000, 0}, t0 + 2500, Triage::Delayed), &later);
    const MedicalOutcome& out = w.finish();
    CHECK(out.casualties[0].dispatched == Approx(t0 + 3000));
    CHECK(out.casualties[0].escort_wait == Approx(900));
  }
  {
    p.ambulances.armoured = 1;  // an armoured one does not wait for an end nobody knows yet
    World w(p);
    w.hurt(c, &open);
    w.advance_to(t0 + 2500);
    w.chain.on_incident_contained(0, t0 + 3000, w.queue);
    CHECK(w.finish().casualties[0].dispatched == Approx(t0 + 2100));
  }
  {
    // No buddy: the responder at the hospital's node walks 1000 m at 2 m/s once the attack ends.
    p.first_aid.buddy_aid_share = 0;
    World w(p);
    w.hurt(c, &open);
    w.advance_to(t0 + 500);
    w.chain.on_incident_contained(0, t0 + 500, w.queue);
    const CareRecord r = w.finish().casualties[0];
    CHECK(r.first_aid == Approx(t0 + 500 + 500));
    CHECK(r.first_aid_by == FirstAidBy::Responder);
    // Known from the start (the QRF's timeline rode with the incident): the same time.
    Incident known = open;
    known.qrf = QrfTimeline{};
    known.qrf->contained = t0 + 500;
    CHECK(run_medical_chain(p, kRoad, kQrf, {c}, {known}, day_config()).casualties[0].first_aid == Approx(r.first_aid));
  }
}

TEST_CASE("an ambulance's state and position along the road, by hand", "[medical][module][vehicles]") {
  // One T1 at the junction (x = 1000): approved t0+1920, crew ready t0+2100, 100 s each way at
  // 10 m/s, 60 s loading, 120 s handover.
  World w(fixed_chain());
  w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));
  const auto at = [&](SimTime dt) { return w.vehicle(t0 + dt); };
  CHECK(at(1000).state == VehicleState::AtBase);
  CHECK(at(2000).state == VehicleState::Mobilizing);
  CHECK(at(2000).position.x == Approx(0));
  CHECK(at(2150).state == VehicleState::EnRoute);
  CHECK(at(2150).position.x == Approx(500));
  CHECK(at(2150).position.y == Approx(0));
  CHECK(w.chain.vehicles_moving());
  CHECK(at(2230).state == VehicleState::OnScene);
  CHECK(at(2230).position.x == Approx(1000));
  CHECK(at(2290).state == VehicleState::Returning);
  CHECK(at(2290).position.x == Approx(700));  // left at t0+2260, 30 s back towards x = 0
  CHECK(at(2400).state == VehicleState::Returning);  // handing over
  CHECK(at(2400).position.x == Approx(0));
  CHECK(at(2481).state == VehicleState::AtBase);
  CHECK_FALSE(w.chain.vehicles_moving());
  CHECK(w.chain.vehicles_at(t0 + 2481).at(0).kind == VehicleKind::Ambulance);
}

TEST_CASE("from the main gate: across the junction and home again after the handover", "[medical][module][vehicles]") {
  MedicalParams p = fixed_chain();
  p.ambulances.station = AmbulanceStation::MainGate;
  World w(p);
  w.hurt(casualty_at(1, {0, 0}, t0, Triage::Delayed));  // at the hospital's door: 2000 m from the gate
  const auto at = [&](SimTime dt) { return w.vehicle(t0 + dt); };
  CHECK(at(1000).position.x == Approx(2000));
  CHECK(at(2100 + 50).position.x == Approx(1500));   // departed t0+2100
  CHECK(at(2100 + 150).position.x == Approx(500));   // past the junction
  CHECK(at(2100 + 150).state == VehicleState::EnRoute);
  // On scene t0+2300, loaded t0+2360, at the hospital at once (same node), free t0+2480.
  CHECK(at(2480 + 50).state == VehicleState::Returning);
  CHECK(at(2480 + 50).position.x == Approx(500));
  CHECK(at(2480 + 250).state == VehicleState::AtBase);
  CHECK(at(2480 + 250).position.x == Approx(2000));
}

TEST_CASE("outside the camp: along the road to the gate, straight to the scene, with its escort", "[medical][module][vehicles]") {
  // Approved t0+1920, escort ready t0+2220 (notice to move 300 s), 200 s to the gate, then the
  // fixed 1500 s outside drive straight to (2000, 1500): on scene t0+3920, loaded t0+3980, back
  // at the gate t0+5480.
  Casualty c = casualty_at(1, {2000, 1500}, t0, Triage::Delayed);
  c.inside_camp = false;
  World w(fixed_chain());
  w.hurt(c);
  const auto at = [&](SimTime dt) { return w.vehicle(t0 + dt); };
  CHECK(at(2200).state == VehicleState::Mobilizing);
  CHECK(at(2220 + 100).position.x == Approx(1000));
  const VehicleView outside = at(2420 + 750);
  CHECK(outside.state == VehicleState::EnRoute);
  CHECK(outside.position.x == Approx(2000));
  CHECK(outside.position.y == Approx(750));
  const std::vector<VehicleView> both = w.chain.vehicles_at(t0 + 2420 + 750);
  REQUIRE(both.size() == 2);
  CHECK(both[1].kind == VehicleKind::Escort);
  CHECK(both[1].position.y == Approx(750));
  CHECK(at(3950).position.y == Approx(1500));
  CHECK(at(3980 + 1500 + 100).state == VehicleState::Returning);
  CHECK(at(3980 + 1500 + 100).position.x == Approx(1000));
  CHECK(at(3980 + 1500 + 100).position.y == Approx(0));
  const CareRecord r = w.finish().casualties[0];
  CHECK(r.at_hospital == Approx(t0 + 5680));
  CHECK(w.chain.vehicles_at(t0 + 6000).size() == 1);  // the escort has gone with the trip
}

TEST_CASE("an ambulance in use is never tasked again", "[medical][module][vehicles]") {
  Ambulance a(AmbulanceId{0}, false, RoadNodeId{0}, {0, 0});
  a.apply(AmbulanceEvent::Tasked);
  CHECK_THROWS_AS(a.apply(AmbulanceEvent::Tasked), std::logic_error);
  a.apply(AmbulanceEvent::Departs);
  CHECK_THROWS_AS(a.apply(AmbulanceEvent::Tasked), std::logic_error);
  CHECK_THROWS_AS(ambulance_transition(VehicleState::OnScene, AmbulanceEvent::Departs, true), std::logic_error);
  CHECK(ambulance_transition(VehicleState::EnRoute, AmbulanceEvent::Hit, true) == VehicleState::OutOfService);

  // Many casualties in bursts, two vehicles, crews short: each vehicle's trips never overlap.
  MedicalParams p = fixed_chain();
  p.ambulances.vehicles = 2;
  p.ambulances.called_in_crews = 1;
  std::vector<Casualty> many;
  for (int i = 0; i < 60; ++i)
    many.push_back(casualty_at(i, {static_cast<double>(200 * (i % 10)), 0}, t0 + (i / 6) * 1500.0,
                               i % 3 == 0 ? Triage::Immediate : Triage::Delayed, i % 2 ? "UN" : "CHN", i / 6));
  const MedicalOutcome out = run_medical_chain(p, kRoad, kQrf, many, {}, day_config());
  std::map<int, std::vector<std::pair<SimTime, SimTime>>> trips;  // vehicle -> (tasked, free)
  for (const CareRecord& r : out.casualties) {
    REQUIRE(r.ambulance.has_value());
    auto& list = trips[static_cast<int>(r.ambulance->value)];
    const std::pair<SimTime, SimTime> span{r.assigned, r.at_hospital + p.ambulances.handover_at_hospital};
    if (std::find(list.begin(), list.end(), span) == list.end()) list.push_back(span);
  }
  long checked = 0;
  for (auto& [vehicle, list] : trips) {
    std::sort(list.begin(), list.end());
    for (std::size_t i = 1; i < list.size(); ++i, ++checked) CHECK(list[i].first >= list[i - 1].second - 1e-9);
  }
  CHECK(checked >= 20);
  CHECK(out.ambulances.trips == static_cast<long>(trips[0].size() + trips[1].size()));
}

TEST_CASE("the world hears when each casualty leaves the chain, and how", "[medical][module][feedback]") {
  MedicalParams p = fixed_chain();
  p.care_needs.delayed.evacuation = 1;
  CareExitsHeard heard;
  World w(p, day_config(), &heard);
  const std::vector<CareExit>& exits = heard.exits;
  w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));           // surgery, ICU 2 days
  w.hurt(casualty_at(2, {1000, 0}, t0, Triage::Minimal));             // minor treatment, back to duty
  w.hurt(casualty_at(3, {1000, 0}, t0, Triage::Killed));              // killed outright
  w.hurt(casualty_at(4, {1000, 0}, t0 + kHour, Triage::Delayed, "UN", 1));  // flies to Level 3
  const MedicalOutcome& out = w.finish();
  REQUIRE(exits.size() == 4);
  std::map<std::uint32_t, CareExit> by;
  for (const CareExit& e : exits) by[e.casualty.value] = e;
  CHECK(by[3].outcome == CareOutcome::Killed);
  CHECK(by[3].time == t0);
  CHECK(by[1].outcome == CareOutcome::Survived);
  CHECK(by[1].time == Approx(out.casualties[0].bed + 2 * kDay));
  CHECK(by[2].outcome == CareOutcome::Survived);
  CHECK(by[2].time == Approx(out.casualties[1].resuscitation + 900));
  CHECK(by[4].outcome == CareOutcome::EvacuatedL3);
  CHECK(by[4].incident == 1);
  CHECK(by[4].time == Approx(out.casualties[3].left_hospital));
  for (const CareExit& e : exits) CHECK(e.time >= t0);
  CHECK(std::is_sorted(exits.begin(), exits.end(), [](const auto& a, const auto& b) { return a.time < b.time; }));

  // A death is heard too, at its time.
  MedicalParams deadly = fixed_chain();
  deadly.survival.immediate = {600, 1.0, 1, 1, 1};  // scale 10 min, no care slows it
  CareExitsHeard deaths;
  const std::vector<CareExit>& died = deaths.exits;
  MedicalChain chain(deadly, kRoad, resolve_medical_sites(deadly, kRoad), kQrf, day_config(), nullptr, ModuleContext{nullptr, &deaths});
  engine::EventQueue queue;
  chain.start(queue);
  chain.on_casualty(casualty_at(9, {1000, 0}, 0, Triage::Immediate), nullptr, queue);
  chain.drain(queue);
  REQUIRE(died.size() == 1);
  CHECK(died[0].outcome == CareOutcome::DiedOfWounds);
  CHECK(died[0].time == Approx(chain.outcome().casualties[0].died));
}

TEST_CASE("a hit: an idle ambulance out of service, a tasked one replaced, beds lost", "[medical][module][losses]") {
  MedicalParams p = fixed_chain();
  p.ambulances.vehicles = 2;
  p.ambulances.standby_crews = 2;
  {
    World w(p);
    w.advance_to(t0 - 10);
    w.chain.lose_ambulance(AmbulanceId{0}, t0 - 10, w.queue);
    w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));
    CHECK(w.vehicle(t0 + 2150, 0).state == VehicleState::OutOfService);
    const CareRecord r = w.finish().casualties[0];
    CHECK(r.ambulance == AmbulanceId{1});
    CHECK(r.dispatched == Approx(t0 + 2100));
  }
  {
    // Vehicle 0 tasked at t0+1920, hit at t0+2000 while its crew boards: the casualty goes back
    // to the queue and vehicle 1 is tasked at once (its standby crew mobilizes: 180 s).
    World w(p);
    w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));
    w.advance_to(t0 + 2000);
    CHECK(w.chain.vehicles_at(t0 + 2000)[0].state == VehicleState::Mobilizing);
    w.chain.lose_ambulance(AmbulanceId{0}, t0 + 2000, w.queue);
    CHECK(w.chain.vehicles_at(t0 + 2000)[0].state == VehicleState::OutOfService);
    CHECK(w.chain.vehicles_at(t0 + 2000)[1].state == VehicleState::Mobilizing);
    const MedicalOutcome& out = w.finish();
    const CareRecord& r = out.casualties[0];
    CHECK(r.ambulance == AmbulanceId{1});
    CHECK(r.assigned == Approx(t0 + 2000));
    CHECK(r.dispatched == Approx(t0 + 2180));
    CHECK(r.at_hospital == Approx(t0 + 2180 + 100 + 60 + 100));
    CHECK(out.ambulances.trips == 2);
  }
  {
    // Hit with its patient aboard: it drives in, hands over, and is done; the next casualty
    // waits for the other vehicle.
    p.ambulances.vehicles = 1;
    World w(p);
    w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));
    w.advance_to(t0 + 2300);
    w.chain.lose_ambulance(AmbulanceId{0}, t0 + 2300, w.queue);
    w.hurt(casualty_at(2, {1000, 0}, t0 + kHour, Triage::Immediate, "UN", 1));
    const MedicalOutcome& out = w.finish();
    CHECK(out.casualties[0].at_hospital == Approx(t0 + 2360));
    CHECK_FALSE(std::isfinite(out.casualties[1].at_hospital));
    CHECK(w.chain.vehicles_at(out.last_event)[0].state == VehicleState::OutOfService);
  }
  {
    // One ward bed, lost: a T2 resuscitated waits for a bed that never comes; kept, it is in bed
    // straight after resuscitation.
    MedicalParams beds = fixed_chain();
    beds.hospital.ward_beds = 1;
    World hit(beds);
    hit.chain.lose_beds(0, 1, 0, hit.queue);
    hit.hurt(casualty_at(1, {1000, 0}, t0, Triage::Delayed));
    const CareRecord lost = hit.finish().casualties[0];
    CHECK(std::isfinite(lost.resuscitation));
    CHECK_FALSE(std::isfinite(lost.bed));
    World kept(beds);
    kept.hurt(casualty_at(1, {1000, 0}, t0, Triage::Delayed));
    const CareRecord fine = kept.finish().casualties[0];
    CHECK(fine.bed == Approx(fine.resuscitation + 1200));
  }
}

// A hit on the theatre (strike_effects.cpp takes one table a round). Timelines from the fixture:
// a lone T1 at (1000, 0) reaches the hospital at t0 + 2360, is triaged by t0 + 2480 and leaves
// its bay at t0 + 4280; two together arrive at t0 + 2420 and leave their bays at t0 + 4340.
TEST_CASE("with every operating table lost, casualties who need one are flown out for it", "[medical][module][hit]") {
  MedicalParams p = fixed_chain();  // two tables, one helicopter, flying by day
  {
    // Both tables gone before the casualty comes: flown out from the bay, never operated.
    World w(p);
    w.advance_to(t0 - 60);
    w.chain.lose_capacity(HospitalResource::OperatingTables, 1, t0 - 60, w.queue);
    w.chain.lose_capacity(HospitalResource::OperatingTables, 1, t0 - 30, w.queue);
    w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));
    const MedicalOutcome& out = w.finish();
    const CareRecord& r = out.casualties[0];
    CHECK(r.resuscitation == Approx(t0 + 2480));
    CHECK_FALSE(std::isfinite(r.surgery));
    CHECK(r.outcome == CareOutcome::EvacuatedL3);
    CHECK(r.left_hospital == Approx(t0 + 4280));
    CHECK(out.surgery_elsewhere == 1);
    CHECK(out.resources[1].requests == 0);  // nobody queued for a table that is gone
  }
  {
    // One table; two T1s. The first is on the table when it is hit and finishes (a loss never
    // interrupts anyone); the second, waiting for it, is flown out at the hit, not left waiting.
    p.hospital.operating_tables = 1;
    World w(p);
    w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));
    w.hurt(casualty_at(2, {1000, 0}, t0, Triage::Immediate));
    w.advance_to(t0 + 5000);
    w.chain.lose_capacity(HospitalResource::OperatingTables, 1, t0 + 5000, w.queue);
    const MedicalOutcome& out = w.finish();
    const CareRecord &a = out.casualties[0], &b = out.casualties[1];
    const CareRecord& operated = std::isfinite(a.surgery) ? a : b;
    const CareRecord& flown = std::isfinite(a.surgery) ? b : a;
    CHECK(operated.surgery == Approx(t0 + 4340));
    CHECK(operated.bed == Approx(t0 + 4340 + 3600));
    CHECK(operated.outcome == CareOutcome::Survived);
    CHECK_FALSE(std::isfinite(flown.surgery));
    CHECK(flown.outcome == CareOutcome::EvacuatedL3);
    CHECK(flown.left_hospital == Approx(t0 + 5000));
    CHECK(out.surgery_elsewhere == 1);
    CHECK(out.resources[1].max_queue == 1);
    CHECK(out.resources[1].mean_queue() * out.resources[1].window == Approx(5000 - 4340));  // waited 11 min, no more
  }
}

TEST_CASE("one table lost of two: the night team still operates on the other at once", "[medical][module][hit]") {
  // Two tables, one team on duty at night (the other on call, 30 min away). A T1 hurt at 22:30
  // leaves the bay at 23:41 (+ 2360 + 120 + 1800 s). With one table hit, the night team has the
  // other: the operation starts then, not after the on-call team is called in.
  const MedicalParams p = fixed_chain();
  const SimTime hurt = 22.5 * kHour;
  for (const bool hit : {false, true}) {
    World w(p);
    w.advance_to(hurt - 60);
    if (hit) w.chain.lose_capacity(HospitalResource::OperatingTables, 1, hurt - 60, w.queue);
    w.hurt(casualty_at(1, {1000, 0}, hurt, Triage::Immediate));
    const CareRecord r = w.finish().casualties[0];
    CHECK(r.resuscitation == Approx(hurt + 2480));
    CHECK(r.surgery == Approx(hurt + 2480 + 1800));
  }
}

TEST_CASE("the hospital at a glance follows the patients", "[medical][module][views]") {
  World w(fixed_chain());
  w.hurt(casualty_at(1, {1000, 0}, t0, Triage::Immediate));
  w.hurt(casualty_at(2, {1000, 0}, t0, Triage::Delayed));
  w.advance_to(t0 + 60);
  HospitalView h = w.chain.hospital_view(t0 + 60);
  CHECK(h.awaiting_approval == 2);
  CHECK(h.casualties == 2);
  CHECK(h.met_10 == 2);  // buddy aid at one minute
  w.advance_to(t0 + 2000);
  h = w.chain.hospital_view(t0 + 2000);
  CHECK(h.in_transit == 2);  // one vehicle, two litters: both tasked at the approval
  // Both on the first trip (two loadings): at the hospital t0+2420, triaged t0+2540; the T1's
  // bay ends at t0+4340 (surgery), the T2's at t0+3740 (ward, no surgery).
  w.advance_to(t0 + 4350);
  h = w.chain.hospital_view(t0 + 4350);
  CHECK(h.in_hospital == 2);
  CHECK(h.in_surgery == 1);  // the T1, after 30 min in the bay
  CHECK(h.ward_beds_used == 1);  // the T2 (no surgery) after its 20 min
  CHECK(h.icu_beds == 4);
  CHECK(w.chain.patients().size() == 2);
}

TEST_CASE("every shipped policy: the same casualties get the same draws, used as drawn", "[medical][module][crn]") {
  std::vector<std::string> files = {"gao_baseline.yaml"};
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/policies"))
    if (entry.path().extension() == ".yaml") files.push_back("policies/" + entry.path().filename().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);
  long checked_loads = 0, checked_draws = 0, checked_flights = 0;
  // Two replications of a year: enough transported and flown casualties in every policy (checked below).
  constexpr int kDays = 365;
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    std::map<std::uint32_t, PatientDraws> first;
    // Every policy's chain is fed the first file's casualties and incidents: the same casualties.
    // (Not each policy's own world run: a policy can change who is hurt later in a year, since a
    // wounded person's return to duty follows their care and puts them somewhere else at a later
    // attack; seen with seed 5, replication 1, a vehicle bomb at hour 3142 after the shelter
    // drill's 2 min reaction, 2026-12-06.)
    std::optional<RunResult> world;
    for (const std::string& file : files) {
      const LoadedScenario loaded = load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/" + file, testing::stress_threats());
      const Scenario& s = loaded.scenario;
      if (!world) world = run_file(file, rep, kDays);
      const RunResult& camp = *world;
      const std::vector<Casualty>& casualties = camp.casualties;
      engine::EventLog log;
      MedicalChain chain(s.medical, s.layout, resolve_medical_sites(s.medical, s.layout), s.qrf,
                         MedicalRunConfig{5, rep, s.meta.start_time_of_day, kDays * kDay}, &log);
      engine::EventQueue queue;
      chain.start(queue);
      std::vector<std::size_t> order(casualties.size());
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return casualties[a].time < casualties[b].time; });
      for (std::size_t k = 0; k < order.size(); ++k) schedule(queue, casualties[order[k]].time, EventKind::Impact, k);
      // A fight's end reaches the chain as an event, as in the camp's loop (camp_run.cpp).
      for (const Incident& i : camp.incidents)
        if (i.fight && i.fight->ended)
          schedule(queue, *i.fight->ended, EventKind::QrfContained, static_cast<std::uint64_t>(i.id));
      run_world_with_medical_chain(chain, queue, kDays * kDay, [&](const engine::Event& e) {
        if (kind_of(e) == EventKind::QrfContained) {
          chain.on_incident_contained(static_cast<int>(e.subject), e.time, queue);
          return;
        }
        const Casualty& c = camp.casualties[order[e.subject]];
        CHECK(c.time == casualties[order[e.subject]].time);
        CHECK(c.triage == casualties[order[e.subject]].triage);
        const Incident* incident = nullptr;
        for (const Incident& i : camp.incidents)
          if (i.id == c.incident) incident = &i;
        chain.on_casualty(c, incident, queue);
      });
      const MedicalOutcome& out = chain.outcome();
      std::map<std::pair<std::optional<AmbulanceId>, SimTime>, std::pair<SimTime, SimTime>> trips;  // (vehicle, tasked) -> (loading drawn, used)
      for (const CareRecord& r : out.casualties) {
        const PatientDraws* d = chain.draws_of(CasualtyId{static_cast<std::uint32_t>(r.casualty)});
        if (r.triage == Triage::Killed) {
          CHECK(d == nullptr);
          continue;
        }
        REQUIRE(d != nullptr);
        const auto [it, fresh] = first.try_emplace(static_cast<std::uint32_t>(r.casualty), *d);
        if (!fresh) {
          ++checked_draws;
          const PatientDraws& a = it->second;
          CHECK(a.death_u == d->death_u);
          CHECK(a.buddy_delay == d->buddy_delay);
          CHECK(a.surgery_time == d->surgery_time);
          CHECK(a.stay == d->stay);
          CHECK(a.loading == d->loading);
          CHECK(a.flight_mission == d->flight_mission);
          CHECK(a.crew_call_in == d->crew_call_in);
          CHECK(a.outside_out == d->outside_out);
          CHECK(a.outside_back == d->outside_back);
        }
        CHECK(r.needs_surgery == d->needs_surgery);
        if (std::isfinite(r.on_scene)) {
          auto& t = trips[{r.ambulance, r.assigned}];
          t.first += d->loading;
          t.second = r.left_scene - r.on_scene;
        }
      }
      // Each trip loads for exactly the sum of its own casualties' drawn loading times.
      for (const auto& [key, t] : trips) {
        CHECK(t.second == Approx(t.first));
        ++checked_loads;
      }
      // The chain's log is written in time order (each record at its own time), and every
      // flight takes the flown casualty's own mission time, whatever order the flights came in.
      std::ostringstream jsonl;
      log.write_jsonl(jsonl);
      std::istringstream lines(jsonl.str());
      double last = -1;
      for (std::string line; std::getline(lines, line);) {
        const auto record = nlohmann::json::parse(line);
        CHECK(record["t"].get<double>() >= last);
        last = record["t"].get<double>();
        if (record["type"] != "air_evacuation") continue;
        // Casualties from outside the camp (medical.external) fly too; their numbers are the
        // inflow's, not casualty ids, and they are not what this test follows.
        if (record.contains("external")) continue;
        const auto casualty = static_cast<std::uint32_t>(record["casualty"].get<int>());
        CHECK(record["mission_s"].get<double>() == Approx(chain.draws_of(CasualtyId{casualty})->flight_mission));
        ++checked_flights;
      }
    }
  }
  CHECK(checked_draws > 50);
  CHECK(checked_loads > 10);
  CHECK(checked_flights > 10);
}

}  // namespace unity_camp_medical_test_chain_module
