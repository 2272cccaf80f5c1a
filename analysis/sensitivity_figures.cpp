#include "analysis/sensitivity_figures.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

#include "analysis/label_placement.hpp"
#include "analysis/metric_catalogue.hpp"
#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

using engine::format_number;

namespace {

std::string file_stem(const std::string& metric) {
  std::string out;
  for (char c : metric) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  return out;
}

// The smallest 1, 2 or 5 x 10^k at or above `value`: an axis end a reader can take in.
double nice_ceiling(double value) {
  if (!(value > 0) || !std::isfinite(value)) return 1;
  const double magnitude = std::pow(10, std::floor(std::log10(value)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= value * (1 - 1e-12)) return m * magnitude;
  return 10 * magnitude;
}

// The Morris figure's geometry in pixels: the plot on the left, the numbered list of parameters on
// the right. Margins are fixed (not left to gnuplot) so that labels can be placed in pixels.
constexpr int kWidth = 1100, kHeight = 560;
constexpr double kLeft = 90, kRight = 640, kTop = 50, kBottom = 490;  // the plot area
constexpr double kListLeft = 670;
constexpr double kCharWidth = 8, kLabelHeight = 15, kMarkerRadius = 5;  // sans 10 on pngcairo, generously

// Ranks as one label: "4", "2, 3", "2-14" (three or more in a row), "1, 5-7".
std::string rank_list(const std::vector<std::size_t>& ranks) {
  std::string out;
  for (std::size_t i = 0; i < ranks.size();) {
    std::size_t j = i;
    while (j + 1 < ranks.size() && ranks[j + 1] == ranks[j] + 1) ++j;
    out += (out.empty() ? "" : ", ") + std::to_string(ranks[i]);
    if (j >= i + 2) out += "-" + std::to_string(ranks[j]);
    else if (j == i + 1) out += ", " + std::to_string(ranks[j]);
    i = j + 1;
  }
  return out;
}

std::vector<std::size_t> by_mu_star(const MorrisResult& m) {
  std::vector<std::size_t> order(m.factors.size());
  std::iota(order.begin(), order.end(), 0);
  const auto key = [&](std::size_t i) { return std::isnan(m.factors[i].mu_star.value) ? -1.0 : m.factors[i].mu_star.value; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  return order;
}

FigureFiles morris_figure(const SensitivityStudy& s, const MetricSensitivity& m) {
  FigureFiles f;
  f.name = "morris_" + file_stem(m.metric);
  const std::string unit = metric_unit_words(m.metric);
  const std::vector<std::size_t> order = by_mu_star(*m.morris);
  double x_top = 0, y_top = 0;
  for (const MorrisFactor& x : m.morris->factors) {
    if (std::isfinite(x.mu_star.value)) x_top = std::max(x_top, x.mu_star.value + (std::isfinite(x.mu_star.half_width) ? x.mu_star.half_width : 0));
    if (std::isfinite(x.sigma)) y_top = std::max(y_top, x.sigma);
  }
  x_top = nice_ceiling(1.08 * x_top);
  y_top = nice_ceiling(1.12 * y_top);
  const auto px = [&](double x) { return kLeft + x / x_top * (kRight - kLeft); };
  const auto py = [&](double y) { return kBottom - y / y_top * (kBottom - kTop); };
  const auto data_x = [&](double p) { return (p - kLeft) / (kRight - kLeft) * x_top; };
  const auto data_y = [&](double p) { return (kBottom - p) / (kBottom - kTop) * y_top; };
  // Points drawn at the same pixel (parameters with no effect all sit at 0, 0) share one label,
  // "2-14", instead of a fan of numbers whose lines all end at one dot.
  struct Group {
    double x, y;
    std::vector<std::size_t> ranks;  // 1-based, ascending
  };
  std::vector<Group> groups;
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const MorrisFactor& x = m.morris->factors[order[rank]];
    const double gx = px(std::isfinite(x.mu_star.value) ? x.mu_star.value : 0), gy = py(std::isfinite(x.sigma) ? x.sigma : 0);
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return std::abs(g.x - gx) < 1 && std::abs(g.y - gy) < 1; });
    if (same != groups.end()) same->ranks.push_back(rank + 1);
    else groups.push_back({gx, gy, {rank + 1}});
  }
  std::vector<std::string> texts;
  std::vector<LabelRequest> requests;
  for (const Group& g : groups) {
    texts.push_back(rank_list(g.ranks));
    requests.push_back({g.x, g.y, kCharWidth * static_cast<double>(texts.back().size()) + 4, kLabelHeight});
  }
  // The interval bars of mu* are marks too: a number on a bar is hard to read and hides it.
  std::vector<Box> bars;
  for (const MorrisFactor& x : m.morris->factors)
    if (std::isfinite(x.mu_star.value) && std::isfinite(x.mu_star.half_width) && std::isfinite(x.sigma)) {
      const double from = px(std::max(0.0, x.mu_star.value - x.mu_star.half_width)), to = px(x.mu_star.value + x.mu_star.half_width);
      bars.push_back({from, py(x.sigma) - 3, to - from, 6});
    }
  const std::vector<PlacedLabel> placed =
      place_labels(requests, Box{kLeft, kTop, kRight - kLeft, kBottom - kTop}, kMarkerRadius, bars);
  f.data = "# index 0: rank, parameter, mu_star, sigma, mu_star_half_width\n";
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const MorrisFactor& x = m.morris->factors[order[rank]];
    f.data += std::to_string(rank + 1) + " " + gnuplot_data_string(s.parameters[order[rank]].key) + " " + format_number(x.mu_star.value) +
              " " + format_number(x.sigma) + " " + format_number(x.mu_star.half_width) + "\n";
  }
  f.data += "\n\n# index 1, the labels: point x, point y, label x, label y, leader end x, leader end y, leader (1: drawn), ranks\n";
  bool leaders = false;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const PlacedLabel& l = placed[i];
    leaders = leaders || l.leader;
    f.data += format_number(data_x(groups[i].x)) + " " + format_number(data_y(groups[i].y)) + " " +
              format_number(data_x(l.box.left + l.box.width / 2)) + " " + format_number(data_y(l.box.top + l.box.height / 2)) + " " +
              format_number(data_x(l.leader_x)) + " " + format_number(data_y(l.leader_y)) + " " + (l.leader ? "1" : "0") + " " +
              gnuplot_data_string(texts[i]) + "\n";
  }
  // The list beside the plot: number, then the parameter's key (quoted: keys come from a file).
  std::string list = "set label 1 'parameters by mu* (the numbers in the plot)' at screen " + format_number(kListLeft / kWidth) +
                     ", screen " + format_number(1 - kTop / kHeight) + " left font ',10'\n";
  const double row = std::min(17.0, (kBottom - kTop - 20) / std::max<double>(1, static_cast<double>(order.size())));
  for (std::size_t rank = 0; rank < order.size(); ++rank)
    list += "set label " + std::to_string(rank + 2) + " " + gnuplot_string(std::to_string(rank + 1) + "  " + s.parameters[order[rank]].key) +
            " at screen " + format_number(kListLeft / kWidth) + ", screen " +
            format_number(1 - (kTop + 22 + row * static_cast<double>(rank)) / kHeight) + " left font ',10'\n";
  f.caption = "Morris screening of " + metric_title(m.metric) + ": mu* (mean absolute elementary effect, importance) against sigma "
              "(interactions and non-linearity), both in " + unit + " over a parameter's whole range, with the " +
              format_number(100 * s.bootstrap.level) + "% interval of mu*. Points are numbered by rank; the list beside the plot names them.";
  f.script = gnuplot_preamble(f.name, "Morris: " + metric_title(m.metric), "mu*: mean |change| over a parameter's range (" + unit + ")",
                              "sigma: spread of the changes (" + unit + ")", kWidth, kHeight) +
             "set key off\n"
             "set lmargin at screen " + format_number(kLeft / kWidth) + "\nset rmargin at screen " + format_number(kRight / kWidth) +
             "\nset tmargin at screen " + format_number(1 - kTop / kHeight) + "\nset bmargin at screen " +
             format_number(1 - kBottom / kHeight) + "\n"
             "set xrange [0:" + format_number(x_top) + "]\nset yrange [0:" + format_number(y_top) + "]\n" + list +
             "plot " + gnuplot_string(f.name + ".dat") + " index 0 using 3:4:5 with xerrorbars pt 7 ps 1 lc rgb '#0072B2'" +
             (leaders ? ", \\\n     '' index 1 using 1:2:($7 > 0 ? $5 - $1 : NaN):($6 - $2) with vectors nohead lc rgb '#888888'" : "") +
             ", \\\n     '' index 1 using 3:4:8 with labels font ',10' tc rgb '#000000'\n";
  return f;
}

FigureFiles sobol_figure(const SensitivityStudy& s, const MetricSensitivity& m) {
  FigureFiles f;
  f.name = "sobol_" + file_stem(m.metric);
  f.caption = "Sobol' indices of " + metric_title(m.metric) + ": first-order (alone) and total (with interactions), with " +
              format_number(100 * s.bootstrap.level) + "% bootstrap intervals, in order of total index.";
  f.data = "# parameter S1 S1_half_width ST ST_half_width\n";
  std::vector<std::size_t> order(s.parameters.size());
  std::iota(order.begin(), order.end(), 0);
  const auto key = [&](std::size_t i) { return std::isnan(m.sobol->factors[i].total.value) ? -1.0 : m.sobol->factors[i].total.value; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  for (std::size_t i : order) {
    const SobolFactor& x = m.sobol->factors[i];
    f.data += gnuplot_data_string(s.parameters[i].key) + " " + format_number(x.first.value) + " " + format_number(x.first.half_width) +
              " " + format_number(x.total.value) + " " + format_number(x.total.half_width) + "\n";
  }
  f.script = gnuplot_preamble(f.name, "Sobol' indices: " + metric_title(m.metric), "",
                              "share of the output's variance (0 to 1)") +
             "set style data histogram\nset style histogram errorbars gap 2 lw 1\nset style fill solid 0.7 border -1\n"
             "set xtics rotate by -30 font ',8'\nset yrange [0:*]\nset key top right\n"
             "plot " + gnuplot_string(f.name + ".dat") + " using 2:3:xtic(1) title 'first order', \\\n"
             "     '' using 4:5 title 'total'\n";
  return f;
}

}  // namespace

std::string metric_title(const std::string& metric) {
  const MetricInfo info = describe_metric(metric);
  return info.label == metric ? metric : info.label + " (" + metric + ")";
}

std::string metric_unit_words(const std::string& metric) {
  const MetricInfo info = describe_metric(metric);
  if (info.share) return "share, 0 to 1";
  if (info.unit == "per run") return info.label + " per run";
  if (!info.unit.empty()) return info.unit;
  return metric;
}

FigureFilesOrNote sensitivity_figure(const SensitivityStudy& s, const MetricSensitivity& m) {
  // The empty-figure rule: with no variation every index is 0 and the table already says so.
  if (m.output_sd == 0)
    return "No plot of " + metric_title(m.metric) + ": it was " + format_number(m.output_mean) +
           " at every point of the sample, so every index is 0.";
  return m.morris ? morris_figure(s, m) : sobol_figure(s, m);
}

}  // namespace campsim::analysis
