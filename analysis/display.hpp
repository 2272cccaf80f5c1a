#pragma once
// Numbers as the report shows them: three significant figures fixed by the size of the
// quantity (so a mean and its interval share decimals), shares as percentages, differences
// with an explicit sign, and "n/a" for what could not be computed.
#include <optional>
#include <string>

#include "analysis/metric_catalogue.hpp"
#include "analysis/statistics.hpp"

namespace campsim::analysis {

// Decimals giving three significant figures for a value of this size, between 0 and 4.
int decimals_for(double magnitude);

// Values of `metric` on its display scale (x100 for shares).
double display_scale(const MetricInfo& metric, double value);

// "12.3"; "n/a" for NaN. `decimals` from decimals_for on the display scale.
std::string format_fixed(double value, int decimals, bool sign = false);

// "1.20 [0.95, 1.45]"; or "1.20" when the interval could not be computed. `scale_of` is the
// value whose size sets the decimals (the reference mean, so all policies of a metric align).
std::string format_mean_ci(const MetricInfo& metric, double mean, const Interval& ci, double scale_of);
// "-0.40 [-0.62, -0.18]" with explicit signs.
std::string format_difference_ci(const MetricInfo& metric, double mean, const Interval& ci, double scale_of);

std::string format_count(std::optional<long> n, const std::string& none = "n/a");

// "died of wounds (per run)"
std::string label_with_unit(const MetricInfo& metric);

}  // namespace campsim::analysis
