// Numbers as the report shows them: small denominators stated, and no non-zero difference
// printed as "+0.00" (hand-computed cases).
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <string>

#include "analysis/display.hpp"
#include "analysis/metric_catalogue.hpp"

using namespace campsim::analysis;

TEST_CASE("a share shows its denominator when it is small", "[analysis][display]") {
  CHECK(format_share_of(2, 5) == "40% (2 of 5)");
  CHECK(format_share_of(1, 3) == "33% (1 of 3)");
  CHECK(format_share_of(99, 99) == "100% (99 of 99)");
  CHECK(format_share_of(50, 200) == "25%");  // 100 or more: the percentage says enough
  CHECK(format_share_of(0, 0) == "-");
}

TEST_CASE("a difference that is not zero never prints as zero", "[analysis][display]") {
  const MetricInfo coverage = describe_metric("guards.coverage.overall");  // unknown direction, not a share by name
  // Reference mean 0.98: three significant figures are three decimals (0.980); a difference of
  // 0.00002 needs five to show.
  CHECK(difference_decimals(coverage, 0.00002, 0.98) == 5);
  CHECK(format_difference_ci(coverage, 0.00002, Interval{0.00001, 0.00003, IntervalMethod::t}, 0.98) ==
        "+0.00002 [+0.00001, +0.00003]");
  // A difference of the reference's own size keeps the reference's decimals.
  CHECK(difference_decimals(coverage, 0.5, 0.98) == 3);
  // Below 5e-7 on the display scale nothing is left to show: the verdict may not say higher.
  CHECK(rounds_to_zero(coverage, 4e-7));
  CHECK_FALSE(rounds_to_zero(coverage, 6e-7));
  const MetricInfo share = describe_metric("medical.compliance.surgery_2h");  // x100 on display
  CHECK(rounds_to_zero(share, 4e-9));
  CHECK_FALSE(rounds_to_zero(share, 6e-9));
}

TEST_CASE("a sample's mean and sd are rounded to what its size supports", "[analysis][display]") {
  // sd 19.96 to two figures is 20; the mean's standard error 19.96 / sqrt(18) = 4.7 allows no decimal.
  CHECK(format_sample_mean_sd(29.0, 19.95951785342463, 18) == "mean 29, sd 20");
  // sd 0.00234 to two figures: 0.0023; standard error 0.000234: the mean to four decimals.
  CHECK(format_sample_mean_sd(0.0123456, 0.00234, 100) == "mean 0.0123, sd 0.0023");
  // More points, a smaller standard error, more of the mean shown: sd 2.5 over 10,000 points, 0.025.
  CHECK(format_sample_mean_sd(3.14159, 2.5, 10000) == "mean 3.14, sd 2.5");
  // A sample that did not vary shows its mean as it is.
  CHECK(format_sample_mean_sd(0.125, 0, 40) == "mean 0.125, sd 0");
}

TEST_CASE("the report's unit of a column agrees with the data dictionary's", "[analysis][display]") {
  // docs/data-dictionary.md is generated from the program and checked by a docs test; its unit
  // column says what each results.csv column counts. A column of people or events shown x100 with
  // a % (the compliance shares' denominators once were: 22 eligible wounded read "2175%") is wrong.
  std::ifstream dictionary(std::string(CAMPSIM_SOURCE_DIR) + "/docs/data-dictionary.md");
  REQUIRE(dictionary);
  const std::regex row(R"(^\| `([^`]+)` \| [a-z]+ \| ([^|]+) \|)");
  bool in_results = false;
  int shares = 0, counts = 0;
  for (std::string line; std::getline(dictionary, line);) {
    if (line.rfind("## ", 0) == 0) in_results = line.find("Batch: `results.csv`") != std::string::npos;
    std::smatch m;
    if (!in_results || !std::regex_search(line, m, row)) continue;
    const std::string name = m[1], unit = m[2].str().substr(0, m[2].str().find_last_not_of(' ') + 1);
    const MetricInfo info = describe_metric(name);
    INFO(name << ": unit " << unit);
    if (info.share) {
      CHECK(unit == "0-1");
      ++shares;
    }
    if (unit == "people" || unit == "count") {
      CHECK_FALSE(info.share);
      CHECK((info.unit == "per run" || info.unit.empty()));
      ++counts;
    }
    // A share or an index from 0 to 1 is never a count per run nor minutes (died_of_wounds_share
    // once read "per run", the harm rule taking it before the share rule).
    if (unit == "0-1") CHECK((info.unit == "%" || info.unit.empty()));
    if (info.unit == "min") CHECK(unit == "min");
  }
  CHECK(shares >= 3);  // the three 10-1-2 shares at least: the section was found and read
  CHECK(counts >= 3);  // their denominators at least
}

TEST_CASE("the share of the wounded who died of wounds is a share, and lower is better", "[analysis][display]") {
  const MetricInfo info = describe_metric("medical.casualties.died_of_wounds_share");
  CHECK(info.share);
  CHECK(info.unit == "%");
  CHECK(info.direction == Direction::lower_is_better);
  // The count beside it stays a count.
  const MetricInfo count = describe_metric("medical.casualties.died_of_wounds");
  CHECK_FALSE(count.share);
  CHECK(count.unit == "per run");
  CHECK(count.direction == Direction::lower_is_better);
}
