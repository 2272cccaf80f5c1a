#pragma once
// What the guard model measures, accumulated as it runs and reported at the end.
#include <array>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace campsim::camp {

// Vigilance samples by hour of day: the mean of the sample means, and the lowest single sentry.
struct HourlyVigilance {
  std::array<double, 24> sum{};
  std::array<long, 24> count{};
  std::array<double, 24> min;
  HourlyVigilance() { min.fill(std::numeric_limits<double>::infinity()); }
  void add(int hour, double sample_mean, double sample_min);
  nlohmann::ordered_json to_json() const;  // {"mean": [24], "min": [24]} with null for hours never sampled
};

struct PostMetrics {
  std::string name;
  double required_s = 0;  // guard-seconds the manning plan asks for
  double manned_s = 0;    // guard-seconds actually stood
  long duties = 0;
  long unfilled_duties = 0;
  double casualty_unmanned_s = 0;  // guard-seconds lost because the sentry was wounded or killed
  HourlyVigilance vigilance;
};

struct HandoverMetrics {
  long handovers = 0;        // duties whose sentry arrived to take over a post
  long gaps = 0;             // ... of which left the post short for a while
  double gap_total_s = 0;
  double gap_max_s = 0;
};

struct GuardMetrics {
  std::vector<PostMetrics> posts;
  HandoverMetrics handover;
  HourlyVigilance camp_vigilance;  // every sentry sample, whatever the post
  long rotations = 0;
  long sick_days = 0;              // soldier-days lost to sickness and other absence
  long sentry_casualties = 0;      // sentries wounded or killed on post
};

}  // namespace campsim::camp
