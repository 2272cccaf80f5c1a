#include "analysis/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "analysis/statistics.hpp"
#include "sim/engine/number_format.hpp"

namespace campsim::analysis {

using engine::format_number;

std::string CalibrationTarget::describe() const {
  if (count) return std::to_string(count->events) + " in " + format_number(count->years) + " years";
  if (value) return format_number(*value) + (sd > 0 ? " ± " + format_number(sd) : "");
  return "[" + format_number(*low) + ", " + format_number(*high) + "]";
}

double scale_factor(TargetScale scale, double days) {
  switch (scale) {
    case TargetScale::PerRun: return 1.0;
    case TargetScale::PerDay: return 1.0 / days;
    case TargetScale::PerYear: return 365.0 / days;
    case TargetScale::PerIncident: return 1.0;
  }
  return 1.0;
}

std::optional<double> run_value(const CalibrationTarget& target, const std::vector<std::optional<double>>& columns,
                                std::optional<double> incidents, double days) {
  double sum = 0;
  for (const auto& v : columns) {
    if (!v) return std::nullopt;
    sum += *v;
  }
  if (target.scale == TargetScale::PerIncident) {
    if (!incidents || !(*incidents > 0)) return std::nullopt;
    return sum / *incidents;
  }
  return sum * scale_factor(target.scale, days);
}

const char* to_string(TargetRole role) {
  switch (role) {
    case TargetRole::Calibration: return "calibration";
    case TargetRole::Validation: return "validation";
  }
  return "?";
}

const char* to_string(TargetScale scale) {
  switch (scale) {
    case TargetScale::PerRun: return "run";
    case TargetScale::PerDay: return "day";
    case TargetScale::PerYear: return "year";
    case TargetScale::PerIncident: return "incident";
  }
  return "?";
}

SetFit fit_set(const std::vector<CalibrationTarget>& targets, const std::vector<std::vector<double>>& values, KeepRule rule,
               double cutoff) {
  SetFit fit;
  bool all_inside = true;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const CalibrationTarget& target = targets[t];
    TargetFit f;
    const std::vector<double>& y = values[t];
    f.n = y.size();
    if (y.empty()) {
      // No value at all: the set cannot be judged on this target, so it is not kept.
      f.mean = f.band_low = f.band_high = std::nan("");
      f.implausibility = std::numeric_limits<double>::infinity();
      f.inside = false;
    } else {
      const Summary s = summarize(y);
      f.mean = s.mean;
      f.sd = y.size() > 1 ? s.sd : 0.0;
      f.band_low = quantile_type7(y, 0.05);
      f.band_high = quantile_type7(y, 0.95);
    }
    if (!y.empty() && target.count) {
      // The record's count against the mean rate (per year): Poisson, not the spread of the runs.
      f.poisson = poisson_check(*target.count, std::max(0.0, f.mean));
      f.inside = f.poisson->inside();
      f.implausibility = f.poisson->implausibility();
    } else if (!y.empty()) {
      const double lo = target.value ? *target.value : *target.low;
      const double hi = target.value ? *target.value : *target.high;
      f.inside = f.band_low <= hi && lo <= f.band_high;
      const double distance = f.mean < lo ? lo - f.mean : f.mean > hi ? f.mean - hi : 0.0;
      const double variance = target.sd * target.sd + f.sd * f.sd;
      f.implausibility = distance == 0 ? 0.0 : variance > 0 ? distance / std::sqrt(variance) : std::numeric_limits<double>::infinity();
    }
    all_inside = all_inside && f.inside;
    if (!f.inside) ++fit.outside;
    fit.max_implausibility = std::max(fit.max_implausibility, f.implausibility);
    if (std::isfinite(f.implausibility)) fit.sum_squares += f.implausibility * f.implausibility;
    fit.targets.push_back(f);
  }
  fit.kept = rule == KeepRule::Band ? all_inside : fit.max_implausibility < cutoff;
  return fit;
}

std::optional<std::size_t> best_set(const std::vector<SetFit>& fits) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < fits.size(); ++i) {
    if (!best) {
      best = i;
      continue;
    }
    const SetFit& a = fits[i];
    const SetFit& b = fits[*best];
    if (std::tie(a.outside, a.max_implausibility, a.sum_squares) < std::tie(b.outside, b.max_implausibility, b.sum_squares))
      best = i;
  }
  return best;
}

}  // namespace campsim::analysis
