// History matching on toy models whose answer is known: the kept parameter range contains the
// true value and excludes far values; the band, implausibility and best-set rules by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "analysis/calibration.hpp"
#include "analysis/calibration_targets.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/batch/orthogonal_latin_hypercube.hpp"
#include "sim/engine/random.hpp"

using namespace campsim::analysis;

namespace {

CalibrationTarget point_target(double value, double sd = 0) {
  CalibrationTarget t;
  t.metric = "y";
  t.value = value;
  t.sd = sd;
  t.source = "toy";
  return t;
}

}  // namespace

TEST_CASE("band and implausibility by hand", "[analysis][calibration]") {
  // Replications 1..10: mean 5.5, sd = sqrt(55/6) = 3.0277, type-7 q05 = 1.45, q95 = 9.55.
  std::vector<double> y{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const SetFit near = fit_set({point_target(9)}, {y}, KeepRule::Band, 3);
  CHECK(near.targets[0].mean == Approx(5.5));
  CHECK(near.targets[0].band_low == Approx(1.45));
  CHECK(near.targets[0].band_high == Approx(9.55));
  CHECK(near.targets[0].inside);
  CHECK(near.targets[0].implausibility == Approx(3.5 / std::sqrt(55.0 / 6)));
  CHECK(near.kept);
  const SetFit far = fit_set({point_target(20, 1)}, {y}, KeepRule::Band, 3);
  CHECK_FALSE(far.targets[0].inside);
  CHECK(far.targets[0].implausibility == Approx(14.5 / std::sqrt(1 + 55.0 / 6)));
  CHECK_FALSE(far.kept);
  // An interval target: inside when it meets the band; implausibility 0 when the mean is in it.
  CalibrationTarget interval;
  interval.metric = "y";
  interval.low = 9.5;
  interval.high = 30;
  interval.source = "toy";
  const SetFit overlap = fit_set({interval}, {y}, KeepRule::Implausibility, 3);
  CHECK(overlap.targets[0].inside);
  CHECK(overlap.targets[0].implausibility == Approx(4.0 / std::sqrt(55.0 / 6)));
  CHECK(overlap.kept);  // 1.32 < 3
  // No value at all: never kept, infinitely implausible.
  const SetFit none = fit_set({point_target(1)}, {{}}, KeepRule::Implausibility, 3);
  CHECK_FALSE(none.kept);
  CHECK(std::isinf(none.max_implausibility));
  CHECK(best_set({far, near, none}) == std::optional<std::size_t>(1));
  // Fewer targets outside their bands wins before the implausibility: a set that misses one
  // target by an infinite I but meets the other beats one that misses both by finite amounts.
  const std::vector<CalibrationTarget> two{point_target(9), point_target(20)};
  const SetFit misses_both = fit_set(two, {{30, 31}, {40, 41}}, KeepRule::Band, 3);
  const SetFit misses_one = fit_set(two, {y, {0, 0}}, KeepRule::Band, 3);
  CHECK(misses_both.outside == 2);
  CHECK(misses_one.outside == 1);
  CHECK(std::isinf(misses_one.max_implausibility));
  CHECK(best_set({misses_both, misses_one}) == std::optional<std::size_t>(1));
}

TEST_CASE("history matching keeps an interval around the true parameter of a monotone model", "[analysis][calibration]") {
  // y = 2 theta + noise (sd 1), theta in [0, 10] on a 33-run orthogonal design, 20 replications;
  // the record is y = 10, i.e. theta = 5.
  const auto levels = campsim::batch::nearly_orthogonal_latin_hypercube_of(33, 1, 1);
  const double truth = 5;
  std::vector<double> thetas;
  std::vector<SetFit> fits;
  for (std::size_t set = 0; set < levels.size(); ++set) {
    const double theta = 10.0 * levels[set][0] / 32.0;
    thetas.push_back(theta);
    std::vector<double> y;
    for (int r = 0; r < 20; ++r) {
      campsim::engine::RandomStream stream({7, static_cast<std::uint64_t>(r), 1, set, 0});
      y.push_back(2 * theta + stream.normal(0, 1));
    }
    fits.push_back(fit_set({point_target(2 * truth)}, {y}, KeepRule::Band, 3));
  }
  double lo = 1e9, hi = -1e9;
  for (std::size_t i = 0; i < fits.size(); ++i)
    if (fits[i].kept) lo = std::min(lo, thetas[i]), hi = std::max(hi, thetas[i]);
  INFO("kept theta in [" << lo << ", " << hi << "]");
  CHECK(lo <= truth);
  CHECK(hi >= truth);
  // The 90% band of y is about 2 theta +- 1.645: theta within ~0.8 of the truth. Far values go.
  CHECK(lo > truth - 1.5);
  CHECK(hi < truth + 1.5);
  const auto best = best_set(fits);
  REQUIRE(best);
  CHECK(std::abs(thetas[*best] - truth) < 0.5);

  // The implausibility rule with the cut-off 3 keeps a wider but still bounded interval.
  double lo3 = 1e9, hi3 = -1e9;
  for (std::size_t set = 0; set < levels.size(); ++set) {
    std::vector<double> y;
    for (int r = 0; r < 20; ++r) {
      campsim::engine::RandomStream stream({7, static_cast<std::uint64_t>(r), 1, set, 0});
      y.push_back(2 * thetas[set] + stream.normal(0, 1));
    }
    if (fit_set({point_target(2 * truth)}, {y}, KeepRule::Implausibility, 3).kept)
      lo3 = std::min(lo3, thetas[set]), hi3 = std::max(hi3, thetas[set]);
  }
  CHECK(lo3 <= truth);
  CHECK(hi3 >= truth);
  CHECK(lo3 > truth - 2.5);
  CHECK(hi3 < truth + 2.5);
}

TEST_CASE("targets per year and per day scale a run's count by its length", "[analysis][calibration]") {
  CHECK(scale_factor(TargetScale::PerRun, 30) == 1.0);
  CHECK(scale_factor(TargetScale::PerDay, 30) == Approx(1.0 / 30));
  CHECK(scale_factor(TargetScale::PerYear, 73) == Approx(5.0));
}

TEST_CASE("a per-incident target divides a run's sum by its incidents and skips runs without one", "[analysis][calibration]") {
  CalibrationTarget t = point_target(1);
  t.columns = {"killed", "died"};
  t.scale = TargetScale::PerIncident;
  t.incidents = "salvos";
  // 3 killed + 1 died of wounds in 2 salvos: 2 per salvo, whatever the run's length.
  CHECK(run_value(t, {3.0, 1.0}, 2.0, 365) == std::optional<double>(2.0));
  CHECK(run_value(t, {3.0, 1.0}, 2.0, 30) == std::optional<double>(2.0));
  CHECK_FALSE(run_value(t, {0.0, 0.0}, 0.0, 365));                  // no salvo: no value, not 0
  CHECK_FALSE(run_value(t, {0.0, 0.0}, std::nullopt, 365));         // count missing
  CHECK_FALSE(run_value(t, {3.0, std::nullopt}, 2.0, 365));          // a column missing
  // Per year: the sum x 365 / days; the incidents column is not used.
  t.scale = TargetScale::PerYear;
  CHECK(run_value(t, {3.0, 1.0}, std::nullopt, 73) == std::optional<double>(20.0));
  // The fit over the runs with a value: 2, 0.5 and 1 per incident (a run without one gave none).
  t.scale = TargetScale::PerIncident;
  std::vector<double> y;
  for (const auto& [sum, n] : std::vector<std::pair<double, double>>{{4, 2}, {0, 0}, {1, 2}, {1, 1}})
    if (const auto v = run_value(t, {sum, 0.0}, n, 365)) y.push_back(*v);
  const SetFit fit = fit_set({t}, {y}, KeepRule::Band, 3);
  CHECK(fit.targets[0].n == 3);
  CHECK(fit.targets[0].mean == Approx(3.5 / 3));
}

TEST_CASE("per-incident targets name their incidents column, and only they do", "[analysis][calibration]") {
  const auto dir = std::filesystem::temp_directory_path() / "campsim_test_incident_targets";
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  };
  const auto good = read_calibration_targets(write("good.yaml",
                                                   "targets:\n"
                                                   "  - metric: threats.by_kind.indirect_fire.killed\n"
                                                   "    per: incident\n"
                                                   "    role: calibration\n"
                                                   "    incidents: threats.by_kind.indirect_fire.incidents\n"
                                                   "    interval: [0, 3]\n"
                                                   "    source: Kidal 2015, Gao 2015 and 2021\n"));
  REQUIRE(good.size() == 1);
  CHECK(good[0].scale == TargetScale::PerIncident);
  CHECK(good[0].incidents == "threats.by_kind.indirect_fire.incidents");
  try {
    read_calibration_targets(write("bad.yaml",
                                   "targets:\n"
                                   "  - metric: a\n"
                                   "    per: incident\n"
                                   "    role: calibration\n"
                                   "    value: 1\n"
                                   "    source: s\n"
                                   "  - metric: b\n"
                                   "    per: year\n"
                                   "    role: calibration\n"
                                   "    incidents: c\n"
                                   "    value: 1\n"
                                   "    source: s\n"));
    FAIL("expected errors");
  } catch (const campsim::scenario::ScenarioError& e) {
    const auto& d = e.diagnostics();
    REQUIRE(d.size() == 2);
    CHECK(d[0].path == "targets[0].incidents");
    CHECK(d[1].path == "targets[1].incidents");
    CHECK(d[1].where.line == 10);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("the shipped Gao targets read, each with a source", "[analysis][calibration]") {
  const std::filesystem::path dir = std::filesystem::path(CAMPSIM_SOURCE_DIR) / "analysis/calibration";
  const auto targets = read_calibration_targets(dir / "targets.yaml");
  REQUIRE(targets.size() >= 6);
  const auto gate = read_calibration_targets(dir / "targets_2016_gate_bomb.yaml");
  REQUIRE(gate.size() == 3);
  const auto per_incident = read_calibration_targets(dir / "targets_per_incident.yaml");
  REQUIRE(per_incident.size() >= 4);
  const auto protest = read_calibration_targets(dir / "targets_2015_protest.yaml");
  REQUIRE(protest.size() == 3);
  for (const CalibrationTarget& t : protest) CHECK(t.role == TargetRole::Validation);
  for (const auto* file : {&targets, &gate, &per_incident})
    for (const CalibrationTarget& t : *file) CHECK(t.role == TargetRole::Calibration);
  long counts = 0;
  for (const CalibrationTarget& t : targets) counts += t.count ? 1 : 0;
  CHECK(counts == 4);  // camp deaths, route deaths, vehicle bombs, infiltrations: the record's counts
  for (const auto* file : {&targets, &gate, &per_incident, &protest})
    for (const CalibrationTarget& t : *file) {
      INFO(t.metric);
      CHECK(!t.columns.empty());
      CHECK(t.source.size() > 40);  // a citation, not a placeholder
      CHECK((t.value.has_value() || (t.low && t.high) || t.count.has_value()));
      CHECK((t.scale == TargetScale::PerIncident) == !t.incidents.empty());
    }
}

TEST_CASE("a count on record is checked by its Poisson likelihood, by hand", "[analysis][calibration][poisson]") {
  // One death in ten years against a model rate of 0.76 a year: mu = 7.6.
  //   P(X = 1)  = 7.6 e^-7.6          = 0.0038034
  //   P(X <= 1) = (1 + 7.6) e^-7.6    = 0.0043039   (below 5%: outside the central 90%)
  //   P(X >= 1) = 1 - e^-7.6          = 0.9994995
  const PoissonCheck high = poisson_check({1, 10}, 0.76);
  CHECK(high.expected == Approx(7.6));
  CHECK(std::exp(high.log_likelihood) == Approx(0.0038034).epsilon(1e-4));
  CHECK(high.p_at_most == Approx(0.0043039).epsilon(1e-4));
  CHECK(high.p_at_least == Approx(0.9994995).epsilon(1e-6));
  CHECK_FALSE(high.inside());
  // The smaller tail 0.0043039 as a normal deviate: Phi^-1(1 - 0.0043039) = 2.6273.
  CHECK(high.implausibility() == Approx(2.6273).epsilon(1e-4));
  // At 0.1 a year (the record's own rate): mu = 1, P(X <= 1) = 2/e = 0.7358, P(X >= 1) = 1 - 1/e = 0.6321.
  const PoissonCheck record = poisson_check({1, 10}, 0.1);
  CHECK(record.p_at_most == Approx(0.7357589));
  CHECK(record.p_at_least == Approx(0.6321206));
  CHECK(record.inside());
  CHECK(record.implausibility() == 0);
  // Nothing on record: P(X = 0) = e^-mu; at 0.3 a year over ten years, e^-3 = 0.0498 < 5%: outside.
  const PoissonCheck none = poisson_check({0, 10}, 0.3);
  CHECK(none.p_at_most == Approx(std::exp(-3.0)));
  CHECK(none.p_at_least == 1.0);
  CHECK_FALSE(none.inside());
  CHECK(poisson_check({0, 10}, 0.29).inside());  // e^-2.9 = 0.055
  // A model where nothing happens: the record of nothing is certain, a record of one impossible.
  CHECK(poisson_check({0, 10}, 0).inside());
  CHECK(std::isinf(poisson_check({1, 10}, 0).implausibility()));
  CHECK_THROWS(poisson_check({1, 0}, 0.1));
}

TEST_CASE("a count target fits a set by the Poisson check of its mean rate", "[analysis][calibration][poisson]") {
  CalibrationTarget t;
  t.metric = "deaths";
  t.scale = TargetScale::PerYear;
  t.count = PoissonRecord{1, 10};
  t.source = "toy";
  CHECK(t.describe() == "1 in 10 years");
  // Runs of a year each: mean 0.76 a year (the baseline) is rejected, 0.1 kept.
  const SetFit high = fit_set({t}, {{0, 1, 2, 0, 1, 0.56}}, KeepRule::Band, 3);
  CHECK(high.targets[0].mean == Approx(0.76));
  REQUIRE(high.targets[0].poisson);
  CHECK_FALSE(high.targets[0].inside);
  CHECK_FALSE(high.kept);
  const SetFit low = fit_set({t}, {{0, 0, 0, 0, 1, 0, 0, 0, 0, 0}}, KeepRule::Band, 3);
  CHECK(low.targets[0].inside);
  CHECK(low.kept);
}

TEST_CASE("targets declare their role: a count needs per: year and over_years", "[analysis][calibration]") {
  const auto dir = std::filesystem::temp_directory_path() / "campsim_test_target_roles";
  std::filesystem::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
  };
  const auto good = read_calibration_targets(write("good.yaml",
                                                   "targets:\n"
                                                   "  - {metric: a, per: year, role: validation, count: 0, over_years: 10, source: s}\n"));
  REQUIRE(good.size() == 1);
  CHECK(good[0].role == TargetRole::Validation);
  REQUIRE(good[0].count);
  CHECK(good[0].count->events == 0);
  CHECK(good[0].count->years == 10);
  try {
    read_calibration_targets(write("bad.yaml",
                                   "targets:\n"
                                   "  - {metric: a, per: year, value: 1, source: s}\n"
                                   "  - {metric: b, per: run, role: calibration, count: 1, over_years: 10, source: s}\n"
                                   "  - {metric: c, per: year, role: calibration, count: 1, source: s}\n"
                                   "  - {metric: d, per: year, role: fitted, value: 1, source: s}\n"));
    FAIL("expected errors");
  } catch (const campsim::scenario::ScenarioError& e) {
    std::string all;
    for (const auto& d : e.diagnostics()) all += d.path + "; ";
    INFO(all);
    CHECK(all.find("targets[0].role") != std::string::npos);
    CHECK(all.find("targets[1].per") != std::string::npos);
    CHECK(all.find("targets[2].over_years") != std::string::npos);
    CHECK(all.find("targets[3].role") != std::string::npos);
  }
  std::filesystem::remove_all(dir);
}
