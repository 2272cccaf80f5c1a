#pragma once
// Statistics of a plain sample of numbers, shared by the model's reports (summary.json), the
// replay tool and the analysis of batches, so that one quantile and one mean are used everywhere.
#include <vector>

#include <nlohmann/json.hpp>

namespace campsim::stats {

// Arithmetic mean, summed in order. NaN for an empty sample (a mean of nothing is not zero).
double mean_of(const std::vector<double>& values);

// Quantile of type 7 (R's default, NumPy's "linear"): h = (n-1)p, linear between the order
// statistics floor(h) and floor(h)+1. NaN for an empty sample.
double quantile_type7(std::vector<double> values, double p);

// The mean as a JSON number, or null when there are no values (for summary.json, where NaN
// cannot be written).
nlohmann::ordered_json mean_or_null(const std::vector<double>& values);

}  // namespace campsim::stats
