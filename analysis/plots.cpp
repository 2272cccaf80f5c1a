#include "analysis/plots.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <variant>

#include <fmt/format.h>

#include "analysis/gnuplot_runner.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/io/run_directory.hpp"

namespace campsim::analysis {

namespace fs = std::filesystem;
using engine::format_number;

namespace {

struct Figure {
  std::string name;  // file stem: NAME.dat, NAME.gp, NAME.png
  std::string caption;
  std::string data;
  std::string script;
};

// A figure, or the sentence saying why there is none.
using FigureOrNote = std::variant<Figure, std::string>;

std::string quoted(const std::string& text) {  // a gnuplot single-quoted string
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string data_label(const std::string& text) {  // a double-quoted string in a data file
  std::string out = "\"";
  for (char c : text) out += c == '"' ? '\'' : c;
  return out + "\"";
}

// pngcairo draws anti-aliased text; plain png (libgd) is the fallback on builds without cairo.
std::string preamble(const std::string& name, const std::string& title, const std::string& xlabel,
                     const std::string& ylabel) {
  return "# Written by campsim compare; redraw with: gnuplot " + name + ".gp\n"
         "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
         "  set terminal pngcairo size 900,520 noenhanced font 'sans,10'\n"
         "} else {\n"
         "  set terminal png size 900,520 noenhanced\n"
         "}\n"
         "set output '" + name + ".png'\n"
         "set title " + quoted(title) + "\n"
         "set xlabel " + quoted(xlabel) + "\n"
         "set ylabel " + quoted(ylabel) + "\n"
         "set grid\n"
         "set key outside right top\n";
}

std::optional<double> cell_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

long to_long(const std::string& text) {
  long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);  // validated by read_batch
  return value;
}

// Rows of casualties.csv for one design point and policy (and replication, if given).
std::vector<std::size_t> casualty_rows(const CsvTable& table, int design_point, const std::string& policy,
                                       std::optional<int> replication = std::nullopt) {
  const auto dp = static_cast<std::size_t>(table.column("design_point"));
  const auto pol = static_cast<std::size_t>(table.column("policy"));
  const auto rep = static_cast<std::size_t>(table.column("replication"));
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

FigureOrNote ecdf_figure(const BatchTable& batch, const Comparison& c, int dp, const std::string& column,
                         const std::string& where) {
  const std::string stage = stage_names().at(column);
  if (!batch.casualties) return "No time-to-" + stage + " curve: the batch has no casualties.csv.";
  const CsvTable& table = *batch.casualties;
  const long col = table.column(column);
  if (col < 0) return "No time-to-" + stage + " curve: casualties.csv has no `" + column + "` column (the medical chain fills it).";
  const long outcome = table.column("outcome");
  Figure f{"ecdf_" + column, "", "", ""};
  std::string plot;
  int block = 0;
  for (std::size_t p = 0; p < c.policies.size(); ++p) {
    std::vector<double> values;
    std::size_t eligible = 0;
    for (std::size_t r : casualty_rows(table, dp, c.policies[p])) {
      // Casualties killed outright never enter the chain; everyone else counts in the
      // denominator, so the curve stops short of 1 by the share who never reached the stage.
      if (outcome >= 0 && table.rows[r][static_cast<std::size_t>(outcome)] == "killed") continue;
      ++eligible;
      if (auto v = cell_number(table.rows[r][static_cast<std::size_t>(col)])) values.push_back(*v);
    }
    if (values.empty()) continue;
    std::sort(values.begin(), values.end());
    f.data += "# policy " + c.policies[p] + ": " + std::to_string(values.size()) + " of " + std::to_string(eligible) +
              " casualties reached " + stage + "\n";
    f.data += format_number(values.front()) + " 0\n";
    for (std::size_t i = 0; i < values.size(); ++i)
      f.data += format_number(values[i]) + " " + format_number(static_cast<double>(i + 1) / static_cast<double>(eligible)) + "\n";
    f.data += "\n\n";
    plot += std::string(plot.empty() ? "plot " : ", \\\n     ") + quoted(f.name + ".dat") + " index " + std::to_string(block++) +
            " using 1:2 with steps lw 2 title " + quoted(c.policies[p]);
  }
  if (block == 0) return "No time-to-" + stage + " curve: no casualty reached " + stage + " in " + where + ".";
  f.caption = "Time from injury to " + stage + ", share of casualties not killed outright (" + where +
              "); a curve ending below 1 means some never got there.";
  f.script = preamble(f.name, "Time from injury to " + stage + " (" + where + ")", "minutes since injury",
                      "share of casualties") +
             "set yrange [0:1.05]\nset xrange [0:*]\nset key bottom right inside\n" + plot + "\n";
  return f;
}

FigureOrNote compliance_figure(const Comparison& c, int dp, const std::string& where) {
  std::vector<const MetricResult*> present;
  for (const std::string& name : compliance_metrics())
    if (const MetricResult* r = c.find(name, dp)) present.push_back(r);
  if (present.empty())
    return "No 10-1-2 compliance chart: results.csv has no `medical.compliance.*` columns (or --metrics left them out).";
  Figure f{"compliance", "", "", ""};
  f.data = "# metric, then for each policy: mean, CI lower, CI upper (percent)\n";
  for (const MetricResult* r : present) {
    f.data += data_label(r->metric.label);
    for (const PolicyResult& p : r->policies) {
      const double m = 100 * p.estimate.summary.mean;
      const bool has_ci = p.estimate.ci.method != IntervalMethod::none;
      f.data += " " + format_number(m) + " " + format_number(has_ci ? 100 * p.estimate.ci.lower : m) + " " +
                format_number(has_ci ? 100 * p.estimate.ci.upper : m);
    }
    f.data += "\n";
  }
  std::string plot = "plot ";
  for (std::size_t p = 0; p < c.policies.size(); ++p) {
    const std::size_t col = 2 + 3 * p;
    plot += (p ? ", \\\n     '' using " : quoted("compliance.dat") + " using ") + std::to_string(col) + ":" +
            std::to_string(col + 1) + ":" + std::to_string(col + 2) + (p ? "" : ":xtic(1)") + " title " + quoted(c.policies[p]);
  }
  const std::string level = format_number(100 * c.options.level);
  f.caption = "10-1-2 compliance by policy, mean over replications with " + level + "% confidence intervals (" + where + ").";
  f.script = preamble(f.name, "10-1-2 compliance (" + where + ")", "", "percent of casualties (mean, " + level + "% CI)") +
             "set style data histograms\nset style histogram errorbars gap 1.5 lw 1\n"
             "set style fill solid 0.6 border -1\nset yrange [0:105]\n" + plot + "\n";
  return f;
}

FigureOrNote deaths_figure(const BatchTable& batch, const Comparison& c, int dp, const std::string& where) {
  const MetricResult* r = c.find(kDiedOfWounds, dp);
  if (!r) return "No deaths chart: results.csv has no `medical.died_of_wounds` column (or --metrics left it out).";
  const auto column = static_cast<std::size_t>(batch.metric_index(kDiedOfWounds));
  Figure f{"deaths", "", "", ""};
  f.data = "# index 0: policy x, mean, CI lower, CI upper\n";
  std::string xtics;
  for (const PolicyResult& p : r->policies) {
    const double m = p.estimate.summary.mean;
    const bool has_ci = p.estimate.ci.method != IntervalMethod::none;
    f.data += std::to_string(p.policy) + " " + format_number(m) + " " + format_number(has_ci ? p.estimate.ci.lower : m) + " " +
              format_number(has_ci ? p.estimate.ci.upper : m) + "\n";
    xtics += std::string(xtics.empty() ? "" : ", ") + quoted(c.policies[p.policy]) + " " + std::to_string(p.policy);
  }
  f.data += "\n\n# index 1: per replication, x (spread a little so equal values stay visible), deaths\n";
  for (std::size_t p = 0; p < c.policies.size(); ++p)
    for (const auto& [key, value] : batch.values(column, dp, p))
      if (value) f.data += format_number(static_cast<double>(p) + 0.03 * ((key.second % 11) - 5)) + " " + format_number(*value) + "\n";
  const std::string level = format_number(100 * c.options.level);
  f.caption = "Died of wounds per run by policy: mean (bar) with " + level + "% confidence interval, and each replication (dots) (" +
              where + ").";
  f.script = preamble(f.name, "Died of wounds per run (" + where + ")", "", "deaths per run") +
             "set xtics (" + xtics + ")\nset xrange [-0.6:" + std::to_string(c.policies.size()) + "-0.4]\n"
             "set yrange [0:*]\nset boxwidth 0.5\nset style fill solid 0.3 border -1\n"
             "plot 'deaths.dat' index 0 using 1:2 with boxes title 'mean', \\\n"
             "     '' index 0 using 1:2:3:4 with yerrorbars lw 2 pt 0 title " + quoted(level + "% CI") + ", \\\n"
             "     '' index 1 using 1:2 with points pt 7 ps 0.5 title 'replications'\n";
  return f;
}

FigureOrNote timeline_figure(const BatchTable& batch, const Comparison& c, int dp, const std::string& where) {
  if (!batch.casualties) return "No timeline: the batch has no casualties.csv.";
  const CsvTable& table = *batch.casualties;
  std::vector<std::pair<std::string, long>> stages;  // (column, index) of the stages present
  for (const char* name : {"first_aid_min", "approved_min", "on_scene_min", "at_hospital_min", "surgery_min"})
    if (long col = table.column(name); col >= 0) stages.emplace_back(name, col);
  if (stages.empty()) return "No timeline: casualties.csv has none of the medical chain's time columns (first_aid_min ... surgery_min).";
  const std::string& policy = c.policies[c.reference];
  const std::optional<int> rep = representative_replication(batch, dp, c.reference);
  if (!rep) return "No timeline: no run of " + policy + " in " + where + " had a casualty.";
  std::vector<std::size_t> rows = casualty_rows(table, dp, policy, *rep);
  const long injury = table.column("injury_h"), id = table.column("casualty"), triage = table.column("triage"),
             outcome = table.column("outcome");
  const auto text = [&](std::size_t row, long col) { return col >= 0 ? table.rows[row][static_cast<std::size_t>(col)] : ""; };
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
    return cell_number(text(a, injury)).value_or(0) < cell_number(text(b, injury)).value_or(0);
  });
  constexpr std::size_t kMaxRows = 40;  // beyond this the labels no longer fit
  const std::size_t shown = std::min(rows.size(), kMaxRows);
  Figure f{"timeline", "", "", ""};
  f.data = "# y, last stage reached (min since injury), then";
  for (const auto& s : stages) f.data += " " + s.first;
  f.data += ", label; ? = never reached\n";
  for (std::size_t i = 0; i < shown; ++i) {
    double last = 0;
    std::string cells;
    for (const auto& s : stages) {
      const std::optional<double> v = cell_number(text(rows[i], s.second));
      if (v) last = std::max(last, *v);
      cells += " " + (v ? format_number(*v) : std::string("?"));
    }
    std::string label = "casualty " + text(rows[i], id);
    if (!text(rows[i], triage).empty()) label += " " + text(rows[i], triage);
    if (!text(rows[i], outcome).empty()) label += " " + text(rows[i], outcome);
    f.data += std::to_string(i) + " " + format_number(last) + cells + " " + data_label(label) + "\n";
  }
  const std::size_t label_col = 3 + stages.size();
  std::string plot = "plot 'timeline.dat' using (0):1:2:(0):ytic(" + std::to_string(label_col) +
                     ") with vectors nohead lw 6 lc rgb '#c8c8c8' title 'injury to last stage reached'";
  for (std::size_t s = 0; s < stages.size(); ++s)
    plot += ", \\\n     '' using " + std::to_string(3 + s) + ":1 with points pt " + std::to_string(5 + 2 * static_cast<int>(s)) +
            " ps 1.2 title " + quoted(stage_names().at(stages[s].first));
  const std::string run = policy + ", replication " + std::to_string(*rep) + ", " + where;
  f.caption = "Timeline of each casualty in a representative run (" + run +
              "): the replication whose mean time to on scene is closest to the median" +
              (rows.size() > shown ? "; the first " + std::to_string(shown) + " of " + std::to_string(rows.size()) + " casualties" : "") +
              ".";
  f.script = preamble(f.name, "Casualty timelines, " + run, "minutes since injury", "") +
             "set datafile missing '?'\nset yrange [-0.7:" + std::to_string(shown) + "-0.3] reverse\n"
             "set xrange [0:*]\nset grid noytics\n" + plot + "\n";
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
  const CsvTable& table = *batch.casualties;
  const auto rep_col = static_cast<std::size_t>(table.column("replication"));
  const long on_scene = table.column("on_scene_min");
  std::map<int, std::vector<double>> times;  // replication -> on-scene times
  std::map<int, double> counts;              // replication -> casualties
  for (std::size_t r : casualty_rows(table, design_point, batch.manifest.policies[policy])) {
    const int rep = static_cast<int>(to_long(table.rows[r][rep_col]));
    counts[rep] += 1;
    if (on_scene >= 0)
      if (auto v = cell_number(table.rows[r][static_cast<std::size_t>(on_scene)])) times[rep].push_back(*v);
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
  const int dp = c.design_points.front();
  const std::string where = batch.manifest.design_points.size() > 1 || !batch.design_point(dp).settings.empty()
                                ? batch.design_point(dp).label()
                                : "all runs";
  std::vector<FigureOrNote> figures;
  for (const char* column : {"on_scene_min", "at_hospital_min", "surgery_min"})
    figures.push_back(ecdf_figure(batch, c, dp, column, where));
  figures.push_back(compliance_figure(c, dp, where));
  figures.push_back(deaths_figure(batch, c, dp, where));
  figures.push_back(timeline_figure(batch, c, dp, where));

  const fs::path plots = report_dir / "plots";
  fs::create_directories(plots);
  const std::string program = gnuplot_program(options.gnuplot);
  std::optional<std::string> cannot_run;
  for (const FigureOrNote& item : figures) {
    if (const auto* note = std::get_if<std::string>(&item)) {
      outcome.notes.push_back(*note);
      continue;
    }
    const Figure& f = std::get<Figure>(item);
    io::write_text_file(plots / (f.name + ".dat"), f.data);
    io::write_text_file(plots / (f.name + ".gp"), f.script);
    if (cannot_run) continue;  // keep writing data and scripts; gnuplot will not start for the next one either
    if (std::optional<std::string> failure = run_gnuplot(program, plots / (f.name + ".gp"))) {
      if (failure->starts_with("cannot run")) {
        cannot_run = failure;
      } else {
        outcome.notes.push_back("No " + f.name + ".png: " + *failure + ".");
      }
      continue;
    }
    const fs::path png = plots / (f.name + ".png");
    if (!fs::exists(png) || fs::file_size(png) == 0 || !is_png(png)) {
      outcome.notes.push_back("No " + f.name + ".png: gnuplot ran but wrote no valid PNG.");
      continue;
    }
    outcome.images.push_back({"plots/" + f.name + ".png", f.caption});
  }
  if (cannot_run)
    outcome.notes.insert(outcome.notes.begin(),
                         "Plots are absent: " + *cannot_run +
                             ". The data and gnuplot scripts are in plots/; install gnuplot (Debian: gnuplot-nox) or "
                             "pass --gnuplot PATH, or run `gnuplot NAME.gp` in report/plots/ to draw them.");
  return outcome;
}

}  // namespace campsim::analysis
