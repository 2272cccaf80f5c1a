#include "sim/crowd/crowd_params.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace campsim::crowd {

namespace {
void require(bool ok, const char* name, double value, const char* range) {
  if (!ok) throw std::invalid_argument(fmt::format("crowd parameter {} = {} is outside {}", name, value, range));
}
bool positive(float v) { return std::isfinite(v) && v > 0.0f; }
}  // namespace

void validate(const CrowdModelParams& p) {
  require(std::isfinite(p.neighbour_strength) && p.neighbour_strength >= 0.0f, "neighbour_strength",
          p.neighbour_strength, "[0, inf)");
  require(positive(p.neighbour_range), "neighbour_range", p.neighbour_range, "(0, inf)");
  require(std::isfinite(p.wall_strength) && p.wall_strength >= 0.0f, "wall_strength", p.wall_strength, "[0, inf)");
  require(positive(p.wall_range), "wall_range", p.wall_range, "(0, inf)");
  require(p.time_gap >= 0.1f && p.time_gap <= 10.0f, "time_gap", p.time_gap, "[0.1, 10] s");
  require(positive(p.interaction_radius) && p.interaction_radius <= 50.0f, "interaction_radius",
          p.interaction_radius, "(0, 50] m");
  require(positive(p.arrival_distance), "arrival_distance", p.arrival_distance, "(0, inf) m");
  require(positive(p.wall_clearance) && p.wall_clearance < 0.1f, "wall_clearance", p.wall_clearance, "(0, 0.1) m");
  require(p.resort_interval >= 1, "resort_interval", p.resort_interval, "[1, inf) steps");
  require(p.grain >= 1, "grain", static_cast<double>(p.grain), "[1, inf) agents");
}

}  // namespace campsim::crowd
