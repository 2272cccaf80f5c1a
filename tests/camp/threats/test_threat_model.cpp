// Threats inside a whole run: scheduling, independence from the guards' random numbers, and
// agreement between the event log, the casualty list and the metrics.
#include <catch2/catch.hpp>

#include <sstream>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/guard_model.hpp"

using namespace campsim;
using engine::kDay;
using engine::kHour;
using engine::kMinute;

namespace {
camp::Scenario baseline() {
  return camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario;
}
}  // namespace

TEST_CASE("scripted attacks happen exactly when scripted, and only they when rates are zero", "[threats][model]") {
  camp::Scenario s = baseline();
  camp::disable_all_threats(s.threats);
  s.threats.indirect_fire.arrivals.scripted = {2 * kHour, 30 * kHour};
  s.threats.vehicle_bomb.arrivals.scripted = {20 * kHour + 45 * kMinute};
  camp::RunOptions options;
  options.duration = 2 * kDay;
  const camp::RunResult r = camp::run_scenario(s, options);
  const auto& by_kind = r.metrics["threats"]["by_kind"];
  CHECK(r.metrics["threats"]["incidents"] == 3);
  CHECK(by_kind["indirect_fire"]["incidents"] == 2);
  CHECK(by_kind["vehicle_bomb"]["incidents"] == 1);
  std::ostringstream log;
  r.events.write_jsonl(log);
  std::istringstream lines(log.str());
  std::string line;
  std::vector<double> times;
  while (std::getline(lines, line)) {
    const auto record = nlohmann::json::parse(line);
    if (record["type"] == "incident") times.push_back(record["t"].get<double>());
  }
  CHECK(times == std::vector<double>{2 * kHour, 20 * kHour + 45 * kMinute, 30 * kHour});
}

TEST_CASE("threats change the guards' numbers only through casualties", "[threats][model][determinism]") {
  // Threat arrivals and outcomes draw from their own streams; with rounds that hurt nobody the
  // guard model's results must be the same to the byte with threats on or off. (A round that
  // hurts a sentry changes them: tests/camp/world/test_sentry_casualty.cpp.)
  camp::Scenario with = baseline();
  with.threats.indirect_fire.arrivals.per_day = 2;  // plenty of attacks
  with.threats.indirect_fire.round = {0, 0};
  camp::Scenario without = with;
  camp::disable_all_threats(without.threats);
  camp::RunOptions options;
  options.duration = 5 * kDay;
  const camp::RunResult a = camp::run_scenario(with, options);
  const camp::RunResult b = camp::run_scenario(without, options);
  REQUIRE(a.metrics["threats"]["incidents"].get<int>() > 3);
  CHECK(b.metrics["threats"]["incidents"] == 0);
  CHECK(a.metrics["guards"].dump() == b.metrics["guards"].dump());
  // The guard model's own columns; the census after them counts the alarms' bunker runs, which
  // the threats do change.
  const std::size_t guard_columns = camp::GuardModel::time_series_columns().size();
  REQUIRE(a.series.rows() == b.series.rows());
  for (std::size_t row = 0; row < a.series.rows(); ++row)
    for (std::size_t column = 0; column < guard_columns; ++column) REQUIRE(a.series.at(row, column) == b.series.at(row, column));
}

TEST_CASE("casualties agree between the list, the log and the metrics", "[threats][model]") {
  camp::Scenario s = baseline();
  s.threats.indirect_fire.arrivals.per_day = 1;
  s.threats.infiltration.arrivals.per_day = 0.5;
  s.threats.vehicle_bomb.arrivals.per_day = 0.3;
  s.threats.roadside_bomb.bombs_per_1000_km = 5;
  camp::RunOptions options;
  options.seed = 4;
  options.duration = 20 * kDay;
  const camp::RunResult r = camp::run_scenario(s, options);
  const auto& t = r.metrics["threats"];
  REQUIRE(!r.casualties.empty());
  CHECK(t["casualties"]["total"].get<std::size_t>() == r.casualties.size());
  long killed = 0, by_kind_total = 0;
  for (const auto& c : r.casualties) killed += c.triage == camp::Triage::Killed ? 1 : 0;
  CHECK(t["casualties"]["killed"].get<long>() == killed);
  for (const auto& [kind, k] : t["by_kind"].items()) by_kind_total += k["killed"].get<long>() + k["wounded"].get<long>();
  CHECK(by_kind_total == static_cast<long>(r.casualties.size()));
  CHECK(r.events.counts_by_type().at("casualty") == r.casualties.size());
  // Ids are dense and in order; roadside bomb casualties are outside the camp.
  for (std::size_t i = 0; i < r.casualties.size(); ++i) {
    CHECK(r.casualties[i].id == static_cast<int>(i));
    if (r.casualties[i].cause == camp::Cause::RoadsideBomb) CHECK_FALSE(r.casualties[i].inside_camp);
  }
}
