// The guard model against cases small enough to work out on paper.
#include <catch2/catch.hpp>

#include "sim/camp/camp_run.hpp"
#include "small_camp.hpp"

using namespace campsim;
using campsim::testing::small_camp;
using engine::kHour;
using engine::kMinute;

namespace {
const nlohmann::ordered_json& guards(const camp::RunResult& r) { return r.metrics["guards"]; }
}  // namespace

TEST_CASE("two posts, three 8-hour shifts, six soldiers: full coverage, 8 h each", "[guards][hand]") {
  // Shifts 06-14, 14-22, 22-06; each needs 2 sentries; 6 soldiers can each take one shift.
  const camp::Scenario s = small_camp(2, 6, 8);
  const camp::RunResult r = camp::run_scenario(s, {});
  const auto& cov = guards(r)["coverage"];
  CHECK(cov["overall"].get<double>() == Approx(1.0));
  CHECK(cov["required_guard_hours"].get<double>() == Approx(48.0));
  CHECK(cov["manned_guard_hours"].get<double>() == Approx(48.0));
  CHECK(cov["duties"].get<long>() == 6);
  CHECK(cov["unfilled_duties"].get<long>() == 0);
  const auto& duty = guards(r)["duty_hours_per_soldier_per_day"];
  CHECK(duty["min"].get<double>() == Approx(8.0));
  CHECK(duty["max"].get<double>() == Approx(8.0));
  // Shifts 2 and 3 take over both posts: 4 handovers, none late (lateness fixed at 0).
  CHECK(guards(r)["handover"]["handovers"].get<long>() == 4);
  CHECK(guards(r)["handover"]["gaps"].get<long>() == 0);
}

TEST_CASE("five soldiers with 16 h minimum rest leave the last sentry slot empty", "[guards][hand]") {
  // Shift 1: soldiers 0,1. Shift 2: 2,3. Shift 3 (22-06): soldier 4, then nobody: 0 and 1 have had
  // only 8 h rest. The second post stands empty for 8 of 48 required hours.
  camp::Scenario s = small_camp(2, 5, 8);
  s.guards.shifts.min_rest = 16 * kHour;
  const camp::RunResult r = camp::run_scenario(s, {});
  const auto& cov = guards(r)["coverage"];
  CHECK(cov["overall"].get<double>() == Approx(40.0 / 48.0));
  CHECK(cov["unfilled_duties"].get<long>() == 1);
  CHECK(guards(r)["posts"]["T0"]["coverage"].get<double>() == Approx(1.0));
  CHECK(guards(r)["posts"]["T1"]["coverage"].get<double>() == Approx(16.0 / 24.0));
  const auto& duty = guards(r)["duty_hours_per_soldier_per_day"];
  CHECK(duty["min"].get<double>() == Approx(8.0));
  CHECK(duty["max"].get<double>() == Approx(8.0));
  CHECK(r.events.counts_by_type().at("post_unmanned") == 1);
}

TEST_CASE("a 15-minute handover overlap adds a quarter hour to every relieving duty", "[guards][hand]") {
  // Shift 1's sentries are on post at t = 0 (no handover); shifts 2 and 3 arrive 15 min early.
  // Total stood: 2 * 8 h + 4 * 8.25 h = 49 h. Coverage stays exactly 1 (overlap is extra, not gap).
  camp::Scenario s = small_camp(2, 6, 8);
  s.guards.shifts.handover_overlap = 15 * kMinute;
  const camp::RunResult r = camp::run_scenario(s, {});
  CHECK(guards(r)["coverage"]["overall"].get<double>() == Approx(1.0));
  const auto& duty = guards(r)["duty_hours_per_soldier_per_day"];
  CHECK(duty["mean"].get<double>() == Approx(49.0 / 6.0));
  CHECK(duty["min"].get<double>() == Approx(8.0));
  CHECK(duty["max"].get<double>() == Approx(8.25));
}

TEST_CASE("over several days a fair roster gives every soldier the same hours", "[guards][hand]") {
  // 3 posts x 24 h = 72 guard-hours a day shared by 9 soldiers: 8 h each, every day.
  camp::Scenario s = small_camp(3, 9, 8);
  s.meta.duration = 5 * engine::kDay;
  const camp::RunResult r = camp::run_scenario(s, {});
  const auto& duty = guards(r)["duty_hours_per_soldier_per_day"];
  CHECK(duty["min"].get<double>() == Approx(8.0));
  CHECK(duty["max"].get<double>() == Approx(8.0));
  CHECK(guards(r)["coverage"]["overall"].get<double>() == Approx(1.0));
}

TEST_CASE("a post manned by day only is required for exactly those hours", "[guards][hand]") {
  // T1 needs a sentry 06:00-18:00 only: required hours = 24 + 12 over one day.
  camp::Scenario s = small_camp(2, 6, 6);
  s.guards.posts[1].manning = {{6 * kHour, 18 * kHour, 1}};
  camp::derive_required_by_hour(s.guards.posts[1]);
  const camp::RunResult r = camp::run_scenario(s, {});
  CHECK(guards(r)["coverage"]["required_guard_hours"].get<double>() == Approx(36.0));
  CHECK(guards(r)["posts"]["T1"]["required_guard_hours"].get<double>() == Approx(12.0));
  CHECK(guards(r)["coverage"]["overall"].get<double>() == Approx(1.0));
  // No sentry samples at T1 between 18:00 and 06:00.
  const auto& night = guards(r)["posts"]["T1"]["vigilance_by_hour"]["mean"];
  CHECK(night[20].is_null());
  CHECK(night[3].is_null());
  CHECK_FALSE(night[10].is_null());
}

TEST_CASE("when the relief is late the outgoing sentry's choice decides gap or overtime", "[guards][hand]") {
  // Every relief arrives exactly 20 min late (lateness fixed 20 min, no overlap).
  camp::Scenario s = small_camp(1, 3, 8);
  s.guards.shifts.relief_lateness = engine::Distribution::fixed(20 * kMinute);
  SECTION("at_shift_end: two handovers, each leaves a 20-minute gap") {
    const camp::RunResult r = camp::run_scenario(s, {});
    const auto& h = guards(r)["handover"];
    CHECK(h["handovers"].get<long>() == 2);
    CHECK(h["gaps"].get<long>() == 2);
    CHECK(h["gap_max_minutes"].get<double>() == Approx(20.0));
    CHECK(guards(r)["coverage"]["manned_guard_hours"].get<double>() == Approx(24.0 - 40.0 / 60.0));
  }
  SECTION("when_relieved: no gap, the outgoing sentries stand 20 minutes longer") {
    s.guards.shifts.relief = camp::Relief::WhenRelieved;
    const camp::RunResult r = camp::run_scenario(s, {});
    CHECK(guards(r)["handover"]["gaps"].get<long>() == 0);
    CHECK(guards(r)["coverage"]["overall"].get<double>() == Approx(1.0));
    // Soldier 0: 8 h + 20 min; soldier 1: 20 min late arrival, 20 min overtime = 8 h; soldier 2: 7 h 40 min.
    const auto& duty = guards(r)["duty_hours_per_soldier_per_day"];
    CHECK(duty["max"].get<double>() == Approx(8.0 + 1.0 / 3.0));
    CHECK(duty["min"].get<double>() == Approx(8.0 - 1.0 / 3.0));
    CHECK(duty["mean"].get<double>() == Approx(8.0));
  }
}
