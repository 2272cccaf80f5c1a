// The severity -> care mapping (medical.care_needs): which casualties of each triage category
// need surgery, an ICU bed and onward evacuation. Hand-worked counts with probabilities 0 and 1,
// a large sample against binomial bounds computed from the parameters (Boost.Math), and the
// common-random-numbers promise: the mapping's own draw never moves another draw.
#include <catch2/catch.hpp>

#include <boost/math/distributions/binomial.hpp>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "sim/camp/medical/medical_report.hpp"
#include "tests/camp/medical/chain_fixture.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_medical_test_care_needs {

using namespace campsim;
using namespace campsim::camp;
using namespace campsim::camp::test;
using engine::Distribution;
using engine::kDay;
using engine::kHour;

namespace {

const CareResourceStats& resource_named(const MedicalOutcome& out, const std::string& name) {
  for (const CareResourceStats& s : out.resources)
    if (s.name == name) return s;
  FAIL("no resource named " << name);
  return out.resources.front();
}

// `count` casualties of one category, an hour apart, from t = 8 h, each its own incident.
void add(std::vector<Casualty>& list, int count, Triage triage) {
  for (int i = 0; i < count; ++i) {
    const int id = static_cast<int>(list.size()) + 1;
    list.push_back(casualty_at(id, {1000, 0}, 8 * kHour + id * kHour, triage, "UN", id));
  }
}

// Everyone reaches the hospital, nobody dies (fixed_chain), flights fly day and night.
MedicalParams flying_chain() {
  MedicalParams p = fixed_chain();
  p.air_evacuation.night_flying = true;
  p.air_evacuation.helicopters = 1;
  p.air_evacuation.mission_time = Distribution::fixed(2 * kHour);
  return p;
}

}  // namespace

TEST_CASE("care needs: a mapping of 0s and 1s gives exactly the worked surgery, ICU and evacuation counts",
          "[medical][care_needs]") {
  MedicalParams p = flying_chain();
  p.care_needs.immediate = {0, 1, 1};  // no table, an ICU bed, flown out
  p.care_needs.delayed = {1, 0, 0};    // operated, a ward bed, back to duty
  p.care_needs.minimal = {1, 1, 0};    // a T3 who needs care goes the full way: bay, table, ICU
  std::vector<Casualty> list;
  add(list, 5, Triage::Immediate);
  add(list, 4, Triage::Delayed);
  add(list, 3, Triage::Minimal);
  const MedicalOutcome out = run_medical_chain(p, straight_road(), QrfParams{}, list, {}, day_config(30 * kDay));

  // By hand: tables T2 + T3 = 4 + 3; ICU T1 + T3 = 5 + 3; ward T2 = 4; bays all 12; flights T1 = 5.
  CHECK(resource_named(out, "operating_tables").requests == 7);
  CHECK(resource_named(out, "icu_beds").requests == 8);
  CHECK(resource_named(out, "ward_beds").requests == 4);
  CHECK(resource_named(out, "resuscitation_bays").requests == 12);
  CHECK(resource_named(out, "helicopters").served == 5);
  int evacuated = 0, survived = 0;
  for (const CareRecord& r : out.casualties) {
    INFO("casualty " << r.casualty << " " << triage_name(r.triage));
    CHECK(r.needs_surgery == (r.triage != Triage::Immediate));
    CHECK(std::isfinite(r.surgery) == (r.triage != Triage::Immediate));
    CHECK(r.icu_bed == (r.triage != Triage::Delayed));
    evacuated += r.outcome == CareOutcome::EvacuatedL3 ? 1 : 0;
    survived += r.outcome == CareOutcome::Survived ? 1 : 0;
    if (r.triage == Triage::Immediate) CHECK(r.outcome == CareOutcome::EvacuatedL3);
  }
  CHECK(evacuated == 5);
  CHECK(survived == 7);  // returned to duty: the 4 T2 and the 3 T3
  // care.csv says which bed: ICU for the T1 and T3 rows, ward for the T2.
  const engine::RecordTable table = care_record_table(p, out);
  const auto icu_column = static_cast<std::size_t>(
      std::find(table.columns.begin(), table.columns.end(), "icu_bed") - table.columns.begin());
  REQUIRE(icu_column < table.columns.size());
  for (std::size_t row = 0; row < table.rows.size(); ++row)
    CHECK(table.rows[row][icu_column] == (out.casualties[row].triage == Triage::Delayed ? "0" : "1"));
}

TEST_CASE("care needs: a T3 who needs nothing is treated in the minor area and takes no bay or bed",
          "[medical][care_needs]") {
  MedicalParams p = flying_chain();
  p.care_needs.minimal = {0, 0, 0};
  std::vector<Casualty> list;
  add(list, 3, Triage::Minimal);
  const MedicalOutcome out = run_medical_chain(p, straight_road(), QrfParams{}, list, {}, day_config(30 * kDay));
  CHECK(resource_named(out, "resuscitation_bays").requests == 0);
  CHECK(resource_named(out, "ward_beds").requests == 0);
  CHECK(resource_named(out, "icu_beds").requests == 0);
  for (const CareRecord& r : out.casualties) {
    CHECK(r.outcome == CareOutcome::Survived);
    CHECK_FALSE(std::isfinite(r.bed));
    // minor treatment (fixed 900 s in the fixture) ends the stay
    CHECK(r.left_hospital == Approx(r.resuscitation + 900));
  }
}

TEST_CASE("care needs: over many patients each share is the parameter's, within a binomial bound",
          "[medical][care_needs]") {
  MedicalParams p;  // the model's defaults for everything else
  p.care_needs.delayed = {0.3, 0.15, 0.4};
  constexpr int kPatients = 20000;
  int surgery = 0, icu = 0, flies = 0;
  for (int i = 0; i < kPatients; ++i) {
    const PatientDraws d = draw_patient(p, 7, 3, casualty_entity(i), Triage::Delayed, false);
    surgery += d.needs_surgery ? 1 : 0;
    icu += d.needs_icu ? 1 : 0;
    flies += d.flies ? 1 : 0;
  }
  // Each count is Binomial(n, share) if the draws honour the parameter: it falls outside its
  // central 99.98% interval with probability 2e-4 (the seeds are fixed, so the test is repeatable).
  const auto inside = [&](int count, double share) {
    const boost::math::binomial_distribution<double> b(kPatients, share);
    const double lo = boost::math::quantile(b, 1e-4), hi = boost::math::quantile(b, 1 - 1e-4);
    INFO("share " << share << ": " << count << " in [" << lo << ", " << hi << "]");
    CHECK(count >= lo);
    CHECK(count <= hi);
  };
  inside(surgery, 0.3);
  inside(icu, 0.15);
  inside(flies, 0.4);
}

TEST_CASE("care needs: the ICU draw has its own stream, so it moves no other draw of the patient",
          "[medical][care_needs]") {
  MedicalParams ward;
  ward.hospital.icu_stay = Distribution::fixed(2 * kDay);
  ward.hospital.ward_stay = Distribution::fixed(3 * kDay);
  ward.care_needs.immediate.icu = 0;
  MedicalParams icu = ward;
  icu.care_needs.immediate.icu = 1;
  for (int i = 0; i < 200; ++i) {
    const PatientDraws a = draw_patient(ward, 11, 0, casualty_entity(i), Triage::Immediate, false);
    const PatientDraws b = draw_patient(icu, 11, 0, casualty_entity(i), Triage::Immediate, false);
    CHECK_FALSE(a.needs_icu);
    CHECK(b.needs_icu);
    CHECK(a.stay == 3 * kDay);  // the ward stay for a ward bed, the ICU stay for an ICU bed
    CHECK(b.stay == 2 * kDay);
    CHECK(a.death_u == b.death_u);
    CHECK(a.buddy == b.buddy);
    CHECK(a.resuscitation_time == b.resuscitation_time);
    CHECK(a.needs_surgery == b.needs_surgery);
    CHECK(a.surgery_time == b.surgery_time);
    CHECK(a.flies == b.flies);
    CHECK(a.loading == b.loading);
    CHECK(a.minor_treatment == b.minor_treatment);
    CHECK(a.flight_mission == b.flight_mission);
  }
}

}  // namespace unity_camp_medical_test_care_needs
