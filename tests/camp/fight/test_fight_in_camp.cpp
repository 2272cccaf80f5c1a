// An infiltration fought out in the whole camp: what the fight's log says adds up to what the
// world and the medical chain received, the incident ends when its intruders do, and the bytes do
// not depend on the thread count.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/camp/camp_run.hpp"
#include "tests/support/run_events.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_camp_fight_test_fight_in_camp {

using namespace campsim;

namespace {

camp::Scenario night_infiltration(const std::string& file) {
  return camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/studies/" + file).scenario;
}

}  // namespace

TEST_CASE("every hit on a camp person in the fight's log is a casualty of the world, and no other", "[fight][world]") {
  const camp::Scenario s = night_infiltration("qrf_notice_30min.yaml");
  long fights_with_hits = 0;
  for (std::uint64_t seed : {1, 2, 3}) {
    camp::RunOptions options;
    options.seed = seed;
    const camp::RunResult r = camp::run_scenario(s, options);
    REQUIRE(r.incidents.size() == 1);
    const camp::Incident& incident = r.incidents.front();
    REQUIRE(incident.kind == camp::ThreatKind::Infiltration);
    REQUIRE(incident.fight.has_value());
    // Hits on the camp's people, by who and when, from the shots in the log (aimed or stray).
    // QRF members are persons of the world too (guards off duty), so every camp person hit has
    // a person id.
    std::map<long, double> hit_at;
    long attackers_hit = 0, hits_by_camp = 0, hits = 0;
    for (const auto& shot : testing::event_records(r, "shot")) {
      if (!shot["hit"].get<bool>()) continue;
      ++hits;
      if (shot["shooter_role"] != "intruder") ++hits_by_camp;
      if (shot["target_role"] == "intruder") {
        ++attackers_hit;
      } else {
        CHECK(hit_at.count(shot["target"].get<long>()) == 0);  // one hit takes a person out of the fight
        hit_at[shot["target"].get<long>()] = shot["t"].get<double>();
      }
    }
    // The casualties of the incident are exactly those hits, each at its shot's time.
    REQUIRE(r.casualties.size() == hit_at.size());
    for (const camp::Casualty& c : r.casualties) {
      CHECK(c.cause == camp::Cause::Gunfire);
      REQUIRE(c.person.has_value());
      REQUIRE(hit_at.count(c.person->value) == 1);
      CHECK(c.time == hit_at[c.person->value]);
    }
    CHECK(incident.killed + incident.wounded == static_cast<int>(r.casualties.size()));
    // The intruders: each is down or gone at the end, and the fight ended then.
    const camp::FightSummary& f = *incident.fight;
    CHECK(f.attackers == 3);
    REQUIRE(f.ended.has_value());
    CHECK(f.neutralized() + f.attackers_gone == f.attackers);
    // The run's metrics say the same, every intruder counted once: killed, wounded, captured or gone.
    const auto& m = r.metrics["threats"]["fight"];
    CHECK(m["attackers_killed"].get<int>() == f.attackers_killed);
    CHECK(m["attackers_wounded"].get<int>() == f.attackers_wounded);
    CHECK(m["attackers_captured"].get<int>() == f.attackers_captured);
    CHECK(m["attackers_neutralized"].get<int>() ==
          m["attackers_killed"].get<int>() + m["attackers_wounded"].get<int>() + m["attackers_captured"].get<int>());
    CHECK(m["attackers_neutralized"].get<int>() + m["attackers_gone"].get<int>() == m["attackers"].get<int>());
    CHECK(f.hits_by_camp == hits_by_camp);
    CHECK(f.hits == hits);
    CHECK(f.hits == attackers_hit + static_cast<long>(r.casualties.size()));
    CHECK(incident.qrf->contained == *f.ended);
    // The medical chain received every wounded casualty.
    CHECK(r.care_records.rows.size() == r.casualties.size());
    fights_with_hits += hit_at.empty() ? 0 : 1;
  }
  CHECK(fights_with_hits >= 1);  // the check above was not vacuous
}

TEST_CASE("a fight gives the same bytes on 1 and 2 threads", "[fight][determinism][parallel]") {
  const camp::Scenario s = night_infiltration("infiltration_night.yaml");
  std::string first;
  for (int threads : {1, 2}) {
    camp::RunOptions options;
    options.seed = 5;
    options.threads = threads;
    const camp::RunResult r = camp::run_scenario(s, options);
    std::ostringstream events;
    r.events.write_jsonl(events);
    const std::string bytes = r.metrics.dump() + events.str();
    REQUIRE(bytes.find("\"type\":\"shot\"") != std::string::npos);
    if (first.empty())
      first = bytes;
    else
      CHECK(bytes == first);
  }
}

}  // namespace unity_camp_fight_test_fight_in_camp
