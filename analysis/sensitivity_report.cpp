#include "analysis/sensitivity_report.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <sstream>

#include "analysis/display.hpp"
#include "analysis/figure_files.hpp"
#include "analysis/sensitivity_figures.hpp"
#include "analysis/metric_catalogue.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/run_directory.hpp"

namespace campsim::analysis {

namespace fs = std::filesystem;
using engine::format_number;

namespace {

std::string fixed(double value, int decimals = 3) {
  if (std::isnan(value)) return "n/a";
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

// Decimals that give three significant figures to the largest index of a table.
int decimals_for_scale(double largest) {
  if (!(largest > 0) || !std::isfinite(largest)) return 3;
  const int digits = static_cast<int>(std::floor(std::log10(largest)));
  return std::clamp(2 - digits, 0, 6);
}

std::string with_interval(const IndexEstimate& e, int decimals) {
  return fixed(e.value, decimals) + " ± " + fixed(e.half_width, decimals);
}

// Parameter order by importance: Morris mu*, Sobol' total index, ties by parameter order.
std::vector<std::size_t> ranking(const MetricSensitivity& m, std::size_t parameters) {
  std::vector<std::size_t> order(parameters);
  std::iota(order.begin(), order.end(), 0);
  const auto key = [&](std::size_t i) {
    const double v = m.morris ? m.morris->factors[i].mu_star.value : m.sobol->factors[i].total.value;
    return std::isnan(v) ? -1.0 : v;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  return order;
}

}  // namespace

const char* to_string(SensitivityMethod method) { return method == SensitivityMethod::Morris ? "morris" : "sobol"; }

Table ranked_table(const SensitivityStudy& s, const MetricSensitivity& m) {
  Table t;
  const std::string level = format_number(100 * s.bootstrap.level) + "%";
  if (m.morris) {
    double largest = 0;
    for (const MorrisFactor& f : m.morris->factors) largest = std::max({largest, f.mu_star.value, std::abs(f.mu), f.sigma});
    const int d = decimals_for_scale(largest);
    t.header = {"rank", "parameter", "mu* ± " + level, "mu", "sigma", "effects"};
    for (std::size_t i : ranking(m, s.parameters.size())) {
      const MorrisFactor& f = m.morris->factors[i];
      t.rows.push_back({std::to_string(t.rows.size() + 1), s.parameters[i].key, with_interval(f.mu_star, d), fixed(f.mu, d),
                        fixed(f.sigma, d), std::to_string(f.effects)});
    }
  } else {
    t.header = {"rank", "parameter", "total ST ± " + level, "first order S1 ± " + level};
    for (std::size_t i : ranking(m, s.parameters.size())) {
      const SobolFactor& f = m.sobol->factors[i];
      t.rows.push_back({std::to_string(t.rows.size() + 1), s.parameters[i].key, with_interval(f.total, 3),
                        with_interval(f.first, 3)});
    }
  }
  t.right_aligned.assign(t.header.size(), true);
  t.right_aligned[1] = false;
  return t;
}

std::string indices_csv(const SensitivityStudy& s) {
  std::string out = "metric,parameter,method,index,value,lower,upper\n";
  const auto row = [&](const std::string& metric, const std::string& parameter, const char* index, const IndexEstimate& e) {
    out += io::csv_line({metric, parameter, to_string(s.method), index, format_number(e.value), format_number(e.lower()),
                         format_number(e.upper())});
  };
  for (const MetricSensitivity& m : s.metrics)
    for (std::size_t i = 0; i < s.parameters.size(); ++i) {
      if (m.morris) {
        const MorrisFactor& f = m.morris->factors[i];
        row(m.metric, s.parameters[i].key, "mu_star", f.mu_star);
        row(m.metric, s.parameters[i].key, "mu", {f.mu, 0});
        row(m.metric, s.parameters[i].key, "sigma", {f.sigma, 0});
      } else {
        row(m.metric, s.parameters[i].key, "first_order", m.sobol->factors[i].first);
        row(m.metric, s.parameters[i].key, "total", m.sobol->factors[i].total);
      }
    }
  return out;
}

Document build_sensitivity_report(const SensitivityStudy& s, const PlotOutcome& plots) {
  Document doc;
  doc.title = "Sensitivity of " + s.scenario + " (" + (s.method == SensitivityMethod::Morris ? "Morris" : "Sobol'") + ")";
  std::string facts = "Scenario `" + s.scenario + "`";
  for (const std::string& o : s.overrides) facts += ", `--set " + o + "`";
  facts += ". Sample: " + s.sample_description + "; " + std::to_string(s.replications) + " replication(s) per point (" +
           std::to_string(s.points * static_cast<std::size_t>(s.replications)) +
           " runs), each point's output is the mean over its replications, all points on common random numbers. "
           "Intervals: " + format_number(100 * s.bootstrap.level) + "% bootstrap (" + std::to_string(s.bootstrap.resamples) +
           " resamples, seed " + std::to_string(s.bootstrap.seed) + ").";
  doc.blocks.push_back(Paragraph{facts});
  doc.blocks.push_back(Paragraph{"Command: `" + s.command + "`"});
  Table parameters;
  parameters.header = {"parameter (scenario key)", "range or distribution"};
  parameters.right_aligned = {false, false};
  for (const SensitivityParameter& p : s.parameters) parameters.rows.push_back({"`" + p.key + "`", p.description});
  doc.blocks.push_back(Heading{2, "Parameters", {}});
  doc.blocks.push_back(parameters);

  doc.blocks.push_back(Heading{2, "Ranking per metric", {}});
  for (const MetricSensitivity& m : s.metrics) {
    doc.blocks.push_back(Heading{3, metric_title(m.metric), {}});
    std::string note = "Output over the sample's " + std::to_string(s.points) + " points: " +
                       format_sample_mean_sd(m.output_mean, m.output_sd, s.points) + ".";
    if (m.morris && m.morris->missing_outputs > 0)
      note += " " + std::to_string(m.morris->missing_outputs) + " point(s) had no value (every replication null) and their effects were left out.";
    if (m.sobol && m.sobol->rows_missing > 0)
      note += " " + std::to_string(m.sobol->rows_missing) + " of " + std::to_string(m.sobol->rows_missing + m.sobol->rows_used) +
              " base rows were left out for a point without a value.";
    if (m.output_sd == 0) note += " The output did not vary at all over the sample: every index is 0 (no table).";
    doc.blocks.push_back(Paragraph{note});
    if (m.output_sd != 0) doc.blocks.push_back(ranked_table(s, m));
  }
  doc.blocks.push_back(Heading{2, "Plots", {}});
  for (const Image& image : plots.images) doc.blocks.push_back(image);
  for (const std::string& note : plots.notes) doc.blocks.push_back(Paragraph{note});

  doc.blocks.push_back(Heading{2, "Method", {}});
  if (s.method == SensitivityMethod::Morris)
    doc.blocks.push_back(BulletList{{
        "Morris elementary effects (Morris 1991) on trajectories chosen for spread (Campolongo, Cariboni & Saltelli 2007): "
        "EE = change of the output / change of the parameter, the parameter measured as a share of its range (0 to 1), so "
        "mu* is the typical change of the output when the parameter crosses its whole range.",
        "mu* = mean |EE| ranks importance; mu = mean EE (signs can cancel); sigma = sd of EE: large sigma means the "
        "effect depends on the other parameters (interactions) or is not linear.",
        "The interval of mu* is SALib's: ± z x the sd of mu* over bootstrap resamples of the trajectories.",
    }});
  else
    doc.blocks.push_back(BulletList{{
        "Sobol' variance-based indices from a Saltelli sample (Saltelli et al. 2010): first order S1 = share of the output's "
        "variance due to the parameter alone; total ST = share due to it with all its interactions. ST - S1 measures "
        "interactions; ST near 0 means the parameter can be fixed anywhere in its range.",
        "Estimators: S1 = mean(f(B)(f(AB_i) - f(A))) / V (Saltelli 2010), ST = mean((f(A) - f(AB_i))^2) / (2V) (Jansen 1999), "
        "V the variance of f(A) and f(B) together; intervals ± z x the sd over bootstrap resamples of the base rows (SALib).",
        "With stochastic runs the indices are of the mean over replications; run noise inflates V and the intervals, "
        "so raise --replications when the intervals are wide.",
    }});
  return doc;
}

WrittenSensitivityReport write_sensitivity_report(const fs::path& dir, const SensitivityStudy& s, const PlotOptions& options) {
  WrittenSensitivityReport written;
  written.directory = dir / "report";
  io::write_run_directory(written.directory, true, [&](const fs::path& tmp) {
    std::vector<FigureFiles> figures;
    std::vector<std::string> not_drawn;
    for (const MetricSensitivity& m : s.metrics) {
      FigureFilesOrNote figure = sensitivity_figure(s, m);
      if (auto* note = std::get_if<std::string>(&figure)) not_drawn.push_back(std::move(*note));
      else figures.push_back(std::move(std::get<FigureFiles>(figure)));
    }
    written.plots = draw_figures(tmp, figures, options);
    if (options.enabled) written.plots.notes.insert(written.plots.notes.end(), not_drawn.begin(), not_drawn.end());
    io::write_text_file(tmp / "indices.csv", indices_csv(s));
    const Document doc = build_sensitivity_report(s, written.plots);
    io::write_text_file(tmp / "report.md", render_markdown(doc));
    io::write_text_file(tmp / "report.html", render_html(doc, [&](const std::string& file) {
                          std::ifstream in(tmp / file, std::ios::binary);
                          std::ostringstream bytes;
                          bytes << in.rdbuf();
                          return bytes.str();
                        }));
  });
  return written;
}

}  // namespace campsim::analysis
