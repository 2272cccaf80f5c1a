// The `medical:` reader on YAML text through the real parser: every key lands in its own field
// with its unit, absent keys keep the struct defaults, approval chains given replace the default
// whole, and each kind of mistake is reported at its file, line, column and key.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/camp/medical/medical_reader.hpp"
#include "sim/scenario/reader.hpp"
#include "sim/scenario/yaml_source.hpp"

using namespace campsim;
using namespace campsim::camp;
using engine::Distribution;
using engine::kDay;
using engine::kHour;
using engine::kMinute;
using scenario::Diagnostic;

namespace {

CampLayout road_layout() {
  CampLayout l;
  l.road_nodes = {{"hospital_door", {50, 50}}, {"headquarters", {60, 60}}, {"main_gate_inner", {0, 50}}};
  l.road_edges = {{0, 1, 14.1}, {0, 2, 50}};
  return l;
}

struct Outcome {
  MedicalParams params;
  std::vector<Diagnostic> diagnostics;  // the reader's and finish()'s (unknown keys) together
  nlohmann::ordered_json resolved;
};

// Parses `yaml` as file "med.yaml" and reads its `medical` section into `start`.
Outcome read_text(const std::string& yaml, MedicalParams start = {}) {
  const scenario::Node tree = scenario::parse_yaml_text(yaml, "med.yaml");
  scenario::Reader reader(tree);
  Outcome out{std::move(start), {}, {}};
  read_medical(reader.root().map("medical"), road_layout(), out.params);
  try {
    reader.finish();
  } catch (const scenario::ScenarioError&) {
  }
  out.diagnostics = reader.diagnostics();
  out.resolved = reader.resolved();
  return out;
}

// The minimal valid section: the medical chain on, the hospital at a road node.
const std::string kMinimal =
    "medical:\n"
    "  ambulances: {hospital_node: hospital_door}\n";

void check_lognormal(const Distribution& d, double median, double p90) {
  CHECK(d.kind == Distribution::Kind::Lognormal);
  CHECK(d.a == Approx(median));
  CHECK(d.b == Approx(p90));
}

void check_fixed(const Distribution& d, double value) {
  CHECK(d.kind == Distribution::Kind::Fixed);
  CHECK(d.a == Approx(value));
}

std::string messages(const std::vector<Diagnostic>& ds) {
  std::string text;
  for (const Diagnostic& d : ds) text += d.message() + "\n";
  return text;
}

}  // namespace

TEST_CASE("medical reader: every key lands in its own field, in its unit", "[medical][medical_reader]") {
  const Outcome r = read_text(
      "medical:\n"
      "  enabled: true\n"
      "  survival:\n"
      "    horizon: 48h\n"
      "    immediate: {scale: 20h, shape: 0.6, first_aid_factor: 0.31, resuscitation_factor: 0.32, surgery_factor: 0.11}\n"
      "    delayed: {scale: 100h, shape: 0.9, first_aid_factor: 0.41, resuscitation_factor: 0.42, surgery_factor: 0.12}\n"
      "    minimal: {scale: 200d, shape: 1.1, first_aid_factor: 0.51, resuscitation_factor: 0.52, surgery_factor: 0.13}\n"
      "  first_aid:\n"
      "    buddy_aid_share: 0.7\n"
      "    buddy_aid_delay: {dist: lognormal, median: 1min, p90: 4min}\n"
      "    responder_posts: [hospital_door, headquarters]\n"
      "    responder_mobilization: 90s\n"
      "    responder_speed_mps: 2.5\n"
      "    responders_wait_for_containment: false\n"
      "  casevac:\n"
      "    request_delay: 5min\n"
      "    night_unavailability_factor: 3\n"
      "    hospital_nation: NLD\n"
      "    approval:\n"
      "      pre_authorized_skip_levels: 1\n"
      "      same_nation:\n"
      "        - {name: ops, delay: 1min}\n"
      "      other_nation:\n"
      "        - {name: ops, delay: {dist: uniform, min: 1min, max: 3min}, unavailable_probability: 0.05, "
      "unavailable_extra_delay: 5min}\n"
      "        - {name: joc, delay: {dist: exponential, mean: 10min}, unavailable_probability: 0.2}\n"
      "  ambulances:\n"
      "    vehicles: 3\n"
      "    armoured: 1\n"
      "    station: main_gate\n"
      "    hospital_node: hospital_door\n"
      "    gate_node: main_gate_inner\n"
      "    capacity: 4\n"
      "    standby_crews: 2\n"
      "    called_in_crews: 3\n"
      "    mobilization_day: 4min\n"
      "    mobilization_night: 7min\n"
      "    call_in_delay: {dist: triangular, min: 10min, mode: 15min, max: 30min}\n"
      "    drive_speed_mps: 6\n"
      "    loading_per_casualty: 3min\n"
      "    handover_at_hospital: 1min\n"
      "    escort_required_during_attack: false\n"
      "    outside_drive: {dist: empirical, values: [10min, 40min], weights: [3, 1]}\n"
      "  hospital:\n"
      "    triage_time: 3min\n"
      "    resuscitation_bays: 3\n"
      "    resuscitation_time_immediate: 50min\n"
      "    resuscitation_time_delayed: 35min\n"
      "    minor_treatment_time: 25min\n"
      "    operating_tables: 1\n"
      "    surgical_teams_day: 3\n"
      "    surgical_teams_night: 2\n"
      "    team_call_in: 45min\n"
      "    shifts: {day_start: 7h, night_start: 19h}\n"
      "    surgery_time_immediate: 2h\n"
      "    surgery_time_delayed: 80min\n"
      "    icu_beds: 6\n"
      "    ward_beds: 30\n"
      "    icu_stay: 3d\n"
      "    ward_stay: 5d\n"
      "    mass_casualty_threshold: 5\n"
      "    surge_bays: 4\n"
      "  care_needs:\n"
      "    immediate: {surgery: 0.9, icu: 0.8, evacuation: 0.7}\n"
      "    delayed: {surgery: 0.4, icu: 0.1, evacuation: 0.3}\n"
      "    minimal: {surgery: 0.05, icu: 0, evacuation: 0.02}\n"
      "  routine_admissions: {per_day: 1.2, surgery_share: 0.15, surgery_time: 70min, stay: 4d}\n"
      "  air_evacuation:\n"
      "    stabilization: 6h\n"
      "    helicopters: 2\n"
      "    mission_time: 5h\n"
      "    night_flying: true\n"
      "    sandstorm_day_share: 0.1\n");
  INFO(messages(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  const MedicalParams& p = r.params;
  CHECK(p.enabled);

  const SurvivalParams& s = p.survival;
  CHECK(s.horizon == 48 * kHour);
  CHECK(s.immediate.scale == 20 * kHour);
  CHECK(s.immediate.shape == 0.6);
  CHECK(s.immediate.first_aid_factor == 0.31);
  CHECK(s.immediate.resuscitation_factor == 0.32);
  CHECK(s.immediate.surgery_factor == 0.11);
  CHECK(s.delayed.scale == 100 * kHour);
  CHECK(s.delayed.shape == 0.9);
  CHECK(s.delayed.first_aid_factor == 0.41);
  CHECK(s.delayed.resuscitation_factor == 0.42);
  CHECK(s.delayed.surgery_factor == 0.12);
  CHECK(s.minimal.scale == 200 * kDay);
  CHECK(s.minimal.shape == 1.1);
  CHECK(s.minimal.first_aid_factor == 0.51);
  CHECK(s.minimal.resuscitation_factor == 0.52);
  CHECK(s.minimal.surgery_factor == 0.13);

  const FirstAidParams& f = p.first_aid;
  CHECK(f.buddy_aid_share == 0.7);
  check_lognormal(f.buddy_aid_delay, 60, 240);
  CHECK(f.responder_posts == std::vector<std::string>{"hospital_door", "headquarters"});
  CHECK(f.responder_mobilization == 90);
  CHECK(f.responder_speed_mps == 2.5);
  CHECK_FALSE(f.responders_wait_for_containment);

  const CasevacParams& c = p.casevac;
  check_fixed(c.request_delay, 300);  // 5min -> 300 s
  CHECK(c.night_unavailability_factor == 3);
  CHECK(c.hospital_nation == "NLD");
  CHECK(c.approval.pre_authorized_skip_levels == 1);
  REQUIRE(c.approval.same_nation.levels.size() == 1);
  CHECK(c.approval.same_nation.levels[0].name == "ops");
  check_fixed(c.approval.same_nation.levels[0].delay, 60);
  CHECK(c.approval.same_nation.levels[0].unavailable_probability == 0);  // level defaults
  CHECK(c.approval.same_nation.levels[0].unavailable_extra_delay == 0);
  REQUIRE(c.approval.other_nation.levels.size() == 2);
  const ApprovalLevel& ops = c.approval.other_nation.levels[0];
  CHECK(ops.name == "ops");
  CHECK(ops.delay.kind == Distribution::Kind::Uniform);
  CHECK(ops.delay.a == 60);
  CHECK(ops.delay.b == 180);
  CHECK(ops.unavailable_probability == 0.05);
  CHECK(ops.unavailable_extra_delay == 300);
  const ApprovalLevel& joc = c.approval.other_nation.levels[1];
  CHECK(joc.name == "joc");
  CHECK(joc.delay.kind == Distribution::Kind::Exponential);
  CHECK(joc.delay.a == 600);
  CHECK(joc.unavailable_probability == 0.2);
  CHECK(mean_approval_delay(c.approval, false) == Approx(120 + 0.05 * 300));  // joc pre-authorized

  const AmbulanceParams& a = p.ambulances;
  CHECK(a.vehicles == 3);
  CHECK(a.armoured == 1);
  CHECK(a.station == AmbulanceStation::MainGate);
  CHECK(a.hospital_node == "hospital_door");
  CHECK(a.gate_node == "main_gate_inner");
  CHECK(a.capacity == 4);
  CHECK(a.standby_crews == 2);
  CHECK(a.called_in_crews == 3);
  CHECK(a.mobilization_day == 4 * kMinute);
  CHECK(a.mobilization_night == 7 * kMinute);
  CHECK(a.call_in_delay.kind == Distribution::Kind::Triangular);
  CHECK(a.call_in_delay.a == 600);
  CHECK(a.call_in_delay.b == 900);
  CHECK(a.call_in_delay.c == 1800);
  CHECK(a.drive_speed_mps == 6);
  check_fixed(a.loading_per_casualty, 180);
  CHECK(a.handover_at_hospital == 60);
  CHECK_FALSE(a.escort_required_during_attack);
  CHECK(a.outside_drive.kind == Distribution::Kind::Empirical);
  CHECK(a.outside_drive.values == std::vector<double>{600, 2400});
  CHECK(a.outside_drive.weights == std::vector<double>{3, 1});

  const HospitalParams& h = p.hospital;
  CHECK(h.triage_time == 180);
  CHECK(h.resuscitation_bays == 3);
  check_fixed(h.resuscitation_time_immediate, 50 * kMinute);
  check_fixed(h.resuscitation_time_delayed, 35 * kMinute);
  check_fixed(h.minor_treatment_time, 25 * kMinute);
  CHECK(h.operating_tables == 1);
  CHECK(h.surgical_teams_day == 3);  // more teams than tables is allowed
  CHECK(h.surgical_teams_night == 2);
  CHECK(h.team_call_in == 45 * kMinute);
  CHECK(h.shifts.day_start == 7 * kHour);
  CHECK(h.shifts.night_start == 19 * kHour);
  const CareNeedsParams& cn = p.care_needs;
  CHECK(cn.immediate.surgery == 0.9);
  CHECK(cn.immediate.icu == 0.8);
  CHECK(cn.immediate.evacuation == 0.7);
  CHECK(cn.delayed.surgery == 0.4);
  CHECK(cn.delayed.icu == 0.1);
  CHECK(cn.delayed.evacuation == 0.3);
  CHECK(cn.minimal.surgery == 0.05);
  CHECK(cn.minimal.icu == 0);
  CHECK(cn.minimal.evacuation == 0.02);
  check_fixed(h.surgery_time_immediate, 2 * kHour);
  check_fixed(h.surgery_time_delayed, 80 * kMinute);
  CHECK(h.icu_beds == 6);
  CHECK(h.ward_beds == 30);
  check_fixed(h.icu_stay, 3 * kDay);
  check_fixed(h.ward_stay, 5 * kDay);
  CHECK(h.mass_casualty_threshold == 5);
  CHECK(h.surge_bays == 4);

  const RoutineAdmissionParams& ra = p.routine_admissions;
  CHECK(ra.per_day == 1.2);
  CHECK(ra.surgery_share == 0.15);
  check_fixed(ra.surgery_time, 70 * kMinute);
  check_fixed(ra.stay, 4 * kDay);

  const AirEvacuationParams& ae = p.air_evacuation;
  CHECK(ae.stabilization == 6 * kHour);
  CHECK(ae.helicopters == 2);
  check_fixed(ae.mission_time, 5 * kHour);
  CHECK(ae.night_flying);
  CHECK(ae.sandstorm_day_share == 0.1);

  // Every value read is in the resolved parameters, under the same nesting.
  CHECK(r.resolved["medical"]["hospital"]["shifts"]["night_start"] == "19h");
  CHECK(r.resolved["medical"]["casevac"]["approval"]["other_nation"][1]["name"] == "joc");
  CHECK(r.resolved["medical"]["ambulances"]["station"] == "main_gate");
}

TEST_CASE("medical reader: absent keys keep the struct defaults", "[medical][medical_reader]") {
  const MedicalParams d;  // the defaults
  SECTION("a minimal section") {
    const Outcome r = read_text(kMinimal);
    INFO(messages(r.diagnostics));
    REQUIRE(r.diagnostics.empty());
    const MedicalParams& p = r.params;
    CHECK(p.enabled);
    CHECK(p.ambulances.hospital_node == "hospital_door");
    CHECK(p.ambulances.gate_node.empty());
    CHECK(p.ambulances.vehicles == 2);
    CHECK(p.ambulances.station == AmbulanceStation::Hospital);
    CHECK(p.ambulances.mobilization_night == 6 * kMinute);
    check_lognormal(p.ambulances.call_in_delay, 20 * kMinute, 40 * kMinute);
    CHECK(p.survival.horizon == 24 * kHour);
    CHECK(p.survival.immediate.scale == Approx(28.4 * kHour));
    CHECK(p.survival.immediate.shape == 0.5);
    CHECK(p.survival.minimal.scale == Approx(4800 * kHour));
    CHECK(p.first_aid.buddy_aid_share == 0.6);
    check_lognormal(p.first_aid.buddy_aid_delay, 2 * kMinute, 5 * kMinute);
    CHECK(p.first_aid.responder_posts.empty());
    CHECK(p.casevac.hospital_nation == "CHN");
    CHECK(p.casevac.night_unavailability_factor == 2);
    CHECK(p.casevac.approval.pre_authorized_skip_levels == 0);
    REQUIRE(p.casevac.approval.other_nation.levels.size() == 3);
    REQUIRE(p.casevac.approval.same_nation.levels.size() == 2);
    CHECK(p.casevac.approval.other_nation.levels[1].name == "sector_joc");
    CHECK(mean_approval_delay(p.casevac.approval, false) == Approx(mean_approval_delay(d.casevac.approval, false)));
    CHECK(p.hospital.resuscitation_bays == 2);
    CHECK(p.hospital.operating_tables == 2);
    CHECK(p.hospital.surgical_teams_night == 1);
    CHECK(p.hospital.shifts.day_start == 6 * kHour);
    CHECK(p.hospital.shifts.night_start == 22 * kHour);
    CHECK(p.hospital.icu_beds == 4);
    CHECK(p.hospital.ward_beds == 20);
    check_lognormal(p.hospital.ward_stay, 3 * kDay, 8 * kDay);
    CHECK(p.routine_admissions.per_day == 0.85);
    CHECK(p.air_evacuation.helicopters == 1);
    CHECK_FALSE(p.air_evacuation.night_flying);
    CHECK(p.air_evacuation.sandstorm_day_share == 0.05);
    // Defaults are recorded too, so the run's resolved parameters show them.
    CHECK(r.resolved["medical"]["hospital"]["icu_beds"] == 4);
    CHECK(r.resolved["medical"]["ambulances"]["mobilization_day"] == "3min");
  }
  SECTION("one key changed leaves its neighbours alone") {
    const Outcome r = read_text(kMinimal + "  hospital: {icu_beds: 8}\n  survival: {delayed: {shape: 0.8}}\n");
    REQUIRE(r.diagnostics.empty());
    CHECK(r.params.hospital.icu_beds == 8);
    CHECK(r.params.hospital.ward_beds == d.hospital.ward_beds);
    CHECK(r.params.survival.delayed.shape == 0.8);
    CHECK(r.params.survival.delayed.scale == d.survival.delayed.scale);
    CHECK(r.params.survival.delayed.surgery_factor == d.survival.delayed.surgery_factor);
  }
  SECTION("an absent section reads nothing and reports nothing") {
    MedicalParams start;
    start.hospital.icu_beds = 9;  // the caller's values stand
    const Outcome r = read_text("other: 1\n", start);
    REQUIRE(r.diagnostics.size() == 1);  // only 'other', never read, is unknown
    CHECK(r.diagnostics[0].path == "other");
    CHECK(r.params.hospital.icu_beds == 9);
    CHECK(r.params.enabled);
    CHECK(r.params.ambulances.hospital_node.empty());
  }
  SECTION("switched off, nothing is required and road nodes are not checked") {
    const Outcome r = read_text(
        "medical:\n"
        "  enabled: false\n"
        "  first_aid: {responder_posts: [nowhere]}\n"
        "  ambulances: {vehicles: 0}\n");
    INFO(messages(r.diagnostics));
    REQUIRE(r.diagnostics.empty());
    CHECK_FALSE(r.params.enabled);
    CHECK(r.params.ambulances.vehicles == 0);
  }
}

TEST_CASE("medical reader: approval lists replace the default chain whole", "[medical][medical_reader]") {
  const Outcome r = read_text(kMinimal +
                              "  casevac:\n"
                              "    approval:\n"
                              "      same_nation: []\n"
                              "      other_nation:\n"
                              "        - {name: sector_joc, delay: 4min}\n");
  INFO(messages(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  const ApprovalPolicy& policy = r.params.casevac.approval;
  CHECK(policy.same_nation.levels.empty());  // [] = no approval needed
  REQUIRE(policy.other_nation.levels.size() == 1);  // not appended to the three defaults
  CHECK(policy.other_nation.levels[0].name == "sector_joc");
  CHECK(mean_approval_delay(policy, true) == 0);
  CHECK(mean_approval_delay(policy, false) == 240);
}

TEST_CASE("medical reader: mistakes are reported at their file, line, column and key", "[medical][medical_reader]") {
  SECTION("an unknown key, with the nearest known key as a hint") {
    const Outcome r = read_text(kMinimal + "  hospital:\n    icu_bed: 6\n");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.where.file == "med.yaml");
    CHECK(d.where.line == 4);
    CHECK(d.where.column == 5);
    CHECK(d.path == "medical.hospital.icu_bed");
    CHECK(d.found == "unknown key 'icu_bed'");
    CHECK(d.hint == "did you mean 'icu_beds'?");
    CHECK(r.params.hospital.icu_beds == 4);
  }
  SECTION("a care need outside [0, 1], at its line and column") {
    const Outcome r = read_text(kMinimal +
                                "  care_needs:\n"
                                "    delayed: {surgery: 1.5}\n");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.where.file == "med.yaml");
    CHECK(d.where.line == 4);
    CHECK(d.where.column == 24);
    CHECK(d.path == "medical.care_needs.delayed.surgery");
    CHECK(d.found == "'1.5'");
    INFO(d.expected);
    CHECK(d.expected.find('1') != std::string::npos);  // the range is named
    CHECK(r.params.care_needs.delayed.surgery == 0.5);  // the default stands
  }
  SECTION("an unknown triage category in care_needs") {
    const Outcome r = read_text(kMinimal + "  care_needs:\n    expectant: {surgery: 0}\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].path == "medical.care_needs.expectant");
    CHECK(r.diagnostics[0].found == "unknown key 'expectant'");
  }
  SECTION("the retired share keys say where they moved") {
    const Outcome r = read_text(kMinimal +
                                "  hospital: {surgery_share_immediate: 0.9}\n"
                                "  air_evacuation: {share_delayed: 0.3}\n");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].path == "medical.hospital.surgery_share_immediate");
    CHECK(r.diagnostics[0].where.line == 3);
    CHECK(r.diagnostics[0].expected.find("medical.care_needs.immediate.surgery") != std::string::npos);
    CHECK(r.diagnostics[0].found == "the retired key 'surgery_share_immediate'");
    CHECK(r.diagnostics[1].path == "medical.air_evacuation.share_delayed");
    CHECK(r.diagnostics[1].expected.find("medical.care_needs.delayed.evacuation") != std::string::npos);
  }
  SECTION("an unknown station, with the options and the nearest") {
    const Outcome r = read_text(
        "medical:\n"
        "  ambulances:\n"
        "    hospital_node: hospital_door\n"
        "    station: main_gat\n");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.where.line == 4);
    CHECK(d.where.column == 14);
    CHECK(d.path == "medical.ambulances.station");
    CHECK(d.expected == "one of 'hospital', 'main_gate' or 'roving'");
    CHECK(d.found == "'main_gat'");
    CHECK(d.hint == "did you mean 'main_gate'?");
    CHECK(r.params.ambulances.station == AmbulanceStation::Hospital);
  }
  SECTION("hospital_node that is not a road node lists the road nodes") {
    const Outcome r = read_text(
        "medical:\n"
        "  ambulances:\n"
        "    vehicles: 2\n"
        "    hospital_node: hospital\n");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.where.line == 4);
    CHECK(d.where.column == 20);
    CHECK(d.path == "medical.ambulances.hospital_node");
    CHECK(d.expected ==
          "the name of a road node in camp.roads.nodes (hospital_door, headquarters, main_gate_inner)");
    CHECK(d.found == "'hospital'");
  }
  SECTION("gate_node and responder posts must be road nodes too") {
    const Outcome r = read_text(
        "medical:\n"
        "  first_aid: {responder_posts: [headquarters, hq]}\n"
        "  ambulances: {hospital_node: hospital_door, gate_node: gate}\n");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].path == "medical.first_aid.responder_posts");
    CHECK(r.diagnostics[0].found == "'hq'");
    CHECK(r.diagnostics[0].where.line == 2);
    CHECK(r.diagnostics[1].path == "medical.ambulances.gate_node");
    CHECK(r.diagnostics[1].found == "'gate'");
    CHECK(r.diagnostics[1].where.line == 3);
    CHECK(r.diagnostics[1].where.column == 57);
  }
  SECTION("hospital_node is required while the chain is on") {
    const Outcome missing = read_text("medical:\n  ambulances: {vehicles: 2}\n");
    REQUIRE(missing.diagnostics.size() == 1);
    CHECK(missing.diagnostics[0].path == "medical.ambulances.hospital_node");
    CHECK(missing.diagnostics[0].found == "nothing");
    CHECK(missing.diagnostics[0].where.line == 2);
    const Outcome no_ambulances = read_text("medical:\n  enabled: true\n");
    REQUIRE(no_ambulances.diagnostics.size() == 1);
    CHECK(no_ambulances.diagnostics[0].path == "medical.ambulances");
    CHECK(no_ambulances.diagnostics[0].found == "nothing");
  }
  SECTION("a probability above 1") {
    const Outcome r = read_text(kMinimal +
                                "  first_aid:\n"
                                "    buddy_aid_share: 1.2\n"
                                "  casevac:\n"
                                "    approval:\n"
                                "      other_nation:\n"
                                "        - name: joc\n"
                                "          delay: 5min\n"
                                "          unavailable_probability: 1.5\n");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].path == "medical.first_aid.buddy_aid_share");
    CHECK(r.diagnostics[0].where.line == 4);
    CHECK(r.diagnostics[0].where.column == 22);
    CHECK(r.diagnostics[0].expected == "a number between 0 and 1");
    CHECK(r.diagnostics[0].found == "'1.2'");
    CHECK(r.diagnostics[1].path == "medical.casevac.approval.other_nation[0].unavailable_probability");
    CHECK(r.diagnostics[1].where.line == 10);
    CHECK(r.diagnostics[1].where.column == 36);
    CHECK(r.diagnostics[1].expected == "a number between 0 and 1");
    CHECK(r.params.first_aid.buddy_aid_share == 0.6);  // a bad value leaves the default
  }
  SECTION("more armoured vehicles than vehicles") {
    const Outcome r = read_text(
        "medical:\n"
        "  ambulances:\n"
        "    hospital_node: hospital_door\n"
        "    vehicles: 2\n"
        "    armoured: 3\n");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.where.line == 5);
    CHECK(d.where.column == 15);
    CHECK(d.path == "medical.ambulances.armoured");
    CHECK(d.expected == "at most vehicles (2)");
    CHECK(d.found == "3");
  }
  SECTION("no vehicle or no crew while the chain is on; main_gate station without gate_node") {
    const Outcome r = read_text(
        "medical:\n"
        "  ambulances:\n"
        "    hospital_node: hospital_door\n"
        "    vehicles: 0\n"
        "    armoured: 0\n"
        "    station: main_gate\n"
        "    standby_crews: 0\n"
        "    called_in_crews: 0\n");
    INFO(messages(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].path == "medical.ambulances.gate_node");
    CHECK(r.diagnostics[0].found == "nothing");
    CHECK(r.diagnostics[1].path == "medical.ambulances.vehicles");
    CHECK(r.diagnostics[1].where.line == 4);
    CHECK(r.diagnostics[2].path == "medical.ambulances.standby_crews");
    CHECK(r.diagnostics[2].where.line == 7);
  }
  SECTION("approval levels: name and delay required, names unique in a chain, units and bounds") {
    const Outcome r = read_text(kMinimal +
                                "  casevac:\n"
                                "    approval:\n"
                                "      pre_authorized_skip_levels: 11\n"
                                "      same_nation:\n"
                                "        - {name: ops, delay: 2}\n"
                                "        - {name: ops, delay: 2min}\n"
                                "        - {delay: 1min}\n");
    INFO(messages(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0].path == "medical.casevac.approval.pre_authorized_skip_levels");
    CHECK(r.diagnostics[0].expected == "a whole number between 0 and 10");
    CHECK(r.diagnostics[1].path == "medical.casevac.approval.same_nation[0].delay");
    CHECK(r.diagnostics[1].where.line == 7);
    CHECK(r.diagnostics[2].path == "medical.casevac.approval.same_nation[1].name");
    CHECK(r.diagnostics[2].found == "'ops' again");
    CHECK(r.diagnostics[3].path == "medical.casevac.approval.same_nation[2].name");
    CHECK(r.diagnostics[3].found == "nothing");
  }
  SECTION("survival: shape and scale positive, factors at most 1") {
    const Outcome r = read_text(kMinimal +
                                "  survival:\n"
                                "    immediate: {scale: 0s, shape: 0, surgery_factor: 2}\n");
    INFO(messages(r.diagnostics));
    REQUIRE(r.diagnostics.size() == 3);
    CHECK(r.diagnostics[0].path == "medical.survival.immediate.scale");
    CHECK(r.diagnostics[1].path == "medical.survival.immediate.shape");
    CHECK(r.diagnostics[2].path == "medical.survival.immediate.surgery_factor");
    CHECK(r.diagnostics[2].where.line == 4);
    CHECK(r.params.survival.immediate.shape == 0.5);
  }
  SECTION("shifts: day and night may not start at the same time") {
    const Outcome r = read_text(kMinimal + "  hospital: {shifts: {day_start: 8h, night_start: 8h}}\n");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].path == "medical.hospital.shifts.night_start");
  }
}

TEST_CASE("medical reader: the external inflow's keys, scripted incidents and their mistakes", "[medical][medical_reader]") {
  SECTION("off by default, every key in its field") {
    CHECK_FALSE(MedicalParams{}.external.enabled);
    const Outcome r = read_text(kMinimal +
                                "  external:\n"
                                "    enabled: true\n"
                                "    incidents_per_year: 12\n"
                                "    casualties_per_incident: 3\n"
                                "    share_immediate: 0.1\n"
                                "    share_delayed: 0.3\n"
                                "    share_minimal: 0.6\n"
                                "    ied_share: 0.7\n"
                                "    helicopter_share: 0.4\n"
                                "    helicopter_delay: 90min\n"
                                "    road_delay: {dist: lognormal, median: 5h, p90: 10h}\n"
                                "    scripted:\n"
                                "      - {at: 30h, immediate: 1, delayed: 2, by: helicopter, arrival_delay: 2h}\n");
    INFO(messages(r.diagnostics));
    REQUIRE(r.diagnostics.empty());
    const ExternalInflowParams& e = r.params.external;
    CHECK(e.enabled);
    CHECK(e.incidents_per_year == 12);
    check_fixed(e.casualties_per_incident, 3);
    CHECK(e.share_immediate == 0.1);
    CHECK(e.share_delayed == 0.3);
    CHECK(e.share_minimal == 0.6);
    CHECK(e.ied_share == 0.7);
    CHECK(e.helicopter_share == 0.4);
    check_fixed(e.helicopter_delay, 90 * kMinute);
    check_lognormal(e.road_delay, 5 * kHour, 10 * kHour);
    REQUIRE(e.scripted.size() == 1);
    CHECK(e.scripted[0].at == 30 * kHour);
    CHECK(e.scripted[0].immediate == 1);
    CHECK(e.scripted[0].delayed == 2);
    CHECK(e.scripted[0].minimal == 0);
    CHECK(e.scripted[0].by_helicopter);
    CHECK(e.scripted[0].arrival_delay == 2 * kHour);
  }
  SECTION("a triage mix that does not sum to 1, at the last share given") {
    const Outcome r = read_text(kMinimal + "  external: {share_immediate: 0.5, share_delayed: 0.5, share_minimal: 0.5}\n");
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.path == "medical.external.share_minimal");
    CHECK(d.where.line == 3);
    CHECK(d.expected == "share_immediate + share_delayed + share_minimal = 1");
    CHECK(d.found == "a sum of 1.5");
  }
  SECTION("a scripted incident without casualties, or without its arrival delay") {
    const Outcome r = read_text(kMinimal +
                                "  external:\n"
                                "    scripted:\n"
                                "      - {at: 3h, arrival_delay: 1h}\n"
                                "      - {at: 4h, minimal: 2}\n");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].path == "medical.external.scripted[0].immediate");
    CHECK(r.diagnostics[0].found == "none");
    CHECK(r.diagnostics[0].where.line == 5);
    CHECK(r.diagnostics[1].path == "medical.external.scripted[1].arrival_delay");
    CHECK(r.diagnostics[1].found == "nothing");
    CHECK(r.diagnostics[1].where.line == 6);
  }
  SECTION("casualties per incident below 1 and a transport that does not exist") {
    const Outcome r = read_text(kMinimal +
                                "  external:\n"
                                "    casualties_per_incident: 0\n"
                                "    scripted: [{at: 1h, delayed: 1, by: truck, arrival_delay: 1h}]\n");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].path == "medical.external.casualties_per_incident");
    CHECK(r.diagnostics[0].where.line == 4);
    CHECK(r.diagnostics[1].path == "medical.external.scripted[0].by");
    CHECK(r.diagnostics[1].expected == "one of 'road' or 'helicopter'");
  }
}
