// The text of one job's rows, from a hand-made run result.
#include <catch2/catch.hpp>

#include "sim/batch/job_rows.hpp"

using namespace campsim;
using namespace campsim::batch;

TEST_CASE("a job's rows: key, seed, design values, metrics: casualty cells under their own column names", "[batch]") {
  BatchPlan plan;
  plan.policies = {{"base", "", "", ""}, {"two_level", "", "", ""}};
  plan.seed = 9;
  Design design;
  design.factors = {{"guards.shifts.length", {"6h", "8h"}, 0, 0, ""}};
  design.table = full_factorial(design.factors);
  plan.design = design;

  TableHeader header;
  header.metrics.add(flatten_metrics(nlohmann::ordered_json::parse(R"({"a": 1, "b": {"c": null}})")));
  header.casualty_columns = {"casualty", "outcome", "approval.battalion_min", "approval.sector_min"};

  camp::RunResult result{engine::EventLog{}, engine::TimeSeries({}), {}, {}, {}, {}, {}, {}, 0, {}, {}};
  // seed and replication in the metrics duplicate the key columns: they are not metric columns.
  result.metrics = nlohmann::ordered_json::parse(R"({"seed": 9, "replication": 4, "a": 0.25, "b": {"c": null}})");
  // This policy's chain has one approval level only, and lists its columns in its own order.
  result.care_records.columns = {"outcome", "casualty", "approval.sector_min"};
  result.care_records.rows = {{"survived", "0", "12.5"}, {"killed", "1", ""}};

  const JobRows rows = rows_of(plan, header, {1, 1, 4}, result);
  CHECK(results_header_line(plan, header) == "design_point,policy,replication,seed,guards.shifts.length,a,b.c\n");
  CHECK(rows.result_line == "1,two_level,4,9,8h,0.25,\n");
  // care.csv carries the same four key columns as results.csv (seed too), so the two join on them.
  CHECK(casualties_header_line(header) ==
        "design_point,policy,replication,seed,casualty,outcome,approval.battalion_min,approval.sector_min\n");
  CHECK(rows.casualty_lines == std::vector<std::string>{"1,two_level,4,9,0,survived,,12.5\n", "1,two_level,4,9,1,killed,,\n"});

  result.care_records.columns.push_back("mystery");
  for (auto& r : result.care_records.rows) r.push_back("x");
  CHECK_THROWS_WITH(rows_of(plan, header, {1, 1, 4}, result), Catch::Contains("'mystery'"));
}
