#pragma once
// What every figure of `campsim compare` shares: the figure's files, the script's frame (terminal,
// title, axis labels), the policies' order and colours, and the axis rules a brief needs (whole
// numbers on count axes, no figure when nothing varies). plots.cpp draws the medical figures,
// protest_plots.cpp the protest ones, both with these.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "analysis/comparison.hpp"

namespace campsim::analysis {

struct Figure {
  std::string name;  // file stem: NAME.dat, NAME.gp, NAME.png
  std::string caption;
  std::string data;
  std::string script;
  int design_point = 0;
};

// A figure, or the sentence saying why there is none.
using FigureOrNote = std::variant<Figure, std::string>;

// gnuplot line colour and dash of the index-th policy in policy_order (Okabe-Ito, reference black);
// `dash` > 0 sets the dash instead (for a second series of the same policy).
std::string line_style(std::size_t index, int dash = 0);
// The plot command of a grouped bar chart with error bars: one series a policy (in `order`), its
// mean, low and high in columns 2 + 3i, 3 + 3i and 4 + 3i of `data_file`; the first series gives
// the x tics from column 1; each series titled with its policy's label.
std::string grouped_bars_plot(const std::string& data_file, const std::vector<std::size_t>& order,
                              const std::vector<std::string>& labels);
// Policies in the order the report lists them, the reference first, so the reference is black.
std::vector<std::size_t> policy_order(const Comparison& c);
// "design point 5" for a figure's title (its settings go in the caption, where there is room).
std::string short_where(const std::string& where);
// A policy name as an axis label: underscores as spaces, lines of at most 16 characters.
std::vector<std::string> wrapped_label(const std::string& name);

// Briefing size of a figure, in pixels (docs/analysis.md, "The report").
constexpr int kFigureWidth = 1000, kFigureHeight = 600;

// The whole script: PNG terminal (pngcairo, else png), title and axis labels (all quoted by
// gnuplot_string), grid, `body`, then the same plot again as SVG.
std::string figure_script(const std::string& name, int width, int height, const std::string& title, const std::string& xlabel,
                          const std::string& ylabel, const std::string& body);

// `set ytics` for a count axis from 0 to `top`: a whole-number step (1, 2, 5, 10, 20, ...) giving
// at most eight ticks, so no tick reads "0.5 deaths".
std::string integer_ytics(double top);

// True when some value differs from the others: a figure of values that are all the same (every
// run 0 deaths) shows nothing a sentence could not say, so it is not drawn (the empty-figure rule).
bool varies(const std::vector<double>& values);
// The same over every policy's runs of one metric at one design point, as the comparison holds
// them (min and max of each policy's sample).
bool varies(const MetricResult& result);

std::optional<double> cell_number(const std::string& text);

}  // namespace campsim::analysis
