#pragma once
// Calibration to the public record by history matching (Craig, Goldstein, Seheult & Smith 1997;
// Vernon, Goldstein & Bower 2010), the procedure of docs/calibration.md: run every parameter set
// of a design R times, and keep the sets whose runs are consistent with every target.
//
// For a target (a metric, scaled per run, day or year) and a parameter set with replication
// values y_1..y_R:
//   simulated mean m and 90% band [q05, q95] (type-7 quantiles of the y_r);
//   "inside"      : the target value lies in the band (an interval target: it overlaps the band);
//   implausibility I = d / sqrt(V_obs + V_run), d = |m - value| (an interval target: the distance
//                  from m to the interval, 0 inside), V_obs = the target's sd^2 (observation
//                  uncertainty, 0 if not given), V_run = the sample variance of the y_r (the
//                  record is one realisation of a stochastic world, so the run-to-run spread
//                  is part of the uncertainty). I < 3 is Pukelsheim's three-sigma rule, the usual
//                  cut-off (Vernon et al. 2010).
// A set is kept under the band rule when every target is inside its band, under the
// implausibility rule when the largest I is below the cut-off. The best set is the one with the
// fewest targets outside their bands, then the smallest largest I, then the smallest sum of I^2
// over the targets whose I is finite, then the lower index. (I is infinite when a set's runs never
// vary and miss the record, as rare attacks do in short runs; counting misses first still ranks
// such sets.)
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "analysis/poisson_record.hpp"

namespace campsim::analysis {

// Per incident: the run's sum divided by the run's count of incidents of the kind (`incidents`), so
// a target can say what one attack does (killed per salvo); runs without such an incident give no
// value.
enum class TargetScale { PerRun, PerDay, PerYear, PerIncident };

// What a target is for (issue 23): a calibration target may be fitted to (`campsim calibrate`);
// a validation case is only compared with after fitting, and `campsim calibrate` refuses it, so
// that nothing is validated against what it was fitted to.
enum class TargetRole { Calibration, Validation };

struct CalibrationTarget {
  std::string metric;                 // results.csv column, or "a + b" for a sum
  std::vector<std::string> columns;   // the columns summed (one for a plain metric)
  TargetScale scale = TargetScale::PerRun;
  std::string incidents;              // per incident: the column counting the incidents
  std::optional<double> value;        // a point target ...
  std::optional<double> low, high;    // ... or an interval, or
  std::optional<PoissonRecord> count; // a count over the record's years (per: year), checked by
                                      // its Poisson likelihood (poisson_record.hpp)
  TargetRole role = TargetRole::Calibration;
  double sd = 0;                      // observation uncertainty of a point target
  std::string source;                 // citation
  std::string note;                   // what the number is, in words
  std::string describe() const;       // "1", "[0, 3]" (with "± sd"), or "1 in 10 years"
};

enum class KeepRule { Band, Implausibility };

struct TargetFit {
  std::size_t n = 0;                  // replications with a value
  double mean = 0, band_low = 0, band_high = 0, sd = 0;
  double implausibility = 0;
  bool inside = false;                // target inside the 90% band (a count: inside Poisson's 90%)
  std::optional<PoissonCheck> poisson;  // a count target's check, from the mean rate
};

struct SetFit {
  std::vector<TargetFit> targets;     // one per target
  double max_implausibility = 0;
  double sum_squares = 0;            // over the targets with a finite implausibility
  std::size_t outside = 0;           // targets outside their bands
  bool kept = false;
};

// Fits one parameter set: `values[t]` are target t's replication values (already scaled).
SetFit fit_set(const std::vector<CalibrationTarget>& targets, const std::vector<std::vector<double>>& values, KeepRule rule,
               double cutoff);

// The index of the best set (see above); nothing if there are no sets.
std::optional<std::size_t> best_set(const std::vector<SetFit>& fits);

// Multiplier from a run's metric to the target's scale (per day: 1/days, per year: 365/days; per
// run and per incident: 1).
double scale_factor(TargetScale scale, double days);

// One run's value of a target: the sum of its columns (`columns`, in the target's order; nothing
// if any is missing) scaled to the target's unit; per incident, divided by `incidents` (nothing if
// the run had none or the count is missing: such a run says nothing of what one attack does).
std::optional<double> run_value(const CalibrationTarget& target, const std::vector<std::optional<double>>& columns,
                                std::optional<double> incidents, double days);
const char* to_string(TargetScale scale);
const char* to_string(TargetRole role);

}  // namespace campsim::analysis
