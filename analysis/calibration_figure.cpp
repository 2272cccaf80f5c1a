#include "analysis/calibration_figure.hpp"

#include <algorithm>
#include <cmath>

#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

using engine::format_number;

namespace {

struct Range {
  double low = INFINITY, high = -INFINITY;
  void add(double v) {
    if (std::isfinite(v)) low = std::min(low, v), high = std::max(high, v);
  }
};

// The record on the target's axis: [low, high] to shade, or a single value to draw as a line.
struct Record {
  double low = NAN, high = NAN;
  bool line = false;
};

Record record_of(const CalibrationTarget& t) {
  if (t.low && t.high) return {*t.low, *t.high, false};
  if (t.value && t.sd > 0) return {*t.value - 2 * t.sd, *t.value + 2 * t.sd, false};
  if (t.value) return {*t.value, *t.value, true};
  if (t.count && t.count->years > 0) {  // a count over the record's years: its rate per year
    const double rate = static_cast<double>(t.count->events) / t.count->years;
    return {rate, rate, true};
  }
  return {};
}

// Sets spread up and down their strip so that equal means stay visible: a fixed pattern by set
// index (the same figure for the same study).
double jitter(std::size_t set) { return 0.12 * static_cast<double>(static_cast<int>(set % 7) - 3); }

}  // namespace

std::variant<FigureFiles, std::string> calibration_figure(const CalibrationStudy& s) {
  if (s.fits.empty() || s.targets.empty()) return std::string("No calibration figure: no parameter set was run.");
  const std::optional<std::size_t> best = best_set(s.fits);
  FigureFiles f;
  f.name = "calibration_targets";
  // Each strip: its title, 60 pixels of plot, its tick labels; the legend has its own band on top.
  const int row = 120, height = 70 + row * static_cast<int>(s.targets.size());
  f.data = "# per target (one index each): set, simulated mean (? = no run had a value), strip position, kind (0 rejected, 1 kept, 2 best)\n";
  std::string rows;
  for (std::size_t t = 0; t < s.targets.size(); ++t) {
    const CalibrationTarget& target = s.targets[t];
    const Record record = record_of(target);
    Range range;
    range.add(record.low);
    range.add(record.high);
    for (std::size_t i = 0; i < s.fits.size(); ++i) {
      const double mean = s.fits[i].targets[t].mean;
      range.add(mean);
      const int kind = best && *best == i ? 2 : s.fits[i].kept ? 1 : 0;
      f.data += std::to_string(i) + " " + (std::isfinite(mean) ? format_number(mean) : std::string("?")) + " " +
                format_number(jitter(i)) + " " + std::to_string(kind) + "\n";
    }
    f.data += "\n\n";
    if (!(range.low <= range.high)) range = {0, 1};
    const double pad = range.high > range.low ? 0.08 * (range.high - range.low) : std::max(0.5, 0.1 * std::abs(range.low));
    const double x_low = range.low >= 0 && range.low - pad < 0 ? 0 : range.low - pad;  // counts and times do not go below 0
    const std::string where = format_number(x_low) + ":" + format_number(range.high + pad);
    // The note when there is one: a target's metric can be a sum of five columns, too long for a
    // title (the report's target table names it).
    // "per year" once: a note that already says it ("..., per year") is not told again.
    const std::string named = target.note.empty() ? target.metric : target.note;
    const std::string per = std::string("per ") + to_string(target.scale);
    const std::string title = named + " (" + (named.find(per) == std::string::npos ? per + "; " : "") + "record " +
                              target.describe() + ")";
    rows += "set title " + gnuplot_string(title) + " font ',10'\n"
            "set xrange [" + where + "]\nunset object 1\nunset arrow 1\n";
    if (std::isfinite(record.low)) {
      if (record.line)
        rows += "set arrow 1 from " + format_number(record.low) + ", graph 0 to " + format_number(record.low) +
                ", graph 1 nohead lw 3 lc rgb '#009E73' back\n";
      else
        rows += "set object 1 rect from " + format_number(record.low) + ", graph 0 to " + format_number(record.high) +
                ", graph 1 fc rgb '#b8e0cf' fs solid 0.8 noborder back\n";
    }
    const std::string block = " index " + std::to_string(t);
    rows += "plot " + gnuplot_string(f.name + ".dat") + block + " using ($4 == 0 ? $2 : NaN):3 with points pt 7 ps 0.8 lc rgb '#aaaaaa'"
            " title (" + std::to_string(t) + " == 0 ? 'rejected set' : ''), \\\n"
            "     '' " + block + " using ($4 == 1 ? $2 : NaN):3 with points pt 7 ps 1.1 lc rgb '#0072B2'"
            " title (" + std::to_string(t) + " == 0 ? 'kept set' : ''), \\\n"
            "     '' " + block + " using ($4 == 2 ? $2 : NaN):3 with points pt 13 ps 2 lc rgb '#000000'"
            " title (" + std::to_string(t) + " == 0 ? 'best set' : '')\n";
  }
  f.caption = "Each target in its own unit: the record (green band: its interval, or its value ± 2 sd; green line: a single value "
              "or a count's rate per year) and every parameter set's simulated mean (grey: rejected, blue: kept, black diamond: "
              "the best set), spread up and down so that equal means stay visible.";
  f.script = gnuplot_preamble(f.name, "", "", "", 1000, height) +
             "set datafile missing '?'\nunset grid\nset grid xtics lc rgb '#dddddd'\nunset ytics\nset yrange [-0.5:0.5]\n"
             "set key at screen 0.5, screen " + format_number(1 - 8.0 / height) + " horizontal center top samplen 1\n"
             "set multiplot layout " + std::to_string(s.targets.size()) + ",1 margins 0.04, 0.97, " +
             format_number(30.0 / height) + ", " + format_number(1 - 70.0 / height) + " spacing 0, " + format_number(60.0 / height) + "\n" +
             rows + "unset multiplot\n";
  return f;
}

}  // namespace campsim::analysis
