#include "render/view_history.hpp"
#include "render/display_names.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace campsim::render {

namespace {

std::string place(camp::Point p) { return fmt::format("({:.0f}, {:.0f})", p.x, p.y); }

std::string vehicle_name(const camp::VehicleView& v) {
  switch (v.kind) {
    case camp::VehicleKind::Qrf: return fmt::format("QRF {}", v.id);
    case camp::VehicleKind::Ambulance: return fmt::format("Ambulance {}", v.id);
    case camp::VehicleKind::Escort: return fmt::format("Escort {}", v.id);
  }
  return fmt::format("Vehicle {}", v.id);
}

}  // namespace

ChartPoint summarize(const camp::WorldSnapshot& s) {
  ChartPoint p;
  p.time = s.time;
  double vigilance_sum = 0;
  int sentries = 0, required = 0, covered = 0;
  for (const camp::PostView& post : s.posts) {
    vigilance_sum += post.mean_vigilance * post.on_post;
    sentries += post.on_post;
    required += post.required;
    covered += std::min(post.on_post, post.required);
  }
  p.vigilance = sentries > 0 ? vigilance_sum / sentries : 0;
  p.coverage = required > 0 ? static_cast<double>(covered) / required : 1;
  const int beds = s.hospital.icu_beds + s.hospital.ward_beds;
  p.occupancy = beds > 0 ? static_cast<double>(s.hospital.icu_beds_used + s.hospital.ward_beds_used) / beds : 0;
  return p;
}

void ViewHistory::clear() {
  last_.reset();
  samples_.clear();
  log_.clear();
}

void ViewHistory::observe(const camp::WorldSnapshot& snapshot) {
  if (last_) {
    // Grid instants from the previous snapshot up to (not including) this one saw the previous.
    const ChartPoint held = summarize(*last_);
    for (double g = std::ceil(last_->time / kSampleEvery) * kSampleEvery; g < snapshot.time; g += kSampleEvery) {
      ChartPoint p = held;
      p.time = g;
      samples_.push_back(p);
    }
    log_changes(*last_, snapshot);
  }
  last_ = snapshot;
  last_->people.clear();
  const double oldest = snapshot.time - kWindow - kSampleEvery;
  while (!samples_.empty() && samples_.front().time < oldest) samples_.pop_front();
  while (!log_.empty() && log_.front().time < oldest) log_.pop_front();
}

std::vector<ChartPoint> ViewHistory::chart(engine::SimTime now) const {
  std::vector<ChartPoint> out;
  const double from = now - kWindow;
  for (const ChartPoint& p : samples_)
    if (p.time >= from && p.time <= now) out.push_back(p);
  if (last_) {
    const ChartPoint held = summarize(*last_);
    for (double g = std::ceil(last_->time / kSampleEvery) * kSampleEvery; g <= now; g += kSampleEvery) {
      if (g < from) continue;
      ChartPoint p = held;
      p.time = g;
      out.push_back(p);
    }
  }
  return out;
}

namespace {

// Who in a fight, for the log: "intruder 2", "QRF 5", "sentry 7" (the number within the incident).
std::string combatant_name(const camp::CombatantView& c) {
  const char* kind = "sentry";
  if (c.kind == camp::CombatantKind::Intruder) kind = "intruder";
  if (c.kind == camp::CombatantKind::Qrf) kind = "QRF";
  if (c.kind == camp::CombatantKind::BombVehicle) kind = "vehicle bomb";
  return fmt::format("{} {}", kind, c.id % 1000);
}

// Shooting that stops for this long and starts again is logged again (seconds).
constexpr double kShotsLull = 60;

template <class Add>
void log_fight(const camp::WorldSnapshot& before, const camp::WorldSnapshot& after, double& last_shots, Add&& add) {
  int new_intruders = 0, new_qrf = 0;
  camp::Point intruders_at;
  for (const camp::CombatantView& now : after.combatants) {
    auto was = std::find_if(before.combatants.begin(), before.combatants.end(),
                            [&](const camp::CombatantView& c) { return c.id == now.id; });
    if (was == before.combatants.end()) {
      if (now.kind == camp::CombatantKind::Intruder) {
        ++new_intruders;
        intruders_at = now.position;
      }
      if (now.kind == camp::CombatantKind::Qrf) ++new_qrf;
      if (now.kind == camp::CombatantKind::BombVehicle) add(fmt::format("vehicle bomb coming on near {}", place(now.position)), true);
      continue;
    }
    if (was->state == now.state) continue;
    if (now.kind == camp::CombatantKind::BombVehicle) {
      if (now.state == camp::CombatantState::Killed) add("vehicle bomb went off", true);
      continue;
    }
    if (now.state == camp::CombatantState::Killed) add(fmt::format("{} killed", combatant_name(now)), true);
    if (now.state == camp::CombatantState::Down) add(fmt::format("{} down", combatant_name(now)), true);
    if (now.state == camp::CombatantState::Breaching && was->state != camp::CombatantState::Breaching)
      add(fmt::format("{} cutting the wire", combatant_name(now)), true);
  }
  if (new_intruders > 0) add(fmt::format("{} intruder(s) near {}", new_intruders, place(intruders_at)), true);
  if (new_qrf > 0) add(fmt::format("QRF dismounted: {} on foot", new_qrf), false);
  auto firing = [](const camp::WorldSnapshot& s) {
    return std::count_if(s.combatants.begin(), s.combatants.end(),
                         [](const camp::CombatantView& c) { return c.state == camp::CombatantState::Firing; });
  };
  if (firing(after) == 0) return;
  if (after.time - last_shots > kShotsLull) add(fmt::format("shots fired: {} firing", firing(after)), true);
  last_shots = after.time;
}

// The protest's rungs and the force's steps: "protest: stone throwing", "ROE: tear gas". A step
// is logged when the force takes one it did not take in the previous frame (its action falls back
// to none between assessments, which is not news).
template <class Add>
void log_protest(const camp::protest::ProtestView& before, const camp::protest::ProtestView& after, Add&& add) {
  using camp::protest::CrowdLevel;
  using camp::protest::ForceAction;
  if (!after.live) {
    if (before.live) add(fmt::format("protest #{} over", before.id.value_or(0)), false);
    return;
  }
  const bool same = before.live && before.id == after.id;
  if (!same) add(fmt::format("protest #{} at the gate: {}", after.id.value_or(0), spaced(camp::protest::name(after.level))), true);
  else if (before.level != after.level)
    add(fmt::format("protest: {}", spaced(camp::protest::name(after.level))), after.level >= CrowdLevel::stone_throwing);
  if (after.action != ForceAction::none && (!same || before.action != after.action))
    add(fmt::format("ROE: {}", spaced(camp::protest::name(after.action))), after.action >= ForceAction::warning_shots);
}

}  // namespace

std::vector<LogLine> ViewHistory::log_tail(engine::SimTime now, std::size_t count) const {
  std::vector<LogLine> out;
  for (const LogLine& line : log_)
    if (line.time > now - kWindow && line.time <= now) out.push_back(line);
  if (out.size() > count) out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(count));
  return out;
}

void ViewHistory::log_changes(const camp::WorldSnapshot& before, const camp::WorldSnapshot& after) {
  const double t = after.time;
  auto add = [&](std::string text, bool alert) { log_.push_back({t, std::move(text), alert}); };
  for (const camp::IncidentView& now : after.incidents) {
    auto was = std::find_if(before.incidents.begin(), before.incidents.end(),
                            [&](const camp::IncidentView& i) { return i.id == now.id; });
    if (was == before.incidents.end())
      add(fmt::format("#{} {} at {}: {}", now.id, spaced(camp::threat_kind_name(now.kind)), place(now.place), now.phase), true);
    else if (was->phase != now.phase)
      add(fmt::format("#{} {}", now.id, now.phase), false);
  }
  for (const camp::IncidentView& was : before.incidents)
    if (std::none_of(after.incidents.begin(), after.incidents.end(), [&](const camp::IncidentView& i) { return i.id == was.id; }))
      add(fmt::format("#{} closed", was.id), false);
  for (const camp::ImpactView& impact : after.impacts)
    if (std::none_of(before.impacts.begin(), before.impacts.end(), [&](const camp::ImpactView& i) {
          return i.time == impact.time && i.at.x == impact.at.x && i.at.y == impact.at.y;
        }))
      add(fmt::format("impact at {}, lethal radius {:.0f} m", place(impact.at), impact.radius_m), true);
  for (const camp::VehicleView& now : after.vehicles) {
    auto was = std::find_if(before.vehicles.begin(), before.vehicles.end(),
                            [&](const camp::VehicleView& v) { return v.id == now.id && v.kind == now.kind; });
    if (was != before.vehicles.end() && was->state != now.state)
      add(fmt::format("{} {}", vehicle_name(now), spaced(camp::vehicle_state_name(now.state))), false);
  }
  for (const camp::PostView& now : after.posts) {
    auto was = std::find_if(before.posts.begin(), before.posts.end(), [&](const camp::PostView& p) { return p.name == now.name; });
    if (was == before.posts.end()) continue;
    const bool short_now = now.on_post < now.required, short_before = was->on_post < was->required;
    if (short_now && !short_before) add(fmt::format("{} short: {}/{}", now.name, now.on_post, now.required), true);
    if (!short_now && short_before) add(fmt::format("{} manned", now.name), false);
  }
  log_fight(before, after, last_shots_, add);
  log_protest(before.protest, after.protest, add);
  if (after.hospital.casualties > before.hospital.casualties)
    add(fmt::format("casualties {} (+{})", after.hospital.casualties, after.hospital.casualties - before.hospital.casualties),
        true);
}

std::string clock_text(engine::SimTime start_time_of_day, engine::SimTime t) {
  const double local = start_time_of_day + t;
  const auto day = static_cast<long>(std::floor(local / engine::kDay));
  const auto second = static_cast<long>(std::floor(local - day * engine::kDay));
  return fmt::format("Day {} {:02}:{:02}:{:02}", day + 1, second / 3600, second / 60 % 60, second % 60);
}

std::string elapsed_text(engine::SimTime seconds) {
  const auto s = static_cast<long>(std::max(0.0, std::floor(seconds)));
  if (s >= 86400) return fmt::format("+{}d {:02}:{:02}:{:02}", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
  return fmt::format("+{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
}

double darkness(engine::SimTime tod) {
  // Dark from 18:00 to 06:00 as the infiltration model has it (sim/camp/threats/infiltration.cpp),
  // shaded through an hour of dusk (17:30-18:30) and of dawn (05:30-06:30) for the eye.
  const double h = tod / engine::kHour;
  if (h >= 18.5 || h < 5.5) return 1;
  if (h >= 6.5 && h < 17.5) return 0;
  if (h < 12) return 6.5 - h;  // dawn: 1 at 05:30 to 0 at 06:30
  return h - 17.5;             // dusk
}

}  // namespace campsim::render
