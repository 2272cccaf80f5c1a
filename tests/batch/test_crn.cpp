// Common random numbers through the batch machinery: two policies' rows of the same replication
// are paired, and their difference varies much less than a difference between independent runs.
#include <catch2/catch.hpp>

#include <iostream>

#include "sim/batch/row_text.hpp"
#include "sim/batch/job_rows.hpp"
#include "sim/scenario/values.hpp"
#include "tests/camp/small_camp.hpp"

using namespace campsim;
using namespace campsim::batch;

namespace {

double variance(const std::vector<double>& x) {
  double mean = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  double ss = 0;
  for (double v : x) ss += (v - mean) * (v - mean);
  return ss / static_cast<double>(x.size() - 1);
}

// The value of one metric column in a results row made by the batch.
double cell(const std::string& header, const std::string& row, const std::string& column) {
  const auto names = row_cells(header.substr(0, header.size() - 1));
  const auto cells = row_cells(row.substr(0, row.size() - 1));
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == column) return *scenario::parse_number(cells.at(i));
  FAIL("no column " << column);
  return 0;
}

}  // namespace

TEST_CASE("paired differences under common random numbers vary less than independent differences", "[batch][crn]") {
  // A small camp where luck matters: late reliefs leave gaps at handovers, and a policy that asks
  // reliefs to come 10 minutes earlier closes some of them.
  camp::Scenario base = testing::small_camp(4, 40, 8);
  base.meta.duration = 2 * engine::kDay;
  base.guards.shifts.relief_lateness = engine::Distribution::lognormal(4 * engine::kMinute, 20 * engine::kMinute);
  base.guards.force.daily_unavailability = 0.05;
  camp::Scenario earlier = base;
  earlier.guards.shifts.handover_overlap = 10 * engine::kMinute;

  BatchPlan plan;
  plan.policies = {{"base", "", "", ""}, {"earlier_relief", "", "", ""}};
  plan.cells = {base, earlier};
  const int n = 30;
  plan.replications = 2 * n;  // the second half supplies the independent runs
  plan.seed = 11;
  const TableHeader header = probe_header(plan, 2);
  const std::string header_line = results_header_line(plan, header);
  const std::string metric = "guards.handover.gap_total_minutes";

  std::vector<double> paired, independent;
  for (int r = 0; r < n; ++r) {
    const double policy = cell(header_line, run_job(plan, header, {0, 1, r}).result_line, metric);
    const double same_luck = cell(header_line, run_job(plan, header, {0, 0, r}).result_line, metric);
    const double other_luck = cell(header_line, run_job(plan, header, {0, 0, r + n}).result_line, metric);
    paired.push_back(policy - same_luck);
    independent.push_back(policy - other_luck);
  }
  const double var_paired = variance(paired), var_independent = variance(independent);
  std::cout << "CRN (" << metric << ", " << n << " pairs): variance of paired differences " << var_paired
            << ", of independent differences " << var_independent << "\n";
  CHECK(var_independent > 0);
  // A reduction by a factor of four at least: with independent streams the two variances would be
  // about equal, so this cannot pass by chance if the policies did not share their random numbers.
  CHECK(var_paired < 0.25 * var_independent);
}
