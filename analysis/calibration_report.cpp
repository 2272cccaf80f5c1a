#include "analysis/calibration_report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "analysis/calibration_figure.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/io/csv.hpp"
#include "sim/io/run_directory.hpp"

namespace campsim::analysis {

namespace fs = std::filesystem;
using engine::format_number;

namespace {

std::string g3(double value) {  // three significant figures, for tables
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return "∞";
  char text[40];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

std::string g4(double value) {  // a parameter value in a table: four significant figures, whole from 1,000
  char text[40];
  if (std::abs(value) >= 1000 && std::abs(value) < 1e12)
    std::snprintf(text, sizeof text, "%.0f", value);  // 53341, not 5.334e+04: a planner reads areas in m2
  else
    std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

// A design value as the tables show it: numbers to four significant figures, a duration's
// number too with its unit ("5.833min", not "5.83333333333min"; the exact text is in sets.csv
// and best.txt), anything else (a word) as written.
std::string brief_value(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc()) return text;
  const std::string unit(ptr, end);
  const bool letters = std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return letters ? g4(value) + unit : text;
}

std::size_t kept_count(const CalibrationStudy& s) {
  return static_cast<std::size_t>(std::count_if(s.fits.begin(), s.fits.end(), [](const SetFit& f) { return f.kept; }));
}

}  // namespace

Table target_table(const CalibrationStudy& s, std::size_t set) {
  Table t;
  t.header = {"target", "per", "record", "source", "simulated mean", "90% band", "implausibility", "inside?", "runs"};
  t.right_aligned = {false, false, true, false, true, true, true, false, true};
  for (std::size_t i = 0; i < s.targets.size(); ++i) {
    const CalibrationTarget& target = s.targets[i];
    const TargetFit& f = s.fits[set].targets[i];
    t.rows.push_back({(target.note.empty() ? "" : target.note + " ") + "`" + target.metric + "`", to_string(target.scale),
                      target.describe(), target.source, g3(f.mean), "[" + g3(f.band_low) + ", " + g3(f.band_high) + "]",
                      g3(f.implausibility), f.inside ? "yes" : "no", std::to_string(f.n)});
  }
  return t;
}

Table parameter_table(const CalibrationStudy& s) {
  Table t;
  t.header = {"parameter", "searched", "kept range", "best set"};
  t.right_aligned = {false, false, true, true};
  const auto best = best_set(s.fits);
  for (std::size_t p = 0; p < s.parameter_keys.size(); ++p) {
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < s.fits.size(); ++i)
      if (s.fits[i].kept) lo = std::min(lo, s.set_numbers[i][p]), hi = std::max(hi, s.set_numbers[i][p]);
    t.rows.push_back({"`" + s.parameter_keys[p] + "`", s.parameter_descriptions[p],
                      lo <= hi ? "[" + g4(lo) + ", " + g4(hi) + "]" : "none kept",
                      best ? brief_value(s.set_values[*best][p]) : "n/a"});
  }
  return t;
}

std::string sets_csv(const CalibrationStudy& s) {
  std::string out = "set";
  for (const std::string& k : s.parameter_keys) out += "," + io::csv_cell(k);
  for (const CalibrationTarget& t : s.targets)
    for (const char* what : {"mean", "band_low", "band_high", "implausibility", "inside"})
      out += "," + io::csv_cell(t.metric + "|" + to_string(t.scale) + "|" + what);
  out += ",max_implausibility,kept\n";
  for (std::size_t i = 0; i < s.fits.size(); ++i) {
    out += std::to_string(i);
    for (const std::string& v : s.set_values[i]) out += "," + io::csv_cell(v);
    for (const TargetFit& f : s.fits[i].targets) {
      const auto num = [](double v) { return std::isfinite(v) ? format_number(v) : std::string(std::isnan(v) ? "" : "inf"); };
      out += "," + num(f.mean) + "," + num(f.band_low) + "," + num(f.band_high) + "," + num(f.implausibility) + "," +
             (f.inside ? "1" : "0");
    }
    const double m = s.fits[i].max_implausibility;
    out += "," + (std::isfinite(m) ? format_number(m) : std::string("inf")) + "," + (s.fits[i].kept ? "1" : "0") + "\n";
  }
  return out;
}

Document build_calibration_report(const CalibrationStudy& s, const PlotOutcome& plots) {
  Document doc;
  doc.title = "Calibration of " + s.scenario;
  const std::size_t kept = kept_count(s);
  std::string facts = "Design: " + s.design_description + "; " + std::to_string(s.replications) + " replication(s) of " +
                      format_number(s.days) + (s.days == 1 ? " day" : " days") + " per set. Rule: " +
                      (s.rule == KeepRule::Band ? std::string("keep a set when every target lies inside its 90% band")
                                                : "keep a set when every target's implausibility is below " + format_number(s.cutoff)) +
                      ". **" + std::to_string(kept) + " of " + std::to_string(s.fits.size()) + " sets kept.**";
  doc.blocks.push_back(Paragraph{facts});
  doc.blocks.push_back(Paragraph{"Command: `" + s.command + "`"});
  const auto best = best_set(s.fits);
  if (best) {
    doc.blocks.push_back(Heading{2, "Targets, at the best set (" + std::to_string(*best) + ")", {}});
    doc.blocks.push_back(target_table(s, *best));
    std::string settings;
    for (std::size_t p = 0; p < s.parameter_keys.size(); ++p)
      settings += "--set " + s.parameter_keys[p] + "=" + s.set_values[*best][p] + "\n";
    doc.blocks.push_back(Paragraph{"The best set (fewest targets outside their bands, then smallest largest implausibility), as overrides:"});
    doc.blocks.push_back(Preformatted{settings});
  }
  if (!plots.images.empty() || !plots.notes.empty()) {
    doc.blocks.push_back(Heading{2, "Targets and parameter sets", {}});
    for (const Image& image : plots.images) doc.blocks.push_back(image);
    for (const std::string& note : plots.notes) doc.blocks.push_back(Paragraph{note});
  }
  doc.blocks.push_back(Heading{2, "Parameters", {}});
  doc.blocks.push_back(parameter_table(s));
  if (kept > 0) {
    doc.blocks.push_back(Heading{2, "Kept sets", {}});
    Table t;
    t.header = {"set"};
    for (const std::string& k : s.parameter_keys) t.header.push_back("`" + k + "`");
    t.header.push_back("largest implausibility");
    t.right_aligned.assign(t.header.size(), true);
    for (std::size_t i = 0; i < s.fits.size(); ++i) {
      if (!s.fits[i].kept) continue;
      std::vector<std::string> row{std::to_string(i)};
      for (const std::string& v : s.set_values[i]) row.push_back(brief_value(v));
      row.push_back(g3(s.fits[i].max_implausibility));
      t.rows.push_back(std::move(row));
    }
    doc.blocks.push_back(t);
  }
  doc.blocks.push_back(Heading{2, "Method", {}});
  doc.blocks.push_back(BulletList{{
      "History matching (Craig et al. 1997; Vernon et al. 2010): each parameter set runs R replications on common random "
      "numbers; per target, the simulated mean and the 90% band (5% and 95% type-7 quantiles over replications).",
      "Inside: the record's value (or interval) meets the band. Implausibility I = distance from the mean to the record / "
      "sqrt(record sd^2 + run variance); I < 3 is the three-sigma cut-off.",
      "Every set, with each target's mean, band and implausibility, is in sets.csv; best.txt holds the best set as --set lines; "
      "kept_sets.yaml holds the kept sets as a design, to compare policies over them (campsim batch --policies ... --design).",
  }});
  return doc;
}

fs::path write_calibration_report(const fs::path& dir, const CalibrationStudy& s, const PlotOptions& options) {
  const fs::path report = dir / "report";
  io::write_run_directory(report, true, [&](const fs::path& tmp) {
    PlotOutcome plots;
    std::variant<FigureFiles, std::string> figure = calibration_figure(s);
    if (auto* note = std::get_if<std::string>(&figure)) plots.notes.push_back(*note);
    else plots = draw_figures(tmp, {std::get<FigureFiles>(figure)}, options);
    const Document doc = build_calibration_report(s, plots);
    io::write_text_file(tmp / "calibration.md", render_markdown(doc));
    io::write_text_file(tmp / "calibration.html", render_html(doc, [&](const std::string& file) {
                          std::ifstream in(tmp / file, std::ios::binary);
                          std::ostringstream bytes;
                          bytes << in.rdbuf();
                          return bytes.str();
                        }));
    io::write_text_file(tmp / "sets.csv", sets_csv(s));
    std::string best_lines;
    if (const auto best = best_set(s.fits))
      for (std::size_t p = 0; p < s.parameter_keys.size(); ++p)
        best_lines += s.parameter_keys[p] + "=" + s.set_values[*best][p] + "\n";
    io::write_text_file(tmp / "best.txt", best_lines);
    if (!s.kept_design_yaml.empty()) io::write_text_file(tmp / "kept_sets.yaml", s.kept_design_yaml);
  });
  return report;
}

}  // namespace campsim::analysis
