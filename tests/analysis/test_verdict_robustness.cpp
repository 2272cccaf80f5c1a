// Verdicts over a design: rank correlation, its p-value and Holm's correction by hand, and a
// batch built so that the policy's advantage is exactly linear in one factor and uncorrelated
// with the other: the first must be named, the second not, and the verdicts counted by sign.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "analysis/batch_table.hpp"
#include "analysis/comparison.hpp"
#include "analysis/robustness_report.hpp"
#include "analysis/verdict_robustness.hpp"
#include "tests/analysis/design_batch.hpp"

using namespace campsim::analysis;
namespace fs = std::filesystem;

TEST_CASE("Spearman's rank correlation, its p-value and Holm's correction by hand", "[analysis][robustness]") {
  // Ties share their average rank: x ranks 1, 2.5, 2.5, 4 against 1..4: 4.5 / sqrt(4.5 * 5).
  CHECK(spearman_correlation({1, 2, 2, 3}, {10, 20, 30, 40}) == Approx(4.5 / std::sqrt(22.5)));
  CHECK(spearman_correlation({1, 2, 3, 4}, {9, 4, 1, 0}) == Approx(-1.0));    // monotone, not linear
  CHECK(std::isnan(spearman_correlation({1, 2, 3}, {5, 5, 5})));             // a constant side
  // The two-sided 5% critical value of a correlation over 12 points is 0.576 (tables of r).
  CHECK(spearman_p_value(0.576, 12) == Approx(0.05).margin(0.0005));
  CHECK(spearman_p_value(0.0, 12) == Approx(1.0));
  // Holm at 0.05 over four: 0.01 < 0.05/4 is rejected, then 0.03 >= 0.05/3 stops the descent.
  CHECK(holm_reject({0.01, 0.04, 0.03, 0.5}, 0.05) == std::vector<bool>{true, false, false, false});
  CHECK(holm_reject({0.001, 0.012, 0.02}, 0.05) == std::vector<bool>{true, true, true});
  CHECK(factor_number("5min") == std::optional<double>(300));
  CHECK(factor_number("0.25") == std::optional<double>(0.25));
  CHECK(factor_number("true") == std::optional<double>(1));
  CHECK_FALSE(factor_number("ambulance"));
}

TEST_CASE("over a design, the verdict's dependence is found on the factor that drives it and not on the other",
          "[analysis][robustness]") {
  // The batch of design_batch.hpp: the policy's mean difference is 2.74 - 0.5 * minutes of notice,
  // worse at 2-5 min, better at 6-9 min; the buddy-aid share has rank correlation 0 with it.
  const fs::path dir = fs::temp_directory_path() / "campsim_test_robustness";
  campsim::testing::write_design_batch(dir);
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, CompareOptions{});
  const auto over = verdict_robustness(batch, c, {"medical.died_of_wounds"});
  REQUIRE(over);
  CHECK(over->points == 8);
  CHECK(over->factor_keys == std::vector<std::string>{"qrf.notice_to_move_day", "medical.first_aid.buddy_aid_share"});
  REQUIRE(over->metrics.size() == 1);
  const MetricOverDesign& m = over->metrics[0];
  CHECK(m.best_count == std::vector<int>{4, 4});  // the reference wins at 2-5 min, the policy at 6-9
  CHECK(m.tied == 0);
  REQUIRE(m.policies.size() == 1);
  const PolicyOverDesign& p = m.policies[0];
  CHECK(p.points == 8);
  CHECK(p.better == 4);
  CHECK(p.worse == 4);
  CHECK(p.unclear == 0);
  CHECK(p.difference_min == Approx(-1.76));
  CHECK(p.difference_max == Approx(1.74));
  REQUIRE(p.factors.size() == 2);
  CHECK(p.factors[0].key == "qrf.notice_to_move_day");  // strongest first
  CHECK(p.factors[0].spearman == Approx(-1.0));
  CHECK(p.factors[0].depends);
  CHECK(p.factors[1].key == "medical.first_aid.buddy_aid_share");
  CHECK(p.factors[1].spearman == Approx(0.0).margin(1e-12));
  CHECK_FALSE(p.factors[1].depends);
  // The table names the driving factor and not the other.
  const Table t = dependence_table(c, *over);
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0][2] == "4 / 4 / 0");
  CHECK(t.rows[0][4].find("qrf.notice_to_move_day") != std::string::npos);
  CHECK(t.rows[0][4].find("buddy_aid_share") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a batch with too few points has no over-the-design section: identical policies tie", "[analysis][robustness]") {
  const fs::path dir = fs::temp_directory_path() / "campsim_test_robustness_small";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "batch.json") << R"({"scenario": "s.yaml", "replications": 2, "seed": 1, "policies": [{"name": "a"}, {"name": "b"}],
    "design": {"kind": "full_factorial", "points": [{"design_point": 0, "settings": {"x": "1"}}, {"design_point": 1, "settings": {"x": "2"}}]}})";
  std::ofstream(dir / "results.csv") << "design_point,policy,replication,seed,x,m\n0,a,0,1,1,1\n0,a,1,1,1,2\n0,b,0,1,1,1\n0,b,1,1,1,3\n"
                                        "1,a,0,1,2,1\n1,a,1,1,2,2\n1,b,0,1,2,2\n1,b,1,1,2,2\n";
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, CompareOptions{});
  CHECK_FALSE(verdict_robustness(batch, c, {"m"}));
  // Four points where both policies give the same values: every point is a tie, no one is best.
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string points, rows;
  for (int i = 0; i < 4; ++i) {
    points += std::string(i ? "," : "") + "{\"design_point\": " + std::to_string(i) + ", \"settings\": {\"x\": \"" + std::to_string(i) + "\"}}";
    for (const char* p : {"a", "b"})
      for (int r = 0; r < 2; ++r) rows += std::to_string(i) + "," + p + "," + std::to_string(r) + ",1," + std::to_string(i) + "," + std::to_string(r + i) + "\n";
  }
  std::ofstream(dir / "batch.json") << "{\"scenario\": \"s.yaml\", \"replications\": 2, \"seed\": 1, \"policies\": [{\"name\": \"a\"}, "
                                       "{\"name\": \"b\"}], \"design\": {\"kind\": \"lhs\", \"points\": [" + points + "]}}";
  std::ofstream(dir / "results.csv") << "design_point,policy,replication,seed,x,medical.died_of_wounds\n" << rows;
  const BatchTable same = read_batch(dir);
  const auto ties = verdict_robustness(same, compare(same, CompareOptions{}), {"medical.died_of_wounds"});
  REQUIRE(ties);
  CHECK(ties->metrics[0].best_count == std::vector<int>{0, 0});
  CHECK(ties->metrics[0].tied == 4);
  fs::remove_all(dir);
}
