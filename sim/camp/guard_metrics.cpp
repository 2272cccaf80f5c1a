#include "sim/camp/guard_metrics.hpp"

#include <algorithm>

namespace campsim::camp {

void HourlyVigilance::add(int hour, double sample_mean, double sample_min) {
  sum[hour] += sample_mean;
  count[hour] += 1;
  min[hour] = std::min(min[hour], sample_min);
}

nlohmann::ordered_json HourlyVigilance::to_json() const {
  nlohmann::ordered_json mean_by_hour = nlohmann::ordered_json::array();
  nlohmann::ordered_json min_by_hour = nlohmann::ordered_json::array();
  for (int h = 0; h < 24; ++h) {
    if (count[h] == 0) {
      mean_by_hour.push_back(nullptr);
      min_by_hour.push_back(nullptr);
    } else {
      mean_by_hour.push_back(sum[h] / static_cast<double>(count[h]));
      min_by_hour.push_back(min[h]);
    }
  }
  return {{"mean", mean_by_hour}, {"min", min_by_hour}};
}

}  // namespace campsim::camp
