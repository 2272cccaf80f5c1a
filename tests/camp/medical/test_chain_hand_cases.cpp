// The medical chain with every delay fixed, against timelines worked out by hand on a straight
// road (tests/camp/medical/chain_fixture.hpp): request + approval levels + mobilization + drive +
// loading + drive + triage + resuscitation + surgery add up exactly; pre-authorized dispatch, a
// same-nation chain, pre-positioning at the gate, escorts, litters, crews, night flying and the
// mass-casualty plan each change the timeline by the amount the rules say.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "sim/camp/medical/medical_report.hpp"
#include "tests/camp/medical/chain_fixture.hpp"

using namespace campsim;
using namespace campsim::camp;
using namespace campsim::camp::test;
using engine::kDay;
using engine::kHour;

namespace {
const CampLayout kRoad = straight_road();
const QrfParams kQrf{};  // notice to move 5 min by day: the escort for trips outside the camp

MedicalOutcome run(const MedicalParams& p, const std::vector<Casualty>& casualties,
                   const std::vector<Incident>& incidents = {}, MedicalRunConfig config = day_config()) {
  return run_medical_chain(p, kRoad, kQrf, casualties, incidents, config);
}
constexpr SimTime t0 = 8 * kHour;
}  // namespace

TEST_CASE("one T1 casualty: every step of the chain adds up by hand", "[medical][chain]") {
  const MedicalOutcome out = run(fixed_chain(), {casualty_at(7, {1000, 0}, t0, Triage::Immediate)});
  REQUIRE(out.casualties.size() == 1);
  const CareRecord& r = out.casualties[0];
  CHECK(r.first_aid == t0 + 60);
  CHECK(r.first_aid_by == FirstAidBy::Buddy);
  CHECK(r.requested == t0 + 120);
  CHECK(r.approval.total_delay == 300 + 600 + 900);
  CHECK(r.approved == t0 + 120 + 1800);
  REQUIRE(r.approval.steps.size() == 3);
  CHECK(r.approval.steps[1].decided == t0 + 120 + 300 + 600);
  CHECK(r.assigned == r.approved);
  CHECK(r.dispatched == r.approved + 180);              // standby crew, by day
  CHECK(r.on_scene == Approx(r.dispatched + 100));      // 1000 m at 10 m/s
  CHECK(r.left_scene == Approx(r.on_scene + 60));       // one casualty loaded
  CHECK(r.at_hospital == Approx(r.left_scene + 100));   // back the same 1000 m
  CHECK(r.resuscitation == Approx(r.at_hospital + 120));  // triage
  CHECK(r.needs_surgery);
  CHECK(r.surgery == Approx(r.resuscitation + 1800));
  CHECK(r.bed == Approx(r.surgery + 3600));
  CHECK(r.left_hospital == Approx(r.bed + 2 * kDay));
  CHECK(r.outcome == CareOutcome::Survived);
  CHECK(out.ambulances.trips == 1);
}

TEST_CASE("pre-authorized dispatch and a same-nation chain cut exactly the levels they skip", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  const Casualty un = casualty_at(1, {1000, 0}, t0, Triage::Immediate, "UN");
  const SimTime base = run(p, {un}).casualties[0].at_hospital;
  p.casevac.approval.pre_authorized_skip_levels = 1;
  const CareRecord pre = run(p, {un}).casualties[0];
  CHECK(pre.at_hospital == Approx(base - 900));  // the contingent command's 15 minutes
  CHECK(pre.approval.levels_skipped == 1);
  p.casevac.approval.pre_authorized_skip_levels = 0;
  const CareRecord chn = run(p, {casualty_at(1, {1000, 0}, t0, Triage::Immediate, "CHN")}).casualties[0];
  CHECK(chn.same_nation);
  CHECK(chn.approval.total_delay == 300 + 200);
  CHECK(chn.at_hospital == Approx(base - 1800 + 500));
}

TEST_CASE("routing: an ambulance at the main gate reaches a gate casualty sooner, the drive back is the same", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  const Casualty near_gate = casualty_at(1, {1950, 0}, t0, Triage::Delayed);
  const CareRecord from_hospital = run(p, {near_gate}).casualties[0];
  p.ambulances.station = AmbulanceStation::MainGate;
  const CareRecord from_gate = run(p, {near_gate}).casualties[0];
  CHECK(from_hospital.on_scene - from_hospital.dispatched == Approx(200));  // 2000 m of road
  CHECK(from_gate.on_scene - from_gate.dispatched == Approx(0));
  CHECK(from_gate.at_hospital - from_gate.left_scene == Approx(200));
  CHECK(from_hospital.at_hospital - from_gate.at_hospital == Approx(200));
}

TEST_CASE("an unarmoured ambulance waits for the attack to be contained: an armoured one does not", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  Incident attack;
  attack.id = 0;
  attack.time = t0;
  attack.location = {1000, 0};
  attack.qrf = QrfTimeline{};
  attack.qrf->contained = t0 + 3000;  // after the approval at t0 + 1920
  const Casualty c = casualty_at(1, {1000, 0}, t0, Triage::Immediate);
  const CareRecord soft = run(p, {c}, {attack}).casualties[0];
  CHECK(soft.dispatched == Approx(t0 + 3000));
  CHECK(soft.escort_wait == Approx(3000 - 2100));
  p.ambulances.armoured = 1;
  const CareRecord armoured = run(p, {c}, {attack}).casualties[0];
  CHECK(armoured.dispatched == Approx(t0 + 2100));
  CHECK(armoured.escort_wait == 0);
}

TEST_CASE("litters: three casualties, two litters, one vehicle: the third waits for the re-tasked vehicle", "[medical][chain]") {
  const MedicalParams p = fixed_chain();
  const std::vector<Casualty> three = {casualty_at(1, {1000, 0}, t0, Triage::Delayed),
                                       casualty_at(2, {1000, 0}, t0, Triage::Immediate),
                                       casualty_at(3, {1000, 0}, t0, Triage::Delayed)};
  const MedicalOutcome out = run(p, three);
  const CareRecord &d1 = out.casualties[0], &t1 = out.casualties[1], &d3 = out.casualties[2];
  // T1 first, then the earlier-listed T2; both on the first trip (two loadings of 60 s).
  CHECK(t1.ambulance == AmbulanceId{0});
  CHECK(t1.assigned == t1.approved);
  CHECK(d1.assigned == t1.approved);
  CHECK(t1.left_scene == Approx(t1.on_scene + 120));
  // The vehicle hands over (120 s) and goes straight back with its crew: no mobilization.
  const SimTime free_again = t1.at_hospital + 120;
  CHECK(d3.assigned == Approx(free_again));
  CHECK(d3.dispatched == Approx(free_again));
  CHECK(d3.on_scene == Approx(free_again + 100));
  CHECK(out.ambulances.trips == 2);
}

TEST_CASE("crews: a second vehicle without a standby crew rolls when a called-in crew arrives", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  p.ambulances.vehicles = 2;
  p.ambulances.called_in_crews = 1;
  const std::vector<Casualty> three = {casualty_at(1, {1000, 0}, t0, Triage::Immediate),
                                       casualty_at(2, {1000, 0}, t0, Triage::Immediate),
                                       casualty_at(3, {1000, 0}, t0, Triage::Immediate)};
  const MedicalOutcome out = run(p, three);
  const SimTime approved = out.casualties[0].approved;
  CHECK(out.casualties[0].dispatched == Approx(approved + 180));
  CHECK(out.casualties[2].ambulance == AmbulanceId{1});
  CHECK(out.casualties[2].dispatched == Approx(approved + 1200));
  CHECK(out.ambulances.crew_call_ins == 1);
  // A second crew on standby instead: both vehicles leave after the same mobilization.
  p.ambulances.standby_crews = 2;
  p.ambulances.called_in_crews = 0;
  const MedicalOutcome standby = run(p, three);
  CHECK(standby.casualties[2].dispatched == Approx(approved + 180));
  CHECK(standby.ambulances.crew_call_ins == 0);
}

TEST_CASE("outside the camp: the trip waits for its escort and drives beyond the gate both ways", "[medical][chain]") {
  const MedicalParams p = fixed_chain();
  Casualty c = casualty_at(1, {5000, 5000}, t0, Triage::Delayed);
  c.inside_camp = false;
  c.cause = Cause::RoadsideBomb;
  const CareRecord r = run(p, {c}).casualties[0];
  CHECK(r.dispatched == Approx(r.approved + 300));  // QRF escort notice to move by day
  CHECK(r.escort_wait == Approx(120));              // beyond the crew's 180 s
  CHECK(r.on_scene == Approx(r.dispatched + 200 + 1500));
  CHECK(r.at_hospital == Approx(r.left_scene + 200 + 1500));
}

TEST_CASE("no medevac flights at night: a patient fit to fly at 22:11 leaves at 06:00", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  p.care_needs.immediate.evacuation = 1;
  p.air_evacuation.night_flying = false;
  const CareRecord r = run(p, {casualty_at(1, {1000, 0}, t0, Triage::Immediate)}).casualties[0];
  REQUIRE(r.outcome == CareOutcome::EvacuatedL3);
  const SimTime fit = r.bed + p.air_evacuation.stabilization;
  CHECK(fit > 22 * kHour);
  CHECK(r.left_hospital == Approx(kDay + 6 * kHour));
  p.air_evacuation.night_flying = true;
  const CareRecord night = run(p, {casualty_at(1, {1000, 0}, t0, Triage::Immediate)}).casualties[0];
  CHECK(night.left_hospital == Approx(fit));
}

TEST_CASE("mass casualties: the surge plan opens bays once enough patients wait", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  p.ambulances.vehicles = 3;
  p.ambulances.standby_crews = 3;
  p.hospital.team_call_in = 600;
  p.hospital.mass_casualty_threshold = 3;
  p.hospital.surge_bays = 2;
  std::vector<Casualty> six;
  for (int i = 0; i < 6; ++i) six.push_back(casualty_at(i, {1000, 0}, t0, Triage::Delayed));
  const MedicalOutcome out = run(p, six);
  CHECK(out.mass_casualty_declarations == 1);
  // All six arrive together (three vehicles, two litters); two bays start at once, four wait;
  // the plan is declared when the third waits and two more bays open 600 s later.
  const SimTime triaged = out.casualties[0].at_hospital + 120;
  int at_once = 0, after_surge = 0, later = 0;
  for (const CareRecord& r : out.casualties) {
    if (r.resuscitation == Approx(triaged)) ++at_once;
    else if (r.resuscitation == Approx(triaged + 600)) ++after_surge;
    else ++later;
  }
  CHECK(at_once == 2);
  CHECK(after_surge == 2);
  CHECK(later == 2);
}

TEST_CASE("metrics: 10-1-2 compliance and the delay components agree with the records", "[medical][chain]") {
  const MedicalParams p = fixed_chain();
  const MedicalOutcome out = run(p, {casualty_at(1, {1000, 0}, t0, Triage::Immediate),
                                     casualty_at(2, {1000, 0}, t0 + kHour, Triage::Killed, "UN", 1)});
  const auto m = medical_metrics_json(p, out);
  // First aid at 1 min (<= 10); resuscitation at 41.3 min (<= 60); surgery at 71.3 min (<= 120).
  CHECK(m["compliance"]["first_aid_10min"].get<double>() == 1.0);
  CHECK(m["compliance"]["resuscitation_1h"].get<double>() == 1.0);
  CHECK(m["compliance"]["surgery_2h"].get<double>() == 1.0);
  CHECK(m["casualties"]["killed_outright"].get<long>() == 1);
  const auto& k = m["dispatch"]["components_mean_min"];
  CHECK(k["injury_to_request"].get<double>() == Approx(2));
  CHECK(k["approval"].get<double>() == Approx(30));
  CHECK(k["mobilization_and_escort"].get<double>() == Approx(3));
  double sum = 0;
  for (const auto& [name, v] : k.items()) sum += v.get<double>();
  CHECK(sum == Approx(m["dispatch"]["injury_to_hospital_mean_min"].get<double>()));
  CHECK(m["dispatch"]["approval_share_of_delay"].get<double>() == Approx(30.0 / sum));
  // Slower approval: the 2-hour surgery target is missed.
  MedicalParams slow = p;
  slow.casevac.approval.other_nation.levels[2].delay = engine::Distribution::fixed(3 * kHour);
  const auto ms = medical_metrics_json(slow, run(slow, {casualty_at(1, {1000, 0}, t0, Triage::Immediate)}));
  CHECK(ms["compliance"]["surgery_2h"].get<double>() == 0.0);
  CHECK(ms["compliance"]["first_aid_10min"].get<double>() == 1.0);
}

TEST_CASE("a roving ambulance has its crew aboard: it rolls at once from a road node", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  p.ambulances.station = AmbulanceStation::Roving;
  for (std::uint64_t rep = 0; rep < 10; ++rep) {
    const CareRecord r = run_medical_chain(p, kRoad, kQrf, {casualty_at(1, {1000, 0}, t0, Triage::Delayed)}, {},
                                           MedicalRunConfig{1, rep, 0, 10 * kDay})
                             .casualties[0];
    CHECK(r.dispatched == r.approved);  // no mobilization
    const double drive = r.on_scene - r.dispatched;
    // From one of the three road nodes to the junction: 100 s, 0 s or 100 s.
    CHECK((drive == Approx(0) || drive == Approx(100)));
  }
}

TEST_CASE("night shift: a second table needs the on-call team, who arrive after the call-in", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  p.ambulances.vehicles = 1;
  p.hospital.surgical_teams_day = 2;
  p.hospital.surgical_teams_night = 1;
  p.hospital.team_call_in = 1800;
  const SimTime late = 22.5 * kHour;
  const MedicalOutcome out = run(p, {casualty_at(1, {1000, 0}, late, Triage::Immediate),
                                     casualty_at(2, {1000, 0}, late, Triage::Immediate)});
  const CareRecord &a = out.casualties[0], &b = out.casualties[1];
  REQUIRE(a.resuscitation == Approx(b.resuscitation));  // two bays, one trip with two litters
  const SimTime resuscitated = a.resuscitation + 1800;
  CHECK(std::min(a.surgery, b.surgery) == Approx(resuscitated));
  CHECK(std::max(a.surgery, b.surgery) == Approx(resuscitated + 1800));  // on-call team's call-in
  // By day both tables are staffed: both start together.
  const MedicalOutcome day = run(p, {casualty_at(1, {1000, 0}, t0, Triage::Immediate),
                                     casualty_at(2, {1000, 0}, t0, Triage::Immediate)});
  CHECK(day.casualties[0].surgery == Approx(day.casualties[1].surgery));
}

TEST_CASE("sandstorms ground the helicopters: a patient who cannot fly stays in the hospital", "[medical][chain]") {
  MedicalParams p = fixed_chain();
  p.care_needs.immediate.evacuation = 1;
  p.air_evacuation.sandstorm_day_share = 1;  // every day grounded
  const MedicalOutcome out = run(p, {casualty_at(1, {1000, 0}, t0, Triage::Immediate)});
  CHECK(out.casualties[0].outcome == CareOutcome::InCare);  // still in the hospital at the end, not back on duty
  CHECK_FALSE(std::isfinite(out.casualties[0].left_hospital));
  const auto counts = medical_metrics_json(p, out)["casualties"];
  CHECK(counts["in_care"] == 1);
  CHECK(counts["survived"] == 0);
  CHECK(out.resources[4].served == 0);  // helicopters
  CHECK(out.last_event < 10 * kDay + 61 * kDay);  // the chain stops at its drain limit
  p.air_evacuation.sandstorm_day_share = 0;
  CHECK(run(p, {casualty_at(1, {1000, 0}, t0, Triage::Immediate)}).casualties[0].outcome == CareOutcome::EvacuatedL3);
}
