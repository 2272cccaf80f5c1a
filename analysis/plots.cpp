#include "analysis/plots.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <variant>

#include <fmt/format.h>

#include "analysis/gnuplot_runner.hpp"
#include "analysis/gnuplot_text.hpp"
#include "analysis/plot_script.hpp"
#include "analysis/protest_plots.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/io/visible_text.hpp"

namespace campsim::analysis {

namespace fs = std::filesystem;
using engine::format_number;

namespace {

long to_long(const std::string& text) {
  long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);  // validated by read_batch
  return value;
}

// Rows of care.csv for one design point and policy (and replication, if given).
std::vector<std::size_t> casualty_rows(const io::CsvTable& table, int design_point, const std::string& policy,
                                       std::optional<int> replication = std::nullopt) {
  const std::size_t dp = table.column("design_point");
  const std::size_t pol = table.column("policy");
  const std::size_t rep = table.column("replication");
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    if (to_long(table.rows[r][dp]) == design_point && table.rows[r][pol] == policy &&
        (!replication || to_long(table.rows[r][rep]) == *replication))
      rows.push_back(r);
  return rows;
}

const std::map<std::string, std::string>& stage_names() {
  static const std::map<std::string, std::string> names{
      {"first_aid_min", "first aid"},   {"approved_min", "approval"},     {"on_scene_min", "on scene"},
      {"at_hospital_min", "at hospital"}, {"surgery_min", "surgery"}};
  return names;
}

// The 10-1-2 targets (docs/medical/chain.md), each with the stage it judges: first aid within
// 10 minutes, resuscitation (in the hospital's bay) within 1 hour, surgery within 2 hours. A
// target is drawn only on a figure of its own stage: a "10 min" line on the time to on scene
// would read as an ambulance target, which it is not.
struct CareTarget {
  double minutes;
  const char* label;
  const char* stage;  // care.csv column
};
// The time axis of the time-to-stage curves: 1.2 x the 90th percentile, rounded up to 30 min,
// within [150, 480] min, so the 2-hour target is never squeezed into the edge.
constexpr double kAxisPastP90 = 1.2, kAxisShortestMin = 150, kAxisLongestMin = 480;
constexpr std::array<CareTarget, 3> kTargets{{{10, "10 min: first aid", "first_aid_min"},
                                              {60, "1 h: resuscitation", "at_hospital_min"},
                                              {120, "2 h: surgery", "surgery_min"}}};

FigureOrNote ecdf_figure(const BatchTable& batch, const Comparison& c, int dp, const std::string& column,
                         const std::string& where, const std::string& suffix) {
  const std::string stage = stage_names().at(column);
  if (!batch.casualties) return "No time-to-" + stage + " curve: the batch has no care.csv.";
  const io::CsvTable& table = *batch.casualties;
  const std::optional<std::size_t> col = table.find_column(column);
  if (!col) return "No time-to-" + stage + " curve: care.csv has no `" + column + "` column (the medical chain fills it).";
  const std::optional<std::size_t> outcome = table.find_column("outcome");
  // Surgery is only for those whose wound needs it: they, not every casualty, are its denominator.
  // (Looked up for every column and used for surgery only: g++ 12 at -O3 takes the optional made by
  // `column == "surgery_min" ? find_column(...) : std::nullopt` for maybe uninitialized.)
  const bool surgery_only_if_needed = column == "surgery_min";
  const std::optional<std::size_t> needs_surgery = table.find_column("needs_surgery");
  Figure f{"ecdf_" + column + suffix, "", "", "", dp};
  std::string plot;
  std::vector<double> everything;
  std::string counts;
  int block = 0;
  const std::vector<std::size_t> order = policy_order(c);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t p = order[i];
    std::vector<double> values;
    std::size_t eligible = 0;
    for (std::size_t r : casualty_rows(table, dp, c.policies[p])) {
      // Casualties killed outright never enter the chain; everyone else counts in the
      // denominator, so the curve stops short of 1 by the share who never reached the stage.
      if (outcome && table.rows[r][*outcome] == "killed") continue;
      if (surgery_only_if_needed && needs_surgery && table.rows[r][*needs_surgery] != "1") continue;
      ++eligible;
      if (auto v = cell_number(table.rows[r][*col])) values.push_back(*v);
    }
    if (values.empty()) continue;
    std::sort(values.begin(), values.end());
    everything.insert(everything.end(), values.begin(), values.end());
    counts += (counts.empty() ? "" : "; ") + c.labels[p] + " " + std::to_string(values.size()) + " of " + std::to_string(eligible);
    f.data += "# policy " + io::visible(c.labels[p]) + ": " + std::to_string(values.size()) + " of " + std::to_string(eligible) +
              " casualties reached " + stage + "\n";
    f.data += "0 0\n";
    for (std::size_t k = 0; k < values.size(); ++k)
      f.data += format_number(values[k]) + " " + format_number(static_cast<double>(k + 1) / static_cast<double>(eligible)) + "\n";
    f.data += "\n\n";
    plot += std::string(plot.empty() ? "plot " : ", \\\n     ") + gnuplot_string(f.name + ".dat") + " index " + std::to_string(block) +
            " using 1:2 with steps lw 2.5 " + line_style(i) + " title " + gnuplot_string(c.labels[p]);
    ++block;
  }
  if (block == 0) return "No time-to-" + stage + " curve: no casualty reached " + stage + " in " + where + ".";
  // The x axis covers the 2-hour target and most casualties, not the slowest few: a range set
  // by one patient who waited 16 hours would squeeze the targets into the left edge.
  const double p90 = quantile_type7(everything, 0.9);
  const double x_max = std::clamp(30 * std::ceil(kAxisPastP90 * p90 / 30), kAxisShortestMin, kAxisLongestMin);
  const double beyond = static_cast<double>(std::count_if(everything.begin(), everything.end(), [&](double v) { return v > x_max; }));
  std::string targets, target_words;
  for (const CareTarget& t : kTargets)
    if (column == t.stage) {
      targets += "set arrow from " + format_number(t.minutes) + ",0 to " + format_number(t.minutes) +
                 ",1 nohead dt 2 lw 1.5 lc rgb '#555555' front\n"
                 "set label " + gnuplot_string(t.label) + " at " + format_number(t.minutes + 2) + ",1.03 left tc rgb '#333333' front\n";
      target_words = "Dashed line: the 10-1-2 target for this stage (" + std::string(t.label) + "). ";
    }
  if (target_words.empty()) target_words = "No 10-1-2 target applies to this stage (the 10 minutes are for first aid). ";
  const std::string who = surgery_only_if_needed && needs_surgery ? "casualties whose wounds need surgery" : "casualties not killed outright";
  f.caption = "Time from injury to " + stage + ", share of " + who + " (" + where +
              "; reached/eligible: " + counts + "). " + target_words + "A curve ending below 1 means some never got there" +
              (beyond > 0 ? "; the axis stops at " + format_number(x_max) + " min, " +
                                format_number(std::round(100 * beyond / static_cast<double>(everything.size()))) +
                                "% of times lie beyond it" : "") + ".";
  f.script = figure_script(f.name, kFigureWidth, kFigureHeight, "Time from injury to " + stage + " (" + short_where(where) + ")", "minutes since injury",
                    "share of " + who + " (cumulative)",
                    "set yrange [0:1.08]\nset xrange [0:" + format_number(x_max) + "]\nset xtics 30\n"
                    "set ytics ('0%%' 0, '20%%' 0.2, '40%%' 0.4, '60%%' 0.6, '80%%' 0.8, '100%%' 1)\n"
                    "set key inside right bottom opaque box lc rgb '#bbbbbb'\n" + targets + plot + "\n");
  return f;
}

FigureOrNote compliance_figure(const Comparison& c, int dp, const std::string& where, const std::string& suffix) {
  std::vector<const MetricResult*> present;
  for (const std::string& name : compliance_metrics())
    if (const MetricResult* r = c.find(name, dp)) present.push_back(r);
  if (present.empty())
    return "No 10-1-2 compliance chart: results.csv has no `medical.compliance.*` columns (or --metrics left them out).";
  if (std::none_of(present.begin(), present.end(), [](const MetricResult* r) { return varies(*r); }))
    return "No 10-1-2 compliance chart: each compliance share was the same in every run of every policy, so there is nothing "
           "to draw (the tables give the values).";
  Figure f{"compliance" + suffix, "", "", "", dp};
  f.data = "# target, then for each policy (reference first): mean, CI lower, CI upper (percent)\n";
  const std::vector<std::size_t> order = policy_order(c);
  for (const MetricResult* r : present) {
    f.data += gnuplot_data_string(r->metric.label);
    for (std::size_t p : order) {
      const PolicyResult& pr = r->policies[p];
      const double m = 100 * pr.estimate.summary.mean;
      const bool has_ci = pr.estimate.ci.method != IntervalMethod::none;
      f.data += " " + format_number(m) + " " + format_number(has_ci ? 100 * pr.estimate.ci.lower : m) + " " +
                format_number(has_ci ? 100 * pr.estimate.ci.upper : m);
    }
    f.data += "\n";
  }
  const std::string plot = grouped_bars_plot(f.name + ".dat", order, c.labels);
  const std::string level = format_number(100 * c.options.level);
  f.caption = "10-1-2 compliance by policy: mean share of casualties per run meeting each target, with " + level +
              "% confidence intervals (" + where + ").";
  // The legend goes above the plot in rows, not beside it, so the bars keep the width.
  f.script = figure_script(f.name, kFigureWidth, kFigureHeight, "10-1-2 compliance (" + short_where(where) + ")", "", "casualties meeting the target (%, mean per run)",
                    "set style data histograms\nset style histogram errorbars gap 2 lw 1.5\n"
                    "set style fill solid 0.5 border rgb '#303030'\nset yrange [0:110]\nset ytics 20\nset grid noxtics\n"
                    "set key outside top center horizontal maxrows 2 samplen 2\nset xtics scale 0\n" + plot + "\n");
  return f;
}

FigureOrNote deaths_figure(const BatchTable& batch, const Comparison& c, int dp, const std::string& where,
                           const std::string& suffix) {
  const MetricResult* r = c.find(kDiedOfWounds, dp);
  if (!r) return "No deaths chart: results.csv has no `medical.died_of_wounds` column (or --metrics left it out).";
  if (!varies(*r))
    return "No deaths chart: died of wounds was " + format_number(r->policies[c.reference].estimate.summary.mean) +
           " in every run of every policy, so there is nothing to draw.";
  const auto column = static_cast<std::size_t>(batch.metric_index(kDiedOfWounds));
  Figure f{"deaths" + suffix, "", "", "", dp};
  f.data = "# index 0: x, mean, CI lower, CI upper (reference first)\n";
  std::string xtics;
  const std::vector<std::size_t> order = policy_order(c);
  double top = 0;
  for (std::size_t x = 0; x < order.size(); ++x) {
    const PolicyResult& p = r->policies[order[x]];
    const double m = p.estimate.summary.mean;
    const bool has_ci = p.estimate.ci.method != IntervalMethod::none;
    f.data += std::to_string(x) + " " + format_number(m) + " " + format_number(has_ci ? p.estimate.ci.lower : m) + " " +
              format_number(has_ci ? p.estimate.ci.upper : m) + "\n";
    xtics += std::string(xtics.empty() ? "" : ", ") + gnuplot_lines(wrapped_label(c.labels[order[x]])) + " " + std::to_string(x);
  }
  f.data += "\n\n# index 1: per replication: x (spread sideways so equal values stay visible), deaths\n";
  for (std::size_t x = 0; x < order.size(); ++x)
    for (const auto& [key, value] : batch.values(column, dp, order[x]))
      if (value) {
        top = std::max(top, *value);
        f.data += format_number(static_cast<double>(x) + 0.035 * ((key.second % 11) - 5)) + " " + format_number(*value) + "\n";
      }
  const std::string level = format_number(100 * c.options.level);
  f.caption = "Died of wounds per run by policy: mean (bar) with " + level + "% confidence interval, and each replication (dots) (" +
              where + ").";
  f.script = figure_script(f.name, kFigureWidth, kFigureHeight, "Died of wounds per run (" + short_where(where) + ")", "", "deaths per run",
                    "set xtics (" + xtics + ") scale 0\nset xrange [-0.6:" + std::to_string(order.size()) + "-0.4]\n"
                    "set yrange [0:" + format_number(std::max(1.0, std::ceil(top * 1.1))) + "]\nset grid noxtics\n" +
                    integer_ytics(std::max(1.0, std::ceil(top * 1.1))) +
                    "set bmargin 5\nset boxwidth 0.55\nset style fill solid 0.35 border rgb '#303030'\n"
                    "set key outside top center horizontal\n"
                    "plot " + gnuplot_string(f.name + ".dat") + " index 0 using 1:2 with boxes lc rgb '#56B4E9' title 'mean', \\\n"
                    "     '' index 0 using 1:2:3:4 with yerrorbars lw 2 pt 0 lc rgb '#000000' title " + gnuplot_string(level + "% CI") + ", \\\n"
                    "     '' index 1 using 1:2 with points pt 7 ps 0.6 lc rgb '#D55E00' title 'one replication'\n");
  return f;
}

// A casualty's label on the timeline: "#12 T1, died of wounds" (not "casualty 38 killed killed").
std::string timeline_label(const std::string& id, const std::string& triage, const std::string& outcome) {
  std::string label = "#" + id;
  if (triage == "killed" || outcome == "killed") return label + " killed outright";
  if (!triage.empty()) label += " " + triage.substr(0, triage.find('_'));
  if (outcome == "died_of_wounds") label += ", died of wounds";
  if (outcome == "evacuated_l3") label += ", flown to L3";
  return label;
}

FigureOrNote timeline_figure(const BatchTable& batch, const Comparison& c, int dp, const std::string& where,
                             const std::string& suffix) {
  if (!batch.casualties) return "No timeline: the batch has no care.csv.";
  const io::CsvTable& table = *batch.casualties;
  std::vector<std::pair<std::string, std::optional<std::size_t>>> stages;  // (column, index) of the stages present
  for (const char* name : {"first_aid_min", "approved_min", "on_scene_min", "at_hospital_min", "surgery_min"})
    if (const std::optional<std::size_t> col = table.find_column(name)) stages.emplace_back(name, col);
  if (stages.empty()) return "No timeline: care.csv has none of the medical chain's time columns (first_aid_min ... surgery_min).";
  const std::string& policy = c.policies[c.reference];
  const std::optional<int> rep = representative_replication(batch, dp, c.reference);
  if (!rep) return "No timeline: no run of " + c.labels[c.reference] + " in " + where + " had a casualty.";
  std::vector<std::size_t> rows = casualty_rows(table, dp, policy, *rep);
  const std::optional<std::size_t> injury = table.find_column("injury_h"), id = table.find_column("casualty"),
                                   triage = table.find_column("triage"), outcome = table.find_column("outcome");
  const auto text = [&](std::size_t row, std::optional<std::size_t> col) { return col ? table.rows[row][*col] : ""; };
  // Casualties killed outright have no care to draw: they are counted in the caption instead.
  const auto killed_outright = [&](std::size_t row) { return text(row, outcome) == "killed" || text(row, triage) == "killed"; };
  const std::size_t killed = static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), killed_outright));
  std::erase_if(rows, killed_outright);
  if (rows.empty()) return "No timeline: the representative run of " + c.labels[c.reference] + " in " + where + " had only casualties killed outright.";
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    return cell_number(text(a, injury)).value_or(0) < cell_number(text(b, injury)).value_or(0);
  });
  constexpr std::size_t kMaxRows = 24;  // at 26 px a row, the most a briefing slide shows legibly
  const std::size_t shown = std::min(rows.size(), kMaxRows);
  Figure f{"timeline" + suffix, "", "", "", dp};
  f.data = "# y, last stage reached (min since injury), then";
  for (const auto& s : stages) f.data += " " + s.first;
  f.data += ", label; ? = never reached\n";
  double x_max = 0;
  for (std::size_t i = 0; i < shown; ++i) {
    double last = 0;
    std::string cells;
    for (const auto& s : stages) {
      const std::optional<double> v = cell_number(text(rows[i], s.second));
      if (v) last = std::max(last, *v);
      cells += " " + (v ? format_number(*v) : std::string("?"));
    }
    x_max = std::max(x_max, last);
    f.data += std::to_string(i) + " " + format_number(last) + cells + " " +
              gnuplot_data_string(timeline_label(text(rows[i], id), text(rows[i], triage), text(rows[i], outcome))) + "\n";
  }
  const std::size_t label_col = 3 + stages.size();
  std::string plot = "plot " + gnuplot_string(f.name + ".dat") + " using (0):1:2:(0):ytic(" + std::to_string(label_col) +
                     ") with vectors nohead lw 8 lc rgb '#d9d9d9' title 'injury to last stage reached'";
  constexpr std::array<int, 5> kPointTypes{7, 5, 9, 13, 11};  // filled circle, square, triangle, diamond, inverted triangle
  for (std::size_t s = 0; s < stages.size(); ++s)
    plot += ", \\\n     '' using " + std::to_string(3 + s) + ":1 with points pt " + std::to_string(kPointTypes[s % kPointTypes.size()]) +
            " ps 1.4 " + line_style(s + 1) + " title " + gnuplot_string(stage_names().at(stages[s].first));
  // Each target is drawn when its stage is on the timeline (and within the axis), labelled with
  // the stage it judges, since the marks of every stage share one axis here; the label runs up
  // along its line, so it never reaches past the right edge or into the next one.
  std::string targets, target_words;
  for (const CareTarget& t : kTargets)
    if (t.minutes <= 1.05 * std::max(x_max, 130.0) &&
        std::any_of(stages.begin(), stages.end(), [&](const auto& s) { return s.first == t.stage; })) {
      targets += "set arrow from " + format_number(t.minutes) + ", graph 0 to " + format_number(t.minutes) +
                 ", graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back\n"
                 "set label " + gnuplot_string(t.label) + " at " + format_number(t.minutes) +
                 ", graph 0.03 rotate by 90 left offset -1.5,0 tc rgb '#333333' front\n";
      target_words += std::string(target_words.empty() ? "" : ", ") + t.label;
    }
  const std::string run = c.labels[c.reference] + ", replication " + std::to_string(*rep) + ", " + where;
  f.caption = "Each casualty's care in a representative run (" + run +
              "): the replication whose mean time to on scene is closest to the median" +
              (target_words.empty() ? "" : ". Dashed lines, the 10-1-2 targets: " + target_words) +
              (rows.size() > shown ? "; the first " + std::to_string(shown) + " of " + std::to_string(rows.size()) + " casualties in care"
                                   : "") +
              (killed > 0 ? "; " + std::to_string(killed) + " killed outright not drawn" : "") + ".";
  const int height = 170 + 26 * static_cast<int>(shown);
  f.script = figure_script(f.name, 1000, std::max(height, 360),
                    "Casualty care timeline: " + c.labels[c.reference] + ", replication " + std::to_string(*rep) + ", " + short_where(where), "minutes since injury", "",
                    "set datafile missing '?'\nset yrange [" + std::to_string(shown) + "-0.3:-0.7]\n"
                    "set xrange [0:" + format_number(std::max(130.0, std::ceil(x_max * 1.05 / 10) * 10)) + "]\n"
                    "set grid noytics\nset ytics scale 0\nset key outside top center horizontal\n" + targets + plot + "\n");
  return f;
}

bool is_png(const fs::path& file) {
  static const std::string kSignature = "\x89PNG\r\n\x1a\n";
  std::ifstream in(file, std::ios::binary);
  std::string head(kSignature.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == kSignature;
}

}  // namespace

std::optional<int> representative_replication(const BatchTable& batch, int design_point, std::size_t policy) {
  if (!batch.casualties) return std::nullopt;
  const io::CsvTable& table = *batch.casualties;
  const std::size_t rep_col = table.column("replication");
  const std::optional<std::size_t> on_scene = table.find_column("on_scene_min");
  std::map<int, std::vector<double>> times;  // replication -> on-scene times
  std::map<int, double> counts;              // replication -> casualties
  for (std::size_t r : casualty_rows(table, design_point, batch.manifest.policies[policy])) {
    const int rep = static_cast<int>(to_long(table.rows[r][rep_col]));
    counts[rep] += 1;
    if (on_scene)
      if (auto v = cell_number(table.rows[r][*on_scene])) times[rep].push_back(*v);
  }
  std::map<int, double> measure;  // the quantity whose median run we want
  if (!times.empty()) {
    for (const auto& [rep, t] : times) measure[rep] = summarize(t).mean;
  } else {
    measure = counts;
  }
  if (measure.empty()) return std::nullopt;
  std::vector<double> values;
  for (const auto& [rep, m] : measure) values.push_back(m);
  const double median = quantile_type7(values, 0.5);
  std::optional<int> best;
  double best_distance = 0;
  for (const auto& [rep, m] : measure)  // ascending replication: ties keep the lower one
    if (!best || std::abs(m - median) < best_distance) {
      best = rep;
      best_distance = std::abs(m - median);
    }
  return best;
}

PlotOutcome make_plots(const BatchTable& batch, const Comparison& c, const fs::path& report_dir, const PlotOptions& options) {
  PlotOutcome outcome;
  if (!options.enabled) {
    outcome.notes.push_back("Plots were not drawn: `--no-plots` was given.");
    return outcome;
  }
  if (c.design_points.empty()) {
    outcome.notes.push_back("No plots: results.csv has no runs yet.");
    return outcome;
  }
  // Every design point gets its own figures (suffix _dp<N> when the batch has a design).
  const bool design = batch.manifest.design_points.size() > 1 || !batch.design_point(c.design_points.front()).settings.empty();
  std::vector<FigureOrNote> figures;
  for (int dp : c.design_points) {
    const std::string where = design ? batch.design_point(dp).label() : "all runs";
    const std::string suffix = design ? "_dp" + std::to_string(dp) : "";
    // Protest figures first: when protest metrics are compared they are what the comparison is
    // about, and the medical figures show only the protests' casualties.
    for (FigureOrNote& figure : protest_figures(batch, c, dp, where, suffix)) figures.push_back(std::move(figure));
    for (const char* column : {"on_scene_min", "at_hospital_min", "surgery_min"})
      figures.push_back(ecdf_figure(batch, c, dp, column, where, suffix));
    figures.push_back(compliance_figure(c, dp, where, suffix));
    figures.push_back(deaths_figure(batch, c, dp, where, suffix));
    figures.push_back(timeline_figure(batch, c, dp, where, suffix));
  }

  const fs::path plots = report_dir / "plots";
  fs::create_directories(plots);
  const std::string program = gnuplot_program(options.gnuplot);
  std::optional<GnuplotFailure> cannot_run;  // drawing stopped: no gnuplot, or one hit the time limit
  for (const FigureOrNote& item : figures) {
    if (const auto* note = std::get_if<std::string>(&item)) {
      outcome.notes.push_back(*note);
      continue;
    }
    const Figure& f = std::get<Figure>(item);
    io::write_text_file(plots / (f.name + ".dat"), f.data);
    io::write_text_file(plots / (f.name + ".gp"), f.script);
    if (cannot_run) continue;  // keep writing data and scripts; gnuplot will not start for the next one either
    if (std::optional<GnuplotFailure> failure = run_gnuplot(program, plots / (f.name + ".gp"))) {
      if (failure->give_up()) {
        cannot_run = failure;
      } else {
        outcome.notes.push_back("No " + f.name + ".png: " + failure->message + ".");
      }
      continue;
    }
    const fs::path png = plots / (f.name + ".png");
    if (!fs::exists(png) || fs::file_size(png) == 0 || !is_png(png)) {
      outcome.notes.push_back("No " + f.name + ".png: gnuplot ran but wrote no valid PNG.");
      continue;
    }
    const bool svg = fs::exists(plots / (f.name + ".svg")) && fs::file_size(plots / (f.name + ".svg")) > 0;
    outcome.images.push_back({"plots/" + f.name + ".png", f.caption, svg ? "plots/" + f.name + ".svg" : "", f.design_point});
  }
  if (cannot_run) outcome.notes.insert(outcome.notes.begin(), plots_absent_note(*cannot_run));
  return outcome;
}

}  // namespace campsim::analysis
