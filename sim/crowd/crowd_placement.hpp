#pragma once
// Initial positions for a crowd: uniform at random in a rectangle, no two closer than
// min_distance (dart throwing: a uniform candidate is rejected if it overlaps one already
// placed). Used to gather a crowd in town, to set up benchmarks and tests. Deterministic for a
// given random stream.
#include <cstddef>
#include <vector>

#include "sim/crowd/crowd_types.hpp"
#include "sim/engine/random.hpp"

namespace campsim::crowd {

struct Rectangle {
  float min_x = 0.0f, min_y = 0.0f, max_x = 0.0f, max_y = 0.0f;
};

// Throws std::invalid_argument for an empty rectangle or negative distance, and
// std::runtime_error if the count does not fit (more than 100 rejections per agent on average).
std::vector<Point2> scatter_without_overlap(const Rectangle& area, std::size_t count, float min_distance,
                                            engine::RandomStream& random);

}  // namespace campsim::crowd
