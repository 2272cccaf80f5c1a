#pragma once
// A count on record against a simulated rate: the record saw `events` in `years` (one deadly
// attack in ten years at the camp), the model gives a mean rate per year; under a Poisson process
// the expected count over the record's years is mu = rate x years, and the record is consistent
// with the model when its count lies inside the central 90% of Poisson(mu), the same 90% as the
// band rule of the other targets (docs/calibration.md). The likelihood is Boost.Math's.
//
// Why not a band on the yearly mean: a record of 1 in 10 years says "about 0.1 a year"; an
// interval [0, 1] a year accepts a model that kills 0.9 a year, which would make one death in ten
// years very unlikely (mu = 9: P(X <= 1) = 0.0012). The Poisson check uses the record's own count
// and exposure. It assumes events arrive independently; deaths that come in clusters (a salvo
// that kills three) are over-dispersed, which makes the check lenient, so scripts/baseline_targets.sh
// also reports the chance taken straight from the simulated years (docs/calibration.md).
namespace campsim::analysis {

struct PoissonRecord {
  long events = 0;    // counted on record
  double years = 0;   // over this many years of exposure
};

struct PoissonCheck {
  double expected = 0;        // mu = rate per year x years
  double log_likelihood = 0;  // log P(X = events | mu); -inf when impossible
  double p_at_most = 1;       // P(X <= events | mu)
  double p_at_least = 1;      // P(X >= events | mu)
  // Inside the central 90%: neither tail below 5%.
  bool inside() const;
  // The smaller tail as a one-sided normal deviate (0 when the count is at the median or either
  // tail holds half the mass; infinite when the count is impossible), so it reads like the
  // implausibility of the other targets: 3 means a tail of 0.00135.
  double implausibility() const;
};

// Throws std::invalid_argument for a negative rate, negative events or non-positive years.
PoissonCheck poisson_check(const PoissonRecord& record, double rate_per_year);

}  // namespace campsim::analysis
