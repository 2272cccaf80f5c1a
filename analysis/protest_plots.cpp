#include "analysis/protest_plots.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "analysis/gnuplot_text.hpp"
#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

using engine::format_number;

namespace {

struct Outcome {
  const char* metric;  // results.csv column
  const char* label;   // short, for the x axis: the axis title says "per run"
};

// The toll: what a planner weighs between rules of engagement (issue 22). Counts of people and
// breaches share one axis, since all are small whole numbers per run.
constexpr std::array<Outcome, 5> kToll{{{"protests.civilians_killed", "civilians killed"},
                                        {"protests.civilians_wounded", "civilians wounded"},
                                        {"protests.police_hurt", "police hurt"},
                                        {"protests.peacekeepers_hurt", "peacekeepers hurt"},
                                        {"protests.breaches", "breaches"}}};

// The rungs of escalation a batch records per run, in the order a protest climbs them.
// Labels of a dozen characters at most: five groups of bars leave about 170 pixels to each.
constexpr std::array<Outcome, 5> kLadder{{{"protests.protests", "marched"},
                                          {"protests.reached_gate", "at the gate"},
                                          {"protests.turned_violent", "threw stones"},
                                          {"protests.with_lethal_force", "lethal force"},
                                          {"protests.breaches", "breach"}}};

constexpr std::array<Outcome, 2> kTimes{{{"protests.mean_to_stone_throwing_min", "first stones"},
                                         {"protests.mean_duration_min", "protest ended"}}};

bool has_protest_metric(const Comparison& c, int dp) {
  return std::any_of(c.metrics.begin(), c.metrics.end(), [&](const std::string& m) {
    return m.rfind("protests.", 0) == 0 && m != "protests.enabled" && c.find(m, dp) != nullptr;
  });
}

// Bars per outcome (groups on the x axis) and policy (bars in a group, the legend's colours), each
// with its confidence interval. Outcomes with the same value in every run are left out of the
// bars and named in the caption, unless `keep_constant` (a ladder's rungs that every protest
// climbed are context for the ones some did not); when nothing varies, no figure (the
// empty-figure rule).
FigureOrNote policy_bars(const Comparison& c, int dp, const std::string& where, const std::string& name,
                         const std::vector<Outcome>& outcomes, const std::string& title, const std::string& ylabel,
                         const std::string& what, bool count_axis, bool keep_constant) {
  std::vector<std::pair<const MetricResult*, const char*>> drawn;
  std::string constant, absent;
  for (const Outcome& o : outcomes) {
    const MetricResult* r = c.find(o.metric, dp);
    if (!r) {
      absent += std::string(absent.empty() ? "" : ", ") + "`" + o.metric + "`";
    } else if (!keep_constant && !varies(*r)) {
      constant += std::string(constant.empty() ? "" : "; ") + o.label + " " + format_number(r->policies[c.reference].estimate.summary.mean);
    } else {
      drawn.emplace_back(r, o.label);
    }
  }
  const std::string left_out = (constant.empty() ? "" : " The same in every run of every policy, so not drawn: " + constant + ".") +
                               (absent.empty() ? "" : " Not compared: " + absent + ".");
  if (drawn.empty() || std::none_of(drawn.begin(), drawn.end(), [](const auto& d) { return varies(*d.first); })) return "No " + what + " chart: nothing varies between runs." + left_out;
  Figure f{name, "", "", "", dp};
  f.data = "# outcome, then for each policy (reference first): mean, CI lower, CI upper\n";
  const std::vector<std::size_t> order = policy_order(c);
  double top = 0;
  for (const auto& [r, label] : drawn) {
    f.data += gnuplot_data_string(label);
    for (std::size_t p : order) {
      const Estimate& e = r->policies[p].estimate;
      const bool has_ci = e.ci.method != IntervalMethod::none;
      const double lo = has_ci ? e.ci.lower : e.summary.mean, hi = has_ci ? e.ci.upper : e.summary.mean;
      top = std::max({top, e.summary.mean, hi});
      f.data += " " + format_number(e.summary.mean) + " " + format_number(lo) + " " + format_number(hi);
    }
    f.data += "\n";
  }
  const std::string plot = grouped_bars_plot(f.name + ".dat", order, c.labels);
  const std::string level = format_number(100 * c.options.level);
  f.caption = title + " by policy: mean per run with " + level + "% confidence intervals (" + where + ")." + left_out;
  const double y_top = count_axis ? std::max(1.0, std::ceil(top * 1.15)) : std::max(1.0, top * 1.15);
  f.script = figure_script(f.name, 1000, 600, title + " (" + short_where(where) + ")", "", ylabel,
                           "set style data histograms\nset style histogram errorbars gap 2 lw 1.5\n"
                           "set style fill solid 0.5 border rgb '#303030'\nset yrange [0:" + format_number(y_top) + "]\n" +
                           (count_axis ? integer_ytics(y_top) : std::string()) +
                           "set grid noxtics\nset key outside top center horizontal maxrows 2 samplen 2\nset xtics scale 0\n" + plot + "\n");
  return f;
}

// Per policy, the share of runs whose protest had reached a step by x minutes after it set off:
// solid for the first stones, dashed for the end. Only when every run had exactly one protest:
// otherwise protests.mean_*_min are means over several protests and no protest's own times.
FigureOrNote escalation_time(const BatchTable& batch, const Comparison& c, int dp, const std::string& where,
                             const std::string& suffix) {
  const std::string why_not =
      "No escalation ladder over time: a batch keeps no protests.csv or events.jsonl per run, so when each rung was reached "
      "is not recorded";
  const long protests = batch.metric_index("protests.protests");
  if (protests < 0) return why_not + " (and results.csv has no `protests.protests` column).";
  std::array<long, kTimes.size()> columns{};
  for (std::size_t t = 0; t < kTimes.size(); ++t) columns[t] = batch.metric_index(kTimes[t].metric);
  if (std::any_of(columns.begin(), columns.end(), [](long col) { return col < 0; }))
    return why_not + "; results.csv lacks the first stones or the duration.";
  for (std::size_t p = 0; p < c.policies.size(); ++p)
    for (const auto& [key, value] : batch.values(static_cast<std::size_t>(protests), dp, p))
      if (!value || *value != 1)
        return why_not + "; the first stones and the end are not drawn either, since some run had " +
               (value ? format_number(*value) : std::string("no count of")) + " protests (its times are means, not one protest's).";
  Figure f{"protest_escalation" + suffix, "", "", "", dp};
  f.data = "# per policy (reference first) and step (first stones, protest ended): minutes since the crowd set off, share of runs\n";
  // Every policy's times first: each curve runs on to the right edge, so a share that stops rising
  // reads as a level (the rest never threw stones), not as the curve's end.
  const std::vector<std::size_t> order = policy_order(c);
  std::vector<std::vector<double>> times(order.size() * kTimes.size());
  std::vector<std::size_t> runs(times.size(), 0);
  double x_max = 0;
  for (std::size_t i = 0; i < order.size(); ++i)
    for (std::size_t t = 0; t < kTimes.size(); ++t) {
      const std::size_t k = i * kTimes.size() + t;
      for (const auto& [key, value] : batch.values(static_cast<std::size_t>(columns[t]), dp, order[i])) {
        ++runs[k];
        if (value) times[k].push_back(*value);
      }
      std::sort(times[k].begin(), times[k].end());
      if (!times[k].empty()) x_max = std::max(x_max, times[k].back());
    }
  if (std::all_of(times.begin(), times.end(), [](const auto& v) { return v.empty(); }))
    return why_not + "; and no protest threw stones or ended.";
  const double x_end = std::max(30.0, 30 * std::ceil(x_max * 1.05 / 30));
  std::string plot;
  for (std::size_t i = 0; i < order.size(); ++i)
    for (std::size_t t = 0; t < kTimes.size(); ++t) {
      const std::size_t k = i * kTimes.size() + t;
      const double n = static_cast<double>(std::max<std::size_t>(1, runs[k]));
      f.data += "# " + std::string(kTimes[t].label) + ", policy " + gnuplot_data_string(c.labels[order[i]]) + ": " +
                std::to_string(times[k].size()) + " of " + std::to_string(runs[k]) + " runs\n0 0\n";
      for (std::size_t j = 0; j < times[k].size(); ++j)
        f.data += format_number(times[k][j]) + " " + format_number(static_cast<double>(j + 1) / n) + "\n";
      f.data += format_number(x_end) + " " + format_number(static_cast<double>(times[k].size()) / n) + "\n\n\n";
      plot += std::string(plot.empty() ? "plot " : ", \\\n     ") + gnuplot_string(f.name + ".dat") + " index " + std::to_string(k) +
              " using 1:2 with steps lw 2.5 " + line_style(i, t == 0 ? 1 : 2) + " title " +
              gnuplot_string(c.labels[order[i]] + ": " + kTimes[t].label);
    }
  plot += "\n";
  f.caption = "How far protests escalated over time: per policy, the share of runs whose protest had thrown its first stones "
              "(solid) or had ended (dashed) by x minutes after the crowd set off (" + where +
              "). A batch keeps no per-run protests.csv, so the other rungs' times (gate, Molotovs, breach attempt, lethal force) "
              "are not drawn; the rungs reached are in the ladder chart. Curves of policies whose runs reached a step at the same times lie on top of each other.";
  f.script = figure_script(f.name, 1000, 600, "Protests: first stones and end over time (" + short_where(where) + ")",
                           "minutes since the crowd set off", "share of runs (cumulative)",
                           "set yrange [0:1.08]\nset xrange [0:" + format_number(x_end) + "]\n"
                           "set ytics ('0%%' 0, '20%%' 0.2, '40%%' 0.4, '60%%' 0.6, '80%%' 0.8, '100%%' 1)\n"
                           "set key outside top center horizontal maxrows 3 samplen 3\n" + plot);
  return f;
}

}  // namespace

std::vector<FigureOrNote> protest_figures(const BatchTable& batch, const Comparison& c, int dp, const std::string& where,
                                          const std::string& suffix) {
  std::vector<FigureOrNote> out;
  if (!has_protest_metric(c, dp)) return out;
  out.push_back(policy_bars(c, dp, where, "protest_toll" + suffix, {kToll.begin(), kToll.end()}, "Protests' toll",
                            "people (breaches) per run, mean", "protest toll", true, false));
  out.push_back(policy_bars(c, dp, where, "protest_ladder" + suffix, {kLadder.begin(), kLadder.end()},
                            "How far protests escalated", "protests per run, mean", "escalation ladder", false, true));
  out.push_back(policy_bars(c, dp, where, "protest_duration" + suffix, {kTimes.begin(), kTimes.end()},
                            "Protests' timing", "minutes since the crowd set off, mean per run", "protest timing", false, false));
  out.push_back(escalation_time(batch, c, dp, where, suffix));
  return out;
}

}  // namespace campsim::analysis
