#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>
#include <string>

#include "sim/engine/time_series.hpp"

using namespace campsim::engine;

TEST_CASE("time series CSV has a header and one line per row", "[time_series]") {
  TimeSeries series({"t", "guards_on_post", "mean_vigilance"});
  series.append({0, 12, 0.95});
  series.append({3600, 11, 0.8125});
  series.append({7200, 12, -0.0});
  CHECK(series.rows() == 3);
  CHECK(series.columns().size() == 3);
  CHECK(series.at(1, 2) == 0.8125);
  CHECK_THROWS_AS(series.at(3, 0), std::out_of_range);
  CHECK_THROWS_AS(series.at(0, 3), std::out_of_range);

  std::ostringstream out;
  series.write_csv(out);
  CHECK(out.str() ==
        "t,guards_on_post,mean_vigilance\n"
        "0,12,0.95\n"
        "3600,11,0.8125\n"
        "7200,12,0\n");
}

TEST_CASE("appending a row of the wrong width throws and leaves the series unchanged", "[time_series]") {
  TimeSeries series({"a", "b"});
  series.append({1, 2});
  CHECK_THROWS_AS(series.append({1}), std::invalid_argument);
  CHECK_THROWS_AS(series.append({1, 2, 3}), std::invalid_argument);
  CHECK(series.rows() == 1);
  std::ostringstream out;
  series.write_csv(out);
  CHECK(out.str() == "a,b\n1,2\n");
}

TEST_CASE("column names that need it are quoted per RFC 4180", "[time_series]") {
  TimeSeries series({"plain", "with,comma", "with \"quote\""});
  std::ostringstream out;
  series.write_csv(out);
  CHECK(out.str() == "plain,\"with,comma\",\"with \"\"quote\"\"\"\n");
}

TEST_CASE("a time series that only counts checks and counts rows and keeps no values", "[time_series]") {
  TimeSeries series({"t", "guards_on_post"}, RecordKeeping::CountOnly);
  series.append({0, 12});
  series.append({900, 11});
  CHECK(series.rows() == 2);
  CHECK_FALSE(series.keeps_rows());
  CHECK_THROWS_AS(series.append({1800}), std::invalid_argument);
  CHECK(series.rows() == 2);
  CHECK_THROWS_AS(series.at(0, 0), std::logic_error);
  std::ostringstream out;
  CHECK_THROWS_AS(series.write_csv(out), std::logic_error);
  // A row counted without its values, as a batch's guard sample does.
  series.count_row();
  CHECK(series.rows() == 3);
  TimeSeries kept({"t"});
  CHECK_THROWS_AS(kept.count_row(), std::logic_error);
  CHECK(kept.rows() == 0);
}
