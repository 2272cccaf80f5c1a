#pragma once
// Counter-based random streams (Random123 Philox4x64-10).
//
// A stream is a pure function of its StreamKey: key = {seed, replication},
// counter = {purpose, entity, tick, block}. Every draw site builds its own stream from what it
// is about (which agent, which tick, what for), so results never depend on the order in which
// threads, ranks or phases happen to draw. There is no shared mutable generator anywhere.
//
// Each Philox block yields four u64; the stream buffers them and advances `block` when empty.
// All variates are produced by inversion or closed forms from uniform01(), with the normal
// quantile computed in double precision (no long-double promotion), so a given key gives the
// same numbers on every platform with an IEEE-754 libm.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <Random123/philox.h>

namespace campsim::engine {

struct StreamKey {
  std::uint64_t seed = 0, replication = 0, purpose = 0, entity = 0, tick = 0;
};

// FNV-1a 64-bit hash of a purpose name, so call sites write purpose_tag("crowd.walk") and the
// tag is fixed at compile time and independent of any registration order.
constexpr std::uint64_t purpose_tag(std::string_view name) noexcept {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char ch : name) {
    hash ^= static_cast<std::uint8_t>(ch);
    hash *= 1099511628211ULL;
  }
  return hash;
}

class RandomStream {
 public:
  explicit RandomStream(const StreamKey& key) noexcept
      : key_{{key.seed, key.replication}}, counter_{{key.purpose, key.entity, key.tick, 0}} {}

  std::uint64_t next_u64() noexcept {
    if (used_ == buffer_.size()) refill();
    return buffer_[used_++];
  }

  // Open interval (0,1) with 53-bit resolution: k * 2^-53 for k in [1, 2^53). k == 0 is
  // rejected (probability 2^-53) rather than shifted, which keeps every value equally likely.
  double uniform01() noexcept {
    std::uint64_t k = 0;
    while (k == 0) k = next_u64() >> 11;
    return static_cast<double>(k) * 0x1.0p-53;
  }

  double uniform(double lo, double hi) noexcept;
  double exponential(double mean) noexcept;
  double normal(double mean, double sd) noexcept;
  // mu = ln(median), sigma = ln(p90 / median) / z_0.9; requires 0 < median <= p90.
  double lognormal_median_p90(double median, double p90) noexcept;
  double triangular(double lo, double mode, double hi) noexcept;
  bool bernoulli(double p) noexcept;             // one draw whatever p is; p <= 0 never, p >= 1 always
  std::uint64_t uniform_index(std::uint64_t n) noexcept;  // unbiased in [0, n); n == 0 gives 0

 private:
  void refill() noexcept;

  using Philox = r123::Philox4x64_R<10>;
  Philox::key_type key_;
  Philox::ctr_type counter_;
  std::array<std::uint64_t, 4> buffer_{};
  std::size_t used_ = 4;  // buffer starts empty: the first draw computes block 0
};

// Standard-normal quantile in double precision (shared by RandomStream and Distribution).
double standard_normal_quantile(double p) noexcept;

// z_0.9 = Phi^-1(0.9), the constant that ties a lognormal's p90 to its sigma.
inline constexpr double kZ90 = 1.2815515655446004;

}  // namespace campsim::engine
