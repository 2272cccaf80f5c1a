// Sensitivity estimators against functions whose indices are known: a linear function (Morris
// effects by hand), the Ishigami function and the Sobol' g function (analytic Sobol' indices).
#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>
#include <numbers>

#include "analysis/sensitivity.hpp"
#include "analysis/sensitivity_report.hpp"
#include "sim/batch/sensitivity_sample.hpp"

using namespace campsim::analysis;
using campsim::batch::MorrisOptions;
using campsim::batch::morris_sample;
using campsim::batch::saltelli_sample;

namespace {

constexpr double kPi = std::numbers::pi;

// Ishigami on [-pi, pi]^3 from the unit cube: sin x1 + a sin^2 x2 + b x3^4 sin x1.
double ishigami(const std::vector<double>& u) {
  const double a = 7, b = 0.1;
  const double x1 = -kPi + 2 * kPi * u[0], x2 = -kPi + 2 * kPi * u[1], x3 = -kPi + 2 * kPi * u[2];
  return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

struct Analytic {
  std::vector<double> first, total;
};

// Ishigami's indices in closed form (Homma & Saltelli 1996; Sobol' & Levitan 1999):
// V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V13 = b^2 pi^8 (1/18 - 1/50), V = V1 + V2 + V13.
Analytic ishigami_indices() {
  const double a = 7, b = 0.1, p4 = std::pow(kPi, 4), p8 = std::pow(kPi, 8);
  const double v1 = 0.5 * (1 + b * p4 / 5) * (1 + b * p4 / 5);
  const double v2 = a * a / 8;
  const double v13 = b * b * p8 * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

// Sobol' g: prod (|4u - 2| + a_i) / (1 + a_i). V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1,
// S_i = V_i / V, ST_i = V_i prod_{j != i} (1 + V_j) / V (Saltelli et al. 2010, section 4).
const std::vector<double> kG = {0, 1, 4.5, 9, 99};
double g_function(const std::vector<double>& u) {
  double product = 1;
  for (std::size_t i = 0; i < kG.size(); ++i) product *= (std::abs(4 * u[i] - 2) + kG[i]) / (1 + kG[i]);
  return product;
}
Analytic g_indices() {
  std::vector<double> vi;
  double all = 1;
  for (double a : kG) {
    vi.push_back(1.0 / (3 * (1 + a) * (1 + a)));
    all *= 1 + vi.back();
  }
  const double v = all - 1;
  Analytic out;
  for (double x : vi) {
    out.first.push_back(x / v);
    out.total.push_back(x * all / (1 + x) / v);
  }
  return out;
}

}  // namespace

TEST_CASE("the analytic Ishigami indices are the published ones", "[analysis][sensitivity]") {
  const Analytic a = ishigami_indices();
  CHECK(a.first[0] == Approx(0.3139).margin(5e-5));
  CHECK(a.first[1] == Approx(0.4424).margin(5e-5));
  CHECK(a.total[0] == Approx(0.5576).margin(5e-5));
  CHECK(a.total[1] == Approx(0.4424).margin(5e-5));
  CHECK(a.total[2] == Approx(0.2437).margin(5e-5));
}

TEST_CASE("Sobol' indices of the Ishigami function lie within their bootstrap intervals (N = 4096)",
          "[analysis][sensitivity]") {
  const int n = 4096;
  const auto points = saltelli_sample(3, n);
  REQUIRE(points.size() == static_cast<std::size_t>(n) * 5);
  const SobolResult s = sobol_indices(evaluate(points, ishigami), 3, {0.95, 1000, 1});
  const Analytic truth = ishigami_indices();
  REQUIRE(s.rows_used == static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("factor " << i + 1 << ": S1 " << s.factors[i].first.value << " +- " << s.factors[i].first.half_width << " (true "
                   << truth.first[i] << "), ST " << s.factors[i].total.value << " +- " << s.factors[i].total.half_width
                   << " (true " << truth.total[i] << ")");
    std::cout << "Ishigami x" << i + 1 << ": S1 " << s.factors[i].first.value << " +- " << s.factors[i].first.half_width
              << " (true " << truth.first[i] << "), ST " << s.factors[i].total.value << " +- "
              << s.factors[i].total.half_width << " (true " << truth.total[i] << ")\n";
    CHECK(std::abs(s.factors[i].first.value - truth.first[i]) <= s.factors[i].first.half_width);
    CHECK(std::abs(s.factors[i].total.value - truth.total[i]) <= s.factors[i].total.half_width);
    CHECK(s.factors[i].first.half_width < 0.1);  // the intervals are informative, not merely wide
    CHECK(s.factors[i].total.half_width < 0.1);
  }
}

TEST_CASE("Sobol' indices of the g function lie within their bootstrap intervals (N = 4096)", "[analysis][sensitivity]") {
  const int k = static_cast<int>(kG.size());
  const SobolResult s = sobol_indices(evaluate(saltelli_sample(k, 4096), g_function), k, {0.95, 1000, 7});
  const Analytic truth = g_indices();
  for (std::size_t i = 0; i < kG.size(); ++i) {
    std::cout << "g (a = " << kG[i] << "): S1 " << s.factors[i].first.value << " +- " << s.factors[i].first.half_width
              << " (true " << truth.first[i] << "), ST " << s.factors[i].total.value << " +- "
              << s.factors[i].total.half_width << " (true " << truth.total[i] << ")\n";
    CHECK(std::abs(s.factors[i].first.value - truth.first[i]) <= s.factors[i].first.half_width);
    CHECK(std::abs(s.factors[i].total.value - truth.total[i]) <= s.factors[i].total.half_width);
  }
  // The ranking a planner reads: smaller a_i, more important.
  for (std::size_t i = 0; i + 1 < kG.size(); ++i) CHECK(s.factors[i].total.value > s.factors[i + 1].total.value);
}

TEST_CASE("missing outputs drop whole Sobol' rows and are counted", "[analysis][sensitivity]") {
  auto y = evaluate(saltelli_sample(3, 64), ishigami);
  y[5 * 3 + 2] = std::nan("");  // row 3's AB^2
  const SobolResult s = sobol_indices(y, 3, {0.95, 100, 1});
  CHECK(s.rows_used == 63);
  CHECK(s.rows_missing == 1);
}

TEST_CASE("Morris on a linear function gives each factor's slope x range exactly, with sigma 0", "[analysis][sensitivity]") {
  // y = 3 v1 - 2 v2 + 0 v3 + 0.5 v4 with v_i = lo_i + u_i (hi_i - lo_i): EE_i = c_i (hi_i - lo_i).
  const std::vector<double> c{3, -2, 0, 0.5}, lo{0, 10, -1, 2}, hi{1, 20, 1, 6};
  const auto model = [&](const std::vector<double>& u) {
    double y = 0;
    for (std::size_t i = 0; i < c.size(); ++i) y += c[i] * (lo[i] + u[i] * (hi[i] - lo[i]));
    return y;
  };
  MorrisOptions options;
  options.trajectories = 12;
  options.seed = 5;
  const auto points = morris_sample(4, options);
  REQUIRE(points.size() == 12 * 5);
  const MorrisResult m = morris_indices(points, evaluate(points, model), 4, {0.95, 500, 1});
  for (std::size_t i = 0; i < c.size(); ++i) {
    CHECK(m.factors[i].mu_star.value == Approx(std::abs(c[i] * (hi[i] - lo[i]))).margin(1e-9));
    CHECK(m.factors[i].mu == Approx(c[i] * (hi[i] - lo[i])).margin(1e-9));
    CHECK(m.factors[i].sigma == Approx(0).margin(1e-9));
    CHECK(m.factors[i].mu_star.half_width == Approx(0).margin(1e-9));
    CHECK(m.factors[i].effects == 12);
  }
}

TEST_CASE("Morris on x1 * x2 sees the interaction in sigma and ranks an inert factor last", "[analysis][sensitivity]") {
  // y = u1 u2 + 0 u3: EE_1 = u2 (varies between trajectories), EE_3 = 0.
  MorrisOptions options;
  options.trajectories = 20;
  const auto points = morris_sample(3, options);
  const MorrisResult m = morris_indices(points, evaluate(points, [](const std::vector<double>& u) { return u[0] * u[1]; }), 3,
                                        {0.95, 500, 1});
  CHECK(m.factors[0].sigma > 0.1);
  CHECK(m.factors[1].sigma > 0.1);
  CHECK(m.factors[2].mu_star.value == 0.0);
  CHECK(m.factors[0].mu_star.value > m.factors[2].mu_star.value);
}

TEST_CASE("a Morris sample is a set of trajectories on the grid, one factor per step by delta", "[analysis][sensitivity]") {
  MorrisOptions options;
  options.trajectories = 8;
  options.levels = 4;
  options.seed = 11;
  const int k = 5;
  const auto points = morris_sample(k, options);
  REQUIRE(points.size() == 8 * (k + 1));
  const double delta = 4.0 / (2 * 3);
  for (std::size_t t = 0; t < 8; ++t)
    for (int step = 0; step < k; ++step) {
      const auto& a = points[t * (k + 1) + static_cast<std::size_t>(step)];
      const auto& b = points[t * (k + 1) + static_cast<std::size_t>(step) + 1];
      int changed = 0;
      for (int i = 0; i < k; ++i) {
        const std::size_t f = static_cast<std::size_t>(i);
        CHECK(a[f] >= 0.0);
        CHECK(a[f] <= 1.0);
        const double grid = a[f] * 3;
        CHECK(grid == Approx(std::round(grid)).margin(1e-12));  // on the 4-level grid
        if (a[f] != b[f]) {
          ++changed;
          CHECK(std::abs(a[f] - b[f]) == Approx(delta));
        }
      }
      CHECK(changed == 1);
    }
  // Determinism: same seed, same sample; another seed, another.
  CHECK(morris_sample(k, options) == points);
  MorrisOptions other = options;
  other.seed = 12;
  CHECK(morris_sample(k, other) != points);
}

TEST_CASE("Campolongo's selection spreads the trajectories more than the first ones drawn", "[analysis][sensitivity]") {
  MorrisOptions chosen;
  chosen.trajectories = 10;
  chosen.candidates = 100;
  MorrisOptions plain = chosen;
  plain.candidates = 10;  // no choice: the first ten drawn
  const double spread_chosen = campsim::batch::morris_spread(morris_sample(6, chosen), 6);
  const double spread_plain = campsim::batch::morris_spread(morris_sample(6, plain), 6);
  std::cout << "Morris spread (10 of 100 candidates) " << spread_chosen << ", first 10 drawn " << spread_plain << "\n";
  CHECK(spread_chosen > spread_plain);
}

TEST_CASE("the Saltelli sample is A, AB^(1..k), B per row, from the Sobol' sequence", "[analysis][sensitivity]") {
  const auto s = saltelli_sample(2, 8);
  REQUIRE(s.size() == 8 * 4);
  const auto base = campsim::batch::sobol_sequence(8, 4);
  for (std::size_t r = 0; r < 8; ++r) {
    CHECK(s[r * 4] == std::vector<double>{base[r][0], base[r][1]});
    CHECK(s[r * 4 + 1] == std::vector<double>{base[r][2], base[r][1]});
    CHECK(s[r * 4 + 2] == std::vector<double>{base[r][0], base[r][3]});
    CHECK(s[r * 4 + 3] == std::vector<double>{base[r][2], base[r][3]});
  }
  // The Sobol' sequence's first points in one dimension: 1/2, 3/4, 1/4, 3/8 (zero skipped).
  const auto one = campsim::batch::sobol_sequence(4, 1);
  CHECK(one[0][0] == 0.5);
  CHECK(one[1][0] == 0.75);
  CHECK(one[2][0] == 0.25);
  CHECK(one[3][0] == 0.375);
  CHECK(saltelli_sample(2, 8) == s);
}

TEST_CASE("the sensitivity report has its title once, rounded sample figures, and no table of zeros", "[analysis][sensitivity]") {
  SensitivityStudy s;
  s.scenario = "scenarios/x.yaml";
  s.parameters = {{"a", "uniform [0, 1]"}, {"b", "uniform [0, 1]"}};
  s.points = 18;
  MorrisResult r;
  r.factors = {{1.5, {2.0, 0.3}, 0.2, 6}, {0, {0, 0}, 0, 6}};
  MetricSensitivity varies;
  varies.metric = "medical.hospital.routine_admissions";
  varies.morris = r;
  varies.output_mean = 29.0;
  varies.output_sd = 19.95951785342463;
  MetricSensitivity constant = varies;
  constant.metric = "medical.died_of_wounds";
  constant.output_mean = 0;
  constant.output_sd = 0;
  s.metrics = {varies, constant};
  const std::string md = render_markdown(build_sensitivity_report(s, {}));
  INFO(md);
  std::size_t titles = 0;
  for (auto at = md.find("# Sensitivity of"); at != std::string::npos; at = md.find("# Sensitivity of", at + 1)) ++titles;
  CHECK(titles == 1);
  CHECK(md.find("mean 29, sd 20.") != std::string::npos);
  CHECK(md.find("19.95") == std::string::npos);
  // One ranked table (the metric that varied), not two.
  std::size_t tables = 0;
  for (auto at = md.find("| rank |"); at != std::string::npos; at = md.find("| rank |", at + 1)) ++tables;
  CHECK(tables == 1);
}
