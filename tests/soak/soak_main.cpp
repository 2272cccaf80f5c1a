// Model-robustness soak (issue 10): thousands of random scenarios drawn across the documented
// range of every parameter (docs/scenario-reference.md, the readers' ranges), each run for a
// short period through the public API (load_scenario with --set overrides, run_scenario), so it
// keeps working while the model's internals are rebuilt. A scenario the loader refuses is
// counted as refused (the CLI's exit 2); every scenario that loads must run and:
//   - finish (a watchdog aborts with the overrides if one scenario runs for ten minutes: a hang);
//     a draw meaning more than 2,000 attacks on average is run for a shorter time instead;
//   - give finite metrics (every number in metrics.json);
//   - log events in time order, at finite non-negative times;
//   - conserve casualties: the incidents' killed + wounded equal the casualties; each incident
//     begins within the run and each casualty is hurt at or after the start of its incident;
//     with the medical chain on, each casualty has exactly one care record with an outcome;
//   - give the same metrics on 2 threads as on 1 (every 10th scenario).
// Usage: campsim_soak [COUNT=200] [SEED=1] [FIRST=0] [--known-unordered-log]: draws FIRST to
// FIRST+COUNT-1 of SEED's sequence, so a long soak can be cut into pieces that run side by side
// (ctest runs draws 0-9 and 10-19 as two tests) and still be the same draws as one run. Prints the
// count drawn, refused, run and failed; exits 1 if any failed (the overrides of each failure are
// printed to reproduce it).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/camp/threats/attack_budget.hpp"
#include "sim/engine/random.hpp"
#include "sim/scenario/diagnostic.hpp"

using namespace campsim;

namespace {

enum class Kind { Number, Integer, Duration, Boolean };

// One parameter and its documented range. `log`: drawn log-uniformly (ranges over decades).
struct Parameter {
  const char* key;
  Kind kind;
  double low, high;
  bool log = false;
};

constexpr double kMin = 60, kHour = 3600, kDay = 86400;

const std::vector<Parameter> kParameters = {
    {"scenario.start_time_of_day", Kind::Duration, 0, kDay - 1},
    {"scenario.tick", Kind::Duration, 0.01, 60, true},
    {"force.daily_unavailability", Kind::Number, 0, 1},
    {"guards.shifts.length", Kind::Integer, 0, 0},  // special: whole hours dividing 24
    {"guards.shifts.first_start", Kind::Integer, 0, 0},  // special: whole hours
    {"guards.shifts.handover_overlap", Kind::Duration, 0, 2 * kHour},
    {"guards.shifts.min_rest", Kind::Duration, 0, 48 * kHour},
    {"guards.vigilance.on_post_start", Kind::Number, 0, 1},
    {"guards.vigilance.floor", Kind::Number, 0, 1},
    {"guards.vigilance.decay_time", Kind::Duration, 1, 7 * kDay, true},
    {"guards.vigilance.night.factor", Kind::Number, 0, 1},
    {"guards.vigilance.heat.factor", Kind::Number, 0, 1},
    {"guards.fatigue.build_time", Kind::Duration, kHour, 365 * kDay, true},
    {"guards.fatigue.recovery_time", Kind::Duration, 60, 365 * kDay, true},
    {"guards.fatigue.vigilance_weight", Kind::Number, 0, 1},
    {"guards.rotation.interval", Kind::Duration, kDay, 3650 * kDay, true},
    {"guards.rotation.first_in", Kind::Duration, 0, 3650 * kDay},
    {"guards.rotation.initial_experience", Kind::Number, 0.01, 1},
    {"guards.rotation.learning_time", Kind::Duration, kHour, 3650 * kDay, true},
    {"threats.indirect_fire.arrivals.per_day", Kind::Number, 1e-3, 1000, true},
    {"threats.indirect_fire.arrivals.annual_growth", Kind::Number, -0.99, 100},
    {"threats.indirect_fire.cep_m", Kind::Number, 0, 10000},
    {"threats.indirect_fire.detection_probability", Kind::Number, 0, 1},
    {"threats.indirect_fire.warning_time", Kind::Duration, 0, 10 * kMin},
    {"threats.indirect_fire.reaction_awake", Kind::Duration, 0, kHour},
    {"threats.indirect_fire.reaction_asleep", Kind::Duration, 0, kHour},
    {"threats.indirect_fire.run_speed_mps", Kind::Number, 0.1, 10},
    {"threats.vehicle_bomb.arrivals.per_day", Kind::Number, 1e-3, 1000, true},
    {"threats.vehicle_bomb.approach_distance_m", Kind::Number, 1, 5000, true},
    {"threats.vehicle_bomb.barrier_stop_probability", Kind::Number, 0, 1},
    {"threats.infiltration.arrivals.per_day", Kind::Number, 1e-3, 1000, true},
    {"threats.infiltration.exposure", Kind::Duration, 0, kDay},
    {"threats.infiltration.night_visibility", Kind::Number, 0, 1},
    {"threats.infiltration.time_to_attack", Kind::Duration, 0, kDay},
    {"threats.complex_attack.arrivals.per_day", Kind::Number, 1e-3, 1000, true},
    {"threats.roadside_bomb.km_per_day", Kind::Number, 0, 100000},
    {"threats.roadside_bomb.bombs_per_1000_km", Kind::Number, 0, 1000},
    {"threats.roadside_bomb.found_by_clearance", Kind::Number, 0, 1},
    {"threats.roadside_bomb.killed_share", Kind::Number, 0, 1},
    {"qrf.notice_to_move_day", Kind::Duration, 0, 7 * kDay, true},
    {"qrf.notice_to_move_night", Kind::Duration, 0, 7 * kDay, true},
    {"qrf.drive_speed_mps", Kind::Number, 0.1, 50, true},
    {"qrf.foot_speed_mps", Kind::Number, 0.1, 10},
    {"medical.casevac.night_unavailability_factor", Kind::Number, 0, 100},
    {"medical.casevac.approval.pre_authorized_skip_levels", Kind::Integer, 0, 10},
    {"medical.ambulances.vehicles", Kind::Integer, 0, 100},
    {"medical.ambulances.capacity", Kind::Integer, 1, 20},
    {"medical.hospital.resuscitation_bays", Kind::Integer, 1, 1000},
    {"medical.hospital.operating_tables", Kind::Integer, 1, 1000},
    {"medical.hospital.icu_beds", Kind::Integer, 1, 1000},
    {"medical.hospital.ward_beds", Kind::Integer, 1, 10000},
    {"medical.hospital.mass_casualty_threshold", Kind::Integer, 1, 1000},
    {"medical.routine_admissions.per_day", Kind::Number, 0, 1000},
    {"medical.air_evacuation.helicopters", Kind::Integer, 0, 100},
    {"metrics.sample_interval", Kind::Duration, 60, kDay, true},
};

const char* const kScenarios[] = {"scenarios/gao_baseline.yaml", "scenarios/gao_2014_part_day.yaml",
                                  "scenarios/gao_12h_shifts.yaml", "scenarios/replay_2016-05-31_gao.yaml",
                                  "scenarios/policies/pre_authorized_dispatch.yaml",
                                  "scenarios/policies/ambulance_at_main_gate.yaml"};

struct Draw {
  std::string file;
  std::vector<std::string> overrides;
  double days = 1;
};

Draw draw(std::uint64_t seed, std::uint64_t index) {
  engine::RandomStream rng(engine::StreamKey{seed, index, 0x50a6, 0, 0});
  Draw d;
  d.file = std::string(CAMPSIM_SOURCE_DIR) + "/" + kScenarios[rng.uniform_index(std::size(kScenarios))];
  for (const Parameter& p : kParameters) {
    if (rng.uniform01() > 0.2) continue;  // about a fifth of the parameters changed at once
    const std::string key = p.key;
    std::string value;
    if (key == "guards.shifts.length") {
      const int lengths[] = {1, 2, 3, 4, 6, 8, 12, 24};
      value = fmt::format("{}h", lengths[rng.uniform_index(8)]);
    } else if (key == "guards.shifts.first_start") {
      value = fmt::format("{}h", rng.uniform_index(24));
    } else if (p.kind == Kind::Boolean) {
      value = rng.uniform01() < 0.5 ? "true" : "false";
    } else {
      const double u = rng.uniform01();
      // The ends of the range are drawn on purpose now and then: edges find bugs.
      const double edge = rng.uniform01();
      double x = p.log ? std::exp(std::log(p.low) + u * (std::log(p.high) - std::log(p.low))) : p.low + u * (p.high - p.low);
      if (edge < 0.05) x = p.low;
      if (edge > 0.95) x = p.high;
      if (p.kind == Kind::Integer) value = fmt::format("{}", static_cast<long>(std::llround(x)));
      else if (p.kind == Kind::Duration) value = fmt::format("{:.3f}s", x);
      else value = fmt::format("{:.6g}", x);
    }
    d.overrides.push_back(key + "=" + value);
  }
  // Short runs: from one hour to three days.
  d.days = std::exp(std::log(1.0 / 24) + rng.uniform01() * (std::log(3.0) - std::log(1.0 / 24)));
  return d;
}

std::string repro(const Draw& d) {
  std::string line = fmt::format("campsim run {} --days {:.6f}", d.file, d.days);
  for (const std::string& o : d.overrides) line += " --set '" + o + "'";
  return line;
}

void finite_numbers(const nlohmann::ordered_json& j, const std::string& path, std::vector<std::string>& problems) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) finite_numbers(v, path + "." + k, problems);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) finite_numbers(j[i], path + "[" + std::to_string(i) + "]", problems);
  } else if (j.is_number_float() && !std::isfinite(j.get<double>())) {
    problems.push_back("metric " + path + " is not finite");
  }
}

std::vector<std::string> check_run(const camp::Scenario& scenario, const camp::RunResult& r, double end,
                                   bool event_order, long& unordered_logs) {
  std::vector<std::string> problems;
  finite_numbers(r.metrics, "metrics", problems);
  std::ostringstream events;
  r.events.write_jsonl(events);
  std::istringstream lines(events.str());
  double last = -1;
  long n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.contains("t") || !record["t"].is_number()) {
      problems.push_back(fmt::format("event {} is not a JSON record with a time", n));
      break;
    }
    const double t = record["t"].get<double>();
    if (!std::isfinite(t) || t < 0) {
      problems.push_back(fmt::format("event {} at t={}: not a time of the run", n, t));
      break;
    }
    if (t < last) {
      // Known finding (docs/reliability.md): the guard model logs some records ahead of time.
      ++unordered_logs;
      if (event_order) problems.push_back(fmt::format("event {} at t={} after t={}: times out of order", n, t, last));
      break;
    }
    last = t;
  }
  long hurt = 0;
  for (const camp::Incident& i : r.incidents) hurt += i.killed + i.wounded;
  if (hurt != static_cast<long>(r.casualties.size()))
    problems.push_back(fmt::format("incidents count {} killed and wounded, but there are {} casualties", hurt, r.casualties.size()));
  // Causality: every incident begins within the run, and every casualty belongs to one and is
  // hurt at or after its start (an incident begun before the end is resolved whole, so its
  // casualties may come after the end).
  std::map<int, double> incident_start;
  for (const camp::Incident& i : r.incidents) {
    incident_start[i.id] = i.time;
    if (!std::isfinite(i.time) || i.time < 0 || i.time > end) {
      problems.push_back(fmt::format("incident {} begins at t={}, outside the run [0, {}]", i.id, i.time, end));
      break;
    }
  }
  for (const camp::Casualty& c : r.casualties) {
    const auto start = incident_start.find(c.incident);
    if (start == incident_start.end() || !std::isfinite(c.time) || c.time < start->second) {
      problems.push_back(fmt::format("casualty {} hurt at t={}, not after the start of its incident {}", c.id, c.time, c.incident));
      break;
    }
  }
  if (scenario.medical.enabled) {
    if (r.care_records.rows.size() != r.casualties.size())
      problems.push_back(fmt::format("{} casualties but {} care records", r.casualties.size(), r.care_records.rows.size()));
    long outcome = -1;
    for (std::size_t c = 0; c < r.care_records.columns.size(); ++c)
      if (r.care_records.columns[c] == "outcome") outcome = static_cast<long>(c);
    for (const auto& row : r.care_records.rows)
      if (outcome < 0 || row.at(static_cast<std::size_t>(outcome)).empty()) {
        problems.push_back("a care record without an outcome");
        break;
      }
  }
  return problems;
}

// Aborts the process with the scenario if one run takes ten minutes: a hang, not slowness (a
// soak run means at most 2,000 attacks and takes seconds even on a loaded machine).
class Watchdog {
 public:
  explicit Watchdog(int seconds) : seconds_(seconds), thread_([this] { watch(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  void start(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    what_ = what;
    ++generation_;
    cv_.notify_all();
  }

 private:
  void watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!done_) {
      const long seen = generation_;
      if (!cv_.wait_for(lock, std::chrono::seconds(seconds_), [&] { return done_ || generation_ != seen; })) {
        std::fprintf(stderr, "soak: HANG: one scenario ran for more than %d s:\n  %s\n", seconds_, what_.c_str());
        std::_Exit(1);
      }
    }
  }
  int seconds_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::string what_;
  long generation_ = 0;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  // --known-unordered-log: count event logs out of time order instead of failing on them (a
  // known finding of this soak in the guard model, reported in docs/reliability.md; ctest passes
  // it until the model's one-world loop logs in order, then the flag goes).
  const bool event_order = std::find(args.begin(), args.end(), "--known-unordered-log") == args.end();
  std::erase(args, "--known-unordered-log");
  const long count = args.size() > 0 ? std::atol(args[0].c_str()) : 200;
  const std::uint64_t seed = args.size() > 1 ? std::strtoull(args[1].c_str(), nullptr, 10) : 1;
  const long first = args.size() > 2 ? std::atol(args[2].c_str()) : 0;
  long refused = 0, ran = 0, failed = 0, unordered_logs = 0;
  Watchdog watchdog(600);
  for (long i = first; i < first + count; ++i) {
    Draw d = draw(seed, static_cast<std::uint64_t>(i));
    watchdog.start(repro(d));
    camp::LoadedScenario loaded;
    try {
      loaded = camp::load_scenario(d.file, d.overrides);
    } catch (const scenario::ScenarioError&) {
      ++refused;  // cross-parameter rules (a floor above the start, overlap >= length, ...)
      continue;
    }
    // Brief runs: a draw with thousands of attacks a day is shortened (its parameters kept) so
    // it means at most kSoakAttacks attacks on average. The CLI's limit (100,000) is for single
    // runs a user asked for; the soak is about ranges, not load.
    constexpr double kSoakAttacks = 60;   // the world ticks while people run: keep draws short
    const double attacks = camp::expected_attacks(loaded.scenario.threats, d.days * kDay);
    const double days = attacks > kSoakAttacks ? std::max(d.days * kSoakAttacks / attacks, 60.0 / kDay) : d.days;
    d.days = days;
    watchdog.start(repro(d));
    std::vector<std::string> problems;
    try {
      camp::RunOptions run;
      run.seed = seed + static_cast<std::uint64_t>(i);
      run.duration = days * kDay;
      const camp::RunResult result = camp::run_scenario(loaded.scenario, run);
      problems = check_run(loaded.scenario, result, run.duration, event_order, unordered_logs);
      if (i % 10 == 0) {
        run.threads = 2;
        if (camp::run_scenario(loaded.scenario, run).metrics.dump() != result.metrics.dump())
          problems.push_back("metrics differ between 1 and 2 threads");
      }
    } catch (const std::exception& e) {
      problems.push_back(std::string("exception: ") + e.what());
    }
    ++ran;
    if (!problems.empty()) {
      ++failed;
      std::cerr << "soak: scenario " << i << " FAILED:\n  " << repro(d) << "\n";
      for (const std::string& p : problems) std::cerr << "  - " << p << "\n";
    }
  }
  std::cout << fmt::format("soak: {} scenarios drawn (seed {}, draws {} to {}), {} refused by validation, {} run, "
                           "{} failed; {} event logs out of time order{}\n",
                           count, seed, first, first + count - 1, refused, ran, failed, unordered_logs, event_order ? "" : " (counted, not failed)");
  return failed == 0 ? 0 : 1;
}
