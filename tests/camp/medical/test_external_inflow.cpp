// Casualties from outside the camp (medical.external): a scripted arrival worked by hand at a
// busy table, counts reported apart from the camp's own, the Poisson process and the triage mix
// against Boost.Math bounds from the parameters, and the promise that turning the inflow on
// changes no camp casualty (same people hurt, same injuries, same draws).
#include <catch2/catch.hpp>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/medical/medical_report.hpp"
#include "tests/camp/medical/chain_fixture.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_medical_test_external_inflow {

using namespace campsim;
using namespace campsim::camp;
using namespace campsim::camp::test;
using engine::Distribution;
using engine::kDay;
using engine::kHour;

namespace {

constexpr SimTime kT0 = 8 * kHour;

MedicalOutcome run_chain(const MedicalParams& p, const std::vector<Casualty>& casualties,
                         MedicalRunConfig config = day_config()) {
  return run_medical_chain(p, straight_road(), QrfParams{}, casualties, {}, config);
}

ExternalIncidentScript script(SimTime at, int immediate, int delayed, int minimal, bool helicopter, SimTime delay) {
  ExternalIncidentScript s;
  s.at = at;
  s.immediate = immediate;
  s.delayed = delayed;
  s.minimal = minimal;
  s.by_helicopter = helicopter;
  s.arrival_delay = delay;
  return s;
}

// Scripted incidents only: the Poisson rate is 0.
MedicalParams scripted_only(std::vector<ExternalIncidentScript> incidents) {
  MedicalParams p = fixed_chain();
  p.external.enabled = true;
  p.external.incidents_per_year = 0;
  p.external.scripted = std::move(incidents);
  return p;
}

// Poisson incidents only, at `per_year`, on the fixed chain.
MedicalParams poisson_only(double per_year) {
  MedicalParams p = fixed_chain();
  p.external.enabled = true;
  p.external.incidents_per_year = per_year;
  return p;
}

}  // namespace

TEST_CASE("external inflow: arriving while the only table is busy, it waits exactly the rest of that surgery",
          "[medical][external]") {
  // The camp's T1 at 8 h (other-nation chain, fixed delays, tests/camp/medical/chain_fixture.hpp)
  // is on the table from S = t0 + request 120 + approval 1800 + mobilization 180 + drive 100 +
  // loading 60 + drive 100 + triage 120 + resuscitation 1800 = t0 + 4280, until S + 3600.
  const SimTime camp_surgery = kT0 + 4280;
  // An external T1 hurt at t0 reaches the door after 2960 s: triage 120 and resuscitation 1800
  // make it ready for a table at t0 + 4880 = S + 600, when the only table has 3000 s to go.
  MedicalParams p = scripted_only({script(kT0, 1, 0, 0, true, 2960)});
  p.hospital.operating_tables = 1;
  const MedicalOutcome out = run_chain(p, {casualty_at(1, {1000, 0}, kT0, Triage::Immediate)});
  REQUIRE(out.casualties.size() == 1);
  REQUIRE(out.external.size() == 1);
  const CareRecord& camp = out.casualties[0];
  const CareRecord& ext = out.external[0];
  CHECK(camp.surgery == Approx(camp_surgery));  // the inflow did not touch the camp's timeline
  CHECK(ext.at_hospital == Approx(kT0 + 2960));
  CHECK(ext.resuscitation == Approx(kT0 + 2960 + 120));
  CHECK(ext.surgery == Approx(camp_surgery + 3600));                       // waited for the table
  CHECK(ext.surgery - (ext.resuscitation + 1800) == Approx(3000));         // exactly the rest of it
  CHECK(ext.requested == kNever);                                          // no CASEVAC request
  CHECK_FALSE(ext.ambulance.has_value());                                              // no camp ambulance
  CHECK(out.ambulances.trips == 1);                                        // the camp's casualty only
  CHECK(ext.by_helicopter);
  CHECK(ext.external);
}

TEST_CASE("external inflow: an external patient on the only table delays the camp's T1 past the 2-hour target",
          "[medical][external]") {
  // The camp's T1 is ready for a table at S = t0 + 4280 (previous case). An external T1 hurt at t0
  // reaching the door after 1760 s is ready at t0 + 1760 + 1920 = S - 600 and operated until
  // S + 3000: the camp's T1 waits 3000 s, and its surgery starts 7280 s after injury instead of
  // 4280 s, past the 7200 s of the "2" in 10-1-2.
  const SimTime camp_ready = kT0 + 4280;
  MedicalParams p = scripted_only({script(kT0, 1, 0, 0, false, 1760)});
  p.hospital.operating_tables = 1;
  const Casualty camp = casualty_at(1, {1000, 0}, kT0, Triage::Immediate);
  const MedicalOutcome with = run_chain(p, {camp});
  REQUIRE(with.external.size() == 1);
  CHECK(with.external[0].surgery == Approx(camp_ready - 600));
  CHECK(with.casualties[0].surgery == Approx(camp_ready + 3000));
  CHECK(medical_metrics_json(p, with)["compliance"]["surgery_2h"].get<double>() == 0.0);
  p.external.enabled = false;
  const MedicalOutcome without = run_chain(p, {camp});
  CHECK(without.casualties[0].surgery == Approx(camp_ready));
  CHECK(medical_metrics_json(p, without)["compliance"]["surgery_2h"].get<double>() == 1.0);
}

TEST_CASE("external inflow: counted apart, the camp's metrics keep meaning the camp's own casualties",
          "[medical][external]") {
  // Two T1 flown in, one T2 and one T3 by road; fixed_chain: every T1 operated and to the ICU, no
  // T2 operated, nobody flown on, nobody dies.
  MedicalParams p = scripted_only({script(kT0, 2, 1, 1, false, 3 * kHour)});
  const Casualty camp = casualty_at(1, {1000, 0}, kT0, Triage::Delayed);
  const MedicalOutcome with = run_chain(p, {camp});
  p.external.enabled = false;
  const MedicalOutcome without = run_chain(p, {camp});

  const nlohmann::ordered_json m = medical_metrics_json(p, with);
  const nlohmann::ordered_json x = m["external"];
  CHECK(x["incidents"] == 1);
  CHECK(x["casualties"] == 4);
  CHECK(x["immediate"] == 2);
  CHECK(x["delayed"] == 1);
  CHECK(x["minimal"] == 1);
  CHECK(x["by_road"] == 4);
  CHECK(x["by_helicopter"] == 0);
  CHECK(x["arrived"] == 4);
  CHECK(x["admitted"] == 3);   // T1, T1, T2 take beds; the T3 is treated in the minor area
  CHECK(x["operated"] == 2);
  CHECK(x["icu"] == 2);
  CHECK(x["evacuated_l3"] == 0);
  CHECK(x["returned_to_duty"] == 4);
  CHECK(x["died"] == 0);
  CHECK(x["arrivals_share"].get<double>() == Approx(4.0 / 5.0));
  // The camp's own figures are the same with the inflow on or off.
  const nlohmann::ordered_json off = medical_metrics_json(p, without);
  CHECK(m["casualties"] == off["casualties"]);
  CHECK(m["died_of_wounds"] == off["died_of_wounds"]);
  CHECK(m["compliance"]["first_aid_eligible"] == off["compliance"]["first_aid_eligible"]);
  CHECK(m["dispatch"]["transported"] == off["dispatch"]["transported"]);
  CHECK(with.casualties.size() == 1);
  CHECK(off["external"]["casualties"] == 0);
}

TEST_CASE("external inflow: the world never hears of external casualties: one who dies on the way never arrives",
          "[medical][external]") {
  // Three T1 whose hazard (scale 30 min, constant, first aid no help) kills them within the
  // 24-hour horizon with probability 1 - e^-48, and who would reach the door only after 10 days.
  MedicalParams p = scripted_only({script(kT0, 3, 0, 0, true, 10 * kDay)});
  p.survival.immediate = {0.5 * kHour, 1.0, 1, 1, 1};
  const CampLayout layout = straight_road();
  const MedicalRunConfig config = day_config(20 * kDay);
  CareExitsHeard heard;
  MedicalChain chain(p, layout, resolve_medical_sites(p, layout), QrfParams{}, config, nullptr, ModuleContext{nullptr, &heard});
  engine::EventQueue queue;
  chain.start(queue);
  chain.drain(queue);
  const MedicalOutcome& out = chain.outcome();
  CHECK(heard.exits.empty());
  REQUIRE(out.external.size() == 3);
  for (const CareRecord& r : out.external) {
    CHECK(r.outcome == CareOutcome::DiedOfWounds);
    CHECK(r.died_where == DeathPlace::InTransit);
    CHECK_FALSE(std::isfinite(r.at_hospital));
  }
  const nlohmann::ordered_json x = medical_metrics_json(p, out)["external"];
  CHECK(x["died"] == 3);
  CHECK(x["died_before_arrival"] == 3);
  CHECK(x["arrived"] == 0);
  CHECK(medical_metrics_json(p, out)["died_of_wounds"] == 0);  // the camp lost nobody
}

TEST_CASE("external inflow: incident counts are Poisson with the rate's mean, the triage mix the parameters'",
          "[medical][external]") {
  MedicalParams p = poisson_only(40);
  p.external.share_immediate = 0.25;
  p.external.share_delayed = 0.35;
  p.external.share_minimal = 0.4;
  p.external.helicopter_share = 0.3;
  p.external.road_delay = Distribution::fixed(3600);
  p.external.helicopter_delay = Distribution::fixed(1800);
  constexpr int kReplications = 30;
  constexpr SimTime kDays = 365;
  long incidents = 0, casualties = 0, immediate = 0, delayed = 0, serious = 0, flown = 0;
  for (int rep = 0; rep < kReplications; ++rep) {
    const MedicalOutcome out = run_chain(p, {}, MedicalRunConfig{5, static_cast<std::uint64_t>(rep), 0, kDays * kDay});
    incidents += out.external_incidents;
    for (const CareRecord& r : out.external) {
      ++casualties;
      immediate += r.triage == Triage::Immediate ? 1 : 0;
      delayed += r.triage == Triage::Delayed ? 1 : 0;
      if (r.triage != Triage::Minimal) {
        ++serious;
        flown += r.by_helicopter ? 1 : 0;
      } else {
        CHECK_FALSE(r.by_helicopter);  // walking wounded always come by road
      }
    }
  }
  // The total over R independent years is Poisson(R * rate): outside its central 99.98% with
  // probability 2e-4 (fixed seeds: repeatable).
  const boost::math::poisson_distribution<double> total(kReplications * p.external.incidents_per_year * kDays / 365);
  INFO("incidents " << incidents);
  CHECK(incidents >= boost::math::quantile(total, 1e-4));
  CHECK(incidents <= boost::math::quantile(total, 1 - 1e-4));
  // Given the incidents, the casualties are a sum of that many independent sizes drawn from the
  // default table {2, 4, 5, 5, 8, 15} (equal weights): mean and variance by hand, 6.5 and 17.58;
  // 4.5 standard deviations (normal approximation of the sum) bound it.
  const Distribution& size = p.external.casualties_per_incident;
  double mean = 0, square = 0;
  for (double v : size.values) {
    mean += v / static_cast<double>(size.values.size());
    square += v * v / static_cast<double>(size.values.size());
  }
  CHECK(mean == Approx(6.5));
  const double sd = std::sqrt(static_cast<double>(incidents) * (square - mean * mean));
  INFO("casualties " << casualties);
  CHECK(std::abs(static_cast<double>(casualties) - mean * static_cast<double>(incidents)) <= 4.5 * sd);
  const auto binomial_inside = [](long count, long n, double share) {
    const boost::math::binomial_distribution<double> b(static_cast<double>(n), share);
    INFO(count << " of " << n << " at share " << share);
    CHECK(count >= boost::math::quantile(b, 1e-4));
    CHECK(count <= boost::math::quantile(b, 1 - 1e-4));
  };
  binomial_inside(immediate, casualties, 0.25);
  binomial_inside(delayed, casualties, 0.35);
  binomial_inside(flown, serious, 0.3);
}

TEST_CASE("external inflow: turning it on changes no camp casualty: the same people, injuries and draws",
          "[medical][external][world]") {
  Scenario s = load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario;
  disable_all_threats(s.threats);
  s.threats.indirect_fire.arrivals.scripted = {2 * kHour, 14 * kHour};
  s.threats.indirect_fire.detection_probability = 1;
  s.threats.vehicle_bomb.arrivals.scripted = {20 * kHour};
  RunOptions o;
  o.duration = kDay;
  o.seed = 11;
  s.medical.external.enabled = false;
  const RunResult off = run_scenario(s, o);
  s.medical.external.enabled = true;
  s.medical.external.incidents_per_year = 3650;  // ten a day: the hospital is busy with them
  s.medical.external.scripted = {script(1 * kHour, 3, 3, 0, true, 1 * kHour)};
  const RunResult on = run_scenario(s, o);

  REQUIRE(off.casualties.size() > 3);  // the salvos and the bomb hurt people
  REQUIRE(on.casualties.size() == off.casualties.size());
  for (std::size_t i = 0; i < off.casualties.size(); ++i) {
    const Casualty& a = off.casualties[i];
    const Casualty& b = on.casualties[i];
    INFO("casualty " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.person == b.person);
    CHECK(a.time == b.time);
    CHECK(a.triage == b.triage);
    CHECK(a.cause == b.cause);
    CHECK(a.incident == b.incident);
  }
  // Same draws: each camp casualty's surgery need (drawn from its own stream) is the same.
  const auto column = [](const engine::RecordTable& t, const std::string& name) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c] == name) return c;
    FAIL("no column " << name);
    return std::size_t{0};
  };
  REQUIRE(on.care_records.rows.size() == off.care_records.rows.size());
  const std::size_t surgery = column(off.care_records, "needs_surgery");
  for (std::size_t i = 0; i < off.care_records.rows.size(); ++i)
    CHECK(on.care_records.rows[i][surgery] == off.care_records.rows[i][surgery]);
  // The threats' own figures are the camp's and do not move; the inflow shows only under external.
  CHECK(on.metrics["threats"]["casualties"] == off.metrics["threats"]["casualties"]);
  CHECK(on.metrics["medical"]["casualties"]["wounded"] == off.metrics["medical"]["casualties"]["wounded"]);
  CHECK(on.metrics["medical"]["external"]["incidents"].get<long>() >= 1);
  CHECK(off.metrics["medical"]["external"]["incidents"] == 0);
}

TEST_CASE("external.csv: one row per casualty from outside, with the cause, transport and times worked by hand",
          "[medical][external]") {
  // One scripted incident (recorded as an IED) of a T1 flown in after 2960 s and a T3 by road
  // after 3 h, at 8 h; fixed_chain: triage 120 s, resuscitation 1800 s, the T1 operated at once.
  MedicalParams p = scripted_only({script(kT0, 1, 0, 0, true, 2960), script(kT0 + kHour, 0, 0, 1, false, 3 * kHour)});
  const MedicalOutcome out = run_chain(p, {});
  const engine::RecordTable t = external_record_table(out);
  REQUIRE(t.columns == external_record_columns());
  REQUIRE(t.rows.size() == 2);
  const auto col = [&](const std::string& name) {
    const auto at = std::find(t.columns.begin(), t.columns.end(), name);
    REQUIRE(at != t.columns.end());
    return static_cast<std::size_t>(at - t.columns.begin());
  };
  const std::vector<std::string>& t1 = t.rows[0];
  const std::vector<std::string>& t3 = t.rows[1];
  CHECK(t1[col("external_casualty")] == "0");
  CHECK(t3[col("external_casualty")] == "1");
  CHECK(t1[col("external_incident")] == "0");  // its index in medical.external.scripted
  CHECK(t3[col("external_incident")] == "1");
  CHECK(t1[col("external_scripted")] == "1");
  CHECK(t1[col("cause")] == "roadside_bomb");
  CHECK(t1[col("triage")] == "T1_immediate");
  CHECK(t3[col("triage")] == "T3_minimal");
  CHECK(t1[col("transport")] == "helicopter");
  CHECK(t3[col("transport")] == "road");
  CHECK(t1[col("injury_h")] == "8");
  CHECK(t3[col("injury_h")] == "9");
  CHECK(std::stod(t1[col("at_hospital_min")]) == Approx(2960.0 / 60));
  CHECK(std::stod(t3[col("at_hospital_min")]) == Approx(180.0));
  CHECK(std::stod(t1[col("resuscitation_min")]) == Approx((2960.0 + 120) / 60));
  CHECK(t1[col("needs_surgery")] == "1");
  CHECK(std::stod(t1[col("surgery_min")]) == Approx((2960.0 + 120 + 1800) / 60));  // a free table
  CHECK(t3[col("surgery_min")].empty());
  CHECK(t1[col("died_min")].empty());
  CHECK(t1[col("outcome")] == "survived");
}

TEST_CASE("external inflow: an incident's wounded share its cause, IED incidents at ied_share of the incidents",
          "[medical][external]") {
  MedicalParams p = poisson_only(40);
  p.external.ied_share = 0.3;
  constexpr int kReplications = 20;
  long incidents = 0, ied_incidents = 0;
  for (int rep = 0; rep < kReplications; ++rep) {
    const MedicalOutcome out = run_chain(p, {}, MedicalRunConfig{9, static_cast<std::uint64_t>(rep), 0, 365 * kDay});
    const engine::RecordTable t = external_record_table(out);
    REQUIRE(t.rows.size() == out.external.size());
    std::map<std::string, std::string> cause_of;  // external_incident -> cause
    for (const std::vector<std::string>& row : t.rows) {
      const std::string& cause = row[3];
      CHECK((cause == "roadside_bomb" || cause == "gunfire"));
      CHECK(row[2] == "0");  // drawn, not scripted
      const auto [at, fresh] = cause_of.emplace(row[1], cause);
      CHECK(at->second == cause);  // one cause per incident, whatever the casualty
    }
    // Every incident has at least one casualty, so the rows name every incident of the run.
    CHECK(static_cast<long>(cause_of.size()) == out.external_incidents);
    incidents += static_cast<long>(cause_of.size());
    for (const auto& [incident, cause] : cause_of) ied_incidents += cause == "roadside_bomb" ? 1 : 0;
  }
  // The cause is one Bernoulli(ied_share) draw per incident: the IED count given the incidents is
  // Binomial(incidents, 0.3), outside its central 99.98% with probability 2e-4.
  const boost::math::binomial_distribution<double> b(static_cast<double>(incidents), 0.3);
  INFO(ied_incidents << " IED incidents of " << incidents);
  CHECK(ied_incidents >= boost::math::quantile(b, 1e-4));
  CHECK(ied_incidents <= boost::math::quantile(b, 1 - 1e-4));
}

}  // namespace unity_camp_medical_test_external_inflow
