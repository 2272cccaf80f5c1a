#pragma once
// A Poisson count by Knuth's multiplication of uniforms: exact, and cheap for the small means a
// model asks for per step (hits in a minute, police a resident sees). The number of uniforms
// drawn is the count + 1, so it depends on the outcome; callers give it its own stream.
#include <cmath>
#include <stdexcept>

#include "sim/engine/random.hpp"
#include "sim/engine/portable_math.hpp"

namespace campsim::engine {

// mean in [0, 100] (above that exp(-mean) nears the smallest double and the loop grows long).
inline int poisson_count(RandomStream& random, double mean) {
  if (!(mean >= 0.0 && mean <= 100.0)) throw std::invalid_argument("poisson_count: mean must be in [0, 100]");
  if (mean == 0.0) return 0;
  const double limit = math::exp(-mean);
  int k = 0;
  double product = random.uniform01();
  while (product > limit) {
    ++k;
    product *= random.uniform01();
  }
  return k;
}

}  // namespace campsim::engine
