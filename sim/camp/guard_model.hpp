#pragma once
// The guard force as an event-driven model: rosters at each change of guard, sentries arriving
// (sometimes late) and leaving, daily sickness, the annual rotation, and periodic vigilance
// samples. Nothing in it moves continuously, so the engine jumps from event to event.
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "sim/camp/guard_metrics.hpp"
#include "sim/camp/guard_params.hpp"
#include "sim/camp/guard_roster.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/engine/random.hpp"
#include "sim/engine/time_series.hpp"

namespace campsim::camp {

// One sentry's stint at one post slot: due on post at `due`, relieved at `end`.
struct Duty {
  int post = 0;
  int slot = 0;              // 0 for the first guard a post needs, 1 for the second, ...
  std::optional<int> soldier;  // index into soldiers; none if nobody could be posted
  SimTime due = 0;           // when the slot must be manned
  SimTime end = 0;           // when the slot's next sentry takes over (or the slot closes)
  SimTime arrival = 0;       // when the sentry actually arrived
  SimTime left = 0;          // when he actually left (later than `end` if he waited for his relief)
  bool handover = false;     // true if another sentry held the slot just before
  bool cut_short = false;    // the sentry left as a casualty (or never came: wounded first)
};

struct GuardModelConfig {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  SimTime start_time_of_day = 0;         // local time of day at t = 0
  SimTime end = 30 * engine::kDay;
  SimTime sample_interval = 15 * engine::kMinute;
};

class GuardModel {
 public:
  GuardModel(const GuardParams& params, const GuardModelConfig& config, engine::EventLog& log,
             engine::TimeSeries& series);

  // Puts the first recurring events in the queue.
  void schedule_initial_events(engine::EventQueue& queue);

  // The engine's model interface.
  std::optional<SimTime> on_event(const engine::Event& event, engine::EventQueue& queue);

  // Columns other modules add to every sample row (the world's census), after the guard
  // model's own: `extend` appends their values for the sample at the given time.
  void set_sample_extension(std::function<void(SimTime, std::vector<double>&)> extend) { extend_ = std::move(extend); }

  // Closes the books at the end of the run: duties in progress count up to `end`.
  void finish();

  const GuardMetrics& metrics() const { return metrics_; }
  const std::vector<Soldier>& soldiers() const { return soldiers_; }
  const std::vector<Duty>& duties() const { return duties_; }
  // Duty seconds each soldier actually stood, clipped to [0, end]; valid after finish().
  const std::vector<double>& duty_seconds() const { return duty_seconds_; }
  static std::vector<std::string> time_series_columns();
  // Read-only views for snapshots: the duties standing at a post, and a sentry's vigilance now.
  const std::vector<int>& sentries_on_post(int post) const { return on_post_[post]; }
  double sentry_vigilance_now(int duty, SimTime now) const;
  // The post a soldier stands now, if any.
  std::optional<int> post_of_soldier(int soldier) const { return post_of_soldier_[static_cast<std::size_t>(soldier)]; }

  // A soldier wounded or killed at `now`: if on post he leaves it (unmanned until the slot's next
  // relief; the lost guard-hours are counted), and he is not rostered again before
  // `unavailable_until` (infinity for the killed). The caller is the world, which knows who was hit.
  void casualty(int soldier, SimTime now, SimTime unavailable_until);
  // A wounded soldier the medical chain discharged at t: available to the roster from t.
  void return_to_duty(int soldier, SimTime t);

 private:
  void roster_shift(SimTime shift_start, engine::EventQueue& queue);
  void start_duty(int duty, SimTime now);
  void end_duty(int duty, SimTime now);
  void leave_post(int post, int duty);  // takes the duty out of on_post_ and standing_ together
  void new_day(std::int64_t day);
  void rotate_unit(SimTime now);
  void sample(SimTime now);
  void add_unit(SimTime arrival, int unit);
  double fatigue_now(const Soldier& s, SimTime now) const;
  SimTime time_of_day(SimTime t) const;
  engine::RandomStream stream(std::string_view purpose, std::uint64_t entity, std::uint64_t tick) const;

  const GuardParams& params_;
  GuardModelConfig config_;
  engine::EventLog& log_;
  engine::TimeSeries& series_;

  std::vector<Soldier> soldiers_;
  SentryQueue sentry_queue_;  // the soldiers in theatre, in the roster's order of preference
  std::vector<Duty> duties_;
  std::vector<std::vector<int>> on_post_;      // duty indices currently standing, per post
  // What the quarter-hourly sample reads of each standing sentry, beside on_post_ and in its
  // order (pushed and erased with it): his duty's arrival, his fatigue when he came on post (it
  // only builds while he stands) and his unit. The sample reads these 1.2 million times in a
  // 20-run batch; through the duty and the soldier it was two dependent lookups each (issue 25).
  struct StandingSentry {
    SimTime arrival = 0;
    double fatigue = 0;
    SimTime fatigue_time = 0;
    int unit = 0;
    SimTime unit_arrival = 0;
  };
  std::vector<std::vector<StandingSentry>> standing_;
  std::vector<std::vector<std::optional<int>>> last_duty_;  // per post and slot, the latest duty created, if any
  std::vector<std::uint64_t> end_event_;       // per duty, the queue handle of its end event
  std::vector<double> duty_seconds_;
  std::vector<std::optional<int>> post_of_soldier_;  // per soldier, the post he stands now, if any
  int units_ = 0;
  std::int64_t roster_count_ = 0;
  GuardMetrics metrics_;
  // Soldiers in theatre and unfit today: changes only at a new day and at a rotation.
  long soldiers_unfit_ = 0;
  // The sample's scratch, kept between samples (no allocation per sample): each unit's experience
  // at the sample's instant, once worked out, and the row.
  std::vector<std::optional<double>> experience_now_;
  std::vector<double> exponents_, powers_;  // sample()'s scratch: every standing sentry's two exponentials
  std::vector<double> row_;
  // roster_shift's scratch: the hour of day of each hour of the shift, and a slot's periods.
  std::vector<int> hour_of_day_;
  std::vector<std::pair<SimTime, SimTime>> periods_;
  std::function<void(SimTime, std::vector<double>&)> extend_;
};

}  // namespace campsim::camp
