#include "sim/camp/guard_report.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "sim/camp/tower_coverage.hpp"
#include "sim/stats/sample_statistics.hpp"

namespace campsim::camp {

using nlohmann::ordered_json;

ordered_json guard_metrics_json(const GuardModel& model, const GuardParams& params, SimTime duration,
                                bool hourly_profiles) {
  const GuardMetrics& m = model.metrics();
  double required = 0, manned = 0;
  long duties = 0, unfilled = 0;
  double casualty_unmanned = 0;
  ordered_json by_post = ordered_json::object();
  for (const PostMetrics& post : m.posts) {
    required += post.required_s;
    manned += post.manned_s;
    duties += post.duties;
    unfilled += post.unfilled_duties;
    casualty_unmanned += post.casualty_unmanned_s;
    ordered_json entry = {{"coverage", post.required_s > 0 ? post.manned_s / post.required_s : 1.0},
                          {"required_guard_hours", post.required_s / engine::kHour},
                          {"manned_guard_hours", post.manned_s / engine::kHour},
                          {"duties", post.duties},
                          {"unfilled_duties", post.unfilled_duties},
                          {"casualty_unmanned_guard_hours", post.casualty_unmanned_s / engine::kHour}};
    if (hourly_profiles) entry["vigilance_by_hour"] = post.vigilance.to_json();
    by_post[post.name] = std::move(entry);
  }

  // Duty hours per soldier per day in theatre, over the soldiers of every unit that served.
  std::vector<double> per_day;
  const auto& soldiers = model.soldiers();
  const auto& stood = model.duty_seconds();
  for (std::size_t i = 0; i < soldiers.size(); ++i) {
    const SimTime from = std::max(0.0, soldiers[i].unit_arrival);
    // A unit that rotated out served until the next unit arrived.
    SimTime to = duration;
    for (std::size_t j = i + 1; j < soldiers.size(); ++j)
      if (soldiers[j].unit != soldiers[i].unit) {
        to = std::min(duration, soldiers[j].unit_arrival);
        break;
      }
    if (to > from) per_day.push_back(stood[i] / engine::kHour / ((to - from) / engine::kDay));
  }
  const double mean_per_day =
      per_day.empty() ? 0 : std::accumulate(per_day.begin(), per_day.end(), 0.0) / static_cast<double>(per_day.size());

  double vig_sum = 0, vig_min = 1;
  long vig_count = 0;
  for (int h = 0; h < 24; ++h) {
    vig_sum += m.camp_vigilance.sum[h];
    vig_count += m.camp_vigilance.count[h];
    if (m.camp_vigilance.count[h] > 0) vig_min = std::min(vig_min, m.camp_vigilance.min[h]);
  }

  const HandoverMetrics& h = m.handover;
  ordered_json metrics = {
      {"coverage",
       {{"overall", required > 0 ? manned / required : 1.0},
        {"required_guard_hours", required / engine::kHour},
        {"manned_guard_hours", manned / engine::kHour},
        {"duties", duties},
        {"unfilled_duties", unfilled},
        {"casualty_unmanned_guard_hours", casualty_unmanned / engine::kHour},
        {"sentry_casualties", m.sentry_casualties}}},
      {"handover",
       {{"handovers", h.handovers},
        {"gaps", h.gaps},
        {"gap_share", h.handovers > 0 ? static_cast<double>(h.gaps) / static_cast<double>(h.handovers) : 0.0},
        {"gap_total_minutes", h.gap_total_s / engine::kMinute},
        {"gap_mean_minutes", h.gaps > 0 ? h.gap_total_s / engine::kMinute / static_cast<double>(h.gaps) : 0.0},
        {"gap_max_minutes", h.gap_max_s / engine::kMinute}}},
      {"vigilance",
       {{"mean", vig_count > 0 ? vig_sum / static_cast<double>(vig_count) : 0.0},
        {"min", vig_count > 0 ? vig_min : 0.0},
        {"samples", vig_count}}},
      {"duty_hours_per_soldier_per_day",
       {{"soldiers", per_day.size()},
        {"mean", mean_per_day},
        {"min", per_day.empty() ? 0.0 : *std::min_element(per_day.begin(), per_day.end())},
        {"p10", per_day.empty() ? 0.0 : stats::quantile_type7(per_day, 0.10)},
        {"median", per_day.empty() ? 0.0 : stats::quantile_type7(per_day, 0.50)},
        {"p90", per_day.empty() ? 0.0 : stats::quantile_type7(per_day, 0.90)},
        {"max", per_day.empty() ? 0.0 : *std::max_element(per_day.begin(), per_day.end())}}},
      {"force",
       {{"guard_pool", params.force.guard_pool},
        {"soldier_days_unfit", m.sick_days},
        {"rotations", m.rotations}}},
      {"posts", std::move(by_post)},
  };
  // Inserted last into its object, so in the same place as if built in line above.
  if (hourly_profiles) metrics["vigilance"]["by_hour"] = m.camp_vigilance.to_json();
  return metrics;
}

ordered_json layout_metrics_json(const CampLayout& layout) {
  const PerimeterCoverage watched = perimeter_coverage_remembered(layout);
  int bunker_places = 0;
  for (const Bunker& b : layout.bunkers) bunker_places += b.capacity;
  int night_occupants = 0;
  for (const Zone& z : layout.zones) night_occupants += z.occupants_night;
  double road_m = 0;
  for (const RoadEdge& e : layout.road_edges) road_m += e.length_m;
  return {{"perimeter_m", perimeter_length(layout.perimeter)},
          {"area_ha", std::abs(signed_area(layout.perimeter)) / 10000.0},
          {"gates", layout.gates.size()},
          {"towers", layout.towers.size()},
          {"perimeter_watched_share", watched.watched_share()},
          {"perimeter_watched_by_two_share", watched.perimeter_m > 0 ? watched.watched_by_two_m / watched.perimeter_m : 0.0},
          {"bunker_places", bunker_places},
          {"occupants_night", night_occupants},
          {"road_network_m", road_m}};
}

}  // namespace campsim::camp
