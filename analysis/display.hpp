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
// "-0.40 [-0.62, -0.18]" with explicit signs. A non-zero difference never prints as "+0.00": when
// the reference's decimals would round it to zero, decimals are added (up to 6) until it shows.
std::string format_difference_ci(const MetricInfo& metric, double mean, const Interval& ci, double scale_of);

// The decimals format_difference_ci uses.
int difference_decimals(const MetricInfo& metric, double mean, double scale_of);

// True when the difference prints as zero even with the added decimals (below 5e-7 on the
// display scale): too small to call higher or lower.
bool rounds_to_zero(const MetricInfo& metric, double difference);

// "40% (2 of 5)": a share with its denominator, shown when the denominator is small enough that
// the percentage alone would overstate what is known (below 100). 0 of 0 is "-".
std::string format_share_of(long part, long whole);

std::string format_count(std::optional<long> n, const std::string& none = "n/a");

// "mean 29, sd 20": a sample's mean and sd rounded to what `n` values support: the sd to two
// significant figures, the mean to the first significant figure of its standard error sd/sqrt(n)
// (decimals between 0 and 6). A sample that did not vary (sd 0) shows its mean as it is.
std::string format_sample_mean_sd(double mean, double sd, std::size_t n);

}  // namespace campsim::analysis
