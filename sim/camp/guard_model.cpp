#include "sim/camp/guard_model.hpp"

#include <algorithm>
#include <cmath>

#include "sim/camp/human_factors.hpp"
#include "sim/camp/core/event_kinds.hpp"

namespace campsim::camp {

namespace {

// The order at equal times is the registry's (sim/camp/core/event_kinds.hpp).
constexpr EventKind kRotation = EventKind::UnitRotation;
constexpr EventKind kNewDay = EventKind::NewDay;
constexpr EventKind kRoster = EventKind::Roster;
constexpr EventKind kDutyEnd = EventKind::DutyEnd;
constexpr EventKind kDutyStart = EventKind::DutyStart;
constexpr EventKind kSample = EventKind::Sample;

// Roster subjects: the shift number k (shift k starts at first_shift_start + k * length).
// Shift 0 is the one already running at t = 0, whose sentries are on post from the start.

}  // namespace

GuardModel::GuardModel(const GuardParams& params, const GuardModelConfig& config, engine::EventLog& log,
                       engine::TimeSeries& series)
    : params_(params), config_(config), log_(log), series_(series) {
  on_post_.resize(params_.posts.size());
  standing_.resize(params_.posts.size());
  last_duty_.resize(params_.posts.size());
  metrics_.posts.resize(params_.posts.size());
  for (std::size_t p = 0; p < params_.posts.size(); ++p) {
    metrics_.posts[p].name = params_.posts[p].name;
    const int most = *std::max_element(params_.posts[p].required_by_hour.begin(), params_.posts[p].required_by_hour.end());
    last_duty_[p].assign(static_cast<std::size_t>(most), std::nullopt);
  }
  add_unit(-params_.rotation.unit_in_theatre, 0);
}

std::vector<std::string> GuardModel::time_series_columns() {
  return {"t_s", "time_of_day_h", "guards_required", "guards_on_post", "mean_vigilance", "min_vigilance",
          "soldiers_unfit", "unit_experience"};
}

SimTime GuardModel::time_of_day(SimTime t) const { return engine::time_of_day(config_.start_time_of_day, t); }

engine::RandomStream GuardModel::stream(std::string_view purpose, std::uint64_t entity, std::uint64_t tick) const {
  return engine::RandomStream(engine::StreamKey{config_.seed, config_.replication, engine::purpose_tag(purpose),
                                                entity, tick});
}

void GuardModel::add_unit(SimTime arrival, int unit) {
  for (int i = 0; i < params_.force.guard_pool; ++i) {
    Soldier s;
    s.id = static_cast<int>(soldiers_.size());
    s.unit = unit;
    s.unit_arrival = arrival;
    s.fatigue_time = std::max(arrival, 0.0);
    soldiers_.push_back(s);
    sentry_queue_.join(s, s.id);
    post_of_soldier_.push_back(std::nullopt);
  }
  units_ = unit + 1;
}

double GuardModel::fatigue_now(const Soldier& s, SimTime now) const {
  return s.on_duty ? fatigue_after_duty(params_.fatigue, s.fatigue, now - s.fatigue_time)
                   : fatigue_after_rest(params_.fatigue, s.fatigue, now - s.fatigue_time);
}

void GuardModel::schedule_initial_events(engine::EventQueue& queue) {
  schedule(queue, 0, kNewDay, 0);
  schedule(queue, 0, kRoster, 0);
  schedule(queue, 0, kSample, 0);
  if (params_.rotation.first_in < config_.end)
    schedule(queue, params_.rotation.first_in, kRotation, 0);
}

std::optional<SimTime> GuardModel::on_event(const engine::Event& event, engine::EventQueue& queue) {
  // The run covers [0, end): what falls due exactly at the end belongs to the next run.
  if (event.time >= config_.end) return std::nullopt;
  switch (kind_of(event)) {
    case kNewDay:
      new_day(static_cast<std::int64_t>(std::llround(event.time / engine::kDay)));
      return engine::kDay;
    case kRoster: {
      const SimTime length = params_.shifts.length;
      // Shift 0 started at or before t = 0: how long before is set by the time of day.
      const SimTime since = std::fmod(time_of_day(0) - params_.shifts.first_start + 2 * engine::kDay, length);
      const auto k = static_cast<std::int64_t>(event.subject);
      const SimTime shift_start = -since + static_cast<double>(k) * length;
      roster_shift(shift_start, queue);
      const SimTime next_start = shift_start + length;
      if (next_start < config_.end)
        schedule(queue, std::max(event.time, next_start - params_.shifts.handover_overlap), kRoster, static_cast<std::uint64_t>(k + 1));
      return std::nullopt;
    }
    case kDutyStart:
      start_duty(static_cast<int>(event.subject), event.time);
      return std::nullopt;
    case kDutyEnd:
      end_duty(static_cast<int>(event.subject), event.time);
      return std::nullopt;
    case kSample:
      sample(event.time);
      return config_.sample_interval;
    case kRotation:
      rotate_unit(event.time);
      return params_.rotation.interval;
    default: break;  // not a guard event
  }
  return std::nullopt;
}

void GuardModel::roster_shift(SimTime shift_start, engine::EventQueue& queue) {
  const ShiftPlan& plan = params_.shifts;
  const bool first_shift = roster_count_ == 0;
  const auto roster_number = static_cast<std::uint64_t>(roster_count_++);
  const int hours = static_cast<int>(std::lround(plan.length / engine::kHour));
  long filled = 0, unfilled = 0;
  // The hour of day of each hour of the shift, worked out once for every post and slot.
  hour_of_day_.clear();
  for (int h = 0; h < hours; ++h)
    hour_of_day_.push_back(static_cast<int>(time_of_day(shift_start + h * engine::kHour) / engine::kHour) % 24);

  for (std::size_t p = 0; p < params_.posts.size(); ++p) {
    const Post& post = params_.posts[p];
    PostMetrics& pm = metrics_.posts[p];
    for (std::size_t slot = 0; slot < last_duty_[p].size(); ++slot) {
      // The slot's periods in this shift: runs of hours in which the post needs more than `slot` guards.
      std::vector<std::pair<SimTime, SimTime>>& periods = periods_;
      periods.clear();
      for (int h = 0; h < hours; ++h) {
        const SimTime hour_start = shift_start + h * engine::kHour;
        if (post.required_by_hour[hour_of_day_[static_cast<std::size_t>(h)]] <= static_cast<int>(slot)) continue;
        if (!periods.empty() && periods.back().second == hour_start)
          periods.back().second += engine::kHour;
        else
          periods.emplace_back(hour_start, hour_start + engine::kHour);
      }
      // Shift 0 may have begun before t = 0, and the last may run past the end: keep [0, end).
      std::erase_if(periods, [&](const auto& period) { return period.second <= 0 || period.first >= config_.end; });
      if (periods.empty()) continue;
      for (auto& period : periods) period.first = std::max(period.first, 0.0);

      // One sentry holds the slot for the whole shift.
      const SimTime due_on_post = first_shift ? 0 : periods.front().first - plan.handover_overlap;
      const std::optional<int> soldier = sentry_queue_.pick(soldiers_, due_on_post, plan.min_rest);
      if (soldier) {
        soldiers_[static_cast<std::size_t>(*soldier)].busy_until = periods.back().second;
        for (const auto& period : periods)
          sentry_queue_.add_duty(soldiers_, *soldier, period.second - period.first + (first_shift ? 0 : plan.handover_overlap));
        ++filled;
      } else {
        ++unfilled;
      }

      for (std::size_t i = 0; i < periods.size(); ++i) {
        const auto [due, end] = periods[i];
        Duty duty{static_cast<int>(p), static_cast<int>(slot), soldier, due, end, due, end, false};
        const std::optional<int> previous = last_duty_[p][slot];
        duty.handover = previous && duties_[*previous].soldier && duties_[*previous].end == due;
        const int index = static_cast<int>(duties_.size());
        const double required = std::min(end, config_.end) - due;
        pm.required_s += required;
        ++pm.duties;

        if (!soldier) {
          ++pm.unfilled_duties;
          log_.record(due, "post_unmanned", {{"post", post.name}, {"slot", static_cast<std::int64_t>(slot)},
                                             {"until_s", std::min(end, config_.end)}});
          duties_.push_back(duty);
          end_event_.push_back(0);
          last_duty_[p][slot] = index;
          continue;
        }

        SimTime arrival = due;
        if (!first_shift) {
          auto rng = stream("relief_lateness", p * 1000 + slot, roster_number * 16 + i);
          arrival = due - plan.handover_overlap + plan.relief_lateness.sample(rng);
        }
        duty.arrival = arrival;
        SimTime covered_from = std::min(std::max(arrival, due), end);
        if (arrival > due && duty.handover && plan.relief == Relief::WhenRelieved) {
          // The outgoing sentry waits for his relief: the post stays manned, his duty grows.
          Duty& outgoing = duties_[*previous];
          outgoing.left = arrival;
          soldiers_[static_cast<std::size_t>(*outgoing.soldier)].busy_until = arrival;
          sentry_queue_.add_duty(soldiers_, *outgoing.soldier, arrival - due);
          queue.cancel(end_event_[*previous]);
          end_event_[*previous] = schedule(queue, arrival, kDutyEnd, static_cast<std::uint64_t>(*previous));
          covered_from = due;
        }
        if (duty.handover) {
          HandoverMetrics& hm = metrics_.handover;
          ++hm.handovers;
          const double gap = covered_from - due;
          if (gap > 0) {
            ++hm.gaps;
            hm.gap_total_s += gap;
            hm.gap_max_s = std::max(hm.gap_max_s, gap);
            log_.record(due, "handover_gap", {{"post", post.name}, {"slot", static_cast<std::int64_t>(slot)},
                                              {"gap_s", gap}});
          }
        }
        pm.manned_s += std::max(0.0, std::min(end, config_.end) - std::min(covered_from, config_.end));

        duties_.push_back(duty);
        end_event_.push_back(0);
        last_duty_[p][slot] = index;
        if (arrival < end) {
          schedule(queue, std::max(arrival, 0.0), kDutyStart, static_cast<std::uint64_t>(index));
          end_event_[index] = schedule(queue, end, kDutyEnd, static_cast<std::uint64_t>(index));
        }
      }
    }
  }
  log_.record(std::max(shift_start, 0.0), "shift_roster",
              {{"shift_start_s", shift_start}, {"slots_filled", static_cast<std::int64_t>(filled)},
               {"slots_unfilled", static_cast<std::int64_t>(unfilled)}});
}

void GuardModel::start_duty(int index, SimTime now) {
  Duty& duty = duties_[index];
  Soldier& s = soldiers_[static_cast<std::size_t>(*duty.soldier)];
  if (s.unavailable_until > now) {
    // Rostered before he was wounded or killed: the slot stays empty until its next relief.
    PostMetrics& pm = metrics_.posts[duty.post];
    const double lost = std::max(0.0, std::min(duty.end, config_.end) - now);
    pm.manned_s -= lost;
    pm.casualty_unmanned_s += lost;
    duty.left = now;
    duty.arrival = now;
    duty.cut_short = true;
    log_.record(now, "post_unmanned", {{"post", params_.posts[duty.post].name}, {"slot", static_cast<std::int64_t>(duty.slot)},
                                       {"until_s", std::min(duty.end, config_.end)}, {"reason", std::string("casualty")}});
    return;
  }
  s.fatigue = fatigue_now(s, now);
  s.fatigue_time = now;
  s.on_duty = true;
  on_post_[duty.post].push_back(index);
  standing_[duty.post].push_back({duty.arrival, s.fatigue, s.fatigue_time, s.unit, s.unit_arrival});
  post_of_soldier_[static_cast<std::size_t>(*duty.soldier)] = duty.post;
  log_.record_with(now, "duty_start", [&] {
    return std::vector<engine::LogField>{{"post", params_.posts[duty.post].name},
                                         {"soldier", static_cast<std::int64_t>(s.id)},
                                         {"late_s", std::max(0.0, now - duty.due)}};
  });
}

void GuardModel::leave_post(int post, int duty) {
  std::vector<int>& indices = on_post_[static_cast<std::size_t>(post)];
  const auto at = std::find(indices.begin(), indices.end(), duty);
  if (at == indices.end()) return;
  std::vector<StandingSentry>& records = standing_[static_cast<std::size_t>(post)];
  records.erase(records.begin() + (at - indices.begin()));
  indices.erase(at);
}

void GuardModel::end_duty(int index, SimTime now) {
  Duty& duty = duties_[index];
  if (duty.cut_short) return;  // he left the post as a casualty, earlier
  Soldier& s = soldiers_[static_cast<std::size_t>(*duty.soldier)];
  s.fatigue = fatigue_now(s, now);
  s.fatigue_time = now;
  s.on_duty = false;
  s.last_duty_end = now;
  leave_post(duty.post, index);
  post_of_soldier_[static_cast<std::size_t>(*duty.soldier)] = std::nullopt;
  log_.record_with(now, "duty_end", [&] {
    return std::vector<engine::LogField>{{"post", params_.posts[duty.post].name},
                                         {"soldier", static_cast<std::int64_t>(s.id)}, {"fatigue", s.fatigue}};
  });
}

void GuardModel::new_day(std::int64_t day) {
  long unfit = 0;
  for (Soldier& s : soldiers_) {
    if (!s.in_theatre) continue;
    auto rng = stream("sickness", static_cast<std::uint64_t>(s.id), static_cast<std::uint64_t>(day));
    s.fit_today = !rng.bernoulli(params_.force.daily_unavailability);
    unfit += s.fit_today ? 0 : 1;
  }
  metrics_.sick_days += unfit;
  soldiers_unfit_ = unfit;
  log_.record(static_cast<double>(day) * engine::kDay, "new_day",
              {{"day", day}, {"soldiers_unfit", static_cast<std::int64_t>(unfit)}});
}

void GuardModel::rotate_unit(SimTime now) {
  // The outgoing unit finishes the duties it is on; from now on only the new unit is rostered.
  for (Soldier& s : soldiers_) {
    if (s.in_theatre) sentry_queue_.leave(s, s.id);
    s.in_theatre = false;
  }
  add_unit(now, units_);
  soldiers_unfit_ = 0;  // the incoming unit is fit until its first new day
  ++metrics_.rotations;
  log_.record(now, "rotation", {{"incoming_unit", static_cast<std::int64_t>(units_ - 1)},
                                {"soldiers", static_cast<std::int64_t>(params_.force.guard_pool)}});
}

void GuardModel::return_to_duty(int soldier, SimTime t) {
  soldiers_[static_cast<std::size_t>(soldier)].unavailable_until = t;
}

void GuardModel::casualty(int soldier, SimTime now, SimTime unavailable_until) {
  Soldier& s = soldiers_[static_cast<std::size_t>(soldier)];
  s.unavailable_until = std::max(s.unavailable_until, unavailable_until);
  if (!post_of_soldier_[static_cast<std::size_t>(soldier)]) return;
  const int post = *post_of_soldier_[static_cast<std::size_t>(soldier)];
  // Find his standing duty: the post is unmanned from now until the slot's next relief, whose
  // duty was already rostered (or is rostered at the next change of guard).
  for (int index : on_post_[static_cast<std::size_t>(post)]) {
    Duty& duty = duties_[static_cast<std::size_t>(index)];
    if (duty.soldier != soldier) continue;
    PostMetrics& pm = metrics_.posts[static_cast<std::size_t>(post)];
    const double lost = std::max(0.0, std::min(duty.end, config_.end) - now);
    pm.manned_s -= lost;
    pm.casualty_unmanned_s += lost;
    s.fatigue = fatigue_now(s, now);
    s.fatigue_time = now;
    s.on_duty = false;
    s.last_duty_end = now;
    duty.left = now;
    duty.cut_short = true;
    leave_post(post, index);
    post_of_soldier_[static_cast<std::size_t>(soldier)] = std::nullopt;
    ++metrics_.sentry_casualties;
    log_.record(now, "post_unmanned", {{"post", params_.posts[static_cast<std::size_t>(post)].name},
                                       {"slot", static_cast<std::int64_t>(duty.slot)},
                                       {"until_s", std::min(duty.end, config_.end)}, {"reason", std::string("casualty")}});
    return;
  }
}

double GuardModel::sentry_vigilance_now(int index, SimTime now) const {
  const Duty& duty = duties_[index];
  const Soldier& s = soldiers_[static_cast<std::size_t>(*duty.soldier)];
  const SentryState state{now - duty.arrival, time_of_day(now), fatigue_now(s, now),
                          unit_experience(params_.rotation, now - s.unit_arrival)};
  return sentry_vigilance(params_.vigilance, params_.fatigue, state);
}

void GuardModel::sample(SimTime now) {
  const SimTime tod = time_of_day(now);
  const int hour = static_cast<int>(tod / engine::kHour) % 24;
  // What every sentry shares at this instant, worked out once: the time-of-day factor, and each
  // unit's experience the first time one of its sentries comes up (a unit's soldiers all arrived
  // together; a sample meets one unit, two around a rotation). Same bits as sentry_vigilance_now.
  const double tod_factor = time_of_day_factor(params_.vigilance, tod);
  experience_now_.assign(static_cast<std::size_t>(units_), std::nullopt);
  const auto experience_of = [&](int unit, SimTime unit_arrival) {
    std::optional<double>& known = experience_now_[static_cast<std::size_t>(unit)];
    if (!known) known = unit_experience(params_.rotation, now - unit_arrival);
    return *known;
  };

  // Every standing sentry's two exponentials (his watch's decay, and his fatigue building from when
  // he came on post) in one call, in the order the loop below reads them: several lanes at a time,
  // each lane the bits of math::exp, so the same values as one sentry at a time.
  std::size_t standing = 0;
  for (std::size_t p = 0; p < on_post_.size(); ++p) standing += standing_[p].size();
  exponents_.resize(2 * standing);
  powers_.resize(2 * standing);
  double* exponent = exponents_.data();
  for (std::size_t p = 0; p < on_post_.size(); ++p)
    for (const StandingSentry& sentry : standing_[p]) {
      *exponent++ = watch_vigilance_exponent(params_.vigilance, now - sentry.arrival);
      *exponent++ = fatigue_build_exponent(params_.fatigue, now - sentry.fatigue_time);
    }
  math::exp_each(exponents_, powers_);
  const double* power = powers_.data();

  // A plain loop over the 14 or so posts: handing them to threads cost more than their work.
  double camp_sum = 0, camp_min = 1;
  long camp_count = 0, required = 0;
  for (std::size_t p = 0; p < on_post_.size(); ++p) {
    required += params_.posts[p].required_by_hour[hour];
    double sum = 0, min = 1;
    long count = 0;
    for (const StandingSentry& sentry : standing_[p]) {
      // A standing sentry is on duty, so his fatigue builds from when he came on post. His two
      // exponentials, worked out above: the same bits as sentry_vigilance_now's two.
      const double decayed = power[0], kept = power[1];
      power += 2;
      const SentryState state{now - sentry.arrival, tod, fatigue_after_duty_of(sentry.fatigue, kept),
                              experience_of(sentry.unit, sentry.unit_arrival)};
      const double v =
          sentry_vigilance_of(params_.fatigue, state, tod_factor, watch_vigilance_of(params_.vigilance, decayed));
      sum += v;
      min = std::min(min, v);
      ++count;
    }
    if (count == 0) continue;
    metrics_.posts[p].vigilance.add(hour, sum / static_cast<double>(count), min);
    camp_sum += sum;
    camp_min = std::min(camp_min, min);
    camp_count += count;
  }
  if (camp_count > 0) metrics_.camp_vigilance.add(hour, camp_sum / static_cast<double>(camp_count), camp_min);
  // A run that keeps no rows (a batch's) and adds no columns: the row would be built for nothing.
  if (!series_.keeps_rows() && !extend_) {
    series_.count_row();
    return;
  }

  row_.assign({now, tod / engine::kHour, static_cast<double>(required), static_cast<double>(camp_count),
               camp_count > 0 ? camp_sum / static_cast<double>(camp_count) : 0.0, camp_count > 0 ? camp_min : 0.0,
               static_cast<double>(soldiers_unfit_),
               experience_of(soldiers_.back().unit, soldiers_.back().unit_arrival)});
  if (extend_) extend_(now, row_);
  series_.append(row_);
}

void GuardModel::finish() {
  duty_seconds_.assign(soldiers_.size(), 0.0);
  for (const Duty& duty : duties_) {
    if (!duty.soldier) continue;
    const double stood = std::min(duty.left, config_.end) - std::max(duty.arrival, 0.0);
    if (stood > 0) duty_seconds_[static_cast<std::size_t>(*duty.soldier)] += stood;
  }
}

}  // namespace campsim::camp
