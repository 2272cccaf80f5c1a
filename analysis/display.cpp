#include "analysis/display.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

int decimals_for(double magnitude) {
  const double m = std::abs(magnitude);
  if (!std::isfinite(m) || m == 0) return 2;
  return std::clamp(2 - static_cast<int>(std::floor(std::log10(m))), 0, 4);
}

double display_scale(const MetricInfo& metric, double value) { return metric.share ? 100 * value : value; }

std::string format_fixed(double value, int decimals, bool sign) {
  if (!std::isfinite(value)) return "n/a";
  // Rounding to zero prints "0", not "-0".
  const double rounded = std::round(value * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
  if (rounded == 0) value = 0;
  return sign ? fmt::format("{:+.{}f}", value, decimals) : fmt::format("{:.{}f}", value, decimals);
}

int difference_decimals(const MetricInfo& metric, double mean, double scale_of) {
  int d = decimals_for(display_scale(metric, scale_of));
  const double shown = std::abs(display_scale(metric, mean));
  while (d < 6 && shown > 0 && std::round(shown * std::pow(10.0, d)) == 0) ++d;
  return d;
}

bool rounds_to_zero(const MetricInfo& metric, double difference) {
  return std::round(std::abs(display_scale(metric, difference)) * 1e6) == 0;
}

std::string format_share_of(long part, long whole) {
  if (whole <= 0) return "-";
  const std::string percent = fmt::format("{:.0f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return whole < 100 ? fmt::format("{} ({} of {})", percent, part, whole) : percent;
}

namespace {

std::string format_with_ci(const MetricInfo& metric, double mean, const Interval& ci, double scale_of, bool sign) {
  const int d = sign ? difference_decimals(metric, mean, scale_of) : decimals_for(display_scale(metric, scale_of));
  std::string text = format_fixed(display_scale(metric, mean), d, sign);
  if (ci.method != IntervalMethod::none)
    text += " [" + format_fixed(display_scale(metric, ci.lower), d, sign) + ", " +
            format_fixed(display_scale(metric, ci.upper), d, sign) + "]";
  return text;
}

}  // namespace

std::string format_mean_ci(const MetricInfo& metric, double mean, const Interval& ci, double scale_of) {
  return format_with_ci(metric, mean, ci, scale_of, false);
}

std::string format_difference_ci(const MetricInfo& metric, double mean, const Interval& ci, double scale_of) {
  return format_with_ci(metric, mean, ci, scale_of, true);
}

std::string format_count(std::optional<long> n, const std::string& none) { return n ? std::to_string(*n) : none; }

namespace {

// Decimals that show `value`'s first `figures` significant figures, between 0 and 6.
int decimals_for_figures(double value, int figures) {
  if (!(value > 0) || !std::isfinite(value)) return 0;
  return std::clamp(figures - 1 - static_cast<int>(std::floor(std::log10(value))), 0, 6);
}

}  // namespace

std::string format_sample_mean_sd(double mean, double sd, std::size_t n) {
  if (!std::isfinite(mean) || !std::isfinite(sd)) return "mean n/a, sd n/a";
  if (sd == 0) return "mean " + engine::format_number(mean) + ", sd 0";
  const double standard_error = sd / std::sqrt(static_cast<double>(std::max<std::size_t>(n, 1)));
  return "mean " + format_fixed(mean, decimals_for_figures(standard_error, 1)) + ", sd " +
         format_fixed(sd, decimals_for_figures(sd, 2));
}

}  // namespace campsim::analysis
