// The medical chain against theory and against itself:
// - configured as a plain queue (Poisson routine admissions, exponential stays, c ward beds, no
//   casualties), the hospital's bed waits match M/M/c theory (Erlang C) within the simulation's
//   confidence interval at three loads, and Little's law L = lambda W holds on every run;
// - deaths of wounds match the survival model's closed form when every delay is fixed, and a
//   faster chain never kills a casualty the slower one saved (common random numbers);
// - on the real Gao scenario, every casualty ends in exactly one outcome, every timeline runs
//   forwards, results are reproducible, and the shipped policies change what they should.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "tests/support/stress_threats.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/camp/medical/medical_report.hpp"
#include "tests/camp/medical/chain_fixture.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_medical_test_chain_validation {

using namespace campsim;
using namespace campsim::camp;
using namespace campsim::camp::test;
using engine::kDay;
using engine::kHour;

namespace {

// Erlang C mean wait, written out independently of the model: Wq = C(c, a) / (c mu - lambda).
double mmc_mean_wait(int c, double lambda, double mu) {
  const double a = lambda / mu;
  double term = 1, sum = 0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double top = term * c / (c - a);
  return top / (sum + top) / (c * mu - lambda);
}

MedicalParams ward_as_mmc(int beds, double per_hour, double mean_stay) {
  MedicalParams p = fixed_chain();
  p.hospital.triage_time = 0;
  p.hospital.ward_beds = beds;
  p.routine_admissions.per_day = per_hour * 24;
  p.routine_admissions.surgery_share = 0;
  p.routine_admissions.stay = engine::Distribution::exponential(mean_stay);
  return p;
}

const CareResourceStats& resource(const MedicalOutcome& out, const std::string& name) {
  for (const CareResourceStats& s : out.resources)
    if (s.name == name) return s;
  FAIL("no resource " << name);
  return out.resources.front();
}

}  // namespace

TEST_CASE("the ward as M/M/c: mean bed wait matches Erlang C, Little's law holds on every run", "[medical][validation]") {
  const int beds = 3;
  const double per_hour = 1.0;
  for (const double load : {0.5, 0.7, 0.85}) {
    const double mean_stay = load * beds / per_hour * kHour;  // rho = lambda / (c mu)
    const MedicalParams p = ward_as_mmc(beds, per_hour, mean_stay);
    const double theory = mmc_mean_wait(beds, per_hour / kHour, 1.0 / mean_stay);
    std::vector<double> waits;
    for (std::uint64_t rep = 0; rep < 20; ++rep) {
      const MedicalOutcome out =
          run_medical_chain(p, straight_road(), QrfParams{}, {}, {}, MedicalRunConfig{11, rep, 0, 150 * kDay});
      const CareResourceStats& ward = resource(out, "ward_beds");
      REQUIRE(ward.served > 3000);
      waits.push_back(ward.mean_wait());
      // Little's law over the run: time-average number in the ward vs arrival rate x mean
      // time in the ward. Patients still inside at the end make the only difference.
      const double lambda = static_cast<double>(ward.requests) / ward.window;
      const double w = ward.sojourn_total / static_cast<double>(ward.departed);
      CHECK(ward.mean_in_system() == Approx(lambda * w).epsilon(0.03));
    }
    double mean = 0, var = 0;
    for (double w : waits) mean += w / static_cast<double>(waits.size());
    for (double w : waits) var += (w - mean) * (w - mean) / static_cast<double>(waits.size() - 1);
    const double half_width = 2.093 * std::sqrt(var / static_cast<double>(waits.size()));  // t(0.975, 19)
    INFO("load " << load << ": simulated " << mean / 60 << " min +- " << half_width / 60 << ", Erlang C "
                 << theory / 60 << " min");
    // The interval of 20 replications must contain the theory (a 2% allowance for the start empty).
    CHECK(std::abs(mean - theory) <= half_width + 0.02 * theory);
  }
}

TEST_CASE("deaths of wounds match the closed form: a faster chain never loses a casualty the slower saved", "[medical][validation]") {
  MedicalParams slow = fixed_chain();
  slow.survival = SurvivalParams{};  // the default (assumed) hazards
  slow.casevac.approval.other_nation.levels[2].delay = engine::Distribution::fixed(2 * kHour);
  MedicalParams fast = slow;
  fast.casevac.approval.pre_authorized_skip_levels = 1;
  const Casualty t1 = casualty_at(1, {1000, 0}, 8 * kHour, Triage::Immediate);
  // Hand-worked care times (minutes after injury): buddy aid at 1; the ambulance (request 2 +
  // approval 5 + 10 + 120, mobilization 3, drive 1000 m at 10 m/s) ... then triage and surgery.
  auto care_for = [](double approval_s) {
    CareTimes c;
    c.first_aid = 60;
    const double at_hospital = 120 + approval_s + 180 + 100 + 60 + 100;
    c.resuscitation = at_hospital + 120;
    c.surgery = c.resuscitation + 1800;
    return c;
  };
  const double p_slow = death_probability(slow.survival, Triage::Immediate, care_for(300 + 600 + 7200));
  const double p_fast = death_probability(fast.survival, Triage::Immediate, care_for(300 + 600));
  REQUIRE(p_slow > p_fast);
  const int n = 2000;
  int died_slow = 0, died_fast = 0, saved_by_slow_only = 0;
  for (int rep = 0; rep < n; ++rep) {
    const MedicalRunConfig config{5, static_cast<std::uint64_t>(rep), 0, 2 * kDay};
    const CareRecord a = run_medical_chain(slow, straight_road(), QrfParams{}, {t1}, {}, config).casualties[0];
    const CareRecord b = run_medical_chain(fast, straight_road(), QrfParams{}, {t1}, {}, config).casualties[0];
    died_slow += a.outcome == CareOutcome::DiedOfWounds ? 1 : 0;
    died_fast += b.outcome == CareOutcome::DiedOfWounds ? 1 : 0;
    saved_by_slow_only += a.outcome != CareOutcome::DiedOfWounds && b.outcome == CareOutcome::DiedOfWounds ? 1 : 0;
  }
  auto tolerance = [n](double p) { return 5 * std::sqrt(p * (1 - p) / n); };
  CHECK(std::abs(died_slow / double(n) - p_slow) <= tolerance(p_slow));
  CHECK(std::abs(died_fast / double(n) - p_fast) <= tolerance(p_fast));
  CHECK(saved_by_slow_only == 0);
}

namespace {
RunResult run_file(const std::string& file, std::uint64_t replication, double days) {
  const LoadedScenario loaded = load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/" + file, testing::stress_threats());
  RunOptions options;
  options.seed = 3;
  options.replication = replication;
  options.duration = days * kDay;
  return run_scenario(loaded.scenario, options);
}

double cell(const engine::RecordTable& t, std::size_t row, const std::string& column) {
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    if (t.columns[i] == column) return t.rows[row][i].empty() ? NAN : std::stod(t.rows[row][i]);
  FAIL("no column " << column);
  return NAN;
}
}  // namespace

TEST_CASE("Gao baseline: one outcome per casualty, timelines run forwards, same seed same table", "[medical][validation]") {
  long wounded_total = 0;
  for (std::uint64_t rep = 0; rep < 4; ++rep) {
    const RunResult r = run_file("gao_baseline.yaml", rep, 180);
    const engine::RecordTable& t = r.care_records;
    REQUIRE(t.rows.size() == r.casualties.size());
    const auto& m = r.metrics["medical"]["casualties"];
    const long wounded = m["wounded"].get<long>();
    wounded_total += wounded;
    CHECK(m["died_of_wounds"].get<long>() + m["survived"].get<long>() + m["evacuated_l3"].get<long>() == wounded);
    CHECK(m["died_before_pickup"].get<long>() + m["died_in_transit"].get<long>() + m["died_at_hospital"].get<long>() ==
          m["died_of_wounds"].get<long>());
    CHECK(m["killed_outright"].get<long>() == r.metrics["threats"]["casualties"]["killed"].get<long>());
    const std::vector<std::string> order = {"request_min",   "approved_min", "assigned_min",    "dispatched_min",
                                            "on_scene_min",  "left_scene_min", "at_hospital_min", "resuscitation_min",
                                            "surgery_min",   "bed_min",      "left_hospital_min"};
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      double last = -1e300;
      for (const std::string& column : order) {
        const double v = cell(t, row, column);
        if (std::isnan(v) || column == "request_min" || column == "approved_min") continue;  // may precede a late injury
        CHECK(v >= last - 1e-9);
        last = v;
      }
      const double died = cell(t, row, "died_min");
      if (!std::isnan(died)) CHECK(died >= 0);
      const double first_aid = cell(t, row, "first_aid_min");
      if (!std::isnan(first_aid)) CHECK(first_aid >= 0);
    }
  }
  CHECK(wounded_total > 20);  // the check above saw real casualties
  const RunResult again = run_file("gao_baseline.yaml", 1, 180);
  CHECK(again.care_records.rows == run_file("gao_baseline.yaml", 1, 180).care_records.rows);
  CHECK(again.metrics.dump() == run_file("gao_baseline.yaml", 1, 180).metrics.dump());
}

TEST_CASE("shipped policies on common random numbers: same casualties, the change where it belongs", "[medical][validation]") {
  long compared = 0;
  for (std::uint64_t rep = 0; rep < 4; ++rep) {
    const RunResult base = run_file("gao_baseline.yaml", rep, 180);
    const RunResult pre = run_file("policies/pre_authorized_dispatch.yaml", rep, 180);
    const RunResult crews = run_file("policies/second_crew_standby.yaml", rep, 180);
    REQUIRE(base.care_records.rows.size() == pre.care_records.rows.size());
    for (std::size_t row = 0; row < base.care_records.rows.size(); ++row) {
      // The attacks, injuries and first aid by buddies are the same draws in both worlds.
      CHECK(cell(base.care_records, row, "injury_h") == cell(pre.care_records, row, "injury_h"));
      const double a = cell(base.care_records, row, "approval_delay_min");
      const double b = cell(pre.care_records, row, "approval_delay_min");
      if (std::isnan(a)) continue;
      ++compared;
      CHECK(b <= a + 1e-9);  // skipping the top level can only shorten the same draws
      if (cell(base.care_records, row, "same_nation") == 0) CHECK(b < a);
    }
    CHECK(crews.metrics["medical"]["ambulances"]["crew_call_ins"].get<long>() == 0);
    // The guards' plan is the same; who fills it may not be: a faster chain sends the wounded
    // back to the roster sooner (the world hears each discharge).
    CHECK(base.metrics["guards"]["coverage"]["required_guard_hours"] == pre.metrics["guards"]["coverage"]["required_guard_hours"]);
    CHECK(base.metrics["threats"].dump() == pre.metrics["threats"].dump());
  }
  CHECK(compared > 10);
}

}  // namespace unity_camp_medical_test_chain_validation
