#include "sim/engine/random.hpp"

#include <cmath>

#include "sim/engine/portable_math.hpp"

namespace campsim::engine {

// AS 241 with the portable log: the same draw on every CPU (sim/engine/portable_math.hpp).
double standard_normal_quantile(double p) noexcept { return math::normal_quantile(p); }

void RandomStream::refill() noexcept {
  const Philox::ctr_type out = Philox{}(counter_, key_);
  for (std::size_t i = 0; i < buffer_.size(); ++i) buffer_[i] = out.v[i];
  ++counter_.v[3];
  used_ = 0;
}

double RandomStream::uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform01(); }

double RandomStream::exponential(double mean) noexcept { return -mean * math::log1p(-uniform01()); }

double RandomStream::normal(double mean, double sd) noexcept {
  return mean + sd * standard_normal_quantile(uniform01());
}

double RandomStream::lognormal_median_p90(double median, double p90) noexcept {
  const double sigma = math::log(p90 / median) / kZ90;
  return math::exp(math::log(median) + sigma * standard_normal_quantile(uniform01()));
}

double RandomStream::triangular(double lo, double mode, double hi) noexcept {
  const double u = uniform01();
  const double width = hi - lo;
  if (!(width > 0.0)) return lo;
  const double mode_cdf = (mode - lo) / width;
  if (u < mode_cdf) return lo + std::sqrt(u * width * (mode - lo));
  return hi - std::sqrt((1.0 - u) * width * (hi - mode));
}

bool RandomStream::bernoulli(double p) noexcept { return uniform01() < p; }

std::uint64_t RandomStream::uniform_index(std::uint64_t n) noexcept {
  if (n == 0) return 0;
  // Reject the lowest (2^64 mod n) values so the remaining count is a multiple of n.
  const std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    const std::uint64_t x = next_u64();
    if (x >= threshold) return x % n;
  }
}

}  // namespace campsim::engine
