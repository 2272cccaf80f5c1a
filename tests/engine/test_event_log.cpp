#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/engine/event_log.hpp"

using namespace campsim::engine;

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
}  // namespace

TEST_CASE("every JSONL line parses and carries its fields in order", "[event_log]") {
  EventLog log;
  log.record(0.0, "shift_start", {{"guard", std::int64_t{12}}, {"post", std::string("gate_north")}});
  log.record(3600.25, "alarm", {{"vigilance", 0.1}, {"raised", true}, {"count", std::int64_t{-3}}});
  log.record(7200.0, "empty", {});
  log.record(10.0, "alarm", {{"nan", std::numeric_limits<double>::quiet_NaN()}});
  CHECK(log.size() == 4);
  CHECK(log.counts_by_type() == std::map<std::string, std::size_t>{{"alarm", 2}, {"empty", 1}, {"shift_start", 1}});

  std::ostringstream out;
  log.write_jsonl(out);
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == R"({"t":0,"type":"shift_start","guard":12,"post":"gate_north"})");
  CHECK(lines[1] == R"({"t":3600.25,"type":"alarm","vigilance":0.1,"raised":true,"count":-3})");
  CHECK(lines[2] == R"({"t":7200,"type":"empty"})");
  CHECK(lines[3] == R"({"t":10,"type":"alarm","nan":null})");

  const auto j = nlohmann::json::parse(lines[1]);
  CHECK(j.at("t").get<double>() == 3600.25);
  CHECK(j.at("type") == "alarm");
  CHECK(j.at("vigilance").get<double>() == 0.1);
  CHECK(j.at("raised").get<bool>());
  CHECK(j.at("count").get<std::int64_t>() == -3);
  for (const auto& line : lines) CHECK_NOTHROW(nlohmann::json::parse(line));
  CHECK(nlohmann::json::parse(lines[3]).at("nan").is_null());
}

TEST_CASE("strings and keys are JSON-escaped and round-trip", "[event_log]") {
  const std::string nasty = "he said \"halt\"\nthen\\left\t\x01 caf\xc3\xa9";
  EventLog log;
  log.record(1.5, "type \"quoted\"", {{"key\nline", nasty}});
  std::ostringstream out;
  log.write_jsonl(out);
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 1);  // the newline inside the value did not split the record
  const auto j = nlohmann::json::parse(lines[0]);
  CHECK(j.at("type") == "type \"quoted\"");
  CHECK(j.at("key\nline").get<std::string>() == nasty);
  CHECK(json_quote("a\"b\\c\n") == R"("a\"b\\c\n")");
  CHECK(json_quote(std::string_view("\x1f", 1)) == R"("\u001f")");
}

TEST_CASE("merging a later module's log keeps time order, this log first on ties", "[event_log]") {
  EventLog main_log, medical;
  main_log.record(1.0, "a", {});
  main_log.record(5.0, "b", {});
  main_log.record(9.0, "c", {});
  medical.record(0.5, "m0", {});
  medical.record(5.0, "m5", {});
  medical.record(20.0, "m20", {});
  main_log.merge(std::move(medical));
  std::ostringstream out;
  main_log.write_jsonl(out);
  std::vector<std::string> types;
  for (const std::string& line : lines_of(out.str())) types.push_back(nlohmann::json::parse(line)["type"]);
  CHECK(types == std::vector<std::string>{"m0", "a", "b", "m5", "c", "m20"});
}

// sort_by_time orders (time, position) pairs and moves each record once (issue 25); it must give
// exactly the stable sort by time: many records at equal times, recorded out of order.
TEST_CASE("sort_by_time is the stable sort by time, equal times in recording order", "[event_log]") {
  campsim::engine::EventLog log;
  std::vector<std::pair<double, std::int64_t>> expected;
  for (std::int64_t i = 0; i < 500; ++i) {
    const double time = static_cast<double>((i * 37) % 11);  // eleven times, out of order, each many times
    log.record(time, "e", {{"i", i}});
    expected.emplace_back(time, i);
  }
  std::stable_sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  log.sort_by_time();
  std::ostringstream got, want;
  log.write_jsonl(got);
  campsim::engine::EventLog in_order;
  for (const auto& [time, i] : expected) in_order.record(time, "e", {{"i", i}});
  in_order.write_jsonl(want);
  CHECK(got.str() == want.str());
}

TEST_CASE("a log that only counts counts every record and builds no fields", "[event_log]") {
  EventLog kept;
  EventLog counted(RecordKeeping::CountOnly);
  int built = 0;
  for (EventLog* log : {&kept, &counted}) {
    log->record(5.0, "alarm", {{"raised", true}});
    log->record_with(2.0, "duty_start", [&] {
      ++built;
      return std::vector<LogField>{{"soldier", std::int64_t{3}}};
    });
  }
  CHECK(built == 1);  // only the log that keeps records asked for the fields
  CHECK(kept.size() == 2);
  CHECK(counted.size() == 2);
  CHECK(kept.counts_by_type() == std::map<std::string, std::size_t>{{"alarm", 1}, {"duty_start", 1}});
  CHECK(counted.counts_by_type().empty());
  std::ostringstream out;
  counted.sort_by_time();
  counted.write_jsonl(out);
  CHECK(out.str().empty());

  // A counting log takes another's count; a keeping log cannot take a count for records.
  EventLog more(RecordKeeping::CountOnly);
  more.record(1.0, "x", {});
  counted.merge(std::move(kept));
  CHECK(counted.size() == 4);
  EventLog keeper;
  CHECK_THROWS_AS(keeper.merge(std::move(more)), std::logic_error);
}
