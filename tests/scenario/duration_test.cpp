#include "sim/scenario/duration.hpp"

#include <catch2/catch.hpp>

namespace campsim::scenario {

TEST_CASE("parse_duration reads each unit and sums parts", "[scenario][duration]") {
  CHECK(parse_duration("90s") == 90.0);
  CHECK(parse_duration("15min") == 900.0);
  CHECK(parse_duration("4h") == 14400.0);
  CHECK(parse_duration("2d") == 172800.0);
  CHECK(parse_duration("1.5h") == 5400.0);
  CHECK(parse_duration("1h30min") == 5400.0);
  CHECK(parse_duration("1d 2h 3min 4s") == 86400.0 + 7200.0 + 180.0 + 4.0);
  CHECK(parse_duration("0s") == 0.0);
  CHECK(parse_duration("  8h ") == 28800.0);
}

TEST_CASE("parse_duration rejects text that is not number+unit parts", "[scenario][duration]") {
  for (const char* text : {"", "4", "h", "-", "1x", "4h30", "4hours", "-4h", "1.h", ".5h", "4 h x", "1e3s", "4H",
                           "min", "eight hours"}) {
    INFO(text);
    CHECK_FALSE(parse_duration(text).has_value());
  }
}

TEST_CASE("format_duration gives the canonical form", "[scenario][duration]") {
  CHECK(format_duration(28800) == "8h");
  CHECK(format_duration(5400) == "1h30min");
  CHECK(format_duration(90) == "90s");
  CHECK(format_duration(0.5) == "0.5s");
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(900) == "15min");
  CHECK(format_duration(172800) == "2d");
  CHECK(format_duration(86400 + 3600 + 60) == "1d1h1min");
  CHECK(format_duration(3661) == "3661s");
}

TEST_CASE("format_duration and parse_duration round-trip exactly", "[scenario][duration]") {
  for (double seconds : {0.0, 0.5, 1.0, 59.0, 60.0, 90.0, 3600.0, 5400.0, 28800.0, 86400.0, 129600.0, 0.1 + 0.2,
                         1e-7, 12345.678, 1e12 + 0.5, 604800.0}) {
    INFO(seconds);
    const auto back = parse_duration(format_duration(seconds));
    REQUIRE(back.has_value());
    CHECK(*back == seconds);  // exact: resolved records must reload to identical runs
  }
  for (const char* text : {"8h", "1h30min", "90s", "15min", "2d", "1d12h"}) {
    CHECK(format_duration(*parse_duration(text)) == text);
  }
}

}  // namespace campsim::scenario
