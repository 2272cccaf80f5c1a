// Reads and checks the guard force: the company, the shift plan, human factors and the posts.
#include <tuple>
#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "sim/camp/scenario_readers.hpp"
#include "sim/io/label_text.hpp"

namespace campsim::camp {

using engine::kDay;
using engine::kHour;
using scenario::MapReader;
using scenario::Need;
using scenario::Range;
using scenario::ValueUnit;

namespace {

constexpr Range kShare{0, 1};
constexpr int kMaxGuardsPerPost = 50;

bool whole_hours(SimTime t) { return std::abs(t / kHour - std::round(t / kHour)) < 1e-9; }

void read_force(MapReader in, ForceParams& force) {
  in.text("contingent", force.contingent);
  in.integer("company_size", force.company_size, Need::Optional, Range{1, 100000});
  in.integer("guard_pool", force.guard_pool, Need::Optional, Range{1, 100000});
  in.number("daily_unavailability", force.daily_unavailability, Need::Optional, kShare);
  if (force.guard_pool > force.company_size)
    in.fail("guard_pool", fmt::format("at most company_size ({})", force.company_size),
            std::to_string(force.guard_pool));
}

void read_shifts(MapReader in, ShiftPlan& plan) {
  // At most 12 h: a sentry on post for a whole day and night is no shift (the vigilance and
  // fatigue models describe watches of hours; armies relieve sentries every 2-4 h, docs/vigilance.md).
  in.duration("length", plan.length, Need::Optional, Range{kHour, 12 * kHour});
  in.duration("first_start", plan.first_start, Need::Optional, Range{0, 24 * kHour - 1});
  in.duration("handover_overlap", plan.handover_overlap, Need::Optional, Range{0, 2 * kHour});
  in.duration("min_rest", plan.min_rest, Need::Optional, Range{0, 48 * kHour});
  in.choice("relief", plan.relief, Need::Optional,
            {{"at_shift_end", Relief::AtShiftEnd}, {"when_relieved", Relief::WhenRelieved}});
  in.distribution("relief_lateness", plan.relief_lateness, Need::Optional, ValueUnit::Duration, Range{0, 24 * kHour});
  const double per_day = kDay / plan.length;
  if (!whole_hours(plan.length) || std::abs(per_day - std::round(per_day)) > 1e-9)
    in.fail("length", "a whole number of hours that divides 24h (1h, 2h, 3h, 4h, 6h, 8h or 12h)",
            fmt::format("{:g}h", plan.length / kHour));
  if (!whole_hours(plan.first_start)) in.fail("first_start", "a whole hour of the day, like 6h", "a fraction of an hour");
  if (plan.handover_overlap >= plan.length)
    in.fail("handover_overlap", "less than the shift length", fmt::format("{:g} min", plan.handover_overlap / 60));
}

void read_vigilance(MapReader in, VigilanceParams& v) {
  in.number("on_post_start", v.on_post_start, Need::Optional, kShare);
  in.number("floor", v.floor, Need::Optional, kShare);
  in.duration("decay_time", v.decay_time, Need::Optional, Range{1, 7 * kDay});
  MapReader night = in.map("night");
  night.duration("from", v.night_from, Need::Optional, Range{0, kDay});
  night.duration("to", v.night_to, Need::Optional, Range{0, kDay});
  night.number("factor", v.night_factor, Need::Optional, kShare);
  MapReader low = in.map("circadian_low");
  low.duration("from", v.circadian_low_from, Need::Optional, Range{0, kDay});
  low.duration("to", v.circadian_low_to, Need::Optional, Range{0, kDay});
  low.number("factor", v.circadian_low_factor, Need::Optional, kShare);
  MapReader heat = in.map("heat");
  heat.duration("from", v.heat_from, Need::Optional, Range{0, kDay});
  heat.duration("to", v.heat_to, Need::Optional, Range{0, kDay});
  heat.number("factor", v.heat_factor, Need::Optional, kShare);
  // A window of no length is a mistake, not "never": leave the window out (or its factor at 1).
  for (auto [window, from, to] : {std::tuple{&night, v.night_from, v.night_to}, std::tuple{&low, v.circadian_low_from, v.circadian_low_to},
                                  std::tuple{&heat, v.heat_from, v.heat_to}})
    if (window->has("from") && window->has("to") && from == to)
      window->fail("to", "a time other than 'from' (a window of some length; leave it out for none)",
                   fmt::format("{:g}h again", to / kHour));
  if (v.floor > v.on_post_start)
    in.fail("floor", fmt::format("at most on_post_start ({:g})", v.on_post_start), fmt::format("{:g}", v.floor));
}

void read_fatigue(MapReader in, FatigueParams& f) {
  in.duration("build_time", f.build_time, Need::Optional, Range{kHour, 365 * kDay});
  in.duration("recovery_time", f.recovery_time, Need::Optional, Range{60, 365 * kDay});
  in.number("vigilance_weight", f.vigilance_weight, Need::Optional, kShare);
}

void read_rotation(MapReader in, RotationParams& r) {
  in.duration("interval", r.interval, Need::Optional, Range{kDay, 10 * 365 * kDay});
  in.duration("first_in", r.first_in, Need::Optional, Range{0, 10 * 365 * kDay});
  in.duration("unit_in_theatre", r.unit_in_theatre, Need::Optional, Range{0, 10 * 365 * kDay});
  in.number("initial_experience", r.initial_experience, Need::Optional, Range{0.01, 1});
  in.duration("learning_time", r.learning_time, Need::Optional, Range{kHour, 10 * 365 * kDay});
}

void read_post(MapReader& item, Post& post, const CampLayout& layout) {
  item.name("name", post.name, Need::Required);
  item.choice("kind", post.kind, Need::Required,
              {{"tower", PostKind::Tower}, {"gate", PostKind::Gate}, {"patrol", PostKind::Patrol}});
  if (post.kind == PostKind::Patrol) {
    std::vector<std::string> route;
    item.list_of_text("route", post.route, Need::Required);
    if (item.has("route") && post.route.size() < 2)
      item.fail("route", "a route of at least two road nodes", std::to_string(post.route.size()) + (post.route.size() == 1 ? " node" : " nodes"));
    item.boolean("mounted", post.mounted, Need::Optional);
    for (const std::string& node : post.route)
      if (std::none_of(layout.road_nodes.begin(), layout.road_nodes.end(), [&](const RoadNode& n) { return n.name == node; }))
        item.fail("route", "names of road nodes", "'" + node + "'");
  } else {
    item.text("at", post.at, Need::Required);
    const bool found = post.kind == PostKind::Tower
                           ? std::any_of(layout.towers.begin(), layout.towers.end(), [&](const auto& t) { return t.name == post.at; })
                           : std::any_of(layout.gates.begin(), layout.gates.end(), [&](const auto& g) { return g.name == post.at; });
    if (!found)
      item.fail("at", post.kind == PostKind::Tower ? "the name of a tower in camp.towers" : "the name of a gate in camp.gates",
                "'" + post.at + "'");
  }
  item.list("manning", Need::Required, [&](MapReader& window_in, std::size_t) {
    ManningWindow window;
    window_in.duration("from", window.from, Need::Required, Range{0, kDay});
    window_in.duration("to", window.to, Need::Required, Range{0, kDay});
    window_in.integer("guards", window.guards, Need::Required, Range{0, kMaxGuardsPerPost});
    if (!whole_hours(window.from)) window_in.fail("from", "a whole hour of the day, like 6h", "a fraction of an hour");
    if (!whole_hours(window.to)) window_in.fail("to", "a whole hour of the day, like 18h", "a fraction of an hour");
    post.manning.push_back(window);
  });
  derive_required_by_hour(post);
  const int most = *std::max_element(post.required_by_hour.begin(), post.required_by_hour.end());
  if (item.has("manning") && most == 0)
    item.fail("manning", "at least one window with guards (a post nobody mans is no post: leave it out)",
              post.manning.empty() ? "an empty list" : "no guards at any hour");
  if (most > kMaxGuardsPerPost)
    item.fail("manning", fmt::format("at most {} guards at once", kMaxGuardsPerPost), std::to_string(most));
}

}  // namespace

GuardParams read_guards(MapReader force, MapReader guards, const CampLayout& layout) {
  GuardParams params;
  read_force(force, params.force);
  read_shifts(guards.map("shifts"), params.shifts);
  read_vigilance(guards.map("vigilance"), params.vigilance);
  read_fatigue(guards.map("fatigue"), params.fatigue);
  read_rotation(guards.map("rotation"), params.rotation);
  std::set<std::string> names;
  guards.list("posts", Need::Required, [&](MapReader& item, std::size_t) {
    Post post;
    read_post(item, post, layout);
    if (!names.insert(post.name).second) item.fail("name", "a post name not used before", "'" + post.name + "' again");
    params.posts.push_back(std::move(post));
  });
  if (guards.has("posts") && params.posts.empty())
    guards.fail("posts", "at least one post (a camp nobody guards has nothing for the model to measure)", "an empty list");
  return params;
}

ScenarioMeta read_meta(MapReader in) {
  ScenarioMeta meta;
  in.name("name", meta.name, Need::Required);
  in.text("description", meta.description);
  // A policy's short label for compare's tables, plots and bottom line, where a file stem such as
  // replay_2015-01-27_gao_protest_by_the_book would be cut or wrapped.
  // Read only when given, so a scenario without one resolves (and hashes) as it did before labels.
  if (in.has("label")) in.text("label", meta.label);
  if (in.has("label") && !io::valid_label(meta.label))
    in.fail("label",
            "a short label for tables and plots: 1 to " + std::to_string(io::kMaxPolicyLabel) +
                " characters, no control characters, no space at either end",
            "'" + meta.label + "'");
  // At most 11 years (MINUSMA's whole deployment, 2013-2023, fits): longer runs are refused
  // (docs/reliability.md), as the command line's --days limit.
  in.duration("duration", meta.duration, Need::Optional, Range{60, 11 * 365.25 * kDay});
  in.duration("start_time_of_day", meta.start_time_of_day, Need::Optional, Range{0, kDay - 1});
  in.duration("tick", meta.tick, Need::Optional, Range{0.01, 60});
  in.integer("seed", meta.seed, Need::Optional, Range{0, 2147483647});
  return meta;
}

MetricsParams read_metrics(MapReader in) {
  MetricsParams metrics;
  in.duration("sample_interval", metrics.sample_interval, Need::Optional, Range{60, kDay});
  return metrics;
}

}  // namespace campsim::camp
