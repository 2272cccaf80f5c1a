// Same scenario and seed: same bytes, whatever the thread count and whether the engine jumps over
// quiet time or ticks through every second.
#include <catch2/catch.hpp>

#include <sstream>

#include "sim/camp/camp_run.hpp"

using namespace campsim;

namespace {

struct Bytes {
  std::string metrics, events, series;
};

Bytes run_bytes(const camp::Scenario& s, camp::RunOptions options) {
  const camp::RunResult r = camp::run_scenario(s, options);
  std::ostringstream events, series;
  r.events.write_jsonl(events);
  r.series.write_csv(series);
  return {r.metrics.dump(), events.str(), series.str()};
}

camp::Scenario baseline() {
  return camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario;
}

}  // namespace

TEST_CASE("the baseline gives identical bytes on 1, 2 and 4 threads", "[determinism][parallel]") {
  const camp::Scenario s = baseline();
  camp::RunOptions options;
  options.seed = 11;
  options.duration = 3 * engine::kDay;
  options.threads = 1;
  const Bytes one = run_bytes(s, options);
  REQUIRE(one.events.size() > 1000);
  for (int threads : {2, 4}) {
    options.threads = threads;
    const Bytes many = run_bytes(s, options);
    CHECK(many.metrics == one.metrics);
    CHECK(many.events == one.events);
    CHECK(many.series == one.series);
  }
}

TEST_CASE("different seeds give different runs, the same seed the same run", "[determinism]") {
  const camp::Scenario s = baseline();
  camp::RunOptions options;
  options.duration = 2 * engine::kDay;
  options.seed = 1;
  const Bytes a = run_bytes(s, options);
  const Bytes again = run_bytes(s, options);
  options.seed = 2;
  const Bytes b = run_bytes(s, options);
  CHECK(a.events == again.events);
  CHECK(a.metrics == again.metrics);
  CHECK(a.events != b.events);
}

TEST_CASE("jumping over quiet time gives the same outputs as ticking every second", "[determinism][clock]") {
  const camp::Scenario s = baseline();
  camp::RunOptions options;
  options.seed = 5;
  options.duration = 2 * engine::kDay;
  const camp::RunResult jumped = camp::run_scenario(s, options);
  options.always_tick = true;
  const camp::RunResult ticked = camp::run_scenario(s, options);
  CHECK(jumped.metrics.dump() == ticked.metrics.dump());
  std::ostringstream a, b;
  jumped.events.write_jsonl(a);
  ticked.events.write_jsonl(b);
  CHECK(a.str() == b.str());
  CHECK(ticked.loop.ticks == 2 * 86400);       // every second of two days
  CHECK(jumped.loop.ticks == 0);               // the guard model never asks for ticks
  CHECK(jumped.loop.events == ticked.loop.events);
}


TEST_CASE("a run that only counts its log and series gives the same metrics and care records", "[determinism]") {
  // A batch's runs (RecordKeeping::CountOnly): the metrics (events_logged among them) and the
  // care records must be those of a run that keeps everything. Salvos on days 1 and 3 make
  // casualties, care records and an alarm's shelter run.
  camp::Scenario s =
      camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_high_threat.yaml").scenario;
  s.threats.indirect_fire.arrivals.scripted = {1 * engine::kDay + 7 * engine::kHour, 3 * engine::kDay + 15 * engine::kHour};
  s.threats.indirect_fire.detection_probability = 1;
  camp::RunOptions options;
  options.seed = 3;
  options.duration = 5 * engine::kDay;
  const camp::RunResult kept = camp::run_scenario(s, options);
  options.records = engine::RecordKeeping::CountOnly;
  const camp::RunResult counted = camp::run_scenario(s, options);
  REQUIRE_FALSE(kept.care_records.rows.empty());
  CHECK(counted.metrics.dump() == kept.metrics.dump());
  CHECK(counted.care_records.columns == kept.care_records.columns);
  CHECK(counted.care_records.rows == kept.care_records.rows);
  CHECK(counted.events.size() == kept.events.size());
  CHECK(counted.series.rows() == kept.series.rows());
  CHECK(counted.events.counts_by_type().empty());  // it kept no records
  CHECK_FALSE(counted.series.keeps_rows());

  // A batch's runs also leave out the by-hour profiles (arrays, never columns): the metrics are
  // the full run's with exactly those arrays taken out, every other value and the order the same.
  options.hourly_profiles = false;
  const camp::RunResult batch_run = camp::run_scenario(s, options);
  nlohmann::ordered_json expected = kept.metrics;
  REQUIRE(expected["guards"]["vigilance"]["by_hour"]["mean"].size() == 24);
  expected["guards"]["vigilance"].erase("by_hour");
  REQUIRE(expected["guards"]["posts"].size() >= 10);
  for (auto& [post, entry] : expected["guards"]["posts"].items()) {
    REQUIRE(entry["vigilance_by_hour"]["min"].size() == 24);
    entry.erase("vigilance_by_hour");
  }
  CHECK(batch_run.metrics.dump() == expected.dump());
}
