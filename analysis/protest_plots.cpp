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
// A share axis (0 to 1) labelled in percent (gnuplot reads a tic label as a format: %% is %).
constexpr const char* kPercentTics = "set ytics ('0%%' 0, '20%%' 0.2, '40%%' 0.4, '60%%' 0.6, '80%%' 0.8, '100%%' 1)\n";

// How the y axis of a bar chart reads: whole numbers (a count), percentages (a share, 0 to 1:
// with one protest a run, "protests per run" is the share of protests), or plain numbers.
enum class Axis { count, share, plain };

FigureOrNote policy_bars(const Comparison& c, int dp, const std::string& where, const std::string& name,
                         const std::vector<Outcome>& outcomes, const std::string& title, const std::string& ylabel,
                         const std::string& what, Axis axis, bool keep_constant) {
  std::vector<std::pair<const MetricResult*, const char*>> drawn;
  std::string constant, absent;
  for (const Outcome& o : outcomes) {
    const MetricResult* r = c.find(o.metric, dp);
    if (!r) {
      absent += std::string(absent.empty() ? "" : ", ") + "`" + o.metric + "`";
    } else if (!keep_constant && !varies(*r)) {
      // A time no run recorded (no protest reached the step) has no mean: say so, not "nan".
      const double mean = r->policies[c.reference].estimate.summary.mean;
      constant += std::string(constant.empty() ? "" : "; ") + o.label + " " + (std::isfinite(mean) ? format_number(mean) : "none (no run reached it)");
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
  const std::string per = c.one_protest_each_run ? "protest" : "run";
  f.caption = title + " by policy: " + (axis == Axis::share ? "share of protests" : "mean per " + per) + " with " + level +
              "% confidence intervals (" + where + ")." + left_out;
  const double y_top = axis == Axis::count   ? std::max(1.0, std::ceil(top * 1.15))
                       : axis == Axis::share ? 1.1
                                             : std::max(1.0, top * 1.15);
  const std::string ytics = axis == Axis::count   ? integer_ytics(y_top)
                            : axis == Axis::share ? std::string(kPercentTics)
                                                  : std::string();
  f.script = figure_script(f.name, kFigureWidth, kFigureHeight, title + " (" + short_where(where) + ")", "", ylabel,
                           "set style data histograms\nset style histogram errorbars gap 2 lw 1.5\n"
                           "set style fill solid 0.5 border rgb '#303030'\nset yrange [0:" + format_number(y_top) + "]\n" +
                           ytics +
                           "set grid noxtics\nset key outside top center horizontal maxrows 2 samplen 2\nset xtics scale 0\n" + plot + "\n");
  return f;
}

// The escalation ladder over time: the steps a protest reaches, in order, with the results.csv
// column holding the minutes from setting off to each (a mean over the run's protests that
// reached it; with one protest a run, that protest's own time). Colours are the ladder's, by step.
constexpr std::array<Outcome, 6> kSteps{{{"protests.mean_to_gate_min", "at the gate"},
                                         {"protests.mean_to_stone_throwing_min", "first stones"},
                                         {"protests.mean_to_molotov_min", "Molotovs"},
                                         {"protests.mean_to_breach_attempt_min", "breach attempt"},
                                         {"protests.mean_to_lethal_force_min", "lethal force granted"},
                                         {"protests.mean_duration_min", "ended"}}};

// One figure per policy: the share of its runs whose protest had reached each step by x minutes
// after it set off, one curve a step. Only when every run had exactly one protest: otherwise the
// times are means over several protests and no protest's own. Steps a batch did not record
// (results.csv from before a column existed) are left out and named.
std::vector<FigureOrNote> escalation_time(const BatchTable& batch, const Comparison& c, int dp, const std::string& where,
                                          const std::string& suffix) {
  const std::string why_not = "No escalation ladder over time";
  const long protests = batch.metric_index("protests.protests");
  if (protests < 0) return {why_not + ": results.csv has no `protests.protests` column."};
  std::vector<std::pair<long, const Outcome*>> steps;
  std::string absent;
  for (const Outcome& o : kSteps) {
    const long column = batch.metric_index(o.metric);
    if (column >= 0) steps.emplace_back(column, &o);
    else absent += std::string(absent.empty() ? "" : ", ") + o.label;
  }
  if (steps.empty()) return {why_not + ": results.csv records no step's time."};
  for (std::size_t p = 0; p < c.policies.size(); ++p)
    for (const auto& [key, value] : batch.values(static_cast<std::size_t>(protests), dp, p))
      if (!value || *value != 1)
        return {why_not + ": some run had " + (value ? format_number(*value) : std::string("no count of")) +
                " protests, so its times are means, not one protest's."};
  // Every step's times for every policy first: all figures share one x range, so they compare.
  const std::vector<std::size_t> order = policy_order(c);
  std::vector<std::vector<std::vector<double>>> times(order.size(), std::vector<std::vector<double>>(steps.size()));
  std::vector<std::size_t> runs(order.size(), 0);
  double x_max = 0;
  for (std::size_t i = 0; i < order.size(); ++i)
    for (std::size_t t = 0; t < steps.size(); ++t) {
      std::size_t n = 0;
      for (const auto& [key, value] : batch.values(static_cast<std::size_t>(steps[t].first), dp, order[i])) {
        ++n;
        if (value) times[i][t].push_back(*value);
      }
      runs[i] = std::max(runs[i], n);
      std::sort(times[i][t].begin(), times[i][t].end());
      if (!times[i][t].empty()) x_max = std::max(x_max, times[i][t].back());
    }
  const bool nothing = std::all_of(times.begin(), times.end(), [](const auto& policy) {
    return std::all_of(policy.begin(), policy.end(), [](const auto& v) { return v.empty(); });
  });
  if (nothing) return {why_not + ": no protest reached any step."};
  const double x_end = std::max(30.0, 30 * std::ceil(x_max * 1.05 / 30));
  std::vector<FigureOrNote> out;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string& label = c.labels[order[i]];
    Figure f{"protest_escalation" + suffix + "_p" + std::to_string(order[i]), "", "", "", dp};
    f.data = "# policy " + gnuplot_data_string(label) + ", per step: minutes since the crowd set off, share of runs\n";
    std::string plot;
    const double n = static_cast<double>(std::max<std::size_t>(1, runs[i]));
    for (std::size_t t = 0; t < steps.size(); ++t) {
      const std::vector<double>& v = times[i][t];
      // Each curve runs on to the right edge, so a share that stops rising reads as a level (the
      // rest never got there), not as the curve's end.
      f.data += "# " + std::string(steps[t].second->label) + ": " + std::to_string(v.size()) + " of " + std::to_string(runs[i]) +
                " runs\n0 0\n";
      for (std::size_t j = 0; j < v.size(); ++j) f.data += format_number(v[j]) + " " + format_number(static_cast<double>(j + 1) / n) + "\n";
      f.data += format_number(x_end) + " " + format_number(static_cast<double>(v.size()) / n) + "\n\n\n";
      plot += std::string(plot.empty() ? "plot " : ", \\\n     ") + gnuplot_string(f.name + ".dat") + " index " + std::to_string(t) +
              " using 1:2 with steps lw 2.5 " + line_style(t + 1, t + 1 == steps.size() ? 2 : 1) + " title " +
              gnuplot_string(std::string(steps[t].second->label) + " (" + std::to_string(v.size()) + " of " + std::to_string(runs[i]) + ")");
    }
    f.caption = "How far and how fast protests escalated under " + label + ": the share of its runs whose protest had reached "
                "each step of the ladder by x minutes after the crowd set off (" + where + "); the end is dashed. A step that "
                "stays below 100% was not reached in the other runs; a step no run reached lies on 0." +
                (absent.empty() ? "" : " Not recorded by this batch: " + absent + ".");
    f.script = figure_script(f.name, kFigureWidth, 560, "Escalation over time: " + label + " (" + short_where(where) + ")",
                             "minutes since the crowd set off", "share of runs (cumulative)",
                             "set yrange [0:1.08]\nset xrange [0:" + format_number(x_end) + "]\n" + kPercentTics +
                             "set key outside top center horizontal maxrows 2 samplen 3\n" + plot + "\n");
    out.emplace_back(std::move(f));
  }
  return out;
}

}  // namespace

std::vector<FigureOrNote> protest_figures(const BatchTable& batch, const Comparison& c, int dp, const std::string& where,
                                          const std::string& suffix) {
  std::vector<FigureOrNote> out;
  if (!has_protest_metric(c, dp)) return out;
  // A batch with no protest in any run (the baseline, protests off) gets one sentence, not three
  // notes on charts that were never possible.
  const auto zero_in_every_run = [&](const char* metric) {
    const MetricResult* r = c.find(metric, dp);
    return r && !varies(*r) && r->policies[c.reference].estimate.summary.mean == 0;
  };
  if (zero_in_every_run("protests.protests")) {
    const bool off = zero_in_every_run("protests.enabled");
    out.emplace_back(std::string("No protest charts: no run of any policy had a protest") +
                     (off ? " (protests are off in this scenario: `protests.enabled` is 0)." : "."));
    return out;
  }
  // The axes say what a bar counts, per what: a replay's run is one protest, so "per protest"
  // (and the ladder is the share of protests reaching each rung); breaches only when drawn.
  const bool one = c.one_protest_each_run;
  const std::string per = one ? "per protest" : "per run";
  const MetricResult* breaches = c.find("protests.breaches", dp);
  const std::string counted = breaches && varies(*breaches) ? "people hurt or killed, or breaches, " : "people hurt or killed ";
  out.push_back(policy_bars(c, dp, where, "protest_toll" + suffix, {kToll.begin(), kToll.end()}, "Protests' toll",
                            counted + per + ", mean", "protest toll", Axis::count, false));
  out.push_back(policy_bars(c, dp, where, "protest_ladder" + suffix, {kLadder.begin(), kLadder.end()},
                            "How far protests escalated", one ? "share of protests reaching the rung" : "protests per run, mean",
                            "escalation ladder", one ? Axis::share : Axis::plain, true));
  out.push_back(policy_bars(c, dp, where, "protest_duration" + suffix, {kTimes.begin(), kTimes.end()},
                            "Protests' timing", "minutes since the crowd set off, mean " + per, "protest timing", Axis::plain, false));
  for (FigureOrNote& figure : escalation_time(batch, c, dp, where, suffix)) out.push_back(std::move(figure));
  return out;
}

}  // namespace campsim::analysis
