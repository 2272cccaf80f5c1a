#include "analysis/plot_script.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "analysis/gnuplot_text.hpp"
#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

using engine::format_number;

namespace {

// Okabe & Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"; also
// Wong 2011, Nature Methods 8:441), in an order that keeps neighbours distinct: the reference in
// black, then blue, vermillion, bluish green, reddish purple, orange, sky blue. Yellow is left out:
// it is too faint on white. Beyond seven policies the colours repeat with dashes.
constexpr std::array<const char*, 7> kPalette{"#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"};

}  // namespace

std::string grouped_bars_plot(const std::string& data_file, const std::vector<std::size_t>& order,
                              const std::vector<std::string>& labels) {
  std::string plot = "plot ";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t col = 2 + 3 * i;
    plot += (i ? ", \\\n     '' using " : gnuplot_string(data_file) + " using ") + std::to_string(col) + ":" +
            std::to_string(col + 1) + ":" + std::to_string(col + 2) + (i ? "" : ":xtic(1)") + " " + line_style(i) +
            " title " + gnuplot_string(labels[order[i]]);
  }
  return plot;
}

std::string line_style(std::size_t index, int dash) {
  return std::string("lc rgb '") + kPalette[index % kPalette.size()] + "' dt " +
         std::to_string(dash > 0 ? static_cast<std::size_t>(dash) : 1 + index / kPalette.size());
}

std::string short_where(const std::string& where) { return where.substr(0, where.find(" (")); }

std::vector<std::size_t> policy_order(const Comparison& c) {
  std::vector<std::size_t> order{c.reference};
  for (std::size_t p = 0; p < c.policies.size(); ++p)
    if (p != c.reference) order.push_back(p);
  return order;
}

std::vector<std::string> wrapped_label(const std::string& name) {
  std::string words = name;
  std::replace(words.begin(), words.end(), '_', ' ');
  std::vector<std::string> out;
  std::string line;
  std::size_t start = 0;
  while (start <= words.size()) {
    const std::size_t end = std::min(words.find(' ', start), words.size());
    const std::string word = words.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > 16) {
      out.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  out.push_back(line);
  return out;
}

// pngcairo draws anti-aliased text; plain png (libgd) is the fallback on builds without cairo.
std::string figure_script(const std::string& name, int width, int height, const std::string& title, const std::string& xlabel,
                          const std::string& ylabel, const std::string& body) {
  const std::string size = std::to_string(width) + "," + std::to_string(height);
  return "# Written by campsim compare; redraw with: gnuplot " + name + ".gp (writes " + name + ".png and " + name + ".svg)\n"
         "if (strstrt(GPVAL_TERMINALS, 'pngcairo') > 0) {\n"
         "  set terminal pngcairo size " + size + " noenhanced font 'sans,12'\n"
         "} else {\n"
         "  set terminal png size " + size + " noenhanced font 'sans,12'\n"
         "}\n"
         "set output '" + name + ".png'\n"
         "set title " + gnuplot_string(title) + "\n"
         "set xlabel " + gnuplot_string(xlabel) + "\n"
         "set ylabel " + gnuplot_string(ylabel) + "\n"
         "set grid lc rgb '#d0d0d0'\n"
         "set border lc rgb '#404040'\n" + body +
         "set terminal svg size " + size + " dynamic noenhanced font 'sans,12' background '#ffffff'\n"
         "set output '" + name + ".svg'\n"
         "replot\n"
         "unset output\n";
}

std::string integer_ytics(double top) {
  double step = 1;
  for (int i = 0; top / step > 8 && i < 40; ++i) step *= i % 3 == 1 ? 2.5 : 2;  // 1, 2, 5, 10, 20, 50, ...
  return "set ytics 0, " + format_number(step) + "\nset format y '%.0f'\nset mytics 1\n";
}

bool varies(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(), [&](double v) { return v != values.front(); });
}

bool varies(const MetricResult& result) {
  std::vector<double> ends;
  for (const PolicyResult& p : result.policies)
    if (p.estimate.summary.n > 0) ends.insert(ends.end(), {p.estimate.summary.min, p.estimate.summary.max});
  return varies(ends);
}

std::optional<double> cell_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace campsim::analysis
