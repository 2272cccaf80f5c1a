// Flattening a run's metrics into results.csv columns, on hand-written JSON.
#include <catch2/catch.hpp>

#include "sim/batch/row_text.hpp"
#include "sim/batch/metrics_columns.hpp"

using namespace campsim::batch;
using Json = nlohmann::ordered_json;

TEST_CASE("metrics flatten to dotted numeric leaves: null is missing, booleans 0/1, arrays and text skipped", "[batch]") {
  const Json metrics = Json::parse(R"({
    "duration_days": 2,
    "camp": {"name": "Gao", "area_ha": 149.5},
    "guards": {"coverage": {"overall": 0.999, "by_hour": [1, 0.9, 0.8]},
               "handover": {"gap_mean_minutes": null, "any_gap": true, "none": false}},
    "threats": {"by_kind": {"vehicle_bomb": {"incidents": 0, "detected_share": null}}},
    "empty": {}
  })");
  const std::vector<MetricCell> cells = flatten_metrics(metrics);
  std::vector<std::string> names;
  for (const auto& c : cells) names.push_back(c.name);
  CHECK(names == std::vector<std::string>{"duration_days", "camp.area_ha", "guards.coverage.overall",
                                          "guards.handover.gap_mean_minutes", "guards.handover.any_gap",
                                          "guards.handover.none", "threats.by_kind.vehicle_bomb.incidents",
                                          "threats.by_kind.vehicle_bomb.detected_share"});
  CHECK(cells[0].value == 2.0);
  CHECK(cells[1].value == 149.5);
  CHECK_FALSE(cells[3].value.has_value());
  CHECK(cells[4].value == 1.0);
  CHECK(cells[5].value == 0.0);
  CHECK(cells[6].value == 0.0);
  CHECK_FALSE(cells[7].value.has_value());
}

TEST_CASE("a batch header is the union of names in order of first appearance: rows fill it with text", "[batch]") {
  MetricColumns columns;
  columns.add(flatten_metrics(Json::parse(R"({"a": 1, "b": {"c": 2}})")));
  columns.add(flatten_metrics(Json::parse(R"({"a": 1, "d": 3, "b": {"c": 2, "e": null}})")));
  CHECK(columns.names() == std::vector<std::string>{"a", "b.c", "d", "b.e"});

  // A run lacking a column (another policy's) and one with null both leave the cell empty.
  const auto row = columns.cells_of(Json::parse(R"({"a": 0.1, "b": {"c": 1e-7, "e": null}})"));
  CHECK(row == std::vector<std::string>{"0.1", "1e-07", "", ""});
  // Leaves out of the header's order (b.e before b.c, d last) still land in their own columns;
  // a skipped name is no column.
  const auto shuffled = columns.cells_of(Json::parse(R"({"b": {"e": 4, "c": 5}, "seed": 9, "a": 6, "d": 7})"), {"seed"});
  CHECK(shuffled == std::vector<std::string>{"6", "5", "7", "4"});
  // A run with a column the probe never saw breaks the shape promise: refuse rather than drop it.
  CHECK_THROWS_WITH(columns.cells_of(Json::parse(R"({"z": 1})")), Catch::Contains("'z'"));
  CHECK_THROWS_WITH(columns.cells_of(Json::parse(R"({"a": 1, "seed": 2})")), Catch::Contains("'seed'"));
}

TEST_CASE("Batch rows keep one row per line and split back: a damaged line has no cells", "[batch]") {
  CHECK(row_line({"two\nlines", "a\r\nb"}) == "two lines,a  b\n");
  const std::string line = row_line({"0", "gao_baseline", "[1, 2]", "say \"hi\"", ""});
  // RFC 4180: the quote inside the cell doubled, the cell itself quoted: "say ""hi"""
  CHECK(line == "0,gao_baseline,\"[1, 2]\",\"say \"\"hi\"\"\",\n");
  CHECK(row_cells(line.substr(0, line.size() - 1)) ==
        std::vector<std::string>{"0", "gao_baseline", "[1, 2]", "say \"hi\"", ""});
  CHECK(row_cells("0,\"unclosed,1").empty());
  CHECK(row_cells("0,a\"b,1").empty());
}
