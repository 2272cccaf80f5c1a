// Designs of experiments: full factorial, Latin hypercube, nearly-orthogonal Latin hypercube,
// and the design file's diagnostics.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "sim/batch/design.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/values.hpp"
#include "tests/support/scratch_files.hpp"

using namespace campsim::batch;
namespace fs = std::filesystem;

namespace {

fs::path write_design(const std::string& name, const std::string& yaml) {
  static const fs::path dir = campsim::testing::scratch_dir("design");  // one per process, removed at its exit
  const fs::path file = dir / name;
  std::ofstream(file) << yaml;
  return file;
}

std::string errors_of(const fs::path& file) {
  try {
    read_design(file);
  } catch (const campsim::scenario::ScenarioError& e) {
    return e.what();
  }
  return "";
}

bool is_permutation_of_levels(const LevelMatrix& m, std::size_t factor) {
  std::set<int> seen;
  for (const auto& row : m) seen.insert(row[factor]);
  return seen.size() == m.size() && *seen.begin() == 0 && *seen.rbegin() == static_cast<int>(m.size()) - 1;
}

}  // namespace

TEST_CASE("a full factorial holds every combination of levels exactly once, last factor fastest", "[batch][design]") {
  const std::vector<Factor> factors{{"a", {"1", "2", "3"}, 0, 0, ""}, {"b", {"x", "y"}, 0, 0, ""}, {"c", {"p", "q"}, 0, 0, ""}};
  const std::vector<DesignPoint> points = full_factorial(factors);
  REQUIRE(points.size() == 12);
  std::set<std::vector<std::string>> combos;
  for (std::size_t i = 0; i < points.size(); ++i) {
    CHECK(points[i].index == static_cast<int>(i));
    std::vector<std::string> combo;
    for (const auto& [key, value] : points[i].settings) combo.push_back(key + "=" + value);
    combos.insert(combo);
  }
  CHECK(combos.size() == 12);
  CHECK(points[0].overrides() == std::vector<std::string>{"a=1", "b=x", "c=p"});
  CHECK(points[1].overrides() == std::vector<std::string>{"a=1", "b=x", "c=q"});
  CHECK(points[11].overrides() == std::vector<std::string>{"a=3", "b=y", "c=q"});
}

TEST_CASE("a Latin hypercube samples every stratum of every factor once, the same for the same seed", "[batch][design]") {
  const LevelMatrix m = latin_hypercube(17, 4, 3);
  REQUIRE(m.size() == 17);
  for (std::size_t f = 0; f < 4; ++f) CHECK(is_permutation_of_levels(m, f));
  CHECK(latin_hypercube(17, 4, 3) == m);
  CHECK(latin_hypercube(17, 4, 4) != m);

  // As settings: each value lies in its own stratum of [low, high).
  const std::vector<Factor> factors{{"guards.shifts.length", {}, 4, 8, "h"}, {"x", {}, -1, 1, ""}};
  const std::vector<DesignPoint> points = points_from_levels(factors, latin_hypercube(17, 2, 3), DesignKind::LatinHypercube);
  for (std::size_t f = 0; f < factors.size(); ++f) {
    std::set<int> strata;
    for (const DesignPoint& p : points) {
      std::string text = p.settings[f].second;
      if (!factors[f].unit.empty()) {
        REQUIRE(text.size() > factors[f].unit.size());
        CHECK(text.substr(text.size() - 1) == "h");
        text.pop_back();
      }
      const double v = *campsim::scenario::parse_number(text);
      strata.insert(static_cast<int>((v - factors[f].low) / (factors[f].high - factors[f].low) * 17));
    }
    CHECK(strata.size() == 17);
    CHECK(*strata.begin() == 0);
    CHECK(*strata.rbegin() == 16);
  }
}

TEST_CASE("a decorrelated Latin hypercube (search) keeps every column a permutation with max |corr| below 0.05",
          "[batch][design]") {
  for (const auto& [n, k] : std::vector<std::pair<int, int>>{{17, 4}, {17, 7}, {33, 10}, {20, 5}}) {
    const LevelMatrix m = decorrelated_latin_hypercube(n, k, 3);
    for (std::size_t f = 0; f < static_cast<std::size_t>(k); ++f) CHECK(is_permutation_of_levels(m, f));
    const double searched = max_abs_column_correlation(m);
    const double random_lh = max_abs_column_correlation(latin_hypercube(n, k, 3));
    std::cout << "decorrelated LH " << n << " points x " << k << " factors: max |corr| " << searched << " (random LH: " << random_lh
              << ")\n";
    CHECK(searched < kNearlyOrthogonalTarget);
    CHECK(decorrelated_latin_hypercube(n, k, 3) == m);
  }
}

TEST_CASE("column correlation is measured, not assumed", "[batch][design]") {
  CHECK(max_abs_column_correlation({{0, 0}, {1, 1}, {2, 2}}) == Approx(1.0));
  CHECK(max_abs_column_correlation({{0, 2}, {1, 1}, {2, 0}}) == Approx(1.0));
  CHECK(max_abs_column_correlation({{0, 1}, {1, 2}, {2, 0}}) == Approx(0.5));
}

TEST_CASE("a design file reads into points: settings carry the unit", "[batch][design]") {
  const fs::path file = write_design("good.yaml", R"(design:
  kind: nolh
  points: 9
  seed: 5
  factors:
    - {key: guards.shifts.length, low: 4, high: 8, unit: h}
    - {key: guards.shifts.handover_overlap, low: 0, high: 20, unit: min}
    - {key: force.daily_unavailability, low: 0.01, high: 0.08}
)");
  const Design d = read_design(file);
  CHECK(d.kind == DesignKind::NearlyOrthogonal);
  REQUIRE(d.table.size() == 9);
  REQUIRE(d.max_abs_correlation.has_value());
  CHECK(*d.max_abs_correlation == 0.0);  // an orthogonal construction, not a search
  std::set<std::string> lengths;
  for (const DesignPoint& p : d.table) lengths.insert(p.settings[0].second);
  CHECK(lengths == std::set<std::string>{"4h", "4.5h", "5h", "5.5h", "6h", "6.5h", "7h", "7.5h", "8h"});
  // Written as a person would (0.03625), not as binary arithmetic leaves it (0.036250000000000004).
  std::set<std::string> shares;
  for (const DesignPoint& p : d.table) shares.insert(p.settings[2].second);
  CHECK(shares == std::set<std::string>{"0.01", "0.01875", "0.0275", "0.03625", "0.045", "0.05375", "0.0625", "0.07125", "0.08"});
  CHECK(read_design(file).table[3].settings == d.table[3].settings);
}

TEST_CASE("design file errors are located (file:line:col) and say what was expected", "[batch][design]") {
  struct Case {
    const char* yaml;
    const char* where;
    const char* fragment;
  };
  const Case cases[] = {
      {"design:\n  kind: factorial\n  factors:\n    - {key: a, values: [1]}\n", ":2:9: design.kind", "full_factorial"},
      {"design:\n  kind: lhs\n  factors:\n    - {key: a, low: 1, high: 2}\n", "design.points", "nothing"},
      {"design:\n  kind: lhs\n  points: 5\n  factors:\n    - {key: a, low: 3, high: 2}\n", ":5:30: design.factors[0].high",
       "a number above low"},
      {"design:\n  kind: nolh\n  points: 5\n  factors:\n    - {key: a, low: 1, high: 2, unit: hours}\n",
       ":5:39: design.factors[0].unit", "'hours'"},
      {"design:\n  kind: full_factorial\n  factors:\n    - {key: a, low: 1, high: 2}\n", "design.factors[0].low",
       "no range in a full factorial"},
      {"design:\n  kind: full_factorial\n  factors:\n    - {key: a, values: [1]}\n    - {key: a, values: [2]}\n",
       ":5:13: design.factors[1].key", "each factor key once"},
      {"design:\n  kind: full_factorial\n  factors:\n    - {key: a, valeus: [1]}\n", "design.factors[0].valeus",
       "did you mean 'values'"},
      {"design:\n  kind: lhs\n  points: 5\n  factors: [\n", "", "valid YAML"},
      {"design:\n  kind: nolh\n  points: 10\n  factors:\n    - {key: a, low: 1, high: 2}\n", ":3:11: design.points",
       "2^m + 1 points"},
      {"design:\n  kind: nolh\n  points: 9\n  factors:\n    - {key: a, low: 1, high: 2}\n    - {key: b, low: 1, high: 2}\n"
       "    - {key: c, low: 1, high: 2}\n    - {key: d, low: 1, high: 2}\n    - {key: e, low: 1, high: 2}\n",
       "design.points", "17 or more"},
      {"design:\n  kind: table\n  factors:\n    - {key: a}\n    - {key: b}\n  rows:\n    - {values: [1]}\n",
       ":7:16: design.rows[0].values", "one value per factor (2)"},
      {"design:\n  kind: table\n  factors:\n    - {key: a, low: 1}\n  rows:\n    - {values: [1]}\n", "design.factors[0].low",
       "only the key in a table design"},
  };
  int i = 0;
  for (const Case& c : cases) {
    const fs::path file = write_design("bad" + std::to_string(i++) + ".yaml", c.yaml);
    const std::string errors = errors_of(file);
    INFO(c.yaml);
    INFO(errors);
    CHECK(errors.find(file.string() + ":") != std::string::npos);
    CHECK(errors.find(c.where) != std::string::npos);
    CHECK(errors.find(c.fragment) != std::string::npos);
  }
}

TEST_CASE("a nolh design without points takes the smallest orthogonal size: a table design lists its points",
          "[batch][design]") {
  const fs::path nolh = write_design("nolh-auto.yaml", R"(design:
  kind: nolh
  factors:
    - {key: a, low: 0, high: 1}
    - {key: b, low: 0, high: 1}
    - {key: c, low: 0, high: 1}
    - {key: d, low: 0, high: 1}
    - {key: e, low: 0, high: 1}
)");
  const Design d = read_design(nolh);
  CHECK(d.points == 17);  // 9 runs hold 4 orthogonal factors, 17 hold 7
  CHECK(d.table.size() == 17);
  CHECK(*d.max_abs_correlation == 0.0);

  const std::vector<std::string> keys{"guards.shifts.length", "x.y"};
  const std::vector<std::vector<std::string>> rows{{"6h", "0.25"}, {"7.5h", "a \"quoted\" text"}};
  const fs::path table = write_design("table.yaml", table_design_yaml(keys, rows));
  const Design t = read_design(table);
  CHECK(t.kind == DesignKind::Table);
  REQUIRE(t.table.size() == 2);
  CHECK(t.table[0].overrides() == std::vector<std::string>{"guards.shifts.length=6h", "x.y=0.25"});
  CHECK(t.table[1].settings[1].second == "a \"quoted\" text");
  CHECK(!t.max_abs_correlation.has_value());
}
