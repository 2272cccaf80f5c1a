#pragma once
// The headline as compare prints it on a terminal: at most kTerminalWidth columns, so it never
// wraps in an 100-column window. Each metric is a heading line with its policies below; the
// verdict's basis (the t or bootstrap interval) is left to report.md, except when an exact sign
// test decided, which gets a footnote; policy names too long to fit are shortened with a legend.
// The same intervals as headline_table (report.md, summary.md), in the same order.
#include <cstddef>
#include <string>

#include "analysis/comparison.hpp"

namespace campsim::analysis {

inline constexpr std::size_t kTerminalWidth = 100;

std::string terminal_headline(const Comparison& comparison, int design_point, std::size_t width = kTerminalWidth);

}  // namespace campsim::analysis
